/**
 * A small LSP client for tests: starts the built server (dist/server.js) as a real process over
 * stdio, answers its configuration requests, and collects what it publishes.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { ProtocolConnection, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import type { PlanStatusParams } from '../../server/src/protocol';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  /** Settings returned for `workspace/configuration` requests (section `execplan`). */
  readonly settings?: Record<string, unknown>;
  readonly workspaceFolder?: string;
  readonly env?: Record<string, string>;
  /** Answers `workspace/applyEdit` requests; defaults to refusing them. */
  readonly onApplyEdit?: (params: unknown) => { applied: boolean; failureReason?: string };
}

interface Waiter<T> {
  readonly match: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

export class LspTestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly statuses: PlanStatusParams[] = [];
  private readonly diagnosticWaiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly statusWaiters: Array<Waiter<PlanStatusParams>> = [];
  stderr = '';

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { env: { ...process.env, ...options.env }, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => client.receive(params, client.diagnostics, client.diagnosticWaiters));
    connection.onNotification('execplan/status', (params: PlanStatusParams) => client.receive(params, client.statuses, client.statusWaiters));
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'execplan' ? (options.settings ?? {}) : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/applyEdit', (params: unknown) => (options.onApplyEdit ? options.onApplyEdit(params) : { applied: false, failureReason: 'refused by test client' }));
    connection.listen();
    const folder = options.workspaceFolder ?? path.resolve(__dirname, '../fixtures');
    const folderUri = 'file://' + folder;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'fixtures' }],
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, applyEdit: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, dataSupport: true },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private receive<T>(value: T, list: T[], waiters: Array<Waiter<T>>): void {
    list.push(value);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (waiter.match(value)) {
        waiters.splice(i, 1);
        waiter.resolve(value);
      }
    }
  }

  private wait<T>(list: T[], waiters: Array<Waiter<T>>, match: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
    const found = list.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`)), timeoutMs);
      waiters.push({ match, resolve: (value) => (clearTimeout(timer), resolve(value)) });
    });
  }

  /** The diagnostics published for `uri` at `version` (or the next ones, when version is omitted). */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const after = this.diagnostics.length;
    return this.wait(
      this.diagnostics,
      this.diagnosticWaiters,
      (params) => params.uri === uri && (version === undefined ? this.diagnostics.indexOf(params) >= after : params.version === version),
      `diagnostics for ${uri} v${version ?? 'next'}`,
      timeoutMs,
    );
  }

  waitForStatus(uri: string, version: number, timeoutMs = 10_000): Promise<PlanStatusParams> {
    return this.wait(this.statuses, this.statusWaiters, (params) => params.uri === uri && params.version === version, `status for ${uri} v${version}`, timeoutMs);
  }

  open(uri: string, text: string, version = 1, languageId = 'markdown'): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** A file URI for a path under the fixtures folder. */
export function fixtureUri(relative: string): string {
  return 'file://' + path.resolve(__dirname, '../fixtures', relative);
}
