/**
 * Calls the server's custom requests and applies the edits they return. A request the server does
 * not offer (an older or partial server) or a server that is not running gives a clear message,
 * never an exception in the user's face.
 */
import * as vscode from 'vscode';
import { ErrorCodes, ResponseError } from 'vscode-languageclient/node';
import type { DocumentEditParams, DocumentEditResult, TextEditData } from '../../server/src/protocol';
import { currentClient, outputChannel } from './languageClient';

const SERVER_NOT_RUNNING = 'The ExecPlan language server is not running. Run "ExecPlan: Show Output" to see why.';
const NOT_SUPPORTED = (what: string): string => `${what} is not available from this version of the ExecPlan language server.`;
const FAILED = (what: string, reason: string): string => `${what} failed: ${reason}`;
const CHANGED_MEANWHILE = (what: string): string => `The plan changed while ${what} was being prepared, so nothing was applied. Run it again.`;
const NOT_APPLIED = (what: string): string => `${what} could not be applied to the plan (was it closed or changed?). Run it again.`;
const NOTHING_TO_DO = (what: string): string => `${what}: nothing to change.`;

/** The outcome of a request: its result, or undefined after a message was shown. */
export async function requestOrExplain<R>(method: string, params: unknown, what: string, token?: vscode.CancellationToken): Promise<R | undefined> {
  const client = currentClient();
  if (!client) {
    void vscode.window.showWarningMessage(SERVER_NOT_RUNNING);
    return undefined;
  }
  try {
    return await client.sendRequest<R>(method, params, token);
  } catch (error) {
    if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
      void vscode.window.showWarningMessage(NOT_SUPPORTED(what));
    } else if (!(error instanceof ResponseError && error.code === -32800 /* request cancelled */)) {
      const reason = error instanceof Error ? error.message : String(error);
      outputChannel()?.error(`${method}: ${reason}`);
      void vscode.window.showErrorMessage(FAILED(what, reason));
    }
    return undefined;
  }
}

/** Asks the server for an edit of `editor`'s plan and applies it as one undo step. */
export async function runDocumentEdit(editor: vscode.TextEditor, method: string, what: string): Promise<boolean> {
  const document = editor.document;
  const params: DocumentEditParams = { uri: document.uri.toString(), version: document.version };
  const result = await requestOrExplain<DocumentEditResult>(method, params, what);
  if (!result) return false;
  return applyDocumentEdit(editor, result, what);
}

export async function applyDocumentEdit(editor: vscode.TextEditor, result: DocumentEditResult, what: string): Promise<boolean> {
  if (result.refused) {
    void vscode.window.showWarningMessage(result.refused);
    return false;
  }
  const document = editor.document;
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(NOTHING_TO_DO(what));
    return false;
  }
  if (document.version !== result.version) {
    void vscode.window.showWarningMessage(CHANGED_MEANWHILE(what));
    return false;
  }
  // workspace.applyEdit sends the document version the extension host knows with the edit, and the
  // editor rejects it if the text moved on in between: a versioned edit, applied as one undo step.
  // Unlike TextEditor.edit it still applies when the user switched to another editor meanwhile.
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, result.edits.map(toTextEdit));
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    void vscode.window.showWarningMessage(NOT_APPLIED(what));
    return false;
  }
  if (result.cursor) {
    const position = document.validatePosition(new vscode.Position(result.cursor.line, result.cursor.character));
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return true;
}

export function toTextEdit(edit: TextEditData): vscode.TextEdit {
  const { start, end } = edit.range;
  return vscode.TextEdit.replace(new vscode.Range(start.line, start.character, end.line, end.character), edit.newText);
}
