/**
 * Mark done / Reopen a Progress item. Checking an item records when it was finished the way the
 * profile does: where only finished items carry a time (the Cookbook), the time goes before the
 * words; where every item already carries the time it was written (ssot), a `(done: <time>)` note
 * goes after them, so the items keep their order in time. Reopening undoes exactly that.
 */
import type { ListItem, PlacedSection, Position } from '../../model/types';
import type { TextEdit } from '../../rules/types';
import type { EditClock } from './clock';
import { stamp } from './clock';
import type { EditProposal } from './outcome';
import type { EditTarget } from './target';
import { progressSection } from './target';
import { itemShape, leadingTime, leadingTimeLength } from './progressShape';

const TITLE_DONE = (time: string): string => `Mark done (${time})`;
const TITLE_DONE_PLAIN = 'Mark done';
const TITLE_REOPEN = 'Reopen';
const DONE_NOTE = (time: string): string => ` (done: ${time})`;
/** A `(done: <time>)` note at the end of an item's first line, as Mark done writes it. */
const DONE_NOTE_PATTERN = /^\(done:[^()]*\)\s*$/;

export interface ProgressItemAt {
  readonly placed: PlacedSection;
  readonly item: ListItem;
}

/** The innermost Progress item with a checkbox that `line` belongs to. */
export function progressItemAt(target: EditTarget, line: number): ProgressItemAt | undefined {
  const progress = progressSection(target);
  if (!progress) return undefined;
  const placed = progress.placed;
  const local = line - placed.line;
  let found: ListItem | undefined;
  for (const item of placed.section.listItems) {
    if (item.line > local) break;
    if (item.checkbox && local <= item.endLine) found = item;
  }
  return found ? { placed, item: found } : undefined;
}

/** Mark done on an open item, Reopen on a done one; undefined when the cursor is on no Progress item. */
export function toggleProgressItem(target: EditTarget, position: Position, clock: EditClock): EditProposal | undefined {
  const at = progressItemAt(target, position.line);
  if (!at) return undefined;
  return at.item.checkbox === 'open' ? markDone(target, at, clock) : reopen(target, at);
}

function markDone(target: EditTarget, { placed, item }: ProgressItemAt, clock: EditClock): EditProposal {
  const line = placed.line + item.line;
  const edits: TextEdit[] = [boxEdit(line, item, '[x]')];
  const timing = target.profile.progress.itemTimestamps;
  if (timing === 'none') return { title: TITLE_DONE_PLAIN, edits };
  const shape = itemShape(target.profile);
  const time = stamp(clock, target.profile.timestampFormats[0] ?? 'rfc3339');
  const textStart = { line, character: item.textRange.start.character };
  // An item with no words yet (`- [ ]`) needs a space after the box.
  const gap = textStart.character === item.checkboxRange!.end.character ? ' ' : '';
  const existing = leadingTimeLength(shape, item.text);
  if (timing === 'done') {
    const end = { line, character: textStart.character + existing };
    edits.push({ range: { start: textStart, end }, newText: gap + leadingTime(shape, time) });
  } else if (existing === 0) {
    edits.push({ range: { start: textStart, end: textStart }, newText: gap + leadingTime(shape, time) });
  } else {
    const end = { line, character: item.textRange.end.character };
    edits.push({ range: { start: end, end }, newText: DONE_NOTE(time) });
  }
  return { title: TITLE_DONE(time), edits };
}

function reopen(target: EditTarget, { placed, item }: ProgressItemAt): EditProposal {
  const line = placed.line + item.line;
  const edits: TextEdit[] = [boxEdit(line, item, '[ ]')];
  const timing = target.profile.progress.itemTimestamps;
  const start = item.textRange.start.character;
  if (timing === 'done') {
    const existing = leadingTimeLength(itemShape(target.profile), item.text);
    if (existing > 0) edits.push({ range: { start: { line, character: start }, end: { line, character: start + existing } }, newText: '' });
  } else if (timing === 'all') {
    const at = doneNoteStart(item.text);
    if (at >= 0) edits.push({ range: { start: { line, character: start + at }, end: { line, character: item.textRange.end.character } }, newText: '' });
  }
  return { title: TITLE_REOPEN, edits };
}

function boxEdit(line: number, item: ListItem, box: string): TextEdit {
  const range = item.checkboxRange!;
  return { range: { start: { line, character: range.start.character }, end: { line, character: range.end.character } }, newText: box };
}

/** Where the trailing `(done: ...)` note starts, white space before it included; -1 when there is none. */
function doneNoteStart(text: string): number {
  const at = text.lastIndexOf('(done:');
  if (at < 0 || !DONE_NOTE_PATTERN.test(text.slice(at))) return -1;
  let start = at;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return start;
}
