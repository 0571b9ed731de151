/**
 * Keeps the parsed plan of each open document current. Edits are recorded as they arrive and the
 * plan is brought up to date lazily, with the incremental parser, when something needs it.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { parsePlan, updatePlan } from './core/model/index';
import type { PlanDocument, TextChange } from './core/model/index';

interface Entry {
  plan?: PlanDocument;
  /** Changes since `plan` was parsed; undefined means parse from scratch. */
  pending?: TextChange[];
}

export class PlanStore {
  private readonly entries = new Map<string, Entry>();

  /** A documents configuration that records each change's offsets before applying it. */
  readonly documentsConfiguration: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.entries.set(uri, {});
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => this.applyChanges(document, changes, version),
  };

  private applyChanges(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const entry = this.entries.get(document.uri) ?? {};
    this.entries.set(document.uri, entry);
    let current = document;
    for (const change of changes) {
      if ('range' in change) {
        const start = current.offsetAt(change.range.start);
        const end = current.offsetAt(change.range.end);
        if (entry.plan && entry.pending) entry.pending.push({ start, end, insertedLength: change.text.length });
      } else {
        entry.pending = undefined;
        entry.plan = undefined;
      }
      current = TextDocument.update(current, [change], version);
    }
    return current;
  }

  /** The plan for the document's current text. */
  get(document: TextDocument): PlanDocument {
    const entry = this.entries.get(document.uri) ?? {};
    this.entries.set(document.uri, entry);
    const text = document.getText();
    if (entry.plan && entry.pending) {
      if (entry.pending.length > 0) entry.plan = updatePlan(entry.plan, text, entry.pending);
    } else {
      entry.plan = parsePlan(text);
    }
    if (entry.plan.text !== text) entry.plan = parsePlan(text);
    entry.pending = [];
    return entry.plan;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
