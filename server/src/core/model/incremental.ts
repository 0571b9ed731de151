/**
 * Incremental parse: after an edit, only the sections the edit touches are scanned again. Sections
 * before the edit are kept as they are; scanning stops at the first section boundary past the edit
 * that was also a boundary before it, and every section from there on is reused at its new place.
 * The result always equals a full parse of the new text (a property test holds it to that).
 */
import type { PlacedSection, PlanDocument } from './types';
import { locateFrontmatter, parseFrontmatter } from './frontmatter';
import { assemble, assembleAfterLineEdit, parsePlan } from './parse';
import { scanSections } from './sections';
import { editWithinLine } from './lineEdit';
import { sectionLength } from './sectionText';
import { lineStartOffset, sectionIndexAt } from './lookup';

/** One replacement, with offsets in the text as it was just before this change. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly insertedLength: number;
}

/** The changed region of the new text, and how much longer the text became. */
interface Region {
  readonly start: number;
  readonly endInNew: number;
  readonly delta: number;
}

/** Merges consecutive changes into one region of the final text. */
export function mergeChanges(changes: readonly TextChange[]): Region | undefined {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let delta = 0;
  for (const change of changes) {
    const shift = change.insertedLength - (change.end - change.start);
    if (start === Number.POSITIVE_INFINITY) {
      start = change.start;
      end = change.start + change.insertedLength;
    } else {
      end = change.end <= end ? Math.max(end + shift, change.start + change.insertedLength) : change.start + change.insertedLength;
      start = Math.min(start, change.start);
    }
    delta += shift;
  }
  return start === Number.POSITIVE_INFINITY ? undefined : { start, endInNew: end, delta };
}

/** Parses `text`, reusing what it can of `previous`, given the changes that turned one into the other. */
export function updatePlan(previous: PlanDocument, text: string, changes: readonly TextChange[]): PlanDocument {
  const region = mergeChanges(changes);
  if (!region) return previous.text === text ? previous : parsePlan(text);
  const { start, endInNew, delta } = region;
  const oldEnd = endInNew - delta;

  const frontmatter = previous.frontmatter;
  if (frontmatter && !frontmatter.closed) return parsePlan(text);
  if (!frontmatter) {
    // Typing `---` on the first line can open a frontmatter block.
    if (start <= previous.text.indexOf('\n') || previous.text.indexOf('\n') < 0) {
      if (locateFrontmatter(text)) return parsePlan(text);
    }
  } else if (start < previous.bodyStartOffset || (start === previous.bodyStartOffset && previous.text.charCodeAt(start - 1) !== 10)) {
    // Inside the frontmatter (or right after a closing fence with no `\n` yet): keep the body when
    // the edit ends before it and it did not move.
    const block = locateFrontmatter(text);
    if (block?.closed && oldEnd < previous.bodyStartOffset && block.bodyStartOffset === previous.bodyStartOffset + delta) {
      const bodyStartLine = block.endLine + 1;
      const lineDelta = bodyStartLine - previous.bodyStartLine;
      const sections = previous.sections.map((placed) => ({ line: placed.line + lineDelta, offset: placed.offset + delta, section: placed.section }));
      return assemble(text, parseFrontmatter(text, block), bodyStartLine, block.bodyStartOffset, sections);
    }
    return parsePlan(text);
  }

  const old = previous.sections;
  if (changes.length === 1) {
    const change = changes[0]!;
    const sections = withinOneLine(previous, change, text.slice(change.start, change.start + change.insertedLength));
    if (sections) return assemble(text, previous.frontmatter, previous.bodyStartLine, previous.bodyStartOffset, sections);
  }
  let k = sectionIndexAt(old, 'offset', start);
  // An edit on a section's heading lines can unmake the heading (or, on the line before it, make
  // a setext heading), so start one section earlier when the edit touches them.
  const first = old[k]!;
  const headingLines = first.section.heading ? first.section.heading.range.end.line + 1 : 1;
  const afterHeading = first.section.lineStarts[headingLines];
  if (k > 0 && (afterHeading === undefined || start < first.offset + afterHeading)) k--;
  const from = old[k]!;

  let reuseFrom = -1;
  let reuseLineDelta = 0;
  const outcome = scanSections(text, from.offset, from.line, k === 0, (offset, line) => {
    if (offset < endInNew) return false;
    const j = sectionAtExactly(old, offset - delta);
    if (j <= k) return false;
    reuseFrom = j;
    reuseLineDelta = line - old[j]!.line;
    return true;
  });

  const sections: PlacedSection[] = old.slice(0, k);
  for (const placed of outcome.sections) sections.push(placed);
  if (outcome.stoppedAt && reuseFrom > 0) {
    for (let j = reuseFrom; j < old.length; j++) {
      const placed = old[j]!;
      sections.push({ line: placed.line + reuseLineDelta, offset: placed.offset + delta, section: placed.section });
    }
  }
  return assemble(text, previous.frontmatter, previous.bodyStartLine, previous.bodyStartOffset, sections);
}

/**
 * The plan after one edit inside one line of the body, made without reading the new text: `text`
 * is called only when someone asks for the new plan's whole text. Undefined when the edit is not
 * that simple (the caller then parses with {@link updatePlan}). An editor calls this on every
 * keystroke, so a large plan's text is not copied for each one.
 */
export function updatePlanWithinLine(previous: PlanDocument, change: TextChange, inserted: string, text: () => string): PlanDocument | undefined {
  if (inserted.length !== change.insertedLength) return undefined;
  // The first line can open a frontmatter block and the frontmatter is parsed as a whole: both
  // are left to the full update (the previous plan's text is not read here either).
  if (previous.frontmatter) {
    if (!previous.frontmatter.closed || change.start <= previous.bodyStartOffset) return undefined;
  } else {
    const secondLine = lineStartOffset(previous, 1);
    if (secondLine === undefined || change.start < secondLine) return undefined;
  }
  const sections = withinOneLine(previous, change, inserted);
  return sections && assembleAfterLineEdit(previous, text, sections);
}

/** The sections after an edit inside one line of one section, or undefined when the edit is not that simple. */
function withinOneLine(previous: PlanDocument, change: TextChange, inserted: string): PlacedSection[] | undefined {
  const old = previous.sections;
  const k = sectionIndexAt(old, 'offset', change.start);
  const placed = old[k]!;
  const next = old[k + 1];
  if (change.start < placed.offset || change.end > (next ? next.offset : placed.offset + sectionLength(placed.section))) return undefined;
  const section = editWithinLine(placed, next, change.start, change.end, inserted);
  if (!section) return undefined;
  const delta = change.insertedLength - (change.end - change.start);
  const sections: PlacedSection[] = old.slice(0, k);
  sections.push({ line: placed.line, offset: placed.offset, section });
  for (let j = k + 1; j < old.length; j++) sections.push({ line: old[j]!.line, offset: old[j]!.offset + delta, section: old[j]!.section });
  return sections;
}

/** Index of the section starting exactly at `offset`, or -1. */
function sectionAtExactly(sections: readonly PlacedSection[], offset: number): number {
  const i = sectionIndexAt(sections, 'offset', offset);
  return sections[i]?.offset === offset ? i : -1;
}
