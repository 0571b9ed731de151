/**
 * Builds a {@link Section} from its text and the block scanner's classification of its lines:
 * headings, list items, entries, timestamps, links, code blocks and comments, all at local lines.
 */
import { LineKind } from './types';
import type { CodeBlock, Comment, Entry, Heading, Link, ListItem, Section, Timestamp } from './types';
import { atxLevel, kindOf, levelOf, listMarker } from './blockScanner';
import { lineContentEnd, measureIndent } from './lines';
import { codeSpans, findEntry, findLinks, insideSpans } from './inline';
import { findTimestamps, toTimestamp } from './timestamps';

/** Lines longer than this are not searched for entries (no real entry line is this long). */
const MAX_ENTRY_LINE = 4000;
/** Longer comments are not read as directives. */
const MAX_COMMENT_LENGTH = 2000;

export function buildSection(text: string, lineStarts: readonly number[], packed: Uint8Array, opensWithHeading: boolean): Section {
  const lineKinds = new Uint8Array(packed.length);
  const subheadings: Heading[] = [];
  const listItems: Array<ListItem & { endLine: number }> = [];
  const entries: Entry[] = [];
  const timestamps: Timestamp[] = [];
  const links: Link[] = [];
  const codeBlocks: CodeBlock[] = [];
  const comments: Comment[] = [];
  let heading: Heading | undefined;

  let fenceStart = -1;
  let fenceInfo = '';
  let fenceMarker = '';
  let fenceHasFenceLikeLine = false;
  let indentedStart = -1;
  let indentedEnd = -1;
  let setextStart = -1;

  const lineText = (line: number): string => {
    const start = lineStarts[line]!;
    return text.slice(start, lineContentEnd(text, start));
  };

  const closeIndented = (): void => {
    if (indentedStart >= 0) {
      codeBlocks.push({ kind: 'indented', startLine: indentedStart, endLine: indentedEnd, info: '', fence: '', closed: true, containsFenceLikeLine: false });
      indentedStart = -1;
    }
  };

  const lineCount = packed.length;
  for (let line = 0; line < lineCount; line++) {
    const kind = kindOf(packed[line]!);
    lineKinds[line] = kind;
    const content = lineText(line);

    if (kind !== LineKind.IndentedCode && kind !== LineKind.Blank) closeIndented();

    switch (kind) {
      case LineKind.Heading: {
        const indent = measureIndent(content).index;
        const level = atxLevel(content, indent);
        if (level > 0) {
          const found = atxHeading(content, line, indent, level);
          if (line === 0 && opensWithHeading) heading = found;
          else subheadings.push(found);
        } else if (setextStart < 0) {
          // The first text line of a setext heading; the underline completes it.
          setextStart = line;
        }
        break;
      }
      case LineKind.SetextUnderline: {
        const start = setextStart >= 0 ? setextStart : line;
        const found = setextHeading(lineText, start, line, levelOf(packed[line]!));
        if (start === 0 && opensWithHeading) heading = found;
        else subheadings.push(found);
        setextStart = -1;
        break;
      }
      case LineKind.FenceOpen: {
        const indent = measureIndent(content).index;
        let end = indent;
        while (end < content.length && content[end] === content[indent]) end++;
        fenceStart = line;
        fenceMarker = content.slice(indent, end);
        fenceInfo = content.slice(end).trim();
        fenceHasFenceLikeLine = false;
        break;
      }
      case LineKind.FenceBody:
        if (fenceStart >= 0 && !fenceHasFenceLikeLine && looksLikeFenceOpener(content, fenceMarker)) fenceHasFenceLikeLine = true;
        break;
      case LineKind.FenceClose:
        if (fenceStart >= 0) {
          codeBlocks.push({ kind: 'fenced', startLine: fenceStart, endLine: line, info: fenceInfo, fence: fenceMarker, closed: true, containsFenceLikeLine: fenceHasFenceLikeLine });
          fenceStart = -1;
        }
        break;
      case LineKind.IndentedCode:
        if (indentedStart < 0) indentedStart = line;
        indentedEnd = line;
        break;
      case LineKind.ListItem:
        listItems.push(listItem(content, line));
        break;
      default:
        break;
    }
    if (fenceStart >= 0 && kind !== LineKind.FenceOpen && kind !== LineKind.FenceBody && kind !== LineKind.FenceClose) {
      // The fence ended without a closing line (its list item ended).
      codeBlocks.push({ kind: 'fenced', startLine: fenceStart, endLine: line - 1, info: fenceInfo, fence: fenceMarker, closed: false, containsFenceLikeLine: fenceHasFenceLikeLine });
      fenceStart = -1;
    }

    const inCodeBlock = kind === LineKind.FenceBody || kind === LineKind.FenceOpen || kind === LineKind.FenceClose || kind === LineKind.IndentedCode;
    if (kind === LineKind.Blank) continue;
    const spans = inCodeBlock ? [] : codeSpans(content);

    if (!inCodeBlock && kind !== LineKind.Html && content.length <= MAX_ENTRY_LINE) {
      const indent = measureIndent(content).index;
      const entry = findEntry(content, indent);
      if (entry && !insideSpans(spans, entry.keyStart)) {
        entries.push({
          line,
          key: entry.key,
          value: entry.value,
          keyRange: span(line, entry.keyStart, entry.keyEnd),
          valueRange: span(line, entry.valueStart, entry.valueStart + entry.value.length),
          indent,
          bulleted: entry.bulleted,
        });
      }
    }
    for (const match of findTimestamps(content)) {
      timestamps.push(toTimestamp(match, line, inCodeBlock || insideSpans(spans, match.start)));
    }
    for (const match of findLinks(content)) {
      links.push({ line, range: span(line, match.start, match.end), url: match.url, kind: match.kind, inCode: inCodeBlock || insideSpans(spans, match.start) });
    }
    if (!inCodeBlock && content.indexOf('<!--') >= 0) {
      for (const found of findComments(content)) {
        if (insideSpans(spans, found.start)) continue;
        comments.push({ line, range: span(line, found.start, found.end), text: found.text });
      }
    }
  }
  closeIndented();
  if (fenceStart >= 0) {
    codeBlocks.push({ kind: 'fenced', startLine: fenceStart, endLine: lineCount - 1, info: fenceInfo, fence: fenceMarker, closed: false, containsFenceLikeLine: fenceHasFenceLikeLine });
  }
  setListItemEnds(listItems, lineKinds, lineText);

  // A literal with a fixed shape: spreading an optional property in makes every section slower to build.
  const section: Section = {
    text,
    lineStarts,
    lineKinds,
    subheadings,
    listItems,
    entries,
    timestamps,
    links,
    codeBlocks,
    comments,
  };
  if (heading) (section as { heading?: Heading }).heading = heading;
  return section;
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
  return {
    level,
    text: content.slice(start, end),
    line,
    range: span(line, indent, content.length),
    textRange: span(line, start, end),
    setext: false,
  };
}

function setextHeading(lineText: (line: number) => string, start: number, underline: number, level: number): Heading {
  const parts: string[] = [];
  for (let line = start; line < underline; line++) parts.push(lineText(line).trim());
  const first = lineText(start);
  const indent = measureIndent(first).index;
  const firstEnd = first.trimEnd().length;
  return {
    level,
    text: parts.join(' '),
    line: start,
    range: { start: { line: start, character: indent }, end: { line: underline, character: lineText(underline).length } },
    textRange: span(start, indent, firstEnd),
    setext: true,
  };
}

function listItem(content: string, line: number): ListItem & { endLine: number } {
  const indent = measureIndent(content).index;
  const marker = listMarker(content, indent)!;
  let i = indent;
  while (i < content.length && content[i] !== ' ' && content[i] !== '\t') i++;
  const markerText = content.slice(indent, i);
  while (i < content.length && (content[i] === ' ' || content[i] === '\t')) i++;
  let checkbox: 'open' | 'done' | undefined;
  let checkboxRange;
  const box = /^\[([ xX])\](?=[ \t]|$)/.exec(content.slice(i, i + 4));
  if (box) {
    checkbox = box[1] === ' ' ? 'open' : 'done';
    checkboxRange = span(line, i, i + 3);
    i += 3;
    while (i < content.length && (content[i] === ' ' || content[i] === '\t')) i++;
  }
  let end = content.length;
  while (end > i && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
  const item: ListItem & { endLine: number } = { line, indent, marker: markerText, ordered: marker.ordered, text: content.slice(i, end), textRange: span(line, i, end), endLine: line };
  if (checkbox) Object.assign(item, { checkbox, checkboxRange });
  return item;
}

/**
 * An item runs until the next item at the same or a shallower indent, a heading, or less-indented
 * text after a blank line. One pass with a stack, so deeply nested lists stay linear.
 */
function setListItemEnds(items: Array<ListItem & { endLine: number }>, kinds: Uint8Array, lineText: (line: number) => string): void {
  const open: Array<ListItem & { endLine: number }> = [];
  let next = 0;
  let lastContent = -1;
  let sawBlank = false;
  const closeFrom = (indent: number): void => {
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop()!.endLine = lastContent;
  };
  for (let line = 0; line < kinds.length; line++) {
    const kind = kinds[line]!;
    if (kind === LineKind.Blank) {
      sawBlank = true;
      continue;
    }
    if (kind === LineKind.Heading || kind === LineKind.SetextUnderline || kind === LineKind.ThematicBreak) {
      closeFrom(0);
    } else if (next < items.length && items[next]!.line === line) {
      closeFrom(items[next]!.indent);
      open.push(items[next++]!);
    } else if (sawBlank) {
      closeFrom(measureIndent(lineText(line)).columns);
    }
    lastContent = line;
    sawBlank = false;
  }
  closeFrom(0);
}

function looksLikeFenceOpener(content: string, outer: string): boolean {
  const indent = measureIndent(content).index;
  const char = outer[0];
  if (content[indent] !== '`' && content[indent] !== '~') return false;
  let end = indent;
  while (end < content.length && content[end] === content[indent]) end++;
  const run = end - indent;
  // A fence line with an info string inside a block of the same character is an attempted nesting.
  return run >= 3 && content[indent] === char && content.slice(end).trim().length > 0;
}
