/**
 * Questions rules ask about a plan in its profile's terms: where the title is, which list items are
 * entries, which fields an entry carries, what the plan's status is. Everything here reads the
 * parsed model; nothing scans the whole text.
 */
import { LineKind } from '../model/types';
import type { Entry, ListItem, PlacedSection, PlanDocument, Range, Section, Timestamp } from '../model/types';
import { isTypedOver, sectionLine, sectionLineEnd as lineEnd } from '../model/sectionText';
import { appendedHeadingParses } from '../model/appendProbe';
import { addInlineKeys, isSpace } from './inlineKeys';
import { firstAtOrAfterLine, itemsOnLine, replaceLineResults } from '../model/lineage';
import { memoizeBySection } from '../safety/sectionMemo';
import { hiddenSlot } from '../hiddenSlot';
import { EMPTY_LIST } from '../emptyList';
import type { PlanContext, ResolvedSection } from '../rules/types';

// Line reads that never join a typed-over section's text (see model/sectionText).
export { sectionLine, lineEnd };

/** The range of a local line's content, without leading and trailing white space. */
export function lineContentRange(section: Section, line: number): Range {
  const text = sectionLine(section, line);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { start: { line, character: start }, end: { line, character: Math.max(start, end) } };
}

/** True for a line holding nothing but HTML comments. */
export function isCommentOnly(text: string): boolean {
  if (text.indexOf('<!--') < 0) return false;
  return /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(text);
}

/** Where findings about the whole plan go: its title, else its first body line. */
export function titleRange(context: PlanContext): Range {
  const title = context.sections.find((entry) => entry.level === 1);
  if (title) return context.toDocument(title.placed, title.placed.section.heading!.range);
  const line = context.plan.bodyStartLine < context.plan.lineCount ? context.plan.bodyStartLine : 0;
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** The heading of a resolved section, in document coordinates. */
export function headingRange(context: PlanContext, entry: ResolvedSection): Range {
  const heading = entry.placed.section.heading;
  return heading ? context.toDocument(entry.placed, heading.textRange) : titleRange(context);
}

const NO_ITEMS: readonly ListItem[] = EMPTY_LIST;

const topLevelOf = memoizeBySection((section: Section): readonly ListItem[] => {
  const result: ListItem[] = [];
  let containerEnd = -1;
  for (const item of section.listItems) {
    if (item.line <= containerEnd) continue;
    result.push(item);
    containerEnd = item.endLine;
  }
  return result;
});

/**
 * List items that are not nested in another item: the entries of a living section. Several rules
 * ask for them on every lint; cached with the section, they are found once per section version.
 */
export function topLevelItems(section: Section): readonly ListItem[] {
  // Most sections hold no list at all; they need no cache entry.
  return section.listItems.length === 0 ? NO_ITEMS : topLevelOf(section);
}

/** Items that stand for "nothing yet" rather than a real entry. */
export function isNothingYet(text: string): boolean {
  if (!mayBeNothingYet(text)) return false;
  return /^[(_*]*\s*(?:none|nothing|n\/a|tbd)(?:\s+(?:yet|so far|recorded|to report))?(?:\s*[.!])?[)_*]*$/i.test(text.trim());
}

/**
 * Every "nothing yet" spelling starts with `n` or `t` after opening marks and white space. Asked for
 * every entry of every section, this settles almost all of them without trimming or a pattern.
 */
function mayBeNothingYet(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 40 || code === 95 || code === 42 || isSpace(code)) continue;
    return code === 110 || code === 116 || code === 78 || code === 84;
  }
  return false;
}

/** Lines longer than this are not searched for inline fields (no real entry line is this long). */
const MAX_FIELD_LINE = 2000;
/** An entry's fields are looked for on its first lines only. */
const MAX_ENTRY_LINES = 40;

/** Field names an entry carries, in lower case: `Key:` at the start of its lines or inside them. */
export function entryFields(section: Section, item: ListItem): Set<string> {
  const fields = new Set<string>();
  const last = Math.min(item.endLine, item.line + MAX_ENTRY_LINES);
  // A section typed into is read line by line, so its text is not joined for one entry.
  const typed = isTypedOver(section);
  const { lineStarts } = section;
  for (let line = item.line; line <= last; line++) {
    const start = lineStarts[line];
    if (start === undefined) break;
    if (typed) {
      const content = sectionLine(section, line);
      if (content.length <= MAX_FIELD_LINE) addInlineKeys(content, 0, content.length, fields);
      continue;
    }
    const end = lineEnd(section, line);
    if (end - start <= MAX_FIELD_LINE) addInlineKeys(section.text, start, end, fields);
  }
  const entries = section.entries;
  for (let index = firstAtOrAfterLine(entries, item.line); index < entries.length && entries[index]!.line <= last; index++) {
    fields.add(normalizeField(entries[index]!.key));
  }
  return fields;
}

/** The value of field `name` in an entry, if it has one. */
export function entryValue(section: Section, item: ListItem, name: string): string | undefined {
  const wanted = normalizeField(name);
  const last = Math.min(item.endLine, item.line + MAX_ENTRY_LINES);
  const entries = section.entries;
  for (let index = firstAtOrAfterLine(entries, item.line); index < entries.length && entries[index]!.line <= last; index++) {
    if (normalizeField(entries[index]!.key) === wanted) return entries[index]!.value;
  }
  for (let line = item.line; line <= last; line++) {
    const text = sectionLine(section, line);
    const at = text.toLowerCase().indexOf(wanted + ':');
    if (at >= 0) return text.slice(at + wanted.length + 1).split(/[;)]/)[0]!.trim();
  }
  return undefined;
}

export function normalizeField(name: string): string {
  // Most keys carry no emphasis marks and need no replacement.
  const plain = name.indexOf('*') < 0 && name.indexOf('_') < 0 ? name : name.replace(/[*_]/g, '');
  return plain.trim().toLowerCase();
}

/** Field names as profiles write them, normalised once (profiles name a few dozen at most). */
const normalizedWanted = new Map<string, string>();

/** True when a field of `fields` matches `wanted`; `Date/Author` is also satisfied by `Date` and `Author`. */
export function hasField(fields: ReadonlySet<string>, wanted: string): boolean {
  let key = normalizedWanted.get(wanted);
  if (key === undefined) {
    key = normalizeField(wanted);
    normalizedWanted.set(wanted, key);
  }
  if (fields.has(key)) return true;
  if (key.includes('/')) return key.split('/').every((part) => fields.has(part.trim())) || key.split('/').some((part) => fields.has(part.trim()) && key.startsWith(part.trim()));
  return false;
}

/** One flag per line, so asking for each of thousands of entries does not rescan every timestamp. */
const stampedLines = memoizeBySection(
  (section: Section): Uint8Array => {
    const stamped = new Uint8Array(section.lineStarts.length + 1);
    markStamped(stamped, section.timestamps);
    return stamped;
  },
  // Typing inside a line changes only that line's timestamps.
  (before, section, { line }) => {
    const stamped = before.slice();
    stamped[line] = 0;
    markStamped(stamped, itemsOnLine(section.timestamps, line));
    return stamped;
  },
);

/** Timestamps on an item's first line, outside code. */
export function itemHasTimestamp(section: Section, line: number): boolean {
  const stamped = stampedLines(section);
  return line >= 0 && line < stamped.length && stamped[line] === 1;
}

function markStamped(stamped: Uint8Array, timestamps: readonly Timestamp[]): void {
  for (const stamp of timestamps) if (!stamp.inCode && stamp.line >= 0 && stamp.line < stamped.length) stamped[stamp.line] = 1;
}

const statusEntryOf = memoizeBySection((section: Section): Entry | null => section.entries.find((entry) => !entry.bulleted && entry.key.toLowerCase() === 'status') ?? null);

/** The Progress `Status:` entry (not bulleted), if any; cached, as several document rules ask on every lint. */
export function progressStatusEntry(section: Section): Entry | undefined {
  return statusEntryOf(section) ?? undefined;
}

/** How many checkboxes of a section are open and ticked, and the first open one. */
export interface ChecklistState {
  readonly open: number;
  readonly done: number;
  readonly firstOpen: ListItem | undefined;
}

/** The section's checkboxes, counted once per section version (document rules ask on every edit). */
export const checklistState = memoizeBySection((section: Section): ChecklistState => {
  let open = 0;
  let done = 0;
  let firstOpen: ListItem | undefined;
  for (const item of section.listItems) {
    if (item.checkbox === 'open') {
      if (open++ === 0) firstOpen = item;
    } else if (item.checkbox === 'done') done++;
  }
  return { open, done, firstOpen };
});

/** Every `Next Action:` entry of a section (not bulleted); cached, as document rules ask on every lint. */
export const nextActionEntries = memoizeBySection((section: Section): readonly Entry[] =>
  section.entries.filter((entry) => !entry.bulleted && /^next\s*action$/i.test(entry.key.trim())),
);

/** The frontmatter `status` as a string, if set. */
export function frontmatterStatus(plan: PlanDocument): string | undefined {
  const value = plan.frontmatter?.data?.['status'];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The plan's status: Progress `Status:` first, else the frontmatter's. */
export function planStatus(context: PlanContext): string | undefined {
  const progress = context.section('progress');
  const entry = progress ? progressStatusEntry(progress.placed.section) : undefined;
  const value = entry ? plainValue(entry.value) : undefined;
  return value || frontmatterStatus(context.plan);
}

/** True when a line of the section is content (not blank, not only a comment). */
export function isContentLine(section: Section, line: number): boolean {
  const kind = section.lineKinds[line];
  if (kind === LineKind.Blank) return false;
  if (kind === LineKind.Html || kind === LineKind.Text) return !isCommentOnly(sectionLine(section, line));
  return true;
}

/** The ids found in `(Owner: x)`, `Author: x`, `From: x To: y` across the living sections. */
export function writerIds(context: PlanContext): Set<string> {
  const ids = new Set<string>();
  for (const entry of context.sections) {
    if (!entry.spec?.living && entry.spec?.key !== 'messages') continue;
    for (const id of distinctIds(sectionWriterIds(entry.placed.section))) ids.add(id);
  }
  return ids;
}

/** The words a writer field opens with: a match can only start where one of them is written. */
const WRITER_KEYS = ['Owner', 'Author', 'From', 'To'];
/**
 * `Owner: x`, tried where a key word stands. Its white space never spans a line ending, so it reads
 * the section's text as a whole and finds exactly what it would find line by line.
 */
const WRITER_AT = /\b(?:Owner|Author|From|To)[^\S\r\n]*:[^\S\r\n]*([A-Za-z][\w.@-]{0,60}(?: [A-Z][\w.-]{0,30})?)/y;
/** Lines longer than this are not read for writer ids. */
const MAX_WRITER_LINE = 2000;

/** A writer id and the local line it is named on. */
interface WriterMention {
  readonly line: number;
  readonly id: string;
}

/**
 * The owner and author ids named in one section (after its heading), in line order; cached with
 * it, so an edit rescans one section, and typing inside a line reads only that line again.
 */
const sectionWriterIds = memoizeBySection(
  (section: Section): readonly WriterMention[] => {
    const mentions: WriterMention[] = [];
    const lineStarts = section.lineStarts;
    let line = 0;
    readWriters(section.text, (at) => {
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= at) line++;
      return line === 0 || lineEnd(section, line) - lineStarts[line]! > MAX_WRITER_LINE ? undefined : line;
    }, mentions);
    return mentions;
  },
  (before, section, { line }) => {
    const content = sectionLine(section, line);
    const fresh: WriterMention[] = [];
    if (content.length <= MAX_WRITER_LINE) readWriters(content, () => line, fresh);
    return replaceLineResults(before, line, fresh, (mention) => mention.line);
  },
);

/** A hidden slot, not a weak table: a cold lint would add an entry per section. */
const distinctCache = hiddenSlot<readonly string[]>('distinctWriterIds');

/** The different ids among a section's mentions, kept with them: a long log names the same few writers thousands of times. */
function distinctIds(mentions: readonly WriterMention[]): readonly string[] {
  let ids = distinctCache.get(mentions);
  if (!ids) {
    ids = [...new Set(mentions.map((mention) => mention.id))];
    distinctCache.set(mentions, ids);
  }
  return ids;
}

/** True when a colon comes next in `text` from `at`, after white space within the line (as {@link WRITER_AT} allows). */
function colonFollows(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && text[i] !== ':' && text[i] !== '\n' && text[i] !== '\r' && /\s/.test(text[i]!)) i++;
  return text[i] === ':';
}

/** Adds the writers named in `text`, at the line `lineAt` gives for a match's offset (undefined skips it). */
function readWriters(text: string, lineAt: (at: number) => number | undefined, found: WriterMention[]): void {
  // The next place each key word is written; searching for the words first skips text that names no writer.
  const next = WRITER_KEYS.map((key) => text.indexOf(key));
  let from = 0;
  for (;;) {
    let at = -1;
    let key = '';
    for (let k = 0; k < next.length; k++) {
      if (next[k]! >= 0 && next[k]! < from) next[k] = text.indexOf(WRITER_KEYS[k]!, from);
      if (next[k]! >= 0 && (at < 0 || next[k]! < at)) {
        at = next[k]!;
        key = WRITER_KEYS[k]!;
      }
    }
    if (at < 0) return;
    // `To` and `From` are common words: only one followed by a colon is worth the pattern.
    if (!colonFollows(text, at + key.length)) {
      from = at + 1;
      continue;
    }
    WRITER_AT.lastIndex = at;
    const match = WRITER_AT.exec(text);
    if (!match) {
      from = at + 1;
      continue;
    }
    from = WRITER_AT.lastIndex;
    const line = lineAt(at);
    if (line === undefined) continue;
    const id = match[1]!.trim().replace(/[.,;)]+$/, '').toLowerCase();
    if (id && !id.startsWith('<')) found.push({ line, id });
  }
}

/**
 * The newest real time in each section, kept with it; typing inside a line that did not hold it
 * reads only that line's times.
 */
const newestOfSection = memoizeBySection(
  (section: Section): { ms: number; line: number } | null => newestOf(section.timestamps, null),
  (before, section, { line }) => (before?.line === line ? undefined : newestOf(itemsOnLine(section.timestamps, line), before)),
);

/**
 * The newest real time written in a section (outside code), with its local line. Cached with the
 * section, so document rules that ask for every living section stay proportional to the sections.
 */
export function newestTimestamp(section: Section): { ms: number; line: number } | undefined {
  return newestOfSection(section) ?? undefined;
}

/** The newest real time among `timestamps` and `start`; the first written wins a tie. */
function newestOf(timestamps: readonly Timestamp[], start: { ms: number; line: number } | null): { ms: number; line: number } | null {
  let newest = start;
  for (const stamp of timestamps) {
    if (stamp.inCode || stamp.epochMs === undefined || stamp.format === 'date') continue;
    if (!newest || stamp.epochMs > newest.ms || (stamp.epochMs === newest.ms && stamp.line < newest.line)) newest = { ms: stamp.epochMs, line: stamp.line };
  }
  return newest;
}

/** The newest living-section time no later than `notAfter`, in document coordinates. */
export function newestLivingTimestamp(context: PlanContext, notAfter: number): { ms: number; line: number } | undefined {
  let best: { ms: number; line: number } | undefined;
  for (const entry of context.sections) {
    if (!entry.spec?.living) continue;
    const newest = newestTimestamp(entry.placed.section);
    if (newest && newest.ms <= notAfter && (!best || newest.ms > best.ms)) best = { ms: newest.ms, line: entry.placed.line + newest.line };
  }
  return best;
}

/** An entry value as a person means it: without trailing HTML comments or wrapping emphasis and code marks. */
export function plainValue(value: string): string {
  return value
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim()
    .replace(/^[*_`]+|[*_`]+$/g, '')
    .trim();
}

/** The range of an entry's value without a trailing HTML comment (what a fix may replace). */
export function valueRangeOf(entry: { readonly value: string; readonly valueRange: Range }): Range {
  const comment = entry.value.indexOf('<!--');
  if (comment < 0) return entry.valueRange;
  const kept = entry.value.slice(0, comment).trimEnd().length;
  return { start: entry.valueRange.start, end: { line: entry.valueRange.start.line, character: entry.valueRange.start.character + kept } };
}

/**
 * True when `newText`, added at the very end of the plan, really starts a section headed `heading`.
 * It does not when the plan ends inside a block that never closes (a code fence, an HTML comment).
 * Sections parse on their own, so only the last section's end state and the added text matter.
 */
export function appendedSectionParses(plan: PlanDocument, newText: string, heading: string): boolean {
  const last = plan.sections[plan.sections.length - 1]?.section;
  if (!last) return true;
  return appendedHeadingParses(last, newText, heading);
}

/**
 * An edit inserting `text` as a line of its own before local `line` of a placed section. A blank
 * line follows it when the next line is paragraph text (not another `Key: value` line), so the new
 * line never joins a paragraph or becomes part of a setext heading below it.
 */
export function insertLineEdit(context: PlanContext, placed: PlacedSection, line: number, text: string) {
  const section = placed.section;
  const eol = context.plan.eol;
  const next = line < section.lineStarts.length ? sectionLine(section, line) : '';
  const kind = section.lineKinds[line];
  // Only paragraph text (or the first line of a setext heading) would absorb the new line.
  const joins = kind === LineKind.Text || kind === LineKind.SetextUnderline || (kind === LineKind.Heading && !/^\s{0,3}#/.test(next));
  const separate = joins && !/^\s*[A-Za-z][\w /&-]{0,40}:(?:\s|$)/.test(next);
  const at = context.toDocument(placed, { start: { line, character: 0 }, end: { line, character: 0 } });
  if (line >= section.lineStarts.length) {
    // After the section's last line, which may lack a line ending at the end of the document.
    const lastLine = section.lineStarts.length - 1;
    const end = context.toDocument(placed, { start: { line: lastLine, character: sectionLine(section, lastLine).length }, end: { line: lastLine, character: sectionLine(section, lastLine).length } });
    // A following section may open with a setext heading's text line; keep a blank line before it.
    const followed = context.plan.sections.some((other) => other.line > placed.line);
    return { range: end, newText: `${eol}${text}${followed ? eol : ''}` };
  }
  return { range: at, newText: `${text}${eol}${separate ? eol : ''}` };
}

/** The edit moved past a byte order mark when it would insert before it, so the mark stays first. */
export function afterBom<T extends { readonly range: Range; readonly newText: string }>(plan: PlanDocument, edit: T): T {
  const start = edit.range.start;
  if (!plan.hasBom || start.line !== 0 || start.character !== 0 || edit.range.end.line !== 0 || edit.range.end.character !== 0) return edit;
  const at = { line: 0, character: 1 };
  return { ...edit, range: { start: at, end: at } };
}
