/** Activation and deactivation only: each part of the client is set up in its own module. */
import type { ExtensionContext } from 'vscode';
import * as vscode from 'vscode';
import { STATUS_NOTIFICATION } from '../../server/src/protocol';
import type { PlanStatusParams } from '../../server/src/protocol';
import { createClient, currentClient, outputChannel, stopClient } from './languageClient';
import { PlanStatusBar, PlanStatuses } from './statusBar';
import { PlanTreeProvider } from './planTree';
import { registerCommands } from './commands';
import { registerBumpOnSave } from './bumpOnSave';

const SERVER_FAILED = 'The ExecPlan language server did not start. Run "ExecPlan: Show Output" for details.';

export async function activate(context: ExtensionContext): Promise<void> {
  const client = createClient(context);
  const statuses = new PlanStatuses();
  const plans = new PlanTreeProvider(currentClient);
  context.subscriptions.push(
    statuses,
    new PlanStatusBar(statuses),
    plans,
    client.onNotification(STATUS_NOTIFICATION, (params: PlanStatusParams) => statuses.update(params)),
    ...registerCommands({ extensionUri: context.extensionUri, statuses, refreshPlans: () => plans.refresh() }),
    registerBumpOnSave(statuses),
    vscode.commands.registerCommand('execplan.showOutput', () => outputChannel()?.show(true)),
  );
  plans.listenTo(client);
  try {
    await client.start();
  } catch (error) {
    // Commands, snippets and highlighting still work; the commands that need the server say so.
    outputChannel()?.error(`The language server did not start: ${(error as Error).message}`);
    void vscode.window.showErrorMessage(SERVER_FAILED);
    return;
  }
  // The view may have asked before the server was up; ask again now that it is.
  plans.refresh();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
