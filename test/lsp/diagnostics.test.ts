import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspTestClient, fixtureUri } from './lspClient';

const read = (name: string): string => fs.readFileSync(path.join(__dirname, '../fixtures/plans', name), 'utf8');

describe('language server over stdio', function () {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start({ env: { EXECPLAN_NOW: '2026-03-02T12:00:00Z' } });
  });
  afterEach(async () => {
    await client.stop();
  });

  it('reports a missing required section, and drops it once an edit adds the section', async () => {
    const uri = fixtureUri('plans/ssot-missing-decision-log-PLAN.md');
    const text = read('ssot-missing-decision-log-PLAN.md');
    client.open(uri, text, 1);
    const first = await client.waitForDiagnostics(uri, 1);
    const missing = first.diagnostics.filter((d) => d.code === 'EP001');
    assert.equal(missing.length, 1, JSON.stringify(first.diagnostics, null, 2));
    assert.match(String(missing[0]!.message), /Missing required section `## Decision Log`/);
    assert.equal(missing[0]!.source, 'execplan');
    assert.match(missing[0]!.codeDescription!.href, /docs\/rules\/EP001\.md$/);

    // Type the section in, before Outcomes & Retrospective, as a person would.
    const line = text.split('\n').indexOf('## Outcomes & Retrospective');
    const insert = '## Decision Log\n- 2026-03-02T11:40:00Z - Decision: keep it short\n\n';
    client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: insert }]);
    const second = await client.waitForDiagnostics(uri, 2);
    assert.deepEqual(second.diagnostics.filter((d) => d.code === 'EP001'), []);

    // Deleting it again brings the finding back for version 3.
    client.change(uri, 3, [{ range: { start: { line, character: 0 }, end: { line: line + 3, character: 0 } }, text: '' }]);
    const third = await client.waitForDiagnostics(uri, 3);
    assert.equal(third.diagnostics.filter((d) => d.code === 'EP001').length, 1);
  });

  it('publishes diagnostics only for the newest of several quick edits', async () => {
    const uri = fixtureUri('plans/quick-edits-PLAN.md');
    const text = read('ssot-missing-decision-log-PLAN.md');
    client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    for (let version = 2; version <= 6; version++) {
      client.change(uri, version, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'x' }]);
    }
    const last = await client.waitForDiagnostics(uri, 6);
    assert.equal(last.version, 6);
    const versions = client.diagnostics.filter((d) => d.uri === uri).map((d) => d.version);
    assert.ok(!versions.some((v) => v !== undefined && v > 1 && v < 6 && versions.indexOf(v) > versions.indexOf(6)), `published ${versions.join(',')}`);
  });

  it('reports invalid frontmatter at the offending line', async () => {
    const uri = fixtureUri('plans/bad-frontmatter-PLAN.md');
    client.open(uri, '---\nid: x\nstatus: [unclosed\n---\n\n# PLAN: Broken\n', 1);
    const published = await client.waitForDiagnostics(uri, 1);
    const invalid = published.diagnostics.filter((d) => d.code === 'EP010');
    assert.ok(invalid.length >= 1, JSON.stringify(published.diagnostics));
    assert.ok(invalid[0]!.range.start.line >= 1 && invalid[0]!.range.start.line <= 3);
  });

  it('leaves Markdown that is not a plan alone, and says so in the status', async () => {
    const uri = fixtureUri('notes/README.md');
    client.open(uri, '# Notes\n\nJust some notes.\n', 1);
    const status = await client.waitForStatus(uri, 1);
    assert.equal(status.isPlan, false);
    assert.deepEqual(client.diagnostics.filter((d) => d.uri === uri && d.diagnostics.length > 0), []);
  });

  it('clears diagnostics when a plan is closed', async () => {
    const uri = fixtureUri('plans/closing-PLAN.md');
    client.open(uri, read('ssot-missing-decision-log-PLAN.md'), 1);
    await client.waitForDiagnostics(uri, 1);
    const cleared = client.waitForDiagnostics(uri);
    client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('offers the fix as an edit bound to the version it was computed for', async () => {
    const uri = fixtureUri('plans/fix-PLAN.md');
    client.open(uri, read('ssot-missing-decision-log-PLAN.md'), 1);
    const published = await client.waitForDiagnostics(uri, 1);
    const diagnostic = published.diagnostics.find((d) => d.code === 'EP001')!;
    const actions = await client.request<Array<{ title: string; edit: { documentChanges: Array<{ textDocument: { version: number }; edits: Array<{ newText: string }> }> } }>>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } },
    );
    const inserts = actions.filter((action) => action.title.startsWith('Insert section'));
    assert.equal(inserts.length, 1, actions.map((action) => action.title).join(' | '));
    assert.equal(inserts[0]!.title, 'Insert section `## Decision Log` before `## Outcomes & Retrospective`');
    const change = inserts[0]!.edit.documentChanges[0]!;
    assert.equal(change.textDocument.version, 1);
    assert.match(change.edits[0]!.newText, /^## Decision Log\n- 2026-03-02T12:00:00Z - Decision: <what>\n/);
  });
});
