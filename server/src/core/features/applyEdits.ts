/**
 * Applies text edits to a plan's text. Shared by the CLI's `--fix` and by tests, so the editor and
 * the command line produce the same text from the same fixes.
 */
import type { PlanDocument } from '../model/types';
import { offsetAt } from '../model/lookup';
import type { TextEdit } from '../rules/types';

/** Applies non-overlapping edits (in the plan's coordinates); throws if two overlap. */
export function applyTextEdits(plan: PlanDocument, edits: readonly TextEdit[]): string {
  const located = edits
    .map((edit, index) => ({ start: offsetAt(plan, edit.range.start), end: offsetAt(plan, edit.range.end), text: edit.newText, index }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  for (let i = 1; i < located.length; i++) {
    if (located[i]!.start < located[i - 1]!.end) throw new Error('Overlapping edits cannot be applied together.');
  }
  let result = '';
  let cursor = 0;
  for (const edit of located) {
    result += plan.text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + plan.text.slice(cursor);
}
