/**
 * No network: the server and the CLI run with a preload that makes every network API throw and
 * records each attempt. A realistic session (plans full of URLs, every request the editor sends,
 * a workspace lint) and a CLI run over a tree must record none.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from './lspClient';
import { generatePlan } from '../../bench/generate';

const GUARD = path.join(__dirname, 'networkGuard.cjs');
const CLI = path.resolve(__dirname, '../../dist/cli.js');

function workspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-offline-'));
  fs.mkdirSync(path.join(folder, 'plans'), { recursive: true });
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(folder, 'plans', `${i}-PLAN.md`), generatePlan(8 * 1024, 700 + i));
  // Links of every kind, including ones a checker might be tempted to fetch.
  fs.writeFileSync(
    path.join(folder, 'plans', 'links-PLAN.md'),
    '# PLAN: Links\n\n## Progress\n\n- [ ] 2026-03-01T10:00:00Z - see https://127.0.0.1:9/x, <http://localhost:9/y>, [z](https://example.invalid/z) and www.example.invalid\n\n[ref]: https://127.0.0.1:9/ref\n',
  );
  fs.writeFileSync(path.join(folder, '.execplan.json'), JSON.stringify({ rules: { EP062: 'warning' } }));
  return folder;
}

describe('no network', function () {
  this.timeout(120_000);
  let log: string;
  let folder: string;

  beforeEach(() => {
    folder = workspace();
    log = path.join(folder, 'network.log');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('the guard itself records and refuses an attempt (so the tests below can fail)', () => {
    const result = spawnSync(process.execPath, ['--require', GUARD, '-e', "for (const attempt of [() => require('node:http').get('http://127.0.0.1:9/'), () => fetch('http://127.0.0.1:9/')]) try { attempt() } catch {}"], {
      env: { ...process.env, EXECPLAN_NETWORK_LOG: log },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    const attempts = fs.readFileSync(log, 'utf8');
    assert.match(attempts, /http\.get/);
    assert.match(attempts, /fetch/);
  });

  it('the language server makes no network request during a realistic session', async () => {
    const client = await LspTestClient.start({ workspaceFolder: folder, env: { NODE_OPTIONS: `--require ${GUARD}`, EXECPLAN_NETWORK_LOG: log } });
    try {
      const uri = 'file://' + path.join(folder, 'plans', 'links-PLAN.md');
      const text = fs.readFileSync(path.join(folder, 'plans', 'links-PLAN.md'), 'utf8');
      client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, 1);
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 50 } }],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/foldingRange', { textDocument: { uri } }],
        ['textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 0 } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] } }],
        ['execplan/lintWorkspace', {}],
        ['execplan/listPlans', {}],
      ] as const) {
        await client.request(method, params).catch(() => undefined);
      }
      client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'https://127.0.0.1:9/typed ' }]);
      await client.waitForDiagnostics(uri, 2);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      client.close(uri);
    } finally {
      await client.stop();
    }
    assert.equal(client.stderr.includes('network access refused'), false, client.stderr);
    assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '', 'network attempts were recorded');
  });

  it('execplan-lint makes no network request over a tree, with every output format', () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      const result = spawnSync(process.execPath, ['--require', GUARD, CLI, '--format', format, '.'], { cwd: folder, env: { ...process.env, EXECPLAN_NETWORK_LOG: log }, encoding: 'utf8' });
      assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
      assert.ok(result.stdout.length > 0, 'the CLI reported something');
    }
    assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '', 'network attempts were recorded');
  });
});
