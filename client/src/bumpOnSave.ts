/**
 * `execplan.bumpUpdatedOnSave`: when a changed plan is saved, the server's Bump Updated edit is
 * applied as part of the save. Off by default. A slow or missing answer never holds the save up.
 */
import * as vscode from 'vscode';
import { BUMP_UPDATED_REQUEST } from '../../server/src/protocol';
import type { DocumentEditParams, DocumentEditResult } from '../../server/src/protocol';
import type { PlanStatuses } from './statusBar';
import { currentClient, outputChannel } from './languageClient';
import { toTextEdit } from './serverRequests';

const SETTING = 'bumpUpdatedOnSave';
/** VS Code gives save participants little time; give up well before it does. */
const ANSWER_WITHIN_MS = 750;

export function registerBumpOnSave(statuses: PlanStatuses): vscode.Disposable {
  return vscode.workspace.onWillSaveTextDocument((event) => {
    const document = event.document;
    if (document.languageId !== 'markdown' || !document.isDirty) return;
    if (!statuses.get(document.uri)?.isPlan) return;
    if (!vscode.workspace.getConfiguration('execplan', document.uri).get<boolean>(SETTING, false)) return;
    const client = currentClient();
    if (!client) return;
    event.waitUntil(bumpEdits(document));
  });

  async function bumpEdits(document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
    const client = currentClient();
    if (!client) return [];
    const params: DocumentEditParams = { uri: document.uri.toString(), version: document.version };
    const source = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => source.cancel(), ANSWER_WITHIN_MS);
    try {
      const result = await client.sendRequest<DocumentEditResult>(BUMP_UPDATED_REQUEST, params, source.token);
      if (result.refused || result.version !== document.version) return [];
      return result.edits.map(toTextEdit);
    } catch (error) {
      if (!source.token.isCancellationRequested) outputChannel()?.warn(`Bump on save skipped: ${(error as Error).message}`);
      return [];
    } finally {
      clearTimeout(timer);
      source.dispose();
    }
  }
}
