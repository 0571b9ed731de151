/**
 * The fast path for the commonest edit: typing inside one line. When the edit adds or removes no
 * line break and every line of the section keeps its block kind, only the edited line's items can
 * differ; the other lines' items are kept as they are (their positions are line-relative), so a
 * keystroke in a 600 KB section costs one pass of the block scanner instead of a rebuild. Anything
 * else (a heading, fence or list marker touched, a line's kind changed) returns undefined and the
 * caller rebuilds the section. The incremental property test holds the result to a full parse.
 */
import { LineKind } from './types';
import type { Comment, Entry, Link, ListItem, PlacedSection, Section, Timestamp } from './types';
import { BlockScanner, isTopLevel, kindOf, levelOf, packLine } from './blockScanner';
import { indentEnd, lineOfOffset, measureIndent } from './lines';
import { sectionLine, withTypedLine } from './sectionText';
import { buildSection } from './section';
import { EntryNode, LinkNode, ListItemNode, TimestampNode } from './nodes';
import { itemsOnLine, recordLineEdit, replaceLineResults } from './lineage';

/** Kinds whose items span lines or depend on the line's exact text in ways a one-line rebuild cannot see. */
const UNSAFE_KINDS = new Set<number>([LineKind.Heading, LineKind.SetextUnderline, LineKind.FenceOpen, LineKind.FenceBody, LineKind.FenceClose]);

/**
 * The section `placed` after replacing `[start, end)` (offsets in the old document, inside the
 * section) with `inserted`, or undefined when the edit is not confined to one line whose kind
 * stays the same. Reads only the section's text, never the whole document's.
 */
export function editWithinLine(placed: PlacedSection, next: PlacedSection | undefined, start: number, end: number, inserted: string): Section | undefined {
  const old = placed.section;
  if (hasLineBreak(inserted)) return undefined;
  const localStart = start - placed.offset;
  const localEnd = end - placed.offset;
  const line = lineOfOffset(old.lineStarts, localStart);
  // The first line opens the section (its heading); a change there can unmake the section.
  if (line === 0 || UNSAFE_KINDS.has(old.lineKinds[line]!)) return undefined;
  const lineStart = old.lineStarts[line]!;
  // Read by line, so a section whose text was not joined since earlier keystrokes stays unjoined.
  const oldLine = sectionLine(old, line);
  // The edit must lie inside the line's content: reaching into its line ending joins lines.
  if (localEnd > lineStart + oldLine.length) return undefined;

  const delta = inserted.length - (end - start);
  const newLine = oldLine.slice(0, localStart - lineStart) + inserted + oldLine.slice(localEnd - lineStart);
  // The plan's last line emptied, with no line ending after it, stops being a line of the section.
  if (newLine.length === 0 && line === old.lineStarts.length - 1 && lineStart + oldLine.length === old.text.length) return undefined;
  // Indentation decides list containers and where items end: a change there needs the full rebuild.
  if (indentEnd(oldLine) !== indentEnd(newLine) || measureIndent(oldLine).columns !== measureIndent(newLine).columns) return undefined;
  const scan = rescanAround(old, line, newLine, old.heading !== undefined);
  if (!scan) return undefined;
  if (scan !== SETTLED && next && !stillOpens(scan, old.lineKinds.length, next)) return undefined;

  const lineStarts = old.lineStarts.slice();
  for (let i = line + 1; i < lineStarts.length; i++) lineStarts[i] = lineStarts[i]! + delta;
  const fresh = lineItems(newLine, old.lineKinds[line]!, line, old.listItems);
  const fields: Omit<Section, 'text'> = {
    lineStarts,
    lineKinds: old.lineKinds,
    subheadings: old.subheadings,
    listItems: replaceLine(old.listItems, line, fresh.listItems),
    entries: replaceLine(old.entries, line, fresh.entries),
    timestamps: replaceLine(old.timestamps, line, fresh.timestamps),
    links: replaceLine(old.links, line, fresh.links),
    codeBlocks: old.codeBlocks,
    comments: replaceLine(old.comments, line, fresh.comments),
  };
  if (old.heading) (fields as { heading?: Section['heading'] }).heading = old.heading;
  // Built from the old section's lines, so the new document's whole text need not be read; the
  // section's own text is joined only when a reader asks for all of it.
  const section = withTypedLine(fields, old, line, newLine);
  recordLineEdit(section, old, line);
  return section;
}

function hasLineBreak(text: string): boolean {
  return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
}

/** Said by {@link rescanAround} when the lines after the window read exactly as before. */
const SETTLED = 'settled';

/**
 * Scans the lines of the new section text whose kind the edit of `line` could change, and checks
 * that none did. The window starts at the last line at or before the edit where the block scanner
 * starts afresh, and ends at the first line after it where both the old and the new scan start
 * afresh; past it every line reads as before, and so does the next section's heading (SETTLED).
 * Without such a line the scan runs to the section's end and returns the scanner there. Undefined
 * when a line changed kind or the edit opened a section. Lines other than the edited one (given
 * as `newLine`) are read from the old text, where they are the same.
 */
function rescanAround(old: Section, line: number, newLine: string, opensWithHeading: boolean): BlockScanner | typeof SETTLED | undefined {
  const kinds = old.lineKinds;
  let first = line;
  while (first > 0 && !startsAfresh(old, first)) first--;
  const scanner = new BlockScanner(first);
  const packed: number[] = [];
  for (let index = first; index < kinds.length; index++) {
    if (index > line && kindOf(packed[index - 1 - first]!) === LineKind.Blank && startsAfresh(old, index)) {
      return sameKinds(packed, kinds, first) ? SETTLED : undefined;
    }
    scanner.scan(index === line ? newLine : sectionLine(old, index));
    const value = scanner.packed;
    if (kindOf(value) === LineKind.SetextUnderline) {
      // Its paragraph lines are heading lines now, as the section scanner marks them.
      for (let i = Math.max(first, scanner.setextStart); i < index; i++) packed[i - first] = packLine(LineKind.Heading, levelOf(value), isTopLevel(value));
    }
    if (opensNewSection(value, index, scanner.setextStart, opensWithHeading)) return undefined;
    packed.push(value);
  }
  return sameKinds(packed, kinds, first) ? scanner : undefined;
}

function sameKinds(packed: readonly number[], kinds: Uint8Array, first: number): boolean {
  for (let i = 0; i < packed.length; i++) if (kindOf(packed[i]!) !== kinds[first + i]) return false;
  return true;
}

/**
 * True when the block scanner reads local line `index` of `section` and every line after it the
 * same whatever came before: the old line before it was blank, so no fence, HTML
 * block or paragraph is open, and the line has content in column 0, which closes every list item.
 */
function startsAfresh(section: Section, index: number): boolean {
  const kinds = section.lineKinds;
  if (index === 0 || kinds[index - 1] !== LineKind.Blank || kinds[index] === LineKind.Blank) return false;
  const content = sectionLine(section, index);
  return content.length > 0 && content.charCodeAt(0) !== 32 && content.charCodeAt(0) !== 9;
}

/**
 * True when the next section's heading still opens a section after the edited one: the edit may
 * have left a block open (an HTML comment, a fence) that would swallow it. Past a top-level heading
 * the scanner's state is the same whatever came before, so checking the heading lines is enough.
 */
function stillOpens(scanner: BlockScanner, linesScanned: number, next: PlacedSection): boolean {
  const heading = next.section.heading;
  if (!heading) return false;
  const probe = scanner.clone();
  const last = heading.setext ? heading.range.end.line : 0;
  // The next section is unchanged and starts with its heading lines.
  const lines = next.section.lineStarts.length;
  for (let line = 0; line <= last && line < lines; line++) probe.scan(sectionLine(next.section, line));
  const value = probe.packed;
  if (!isTopLevel(value) || levelOf(value) !== heading.level) return false;
  return heading.setext ? kindOf(value) === LineKind.SetextUnderline && probe.setextStart === linesScanned : kindOf(value) === LineKind.Heading;
}

/**
 * True when line `index` is a top-level level-1 or level-2 heading that is not the section's own
 * (line 0, or the underline of its setext heading): a section boundary the edit created.
 */
function opensNewSection(value: number, index: number, setextStart: number, opensWithHeading: boolean): boolean {
  const kind = kindOf(value);
  if (!isTopLevel(value) || levelOf(value) > 2 || (kind !== LineKind.Heading && kind !== LineKind.SetextUnderline)) return false;
  const firstLine = kind === LineKind.SetextUnderline ? Math.max(0, setextStart) : index;
  return !(opensWithHeading && firstLine === 0);
}

interface LineItems {
  readonly listItems: readonly ListItem[];
  readonly entries: readonly Entry[];
  readonly timestamps: readonly Timestamp[];
  readonly links: readonly Link[];
  readonly comments: readonly Comment[];
}

/** The items of one line, read as the section builder reads them, placed at `line`. */
function lineItems(content: string, kind: number, line: number, oldItems: readonly ListItem[]): LineItems {
  // The builder makes its items as nodes, which can be moved to the edited line.
  const alone = buildSection(content, [0], Uint8Array.of(kind), false);
  const oldItem = itemsOnLine(oldItems, line)[0];
  return {
    // Where an item ends depends on the lines after it, which did not change.
    listItems: alone.listItems.map((item) => (item as ListItemNode).atLine(line, oldItem ? oldItem.endLine : line)),
    entries: alone.entries.map((entry) => (entry as EntryNode).atLine(line)),
    timestamps: alone.timestamps.map((stamp) => (stamp as TimestampNode).atLine(line)),
    links: alone.links.map((link) => (link as LinkNode).atLine(line)),
    comments: alone.comments.map((comment) => ({ line, range: { start: { line, character: comment.range.start.character }, end: { line, character: comment.range.end.character } }, text: comment.text })),
  };
}

/** `items` (in line order) with those on `line` replaced by `fresh`. */
function replaceLine<T extends { readonly line: number }>(items: readonly T[], line: number, fresh: readonly T[]): readonly T[] {
  return replaceLineResults(items, line, fresh, (item) => item.line);
}
