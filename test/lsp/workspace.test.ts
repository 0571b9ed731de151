import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspClient';
import { LINT_WORKSPACE_REQUEST, LIST_PLANS_REQUEST, PLANS_CHANGED_NOTIFICATION } from '../../server/src/protocol';
import type { LintWorkspaceResult, PlanListItem } from '../../server/src/protocol';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const NOW = '2026-03-02T12:00:00Z';

/** A scratch workspace: the registry fixture, a plan with an error, and a lock file with conflicts. */
function makeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-lsp-ws-'));
  fs.cpSync(path.join(FIXTURES, 'workspace/registry'), root, { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'cli/project/plans/missing-section-PLAN.md'), path.join(root, 'plans/missing-section-PLAN.md'));
  fs.copyFileSync(path.join(FIXTURES, 'workspace/locks/conflicts/.agent-locks.yaml'), path.join(root, '.agent-locks.yaml'));
  return root;
}

const uriOf = (root: string, relative: string): string => 'file://' + path.join(root, relative);
const codes = (params: PublishDiagnosticsParams | undefined): string[] => [...new Set((params?.diagnostics ?? []).map((d) => String(d.code)))].sort();

describe('workspace lint and the plans list over stdio', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient;

  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists the plans of the workspace with title, status, profile and counts', async () => {
    root = makeWorkspace();
    client = await LspTestClient.start({ workspaceFolder: root, env: { EXECPLAN_NOW: NOW } });
    const plans = await client.request<PlanListItem[]>(LIST_PLANS_REQUEST, {});
    assert.deepEqual(plans.map((plan) => plan.uri).sort(), ['audit-PLAN.md', 'billing-PLAN.md', 'export-PLAN.md', 'missing-section-PLAN.md'].map((name) => uriOf(root, 'plans/' + name)).sort());
    const missing = plans.find((plan) => plan.uri.endsWith('missing-section-PLAN.md'))!;
    assert.equal(missing.title, 'PLAN: A plan without its Decision Log');
    assert.ok(missing.errors >= 1);
    assert.match(missing.profile ?? '', /^ssot/);
    assert.equal(missing.nextAction?.text, 'Add the Decision Log.');
    const billing = plans.find((plan) => plan.uri.endsWith('billing-PLAN.md'))!;
    assert.equal(billing.status, 'DONE');
  });

  it('lints the workspace into the Problems view with progress, for files that are not open', async () => {
    root = makeWorkspace();
    client = await LspTestClient.start({ workspaceFolder: root, env: { EXECPLAN_NOW: NOW } });
    const progress: Array<{ kind: string }> = [];
    client.connection.onNotification('$/progress', (params: { token: string; value: { kind: string } }) => {
      if (params.token === 'lint-1') progress.push(params.value);
    });
    const registryDiagnostics = client.waitForDiagnostics(uriOf(root, 'PLANS.md'));
    const lockDiagnostics = client.waitForDiagnostics(uriOf(root, '.agent-locks.yaml'));
    const planDiagnostics = client.waitForDiagnostics(uriOf(root, 'plans/missing-section-PLAN.md'));
    const result = await client.request<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, { workDoneToken: 'lint-1' });
    assert.equal(result.cancelled, false);
    assert.equal(result.plans, 4);
    assert.equal(result.files, 6, "4 plans, the registry and the lock file; notes are not plan files");
    assert.ok(result.errors >= 3);
    assert.deepEqual(codes(await registryDiagnostics), ['EP070', 'EP071', 'EP072']);
    assert.deepEqual(codes(await lockDiagnostics), ['EP080', 'EP081', 'EP082', 'EP083']);
    assert.ok(codes(await planDiagnostics).includes('EP001'));
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress[progress.length - 1]?.kind, 'end');
    assert.ok(!client.diagnostics.some((params) => params.uri.endsWith('docs/notes.md')), 'a file that is not a plan gets nothing');
  });

  it('lets an opened plan speak for itself, and republishes from disk when it closes', async () => {
    root = makeWorkspace();
    client = await LspTestClient.start({ workspaceFolder: root, env: { EXECPLAN_NOW: NOW } });
    const uri = uriOf(root, 'plans/missing-section-PLAN.md');
    await client.request<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, {});
    const fixedText = fs.readFileSync(path.join(root, 'plans/missing-section-PLAN.md'), 'utf8').replace('## Outcomes & Retrospective', '## Decision Log\n- 2026-03-02T11:40:00Z - Decision: keep it short\n\n## Outcomes & Retrospective');
    client.open(uri, fixedText, 1);
    const opened = await client.waitForDiagnostics(uri, 1);
    assert.ok(!codes(opened).includes('EP001'), 'the open text, not the file on disk, decides');
    const republished = client.waitForDiagnostics(uri);
    client.close(uri);
    const afterClose = await republished;
    if (afterClose.diagnostics.length === 0) assert.ok(codes(await client.waitForDiagnostics(uri)).includes('EP001'), 'the file on disk still lacks the section');
    else assert.ok(codes(afterClose).includes('EP001'));
  });

  it('checks an open lock file from its text as it is edited', async () => {
    root = makeWorkspace();
    client = await LspTestClient.start({ workspaceFolder: root, env: { EXECPLAN_NOW: NOW } });
    const uri = uriOf(root, '.agent-locks.yaml');
    client.open(uri, fs.readFileSync(path.join(FIXTURES, 'workspace/locks/clean/.agent-locks.yaml'), 'utf8'), 1, 'yaml');
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, 1)), []);
    client.change(uri, 2, [{ text: 'version: 1\nx: &a [1]\nlocks: *a\n' }]);
    const bomb = await client.waitForDiagnostics(uri, 2);
    assert.deepEqual(codes(bomb), ['EP080']);
    assert.match(String(bomb.diagnostics[0]!.message), /aliases/);
  });

  it('lints at start-up when execplan.workspace.lintOnStartup is on', async () => {
    root = makeWorkspace();
    const registry = 'file://' + path.join(root, 'PLANS.md');
    client = await LspTestClient.start({ workspaceFolder: root, env: { EXECPLAN_NOW: NOW }, settings: { workspace: { lintOnStartup: true } } });
    assert.deepEqual(codes(await client.waitForDiagnostics(registry)), ['EP070', 'EP071', 'EP072']);
  });

  it('follows files changed on disk and tells the client the plans changed', async () => {
    root = makeWorkspace();
    client = await LspTestClient.start({ workspaceFolder: root, env: { EXECPLAN_NOW: NOW } });
    await client.request<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, {});
    const changed = new Promise<void>((resolve) => client.connection.onNotification(PLANS_CHANGED_NOTIFICATION, () => resolve()));
    // The plan the registry lists as in progress is done now; the registry should say so.
    fs.writeFileSync(path.join(root, 'plans/export-PLAN.md'), '---\nid: export-csv\nstatus: DONE\n---\n\n# PLAN: Export reports as CSV\n\n## Progress\nStatus: DONE\nNext Action: None.\n');
    fs.rmSync(path.join(root, 'plans/audit-PLAN.md'));
    const registry = client.waitForDiagnostics(uriOf(root, 'PLANS.md'));
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf(root, 'plans/export-PLAN.md'), type: 2 },
        { uri: uriOf(root, 'plans/audit-PLAN.md'), type: 3 },
      ],
    });
    await changed;
    const messages = (await registry).diagnostics.map((d) => String(d.message)).join('\n');
    assert.match(messages, /`plans\/audit-PLAN\.md` does not resolve/);
    const plans = await client.request<PlanListItem[]>(LIST_PLANS_REQUEST, {});
    assert.equal(plans.find((plan) => plan.uri.endsWith('export-PLAN.md'))?.status, 'DONE');
    assert.ok(!plans.some((plan) => plan.uri.endsWith('audit-PLAN.md')));
  });

  it('can be cancelled, and stays usable afterwards', async () => {
    root = makeWorkspace();
    const plan = fs.readFileSync(path.join(root, 'plans/missing-section-PLAN.md'), 'utf8');
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(root, `plans/bulk-${i}-PLAN.md`), plan);
    client = await LspTestClient.start({ workspaceFolder: root, env: { EXECPLAN_NOW: NOW } });
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(LINT_WORKSPACE_REQUEST, {}, source.token) as Promise<LintWorkspaceResult>;
    setTimeout(() => source.cancel(), 20);
    const outcome = await pending.then(
      (result) => ({ result }),
      (error: { code?: number }) => ({ error }),
    );
    if ('result' in outcome) assert.equal(outcome.result.cancelled, true);
    else assert.equal(outcome.error.code, -32800);
    const full = await client.request<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, {});
    assert.equal(full.cancelled, false);
    assert.equal(full.plans, 404);
  });
});
