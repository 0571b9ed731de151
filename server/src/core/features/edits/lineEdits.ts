/**
 * Edits that add whole lines, keeping the document's line ending, its byte order mark and whether
 * it ends with a line break.
 */
import type { PlanDocument, Position } from '../../model/types';
import { lineText } from '../../model/lookup';
import type { TextEdit } from '../../rules/types';

/** The first position of `line` a new line may be written at: after the byte order mark on line 0. */
export function lineStart(plan: PlanDocument, line: number): Position {
  return { line, character: line === 0 && plan.hasBom ? 1 : 0 };
}

/** The end of `line`'s content. */
export function lineEnd(plan: PlanDocument, line: number): Position {
  return { line, character: lineText(plan, line).length };
}

/** An edit that inserts `lines` so that the first of them becomes line `line`. */
export function insertLinesBefore(plan: PlanDocument, line: number, lines: readonly string[]): TextEdit {
  const block = lines.join(plan.eol);
  if (line < plan.lineCount) {
    const at = lineStart(plan, line);
    return { range: { start: at, end: at }, newText: block + plan.eol };
  }
  // After the last line, which has no line ending: keep it that way.
  const at = lineEnd(plan, plan.lineCount - 1);
  return { range: { start: at, end: at }, newText: plan.eol + block };
}

/** An edit that inserts `lines` right after `line`. */
export function insertLinesAfter(plan: PlanDocument, line: number, lines: readonly string[]): TextEdit {
  return insertLinesBefore(plan, line + 1, lines);
}

/** Leading white space of `line`. */
export function indentationOf(plan: PlanDocument, line: number): string {
  const text = lineText(plan, line).replace(/^\uFEFF/, '');
  return /^[ \t]*/.exec(text)![0];
}
