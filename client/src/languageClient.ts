/**
 * Creates the ExecPlan language server client (dist/server.js over Node IPC), starts it once the
 * other parts have registered their notification handlers, and stops it cleanly. The server checks
 * Markdown documents only; everything else never reaches it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

const CLIENT_ID = 'execplan';
const CLIENT_NAME = 'ExecPlan Tools';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** Creates the client without starting it, so handlers can be registered before the first message. */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'vscode-vfs', language: 'markdown' },
      // The multi-agent lock file is checked as it is edited, too.
      { scheme: 'file', language: 'yaml', pattern: '**/.agent-locks.yaml' },
    ],
    synchronize: { configurationSection: 'execplan' },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  return client;
}

export async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

/** The client, when it exists and is running. */
export function currentClient(): LanguageClient | undefined {
  return client?.isRunning() ? client : undefined;
}

/** The extension's output channel (the same one the language client logs to). */
export function outputChannel(): vscode.LogOutputChannel | undefined {
  return output;
}
