/**
 * Faults a language server must survive, seen from its client: edits that arrive while a check
 * runs, requests cancelled as soon as they are sent, and a stop while it is still starting. (A
 * server killed mid-session and restarted by the client is tested in the VS Code suite, which has
 * the real client.)
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { LspTestClient, SERVER_PATH } from './lspClient';
import { generatePlan } from '../../bench/generate';

/** Hang guards only: each of these normally takes milliseconds. */
const PROMPTLY_MS = 5000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms))]);
}

describe('server faults', function () {
  this.timeout(60_000);

  it('publishes only ever newer versions while edits arrive during checks, ending with the newest', async () => {
    const client = await LspTestClient.start();
    try {
      const uri = 'file:///faults/plans/busy-PLAN.md';
      const text = generatePlan(1024 * 1024, 4);
      client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, 1, 60_000);
      const line = text.slice(0, text.length >> 1).split('\n').length;
      let version = 1;
      // Edits at a spread of spacings, so some land while a check of an older version runs.
      for (const gap of [0, 0, 1, 2, 5, 10, 20, 40, 80, 0, 3, 30]) {
        version++;
        client.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
        if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap));
      }
      const last = await client.waitForDiagnostics(uri, version, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const versions = client.diagnostics.filter((d) => d.uri === uri).map((d) => d.version ?? -1);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `published versions went back: ${versions.join(',')}`);
      assert.equal(versions[versions.length - 1], version, `the newest version is published last: ${versions.join(',')}`);
      assert.equal(last.version, version);
    } finally {
      await client.stop();
    }
  });

  it('answers requests cancelled right after they are sent, and keeps serving', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-cancel-'));
    for (let i = 0; i < 300; i++) {
      fs.mkdirSync(path.join(folder, 'plans'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'plans', `${i}-PLAN.md`), generatePlan(20 * 1024, 300 + i));
    }
    const client = await LspTestClient.start({ workspaceFolder: folder });
    try {
      const uri = 'file://' + path.join(folder, 'plans', 'open-PLAN.md');
      const text = generatePlan(200 * 1024, 9);
      client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, 1, 30_000);
      const requests: Array<[string, unknown]> = [
        ['execplan/lintWorkspace', {}],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/foldingRange', { textDocument: { uri } }],
        ['textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 5 } }],
        ['textDocument/completion', { textDocument: { uri }, position: { line: 20, character: 0 } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
      ];
      for (const [method, params] of requests) {
        for (let i = 0; i < 5; i++) {
          const source = new CancellationTokenSource();
          const answered = client.connection.sendRequest(method, params, source.token).then(
            () => 'answered',
            (error: { code?: number; message?: string }) => `error ${error.code ?? ''} ${error.message ?? ''}`,
          );
          source.cancel();
          const outcome = await within(answered, PROMPTLY_MS, `a cancelled ${method}`);
          assert.ok(outcome === 'answered' || /^error -32800\b/.test(outcome) || /^error -32601\b/.test(outcome), `${method}: ${outcome}`);
        }
      }
      // Still serving: an edit gets its diagnostics.
      client.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]);
      await client.waitForDiagnostics(uri, 2, PROMPTLY_MS);
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  for (const when of ['before initialize', 'right after initialize is sent', 'while the first plan is being checked']) {
    it(`leaves no process when stopped ${when}`, async () => {
      const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const send = (message: object): void => {
        const body = JSON.stringify({ jsonrpc: '2.0', ...message });
        child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      };
      if (when !== 'before initialize') {
        send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      }
      if (when === 'while the first plan is being checked') {
        send({ method: 'initialized', params: {} });
        send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///stop/plans/x-PLAN.md', languageId: 'markdown', version: 1, text: generatePlan(1024 * 1024, 5) } } });
      }
      // The client goes away the way an editor does when it stops: it closes the server's input.
      child.stdin.end();
      const code = await within(exited, PROMPTLY_MS, 'the server exiting after its input closed');
      assert.notEqual(child.pid, undefined);
      assert.equal(isAlive(child.pid!), false, `server exited with ${code} but process ${child.pid} is still there`);
    });
  }

  it('exits when the editor process that started it is gone', async () => {
    const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)'], { stdio: 'ignore' });
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: editor.pid, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    try {
      // The server checks its parent every few seconds; allow a few rounds.
      await within(exited, 15_000, 'the server exiting after its editor process ended');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
