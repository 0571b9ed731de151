/**
 * No secrets in logs: a plan full of credentials (made up at run time, in the shapes secret
 * scanners look for) goes through the server and the CLI, including failure paths; nothing they
 * write to stderr, to the log channel or as messages may contain one of them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from './lspClient';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number, alphabet = ALPHANUMERIC): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** Fresh fake credentials for each run, so no real-looking secret is stored in the repository. */
function fakeSecrets(): string[] {
  return [
    'ghp_' + randomText(36),
    'AKIA' + randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
    'xoxb-' + randomText(12, '0123456789') + '-' + randomText(24),
    'sk-' + randomText(48),
  ];
}

function planWith(secrets: readonly string[]): string {
  const [github, aws, slack, openai] = secrets;
  return [
    '---',
    `id: leaky`,
    `token: ${github}`,
    `broken: [${aws}`,
    '---',
    '# PLAN: Leaky',
    '',
    '## Progress',
    '',
    `- [ ] 2026-03-01T10:00:00Z - Next Action: rotate ${github} and ${aws}`,
    `Status: ${slack}`,
    '',
    '```bash',
    `export OPENAI_API_KEY=${openai}`,
    `curl https://user:${github}@127.0.0.1:9/repo.git`,
    '```',
    '',
    `<!-- execplan-disable ${openai} -->`,
    '',
  ].join('\n');
}

function assertNoSecret(where: string, text: string, secrets: readonly string[]): void {
  for (const secret of secrets) assert.equal(text.includes(secret), false, `${where} contains a secret: ${text.slice(Math.max(0, text.indexOf(secret) - 200), text.indexOf(secret) + 60)}`);
}

describe('no secrets in logs', function () {
  this.timeout(60_000);

  it('the language server never writes a secret from a plan to stderr or its log', async () => {
    const secrets = fakeSecrets();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-secrets-'));
    fs.mkdirSync(path.join(folder, 'plans'));
    const file = path.join(folder, 'plans', 'leaky-PLAN.md');
    fs.writeFileSync(file, planWith(secrets));
    // A broken configuration file next to it, holding a secret too: its error must not echo it.
    fs.writeFileSync(path.join(folder, '.execplan.json'), `{ "rules": { "${secrets[0]}": "error" }, `);
    const client = await LspTestClient.start({ workspaceFolder: folder, settings: { trace: { server: 'verbose' } } });
    const logged: string[] = [];
    for (const method of ['window/logMessage', 'window/showMessage', 'telemetry/event', '$/logTrace']) {
      client.connection.onNotification(method, (params: unknown) => void logged.push(`${method} ${JSON.stringify(params)}`));
    }
    try {
      const uri = 'file://' + file;
      const text = planWith(secrets);
      client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, 1);
      client.change(uri, 2, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: `${secrets[1]} ` }]);
      await client.waitForDiagnostics(uri, 2);
      await client.request('execplan/lintWorkspace', {}).catch(() => undefined);
      await client.request('execplan/bumpUpdated', { textDocument: { uri, version: 2 } }).catch((error: Error) => logged.push(`error ${error.message}`));
      await client.request('execplan/fixAll', { textDocument: { uri, version: 2 } }).catch((error: Error) => logged.push(`error ${error.message}`));
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 9 } }).catch(() => undefined);
      // Malformed requests take the error paths.
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [{ data: secrets[2] }] } }).catch((error: Error) => logged.push(`error ${error.message}`));
      await client.request('execplan/appendProgressEntry', { textDocument: { uri: uri + secrets[3] } }).catch((error: Error) => logged.push(`error ${error.message}`));
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
    assertNoSecret('server stderr', client.stderr, secrets);
    assertNoSecret('server log messages', logged.join('\n'), secrets);
  });

  it('execplan-lint never prints a secret from a plan', () => {
    const secrets = fakeSecrets();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-secrets-'));
    try {
      fs.mkdirSync(path.join(folder, 'plans'));
      fs.writeFileSync(path.join(folder, 'plans', 'leaky-PLAN.md'), planWith(secrets));
      for (const format of ['stylish', 'json', 'sarif']) {
        const result = spawnSync(process.execPath, [CLI, '--format', format, 'plans'], { cwd: folder, encoding: 'utf8' });
        assert.ok(result.stdout.length > 0, `the CLI reported something (${format})`);
        assertNoSecret(`CLI stdout (${format})`, result.stdout, secrets);
        assertNoSecret(`CLI stderr (${format})`, result.stderr, secrets);
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
