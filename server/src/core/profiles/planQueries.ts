/**
 * Questions rules ask about a plan in its profile's terms: where the title is, which list items are
 * entries, which fields an entry carries, what the plan's status is. Everything here reads the
 * parsed model; nothing scans the whole text.
 */
import { LineKind } from '../model/types';
import type { ListItem, PlacedSection, PlanDocument, Range, Section } from '../model/types';
import { lineContentEnd } from '../model/lines';
import { parsePlan } from '../model/parse';
import type { PlanContext, ResolvedSection } from '../rules/types';

/** The text of a section's local line ('' past its end). */
export function sectionLine(section: Section, line: number): string {
  const start = section.lineStarts[line];
  if (start === undefined) return '';
  return section.text.slice(start, lineContentEnd(section.text, start));
}

/** The range of a local line's content, without leading and trailing white space. */
export function lineContentRange(section: Section, line: number): Range {
  const text = sectionLine(section, line);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { start: { line, character: start }, end: { line, character: Math.max(start, end) } };
}

/** True for a line holding nothing but HTML comments. */
export function isCommentOnly(text: string): boolean {
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

/** List items that are not nested in another item: the entries of a living section. */
export function topLevelItems(section: Section): ListItem[] {
  const result: ListItem[] = [];
  let containerEnd = -1;
  for (const item of section.listItems) {
    if (item.line <= containerEnd) continue;
    result.push(item);
    containerEnd = item.endLine;
  }
  return result;
}

/** Items that stand for "nothing yet" rather than a real entry. */
export function isNothingYet(text: string): boolean {
  return /^[(_*]*\s*(?:none|nothing|n\/a|tbd)(?:\s+(?:yet|so far|recorded|to report))?(?:\s*[.!])?[)_*]*$/i.test(text.trim());
}

const INLINE_KEY = /(?:^|[\s(;,|*_])([A-Z][A-Za-z]*(?:[ /&-][A-Za-z]+){0,2})\s*(?:\*+\s*)?:(?=\s|$)/g;

/** Field names an entry carries, in lower case: `Key:` at the start of its lines or inside them. */
export function entryFields(section: Section, item: ListItem): Set<string> {
  const fields = new Set<string>();
  const last = Math.min(item.endLine, item.line + 40);
  for (let line = item.line; line <= last; line++) {
    const text = sectionLine(section, line);
    if (text.length > 2000) continue;
    INLINE_KEY.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = INLINE_KEY.exec(text)) !== null) fields.add(normalizeField(match[1]!));
  }
  for (const entry of section.entries) {
    if (entry.line >= item.line && entry.line <= last) fields.add(normalizeField(entry.key));
  }
  return fields;
}

/** The value of field `name` in an entry, if it has one. */
export function entryValue(section: Section, item: ListItem, name: string): string | undefined {
  const wanted = normalizeField(name);
  const last = Math.min(item.endLine, item.line + 40);
  for (const entry of section.entries) {
    if (entry.line >= item.line && entry.line <= last && normalizeField(entry.key) === wanted) return entry.value;
  }
  for (let line = item.line; line <= last; line++) {
    const text = sectionLine(section, line);
    const at = text.toLowerCase().indexOf(wanted + ':');
    if (at >= 0) return text.slice(at + wanted.length + 1).split(/[;)]/)[0]!.trim();
  }
  return undefined;
}

export function normalizeField(name: string): string {
  return name.replace(/[*_]/g, '').trim().toLowerCase();
}

/** True when a field of `fields` matches `wanted`; `Date/Author` is also satisfied by `Date` and `Author`. */
export function hasField(fields: ReadonlySet<string>, wanted: string): boolean {
  const key = normalizeField(wanted);
  if (fields.has(key)) return true;
  if (key.includes('/')) return key.split('/').every((part) => fields.has(part.trim())) || key.split('/').some((part) => fields.has(part.trim()) && key.startsWith(part.trim()));
  return false;
}

/** Timestamps on an item's first line, outside code. */
export function itemHasTimestamp(section: Section, line: number): boolean {
  return section.timestamps.some((stamp) => stamp.line === line && !stamp.inCode);
}

/** The Progress `Status:` entry (not bulleted), if any. */
export function progressStatusEntry(section: Section) {
  return section.entries.find((entry) => !entry.bulleted && entry.key.toLowerCase() === 'status');
}

/** Every `Next Action:` entry of a section (not bulleted). */
export function nextActionEntries(section: Section) {
  return section.entries.filter((entry) => !entry.bulleted && /^next\s*action$/i.test(entry.key.trim()));
}

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
    for (const id of sectionWriterIds(entry.placed.section)) ids.add(id);
  }
  return ids;
}

const WRITER = /\b(?:Owner|Author|From|To)\s*:\s*([A-Za-z][\w.@-]{0,60}(?: [A-Z][\w.-]{0,30})?)/g;
const writersCache = new WeakMap<Section, readonly string[]>();

/** The owner and author ids named in one section; cached with it, so an edit rescans one section. */
function sectionWriterIds(section: Section): readonly string[] {
  const cached = writersCache.get(section);
  if (cached) return cached;
  const ids = new Set<string>();
  for (let line = 1; line < section.lineStarts.length; line++) {
    const text = sectionLine(section, line);
    if (text.indexOf(':') < 0 || text.length > 2000) continue;
    WRITER.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = WRITER.exec(text)) !== null) {
      const id = match[1]!.trim().replace(/[.,;)]+$/, '').toLowerCase();
      if (id && !id.startsWith('<')) ids.add(id);
    }
  }
  const found = [...ids];
  writersCache.set(section, found);
  return found;
}

const newestCache = new WeakMap<Section, { ms: number; line: number } | null>();

/**
 * The newest real time written in a section (outside code), with its local line. Cached with the
 * section, so document rules that ask for every living section stay proportional to the sections.
 */
export function newestTimestamp(section: Section): { ms: number; line: number } | undefined {
  let cached = newestCache.get(section);
  if (cached === undefined) {
    cached = null;
    for (const stamp of section.timestamps) {
      if (stamp.inCode || stamp.epochMs === undefined || stamp.format === 'date') continue;
      if (!cached || stamp.epochMs > cached.ms) cached = { ms: stamp.epochMs, line: stamp.line };
    }
    newestCache.set(section, cached);
  }
  return cached ?? undefined;
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

const appendCache = new WeakMap<Section, Map<string, boolean>>();

/**
 * True when `newText`, added at the very end of the plan, really starts a section headed `heading`.
 * It does not when the plan ends inside a block that never closes (a code fence, an HTML comment).
 * Sections parse on their own, so this parses only the last section and the added text.
 */
export function appendedSectionParses(plan: PlanDocument, newText: string, heading: string): boolean {
  const last = plan.sections[plan.sections.length - 1]?.section;
  if (!last) return true;
  let known = appendCache.get(last);
  if (!known) appendCache.set(last, (known = new Map()));
  const key = `${heading}\u0000${newText}`;
  let parses = known.get(key);
  if (parses === undefined) {
    parses = parsePlan(last.text + newText).sections.some((placed) => placed.section.heading?.level === 2 && placed.section.heading.text === heading);
    known.set(key, parses);
  }
  return parses;
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
