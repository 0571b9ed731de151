/**
 * What the parser reads inside a line: inline code spans, `Key: value` entries, links and URLs.
 * Link destinations are read with markdown-it's own link helpers, so they agree with how Markdown
 * renders the plan; bare URLs with a one-pass scanner (linkify's validators cost more than the
 * rest of the parse together on URL-heavy plans).
 */
import MarkdownIt from 'markdown-it';
import type { LinkKind } from './types';
import { findTimestamps } from './timestamps';
import { findBareUrls } from './bareUrls';

const { parseLinkDestination } = new MarkdownIt().helpers;

/** Start and end (exclusive) of each inline code span in the line. */
export function codeSpans(line: string): Array<[number, number]> {
  const first = line.indexOf('`');
  if (first < 0) return [];
  return singleTickSpans(line, first) ?? spansOfRuns(line, first);
}

/**
 * Spans of a line whose backtick runs are all single, the common case, where each run closes the
 * one before it; undefined when a longer run needs {@link spansOfRuns}. Building the spans as it
 * goes keeps the common case to one small list per line.
 */
function singleTickSpans(line: string, first: number): Array<[number, number]> | undefined {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let tick = first; tick >= 0; tick = line.indexOf('`', tick + 1)) {
    if (line.charCodeAt(tick + 1) === 0x60) return undefined;
    if (isEscaped(line, tick)) continue;
    if (open < 0) open = tick;
    else {
      spans.push([open, tick + 1]);
      open = -1;
    }
  }
  return spans;
}

/** A backslash-escaped backtick cannot open a span. */
function isEscaped(line: string, tick: number): boolean {
  return tick > 0 && line.charCodeAt(tick - 1) === 0x5c;
}

/** Spans when runs of several lengths occur: a run closes at the next run of its own length. */
function spansOfRuns(line: string, first: number): Array<[number, number]> {
  const runStarts: number[] = [];
  const runLengths: number[] = [];
  for (let tick = first; tick >= 0; ) {
    let j = tick + 1;
    while (j < line.length && line.charCodeAt(j) === 0x60) j++;
    if (!isEscaped(line, tick)) {
      runStarts.push(tick);
      runLengths.push(j - tick);
    }
    tick = line.indexOf('`', j);
  }
  const spans: Array<[number, number]> = [];
  // Where the next run of each length is, so matching openers to closers stays linear.
  const nextIndexByLength = new Map<number, number>();
  for (let r = 0; r < runStarts.length; r++) {
    const start = runStarts[r]!;
    const length = runLengths[r]!;
    if (spans.length > 0 && start < spans[spans.length - 1]![1]) continue;
    let k = nextIndexByLength.get(length) ?? r + 1;
    if (k <= r) k = r + 1;
    while (k < runStarts.length && runLengths[k] !== length) k++;
    nextIndexByLength.set(length, k);
    if (k < runStarts.length) {
      spans.push([start, runStarts[k]! + length]);
      r = k;
    }
  }
  return spans;
}

/** True when `position` falls in one of `spans` (sorted and disjoint, as {@link codeSpans} gives them). */
export function insideSpans(spans: ReadonlyArray<[number, number]>, position: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = spans[mid]!;
    if (position < start) hi = mid - 1;
    else if (position >= end) lo = mid + 1;
    else return true;
  }
  return false;
}

export interface EntryMatch {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly value: string;
  readonly bulleted: boolean;
}

const MAX_KEY_LENGTH = 40;

/**
 * Reads `Key: value` from a line: `Status: DONE`, `- Decision: x`, `**Evidence**: y`,
 * `- [x] Decision: z` and `- 2025-11-22T14:00:00Z - Decision: w`.
 */
export function findEntry(line: string, start: number): EntryMatch | undefined {
  let i = start;
  let bulleted = false;
  const code = line.charCodeAt(i);
  if ((code === 0x2d || code === 0x2a || code === 0x2b) && isSpace(line.charCodeAt(i + 1))) {
    bulleted = true;
    i = skipSpaces(line, i + 1);
  } else if (code >= 0x30 && code <= 0x39) {
    const ordered = /^\d{1,9}[.)][ \t]+/.exec(line.slice(i, i + 12));
    if (ordered) {
      bulleted = true;
      i += ordered[0].length;
    }
  }
  if (bulleted && line.charCodeAt(i) === 0x5b && /^\[[ xX]\][ \t]+/.test(line.slice(i, i + 5))) {
    i = skipSpaces(line, i + 3);
  }
  // A leading timestamp and a dash before the key, as in Decision Log entries.
  const digit = line.charCodeAt(i);
  if ((digit >= 0x30 && digit <= 0x39) || line.charCodeAt(i) === 0x28 || line.charCodeAt(i) === 0x5b) {
    const window = line.slice(i, i + 48);
    const stamp = findTimestamps(window)[0];
    const opener = window.charCodeAt(0) === 0x28 || window.charCodeAt(0) === 0x5b ? 1 : 0;
    if (stamp && stamp.start === opener) {
      let j = i + stamp.end;
      if (opener && (line.charCodeAt(j) === 0x29 || line.charCodeAt(j) === 0x5d)) j++;
      j = skipSpaces(line, j);
      const dash = line.charCodeAt(j);
      if (dash === 0x2d || dash === 0x2013 || dash === 0x2014 || dash === 0x3a) j = skipSpaces(line, j + 1);
      i = j;
    }
  }
  let bold = '';
  if (line.startsWith('**', i) || line.startsWith('__', i)) {
    bold = line.slice(i, i + 2);
    i += 2;
  }
  const keyStart = i;
  const first = line.charCodeAt(i);
  if (!isLetter(first)) return undefined;
  let j = i + 1;
  const limit = Math.min(line.length, i + MAX_KEY_LENGTH);
  while (j < limit) {
    const c = line.charCodeAt(j);
    if (c === 0x3a /* : */) break;
    if (!(isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 32 || c === 0x2f || c === 0x26 || c === 0x2d || c === 0x28 || c === 0x29 || c === 0x27 || c === 0x2a || c === 0x5f)) {
      return undefined;
    }
    j++;
  }
  let keyEnd = j;
  if (line.charCodeAt(j) !== 0x3a) {
    return undefined;
  }
  let valueStart = j + 1;
  if (bold) {
    if (line.startsWith(bold, keyEnd - 2)) keyEnd -= 2;
    else if (line.startsWith(bold, valueStart)) valueStart += 2;
    else return undefined;
  }
  while (keyEnd > keyStart && line.charCodeAt(keyEnd - 1) === 32) keyEnd--;
  const key = line.slice(keyStart, keyEnd);
  // `http://x` and `C:\path` are not entries; a key is followed by a space or the line's end.
  if (valueStart < line.length && !isSpace(line.charCodeAt(valueStart))) return undefined;
  valueStart = skipSpaces(line, valueStart);
  let valueEnd = line.length;
  while (valueEnd > valueStart && isSpace(line.charCodeAt(valueEnd - 1))) valueEnd--;
  return { key, keyStart, keyEnd, valueStart, value: line.slice(valueStart, valueEnd), bulleted };
}

export interface LinkMatch {
  readonly start: number;
  readonly end: number;
  readonly url: string;
  readonly kind: LinkKind;
}

const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]{0,2048})>/g;
const DEFINITION = /^ {0,3}\[[^\]]{1,999}\]:[ \t]*<?([^\s>]{1,2048})/;
const WWW = /(?<![\w.@/-])www\.[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?:[/?#][^\s<>"'`]{0,2048})?/g;

/** Links and URLs in the line: link destinations, autolinks, definitions and bare URLs. */
export function findLinks(line: string): LinkMatch[] {
  const found: LinkMatch[] = [];
  const hasScheme = line.indexOf('://') >= 0 || line.indexOf('mailto:') >= 0;
  const angle = line.indexOf('<');
  const www = line.indexOf('www.');
  const closing = line.indexOf(']');
  if (closing < 0 && angle < 0 && !hasScheme && www < 0) return found;
  // A definition's label closes with `]:`, so a line without `]` has none.
  const definition = closing < 0 ? null : DEFINITION.exec(line);
  if (definition) {
    const url = definition[1]!;
    const start = line.indexOf(url, definition[0].length - url.length);
    found.push({ start, end: start + url.length, url, kind: 'definition' });
  }
  for (let at = closing < 0 ? -1 : line.indexOf('](', closing); at >= 0; at = line.indexOf('](', at + 2)) {
    let pos = at + 2;
    while (pos < line.length && (line.charCodeAt(pos) === 32 || line.charCodeAt(pos) === 9)) pos++;
    const destination = parseLinkDestination(line, pos, line.length);
    if (destination.ok && destination.str) {
      found.push({ start: pos, end: destination.pos, url: destination.str, kind: 'inline' });
    }
  }
  if (angle >= 0) {
    AUTOLINK.lastIndex = angle;
    let match: RegExpExecArray | null;
    while ((match = AUTOLINK.exec(line)) !== null) {
      found.push({ start: match.index + 1, end: match.index + match[0].length - 1, url: match[1]!, kind: 'autolink' });
    }
  }
  if (hasScheme) {
    // Most lines hold one bare URL and nothing else: with nothing found yet, nothing is claimed.
    const claimed = found.length > 0 ? new Claimed(found) : undefined;
    for (const match of findBareUrls(line)) {
      if (!claimed?.overlaps(match.start, match.end)) found.push({ start: match.start, end: match.end, url: match.url, kind: 'bare' });
    }
  }
  if (www >= 0) {
    const claimed = new Claimed(found);
    WWW.lastIndex = www;
    let match: RegExpExecArray | null;
    while ((match = WWW.exec(line)) !== null) {
      const end = match.index + trimTrailingPunctuation(match[0]).length;
      if (!claimed.overlaps(match.index, end)) {
        found.push({ start: match.index, end, url: 'http://' + line.slice(match.index, end), kind: 'bare' });
      }
    }
  }
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
}

function trimTrailingPunctuation(url: string): string {
  return url.replace(/[.,;:!?)\]]{1,16}$/, '');
}

/**
 * Ranges already taken on a line, asked about in increasing order of position (as scanners find
 * matches), so checking many matches against many ranges stays linear.
 */
class Claimed {
  private readonly ranges: ReadonlyArray<{ start: number; end: number }>;
  private next = 0;
  /** Largest end among the ranges that start before the position asked about last. */
  private reach = -1;

  constructor(found: readonly LinkMatch[]) {
    this.ranges = found.map((link) => ({ start: link.start, end: link.end })).sort((a, b) => a.start - b.start);
  }

  overlaps(start: number, end: number): boolean {
    while (this.next < this.ranges.length && this.ranges[this.next]!.start < end) {
      this.reach = Math.max(this.reach, this.ranges[this.next]!.end);
      this.next++;
    }
    // Every range starting before `end` has been folded into `reach`; one ending after `start` overlaps.
    return this.reach > start;
  }
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code > 0x7f;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function skipSpaces(line: string, index: number): number {
  while (index < line.length && isSpace(line.charCodeAt(index))) index++;
  return index;
}
