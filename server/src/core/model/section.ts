/**
 * Builds a {@link Section} from its text and the block scanner's classification of its lines:
 * headings, list items, entries, timestamps, links, code blocks and comments, all at local lines.
 *
 * Structure is read line by line, but only the lines that need it are sliced: timestamps, links,
 * comments and entry candidates are found by native searches over the whole section text first,
 * so the many lines that hold none of them cost almost nothing.
 */
import { LineKind } from './types';
import type { CheckboxState, CodeBlock, Comment, Entry, Heading, Link, Section, Timestamp } from './types';
import { atxLevel, listMarker } from './blockScanner';
import { indentEnd, measureIndent } from './lines';
import { findEntry, findLinks, insideSpans } from './inline';
import { findTimestamps } from './timestamps';
import { EMPTY_LIST } from '../emptyList';
import { LiteralSet } from './literalSet';
import { SectionLines } from './sectionLines';
import { EntryNode, HeadingNode, LinkNode, ListItemNode, TimestampNode } from './nodes';

/** Lines longer than this are not searched for entries (no real entry line is this long). */
const MAX_ENTRY_LINE = 4000;
/** Longer comments are not read as directives. */
const MAX_COMMENT_LENGTH = 2000;
/**
 * Any of these on a line may start a link or URL; lines without one are not searched. A bare
 * `mailto:` link needs an `@` after it, and `@` is a rarer character to search for than `ma`.
 */
const LINK_TRIGGERS = new LiteralSet(['](', '<', '://', '@', 'www.', ']:']);

/** `packed` (the block scanner's classes, one per line) is taken over: it becomes the section's `lineKinds`. */
export function buildSection(text: string, lineStarts: readonly number[], packed: Uint8Array, opensWithHeading: boolean): Section {
  const lines = new SectionLines(text, lineStarts, packed);
  const structure = readStructure(lines, opensWithHeading);
  // A literal with a fixed shape: spreading an optional property in makes every section slower to build.
  const section: Section = {
    text,
    lineStarts,
    lineKinds: lines.kinds,
    subheadings: orEmpty(structure.subheadings),
    listItems: orEmpty(structure.listItems),
    entries: orEmpty(readEntries(lines)),
    timestamps: orEmpty(readTimestamps(lines)),
    links: orEmpty(readLinks(lines)),
    codeBlocks: orEmpty(structure.codeBlocks),
    comments: orEmpty(readComments(lines)),
  };
  if (structure.heading) (section as { heading?: Heading }).heading = structure.heading;
  return section;
}

function orEmpty<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? EMPTY_LIST : items;
}

interface Structure {
  heading: Heading | undefined;
  readonly subheadings: Heading[];
  readonly listItems: ListItemNode[];
  readonly codeBlocks: CodeBlock[];
}

/** Headings, list items and code blocks: the lines whose kind says they are one. */
function readStructure(lines: SectionLines, opensWithHeading: boolean): Structure {
  const out: Structure = { heading: undefined, subheadings: [], listItems: [], codeBlocks: [] };
  const kinds = lines.kinds;
  let fenceStart = -1;
  let fenceInfo = '';
  let fenceMarker = '';
  let fenceHasFenceLikeLine = false;
  let indentedStart = -1;
  let indentedEnd = -1;
  let setextStart = -1;

  const lineCount = kinds.length;
  for (let line = 0; line < lineCount; line++) {
    const kind = kinds[line]!;
    if (kind === LineKind.Text || kind === LineKind.Blank) {
      // The commonest lines: nothing structural to read, but an open block may end here.
      if (kind === LineKind.Text) indentedStart = closeIndented(out, indentedStart, indentedEnd);
      if (fenceStart >= 0) {
        out.codeBlocks.push({ kind: 'fenced', startLine: fenceStart, endLine: line - 1, info: fenceInfo, fence: fenceMarker, closed: false, containsFenceLikeLine: fenceHasFenceLikeLine });
        fenceStart = -1;
      }
      continue;
    }
    if (kind !== LineKind.IndentedCode) indentedStart = closeIndented(out, indentedStart, indentedEnd);

    switch (kind) {
      case LineKind.Heading: {
        const content = lines.content(line);
        const indent = indentEnd(content);
        const level = atxLevel(content, indent);
        if (level > 0) addHeading(out, atxHeading(content, line, indent, level), line, opensWithHeading);
        else if (setextStart < 0) setextStart = line; // The first text line of a setext heading; the underline completes it.
        break;
      }
      case LineKind.SetextUnderline: {
        const start = setextStart >= 0 ? setextStart : line;
        addHeading(out, setextHeading(lines, start, line, setextLevel(lines.content(line))), start, opensWithHeading);
        setextStart = -1;
        break;
      }
      case LineKind.FenceOpen: {
        const content = lines.content(line);
        const indent = indentEnd(content);
        let end = indent;
        while (end < content.length && content[end] === content[indent]) end++;
        fenceStart = line;
        fenceMarker = content.slice(indent, end);
        fenceInfo = content.slice(end).trim();
        fenceHasFenceLikeLine = false;
        break;
      }
      case LineKind.FenceBody:
        if (fenceStart >= 0 && !fenceHasFenceLikeLine && looksLikeFenceOpener(lines.content(line), fenceMarker)) fenceHasFenceLikeLine = true;
        break;
      case LineKind.FenceClose:
        if (fenceStart >= 0) {
          out.codeBlocks.push({ kind: 'fenced', startLine: fenceStart, endLine: line, info: fenceInfo, fence: fenceMarker, closed: true, containsFenceLikeLine: fenceHasFenceLikeLine });
          fenceStart = -1;
        }
        break;
      case LineKind.IndentedCode:
        if (indentedStart < 0) indentedStart = line;
        indentedEnd = line;
        break;
      case LineKind.ListItem:
        out.listItems.push(listItem(lines.content(line), line));
        break;
      default:
        break;
    }
    if (fenceStart >= 0 && kind !== LineKind.FenceOpen && kind !== LineKind.FenceBody && kind !== LineKind.FenceClose) {
      // The fence ended without a closing line (its list item ended).
      out.codeBlocks.push({ kind: 'fenced', startLine: fenceStart, endLine: line - 1, info: fenceInfo, fence: fenceMarker, closed: false, containsFenceLikeLine: fenceHasFenceLikeLine });
      fenceStart = -1;
    }
  }
  indentedStart = closeIndented(out, indentedStart, indentedEnd);
  if (fenceStart >= 0) {
    out.codeBlocks.push({ kind: 'fenced', startLine: fenceStart, endLine: lineCount - 1, info: fenceInfo, fence: fenceMarker, closed: false, containsFenceLikeLine: fenceHasFenceLikeLine });
  }
  setListItemEnds(out.listItems, kinds, lines);
  return out;
}

/** Records the indented code block running from `start` (if one is open); returns the closed state, -1. */
function closeIndented(out: Structure, start: number, end: number): number {
  if (start >= 0) out.codeBlocks.push({ kind: 'indented', startLine: start, endLine: end, info: '', fence: '', closed: true, containsFenceLikeLine: false });
  return -1;
}

/** `=` underlines make level 1, `-` underlines level 2 (the scanner only marks real underlines). */
function setextLevel(underline: string): number {
  return underline.charCodeAt(indentEnd(underline)) === 0x3d ? 1 : 2;
}

function addHeading(out: Structure, found: Heading, firstLine: number, opensWithHeading: boolean): void {
  if (firstLine === 0 && opensWithHeading) out.heading = found;
  else out.subheadings.push(found);
}

/**
 * `Key: value` lines outside code blocks and HTML. An entry's colon is followed by white space, the
 * line's end or a closing `**`/`__`, so colons inside times and URLs (`14:00`, `https:`) rule no
 * line in and most lines are never read.
 */
function readEntries(lines: SectionLines): Entry[] {
  const entries: Entry[] = [];
  const text = lines.text;
  for (let colon = text.indexOf(':'); colon >= 0; ) {
    if (!canEndEntryKey(text.charCodeAt(colon + 1))) {
      colon = text.indexOf(':', colon + 1);
      continue;
    }
    const line = lines.lineAt(colon);
    const next = lines.startOf(line + 1);
    const kind = lines.kinds[line]!;
    if (kind !== LineKind.Html && !isCodeLine(kind) && lines.contentEnd(line) - lines.startOf(line) <= MAX_ENTRY_LINE) {
      const content = lines.content(line);
      const indent = indentEnd(content);
      const entry = findEntry(content, indent);
      if (entry && !insideSpans(lines.codeSpans(line), entry.keyStart)) {
        entries.push(new EntryNode(line, entry.key, entry.value, entry.keyStart, entry.keyEnd, entry.valueStart, indent, entry.bulleted));
      }
    }
    colon = next < text.length ? text.indexOf(':', next) : -1;
  }
  return entries;
}

/** Dates and times, found in one pass over the section (no pattern spans a line ending). */
function readTimestamps(lines: SectionLines): Timestamp[] {
  const timestamps: Timestamp[] = [];
  for (const match of findTimestamps(lines.text)) {
    const line = lines.lineAt(match.start);
    const lineStart = lines.startOf(line);
    const start = match.start - lineStart;
    const end = match.end - lineStart;
    const inCode = isCodeLine(lines.kinds[line]!) || insideSpans(lines.codeSpans(line), start);
    const timestamp = new TimestampNode(line, start, end, match.raw, match.format, match.epochMs, match.hasZone, inCode);
    if (match.invalidReason) (timestamp as { invalidReason?: string }).invalidReason = match.invalidReason;
    timestamps.push(timestamp);
  }
  return timestamps;
}

/** Links and URLs, read only on lines where one could start. */
function readLinks(lines: SectionLines): Link[] {
  const links: Link[] = [];
  for (const line of LINK_TRIGGERS.linesIn(lines.text, lines.starts)) {
    const inCodeBlock = isCodeLine(lines.kinds[line]!);
    for (const match of findLinks(lines.content(line))) {
      links.push(new LinkNode(line, match.start, match.end, match.url, match.kind, inCodeBlock || insideSpans(lines.codeSpans(line), match.start)));
    }
  }
  return links;
}

/** HTML comments outside code (inline directives live in them). */
function readComments(lines: SectionLines): Comment[] {
  const comments: Comment[] = [];
  const text = lines.text;
  for (let open = text.indexOf('<!--'); open >= 0; ) {
    const line = lines.lineAt(open);
    if (!isCodeLine(lines.kinds[line]!)) {
      const content = lines.content(line);
      for (const found of findComments(content)) {
        if (insideSpans(lines.codeSpans(line), found.start)) continue;
        comments.push({ line, range: span(line, found.start, found.end), text: found.text });
      }
    }
    const next = lines.startOf(line + 1);
    open = next < text.length ? text.indexOf('<!--', next) : -1;
  }
  return comments;
}

function canEndEntryKey(after: number): boolean {
  // NaN is the end of the text.
  return after === 32 || after === 9 || after === 10 || after === 13 || after === 0x2a || after === 0x5f || Number.isNaN(after);
}

function isCodeLine(kind: number): boolean {
  return kind === LineKind.FenceBody || kind === LineKind.FenceOpen || kind === LineKind.FenceClose || kind === LineKind.IndentedCode;
}

/**
 * HTML comments on a line, each at most {@link MAX_COMMENT_LENGTH} long. The closing `-->` found
 * for one opener serves every opener before it, so a line of many openers stays linear.
 */
function findComments(content: string): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  let closer = -1;
  for (let open = content.indexOf('<!--'); open >= 0; ) {
    if (closer < open + 4) closer = content.indexOf('-->', open + 4);
    if (closer < 0) break;
    if (closer - (open + 4) > MAX_COMMENT_LENGTH) {
      open = content.indexOf('<!--', open + 4);
      continue;
    }
    found.push({ start: open, end: closer + 3, text: content.slice(open + 4, closer).trim() });
    open = content.indexOf('<!--', closer + 3);
  }
  return found;
}

function span(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The text of an ATX heading line, as {@link Heading.text} reads it; '' when the line is not one. */
export function atxHeadingText(content: string): string {
  const indent = indentEnd(content);
  const level = atxLevel(content, indent);
  return level > 0 ? atxHeading(content, 0, indent, level).text : '';
}

function atxHeading(content: string, line: number, indent: number, level: number): Heading {
  let start = indent + level;
  while (start < content.length && (content[start] === ' ' || content[start] === '\t')) start++;
  let end = content.length;
  while (end > start && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
  // An optional closing run of `#` preceded by a space is not part of the text.
  let hashes = end;
  while (hashes > start && content[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === start || content[hashes - 1] === ' ' || content[hashes - 1] === '\t')) {
    end = hashes;
    while (end > start && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
  }
  return new HeadingNode(level, content.slice(start, end), line, false, indent, line, content.length, start, end);
}

function setextHeading(lines: SectionLines, start: number, underline: number, level: number): Heading {
  const parts: string[] = [];
  for (let line = start; line < underline; line++) parts.push(lines.content(line).trim());
  const first = lines.content(start);
  const indent = indentEnd(first);
  const firstEnd = first.trimEnd().length;
  return new HeadingNode(level, parts.join(' '), start, true, indent, underline, lines.contentEnd(underline) - lines.startOf(underline), indent, firstEnd);
}

function listItem(content: string, line: number): ListItemNode {
  const indent = indentEnd(content);
  const marker = listMarker(content, indent)!;
  let i = indent;
  while (i < content.length && !isBlank(content.charCodeAt(i))) i++;
  const markerText = content.slice(indent, i);
  while (i < content.length && isBlank(content.charCodeAt(i))) i++;
  const boxAt = i;
  const box = checkboxAt(content, boxAt);
  if (box) {
    i += 3;
    while (i < content.length && isBlank(content.charCodeAt(i))) i++;
  }
  let end = content.length;
  while (end > i && isBlank(content.charCodeAt(end - 1))) end--;
  const item = new ListItemNode(line, indent, markerText, marker.ordered, content.slice(i, end), i, end);
  if (box) {
    (item as { checkbox?: CheckboxState }).checkbox = box;
    item.checkboxStart = boxAt;
  }
  return item;
}

/** `[ ]`, `[x]` or `[X]` at `i`, followed by white space or the line's end. */
function checkboxAt(content: string, i: number): CheckboxState | undefined {
  if (content.charCodeAt(i) !== 0x5b || content.charCodeAt(i + 2) !== 0x5d) return undefined;
  const after = i + 3;
  if (after < content.length && !isBlank(content.charCodeAt(after))) return undefined;
  const mark = content.charCodeAt(i + 1);
  if (mark === 32) return 'open';
  return mark === 0x78 || mark === 0x58 ? 'done' : undefined;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * An item runs until the next item at the same or a shallower indent, a heading, or less-indented
 * text after a blank line. One pass with a stack, so deeply nested lists stay linear.
 */
/** Ends every open item indented at least `indent` at `lastContent`. */
function closeItemsFrom(open: ListItemNode[], indent: number, lastContent: number): void {
  while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop()!.endLine = lastContent;
}

function setListItemEnds(items: ListItemNode[], kinds: Uint8Array, lines: SectionLines): void {
  const open: ListItemNode[] = [];
  let next = 0;
  let lastContent = -1;
  let sawBlank = false;
  for (let line = 0; line < kinds.length; line++) {
    const kind = kinds[line]!;
    if (kind === LineKind.Blank) {
      sawBlank = true;
      continue;
    }
    if (kind === LineKind.Heading || kind === LineKind.SetextUnderline || kind === LineKind.ThematicBreak) {
      closeItemsFrom(open, 0, lastContent);
    } else if (next < items.length && items[next]!.line === line) {
      closeItemsFrom(open, items[next]!.indent, lastContent);
      open.push(items[next++]!);
    } else if (sawBlank) {
      closeItemsFrom(open, measureIndent(lines.content(line)).columns, lastContent);
    }
    lastContent = line;
    sawBlank = false;
  }
  closeItemsFrom(open, 0, lastContent);
}

function looksLikeFenceOpener(content: string, outer: string): boolean {
  const indent = indentEnd(content);
  const char = outer[0];
  if (content[indent] !== '`' && content[indent] !== '~') return false;
  let end = indent;
  while (end < content.length && content[end] === content[indent]) end++;
  const run = end - indent;
  // A fence line with an info string inside a block of the same character is an attempted nesting.
  return run >= 3 && content[indent] === char && content.slice(end).trim().length > 0;
}
