/** Activation and deactivation only: the client and its parts are set up in their own modules. */
import type { ExtensionContext } from 'vscode';
import { startClient, stopClient } from './languageClient';

export async function activate(context: ExtensionContext): Promise<void> {
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
