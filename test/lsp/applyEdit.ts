/**
 * The editor's side of a workspace edit, for tests: documents the test has open, and applying a
 * `documentChanges` edit the way an editor must, refusing it when the version it names is not the
 * document's current version. An applied edit is sent to the server as the next version.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-textdocument';
import type { LspTestClient } from './lspClient';

export interface ApplyResult {
  readonly applied: boolean;
  readonly failureReason?: string;
}

interface DocumentChange {
  readonly textDocument: { readonly uri: string; readonly version: number | null };
  readonly edits: readonly TextEdit[];
}

export interface VersionedWorkspaceEdit {
  readonly documentChanges?: readonly DocumentChange[];
  readonly changes?: unknown;
}

export class TestEditor {
  private readonly documents = new Map<string, TextDocument>();

  constructor(private readonly client: LspTestClient) {}

  open(uri: string, text: string): void {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    this.client.open(uri, text, 1);
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  /** Replaces the whole text, as typing would, and sends it as the next version. */
  type(uri: string, text: string): number {
    const current = this.document(uri);
    const next = TextDocument.create(uri, 'markdown', current.version + 1, text);
    this.documents.set(uri, next);
    this.client.change(uri, next.version, [{ text }]);
    return next.version;
  }

  /** Applies a workspace edit; all or nothing, and only to the versions it was computed for. */
  apply(edit: VersionedWorkspaceEdit): ApplyResult {
    if (edit.changes !== undefined) return { applied: false, failureReason: 'unversioned `changes` are not accepted' };
    const changes = edit.documentChanges ?? [];
    for (const change of changes) {
      const document = this.documents.get(change.textDocument.uri);
      if (!document) return { applied: false, failureReason: `${change.textDocument.uri} is not open` };
      if (change.textDocument.version === null || change.textDocument.version !== document.version) {
        return { applied: false, failureReason: `edit for version ${change.textDocument.version}, document is at version ${document.version}` };
      }
    }
    for (const change of changes) {
      const document = this.document(change.textDocument.uri);
      this.type(document.uri, TextDocument.applyEdits(document, [...change.edits]));
    }
    return { applied: true };
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open in the test editor`);
    return document;
  }
}
