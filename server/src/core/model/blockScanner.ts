/**
 * A line-at-a-time classifier that follows CommonMark's block structure as far as plans need it:
 * ATX and setext headings, fenced and indented code, HTML blocks, block quotes, list items and
 * thematic breaks. It keeps only a little state (an open fence or HTML block, whether the previous
 * line was paragraph text, the content columns of open list items), so it runs at the speed of a
 * line split, and it is always clean at a top-level heading, which is where sections start.
 */
import { LineKind } from './types';
import { indentEnd, measureIndent } from './lines';

/** Tag names that start an HTML block of CommonMark type 6. */
const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);
const RAW_TAGS = /^<(script|pre|style|textarea)(?=[\s>]|$)/i;
const RAW_CLOSE = /<\/(script|pre|style|textarea)>/i;
/** A complete open or closing tag alone on its line (type 7). Only tried on short lines. */
const LONE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^"'=<>`\s]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;
const LONE_TAG_MAX_LENGTH = 400;

/** Packs a line's kind, heading level and whether a heading is top-level into one byte. */
export function packLine(kind: LineKind, level = 0, topLevel = false): number {
  return kind | (level << 4) | (topLevel ? 0x80 : 0);
}
export function kindOf(packed: number): LineKind {
  return packed & 0x0f;
}
export function levelOf(packed: number): number {
  return (packed >> 4) & 0x07;
}
export function isTopLevel(packed: number): boolean {
  return (packed & 0x80) !== 0;
}

interface OpenFence {
  readonly char: number;
  readonly length: number;
  /** Content column of the list item holding the fence (0 at top level). */
  readonly container: number;
}

export class BlockScanner {
  /** Result for the last scanned line, packed with {@link packLine}. */
  packed = 0;
  /** For a setext underline: the local line where the heading text starts. */
  setextStart = -1;

  private line: number;
  private fence: OpenFence | undefined;
  /** 0 when no HTML block is open, else its CommonMark type (1-7). */
  private html = 0;
  private htmlCloser: RegExp | string = '';
  private paragraph = false;
  private paragraphStart = 0;
  private paragraphInList = false;
  /** Content columns of the open list items, innermost last. */
  private lists: number[] = [];

  /** A fresh scanner whose first line is numbered `firstLine` (setext headings refer to line numbers). */
  constructor(firstLine = 0) {
    this.line = firstLine;
  }

  /** A scanner in the same state, to scan on from here without changing this one. */
  clone(): BlockScanner {
    const copy = new BlockScanner();
    copy.packed = this.packed;
    copy.setextStart = this.setextStart;
    copy.line = this.line;
    copy.fence = this.fence;
    copy.html = this.html;
    copy.htmlCloser = this.htmlCloser;
    copy.paragraph = this.paragraph;
    copy.paragraphStart = this.paragraphStart;
    copy.paragraphInList = this.paragraphInList;
    copy.lists = this.lists.slice();
    return copy;
  }

  /** Classifies the next line (without its line ending). */
  scan(text: string): void {
    const lineNo = this.line++;
    this.setextStart = -1;
    const index = indentEnd(text);
    // Most lines start at column 0; only indented ones need their columns counted (tabs).
    const columns = index === 0 ? 0 : measureIndent(text).columns;
    const blank = index === text.length;

    if (this.fence) {
      const fence = this.fence;
      if (!blank && columns < fence.container) {
        // The list item that held the fence has ended, and the fence with it.
        this.fence = undefined;
      } else {
        if (!blank && columns - fence.container <= 3 && isClosingFence(text, index, fence)) {
          this.fence = undefined;
          this.packed = packLine(LineKind.FenceClose);
        } else {
          this.packed = packLine(LineKind.FenceBody);
        }
        return;
      }
    }

    if (this.html !== 0) {
      if (this.html >= 6) {
        if (blank) {
          this.html = 0;
          this.paragraph = false;
          this.packed = packLine(LineKind.Blank);
          return;
        }
      } else if (containsCloser(text, this.htmlCloser)) {
        this.html = 0;
      }
      this.packed = packLine(LineKind.Html);
      return;
    }

    if (blank) {
      this.paragraph = false;
      this.packed = packLine(LineKind.Blank);
      return;
    }

    const lazy = this.paragraph;
    const container = this.containerFor(columns);
    const relative = columns - container;

    if (relative >= 4) {
      // Indented code cannot interrupt a paragraph; inside one the line just continues it.
      this.packed = packLine(lazy ? LineKind.Text : LineKind.IndentedCode);
      if (!lazy) this.closeDeeperThan(columns);
      return;
    }

    const code = text.charCodeAt(index);

    if (code === 0x3e /* > */) {
      this.closeDeeperThan(columns);
      this.paragraph = false;
      this.packed = packLine(LineKind.Quote);
      return;
    }

    if (code === 0x23 /* # */) {
      const level = atxLevel(text, index);
      if (level > 0) {
        this.closeDeeperThan(columns);
        const topLevel = this.lists.length === 0;
        this.paragraph = false;
        this.packed = packLine(LineKind.Heading, level, topLevel);
        return;
      }
    }

    if (code === 0x60 /* ` */ || code === 0x7e /* ~ */) {
      const length = runLength(text, index, code);
      if (length >= 3 && (code === 0x7e || text.indexOf('`', index + length) < 0)) {
        this.closeDeeperThan(columns);
        this.fence = { char: code, length, container: this.containerFor(columns) };
        this.paragraph = false;
        this.packed = packLine(LineKind.FenceOpen);
        return;
      }
    }

    if (lazy && (code === 0x3d /* = */ || code === 0x2d /* - */) && isSetextUnderline(text, index, code)) {
      const inList = this.paragraphInList;
      // A setext underline cannot be a lazy continuation line of a list item's paragraph.
      if (!inList || columns >= container && container > 0) {
        this.setextStart = this.paragraphStart;
        this.paragraph = false;
        const topLevel = !inList;
        if (topLevel) this.lists.length = 0;
        this.packed = packLine(LineKind.SetextUnderline, code === 0x3d ? 1 : 2, topLevel);
        return;
      }
    }

    if ((code === 0x2a || code === 0x2d || code === 0x5f) && isThematicBreak(text, index, code)) {
      this.closeDeeperThan(columns);
      this.paragraph = false;
      this.packed = packLine(LineKind.ThematicBreak);
      return;
    }

    const item = listMarker(text, index);
    // Only an item that would interrupt a paragraph in its own container must be non-empty and, if
    // ordered, start at 1; a sibling of the item holding the paragraph (`1. a` then `2. b`) is fine.
    const innermost = this.lists.length > 0 ? this.lists[this.lists.length - 1]! : 0;
    const interrupts = lazy && (!this.paragraphInList || columns >= innermost);
    if (item && !(interrupts && (item.empty || (item.ordered && item.start !== 1)))) {
      this.closeDeeperThan(columns);
      this.lists.push(columns + item.width);
      this.paragraph = !item.empty;
      this.paragraphStart = lineNo;
      this.paragraphInList = true;
      this.packed = packLine(LineKind.ListItem);
      return;
    }

    if (code === 0x3c /* < */) {
      const type = htmlBlockType(text, index);
      if (type !== 0 && !(type === 7 && lazy)) {
        this.closeDeeperThan(columns);
        this.paragraph = false;
        this.packed = packLine(LineKind.Html);
        const closer = htmlCloserFor(type);
        if (type >= 6 || !containsCloser(text.slice(index), closer)) {
          this.html = type;
          this.htmlCloser = closer;
        }
        return;
      }
    }

    if (!lazy) {
      this.closeDeeperThan(columns);
      this.paragraphStart = lineNo;
      this.paragraphInList = this.lists.length > 0;
    }
    this.paragraph = true;
    this.packed = packLine(code === 0x7c /* | */ ? LineKind.TableRow : LineKind.Text);
  }

  /** Content column of the innermost open list item that holds a line indented by `columns`. */
  private containerFor(columns: number): number {
    for (let i = this.lists.length - 1; i >= 0; i--) {
      if (this.lists[i]! <= columns) return this.lists[i]!;
    }
    return 0;
  }

  private closeDeeperThan(columns: number): void {
    while (this.lists.length > 0 && this.lists[this.lists.length - 1]! > columns) this.lists.pop();
  }
}

function runLength(text: string, index: number, code: number): number {
  let i = index;
  while (i < text.length && text.charCodeAt(i) === code) i++;
  return i - index;
}

function isClosingFence(text: string, index: number, fence: OpenFence): boolean {
  const length = runLength(text, index, fence.char);
  if (length < fence.length) return false;
  for (let i = index + length; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** Level of an ATX heading starting at `index`, or 0. */
export function atxLevel(text: string, index: number): number {
  const level = runLength(text, index, 0x23);
  if (level < 1 || level > 6) return 0;
  const next = index + level;
  if (next === text.length) return level;
  const code = text.charCodeAt(next);
  return code === 32 || code === 9 ? level : 0;
}

function isSetextUnderline(text: string, index: number, code: number): boolean {
  let i = index + runLength(text, index, code);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
    i++;
  }
  return true;
}

function isThematicBreak(text: string, index: number, code: number): boolean {
  let count = 0;
  for (let i = index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === code) count++;
    else if (c !== 32 && c !== 9) return false;
  }
  return count >= 3;
}

interface Marker {
  readonly ordered: boolean;
  readonly start: number;
  /** Columns from the marker to the item's content. */
  readonly width: number;
  readonly empty: boolean;
}

/** A list marker at `index`: `-`, `*`, `+` or up to nine digits and `.` or `)`, then space or end. */
export function listMarker(text: string, index: number): Marker | undefined {
  const code = text.charCodeAt(index);
  let end: number;
  let ordered = false;
  let start = 0;
  if (code === 0x2d || code === 0x2a || code === 0x2b) {
    end = index + 1;
  } else if (code >= 0x30 && code <= 0x39) {
    let i = index;
    while (i < text.length && i - index < 9 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    const delimiter = text.charCodeAt(i);
    if (delimiter !== 0x2e && delimiter !== 0x29) return undefined;
    ordered = true;
    start = Number(text.slice(index, i));
    end = i + 1;
  } else {
    return undefined;
  }
  if (end === text.length) return { ordered, start, width: end - index + 1, empty: true };
  const after = text.charCodeAt(end);
  if (after !== 32 && after !== 9) return undefined;
  let spaces = 0;
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) && spaces < 5) {
    spaces++;
    i++;
  }
  const empty = i === text.length;
  // Five or more spaces mean the content is indented code: the content column is one past the marker.
  const gap = empty || spaces >= 5 ? 1 : spaces;
  return { ordered, start, width: end - index + gap, empty };
}

function htmlBlockType(text: string, index: number): number {
  const rest = text.slice(index, index + 12);
  if (RAW_TAGS.test(rest)) return 1;
  if (rest.startsWith('<!--')) return 2;
  if (rest.startsWith('<?')) return 3;
  if (rest.startsWith('<![CDATA[')) return 5;
  if (/^<![A-Za-z]/.test(rest)) return 4;
  const match = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/.exec(text.slice(index, index + 16));
  if (match) {
    const name = match[1]!.toLowerCase();
    const after = text.charCodeAt(index + match[0].length);
    const ends = Number.isNaN(after) || after === 32 || after === 9 || after === 0x3e || text.startsWith('/>', index + match[0].length);
    if (BLOCK_TAGS.has(name) && ends) return 6;
  }
  if (text.length - index <= LONE_TAG_MAX_LENGTH && LONE_TAG.test(text.slice(index))) return 7;
  return 0;
}

function htmlCloserFor(type: number): RegExp | string {
  switch (type) {
    case 1:
      return RAW_CLOSE;
    case 2:
      return '-->';
    case 3:
      return '?>';
    case 4:
      return '>';
    case 5:
      return ']]>';
    default:
      return '';
  }
}

function containsCloser(text: string, closer: RegExp | string): boolean {
  return typeof closer === 'string' ? closer !== '' && text.includes(closer) : closer.test(text);
}
