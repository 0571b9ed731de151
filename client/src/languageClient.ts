/**
 * Starts the ExecPlan language server (dist/server.js) over Node IPC and stops it cleanly. The
 * server checks Markdown documents only; everything else never reaches it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

const CLIENT_ID = 'execplan';
const CLIENT_NAME = 'ExecPlan Tools';
const SHOW_OUTPUT_COMMAND = 'execplan.showOutput';

let client: LanguageClient | undefined;

export async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'vscode-vfs', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'execplan' },
    outputChannel,
    traceOutputChannel: outputChannel,
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => outputChannel.show(true)));
  await client.start();
  return client;
}

export async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

export function currentClient(): LanguageClient | undefined {
  return client;
}
