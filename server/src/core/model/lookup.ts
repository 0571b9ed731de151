/** Line and offset look-ups on a parsed document, through its sections (no whole-text scans). */
import type { PlacedSection, PlanDocument, Position } from './types';
import { computeLineStarts, lineContentEnd, lineOfOffset } from './lines';
import { sectionLine } from './sectionText';

/**
 * The text before the body (the frontmatter) and its line starts, computed once per plan: rules
 * read frontmatter lines one at a time, and recomputing them per call was quadratic.
 */
interface Head {
  /** A text that starts with the plan's frontmatter (the plan's text, or an earlier version's). */
  readonly text: string;
  readonly starts: readonly number[];
}

const heads = new WeakMap<PlanDocument, Head>();

function headOf(plan: PlanDocument): Head {
  let head = heads.get(plan);
  if (!head) {
    head = { text: plan.text, starts: computeLineStarts(plan.text, 0, plan.bodyStartOffset) };
    heads.set(plan, head);
  }
  return head;
}

/** Lets `plan` read its frontmatter from `previous`, whose text up to the body is the same. */
export function shareHead(plan: PlanDocument, previous: PlanDocument): void {
  heads.set(plan, headOf(previous));
}

/** Offset of the start of `line`, or undefined past the end. */
export function lineStartOffset(plan: PlanDocument, line: number): number | undefined {
  if (line < 0 || line >= plan.lineCount) return undefined;
  if (line < plan.bodyStartLine) return headOf(plan).starts[line];
  const placed = plan.sections[sectionIndexAt(plan.sections, 'line', line)];
  if (placed) {
    const local = placed.section.lineStarts[line - placed.line];
    if (local !== undefined) return placed.offset + local;
  }
  // The empty line after a final line ending.
  return plan.text.length;
}

/** The text of `line` without its line ending ('' past the end). Reads the frontmatter or the line's section, not the whole text. */
export function lineText(plan: PlanDocument, line: number): string {
  if (line < 0 || line >= plan.lineCount) return '';
  if (line < plan.bodyStartLine) {
    const head = headOf(plan);
    const start = head.starts[line]!;
    return head.text.slice(start, lineContentEnd(head.text, start, plan.bodyStartOffset));
  }
  const placed = plan.sections[sectionIndexAt(plan.sections, 'line', line)];
  return placed ? sectionLine(placed.section, line - placed.line) : '';
}

/**
 * The text of the lines `from` to `to` (exclusive) before the body, line endings included, for a
 * rule that first asks whether any line of the frontmatter could hold what it looks for.
 */
export function headLinesText(plan: PlanDocument, from: number, to: number): string {
  const head = headOf(plan);
  const end = Math.min(to, plan.bodyStartLine);
  if (from >= end) return '';
  return head.text.slice(head.starts[from]!, end < head.starts.length ? head.starts[end]! : plan.bodyStartOffset);
}

/**
 * Index of the last section whose first line (`by` 'line') or first character (`by` 'offset') is at
 * or before `value`, by binary search; 0 when none is.
 */
export function sectionIndexAt(sections: readonly PlacedSection[], by: 'line' | 'offset', value: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]![by] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The position of `offset` in the document. */
export function positionAt(plan: PlanDocument, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, plan.text.length));
  if (clamped < plan.bodyStartOffset) {
    const starts = headOf(plan).starts;
    const line = lineOfOffset(starts, clamped);
    return { line, character: clamped - starts[line]! };
  }
  if (plan.bodyStartOffset === plan.text.length) {
    const starts = computeLineStarts(plan.text, 0, Math.max(plan.bodyStartOffset, clamped));
    const line = lineOfOffset(starts, clamped);
    return { line, character: clamped - starts[line]! };
  }
  const placed = plan.sections[sectionIndexAt(plan.sections, 'offset', clamped)]!;
  const starts = placed.section.lineStarts;
  const local = clamped - placed.offset;
  if (starts.length === 0 || local >= placed.section.text.length) {
    // Past the last section's text: the trailing empty line.
    const line = placed.line + starts.length;
    return local === placed.section.text.length && starts.length > 0 && !/[\r\n]$/.test(placed.section.text)
      ? { line: line - 1, character: local - starts[starts.length - 1]! }
      : { line, character: 0 };
  }
  const line = lineOfOffset(starts, local);
  return { line: placed.line + line, character: local - starts[line]! };
}

/** The offset of `position` (clamped to its line, as LSP requires). */
export function offsetAt(plan: PlanDocument, position: Position): number {
  const start = lineStartOffset(plan, position.line);
  if (start === undefined) return position.line < 0 ? 0 : plan.text.length;
  const end = lineContentEnd(plan.text, start);
  return Math.min(start + Math.max(0, position.character), end);
}

/** True when the document's text ends with a line ending; read from its last section, not the whole text. */
export function endsWithLineEnding(plan: PlanDocument): boolean {
  const last = plan.sections[plan.sections.length - 1];
  const text = last && last.section.text.length > 0 ? last.section.text : plan.text;
  const code = text.charCodeAt(text.length - 1);
  return code === 10 || code === 13;
}
