/**
 * Keeps the parsed plan of each open document current. Edits are recorded as they arrive and the
 * plan is brought up to date lazily, with the incremental parser, when something needs it. Open
 * documents keep their text in chunks, so typing inside a line of a large plan neither copies the
 * whole text nor needs it to update the plan.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { parsePlan, updatePlan, updatePlanWithinLine } from './core/model/index';
import type { PlanDocument, TextChange } from './core/model/index';
import { ChunkedTextDocument } from './chunkedTextDocument';

/** A change with the text it inserted. */
interface RecordedChange extends TextChange {
  readonly inserted: string;
}

interface Entry {
  plan?: PlanDocument;
  /** Changes since `plan` was parsed; undefined means parse from scratch. */
  pending?: RecordedChange[];
}

export class PlanStore {
  private readonly entries = new Map<string, Entry>();

  /** A documents configuration that records each change's offsets before applying it. */
  readonly documentsConfiguration: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.entries.set(uri, {});
      return new ChunkedTextDocument(uri, languageId, version, content);
    },
    update: (document, changes, version) => this.applyChanges(document as ChunkedTextDocument, changes, version),
  };

  private applyChanges(document: ChunkedTextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const entry = this.entries.get(document.uri) ?? {};
    this.entries.set(document.uri, entry);
    for (const change of changes) {
      if ('range' in change && change.range) {
        const a = document.offsetAt(change.range.start);
        const b = document.offsetAt(change.range.end);
        if (entry.plan && entry.pending) entry.pending.push({ start: Math.min(a, b), end: Math.max(a, b), insertedLength: change.text.length, inserted: change.text });
      } else {
        entry.pending = undefined;
        entry.plan = undefined;
      }
      document.update([change], version);
    }
    return document;
  }

  /** The plan for the document's current text. */
  get(document: TextDocument): PlanDocument {
    const entry = this.entries.get(document.uri) ?? {};
    this.entries.set(document.uri, entry);
    const pending = entry.pending;
    // Nothing changed since the plan was made (a hover or code action after the lint): it is current.
    if (entry.plan && pending?.length === 0) return entry.plan;
    if (entry.plan && pending?.length === 1 && document instanceof ChunkedTextDocument) {
      // Typing inside a line: the plan is updated from the edit alone, and the new text is read
      // only if something asks for it.
      const typed = updatePlanWithinLine(entry.plan, pending[0]!, pending[0]!.inserted, document.textOfThisVersion());
      if (typed) {
        entry.plan = typed;
        entry.pending = [];
        return typed;
      }
    }
    const text = document.getText();
    if (entry.plan && pending) {
      if (pending.length > 0) entry.plan = updatePlan(entry.plan, text, pending);
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
