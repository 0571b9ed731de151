/**
 * Line handling shared by the parser and the edit builders. A line ends at `\n`, `\r\n` or a lone
 * `\r`, the same three endings VS Code and the LSP text document count.
 */

/** Offsets at which lines start in `text[from, to)`, relative to `from`. Always starts with 0. */
export function computeLineStarts(text: string, from = 0, to = text.length): number[] {
  const starts = [0];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      starts.push(i + 1 - from);
    } else if (code === 13) {
      if (i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1 - from);
    }
  }
  return starts;
}

/** End of the line's content (before its line ending) for a line starting at `start`. */
export function lineContentEnd(text: string, start: number, limit = text.length): number {
  let i = start;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
    i++;
  }
  return limit;
}

/** The line ending a new line should use: the first one the text has, else `\n`. */
export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/** Where a line's content starts, after leading white space (and a byte order mark). */
export function indentEnd(line: string): number {
  let index = line.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (code !== 32 && code !== 9) break;
    index++;
  }
  return index;
}

/** Width of leading white space in columns (tabs to multiples of four) and where content starts. */
export function measureIndent(line: string): { columns: number; index: number } {
  let columns = 0;
  // A byte order mark can only open the first line of a file read from disk; it takes no space.
  let index = line.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (code === 32) columns++;
    else if (code === 9) columns += 4 - (columns % 4);
    else break;
    index++;
  }
  return { columns, index };
}

/** Binary search: index of the last start that is <= offset. */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The lines holding a hit, ascending, each once. `nextHit(from)` gives the first hit at or after
 * `from`, or -1; after a hit the search resumes at the next line, so a busy line costs one hit.
 * A caller that has already searched from the start passes what it found as `first`.
 */
export function hitLines(lineStarts: readonly number[], nextHit: (from: number) => number, first = nextHit(0)): number[] {
  const lines: number[] = [];
  for (let at = first; at >= 0; ) {
    const line = lineOfOffset(lineStarts, at);
    lines.push(line);
    const next = lineStarts[line + 1];
    if (next === undefined) break;
    at = nextHit(next);
  }
  return lines;
}

/** Two ascending lists of distinct numbers as one. */
export function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/**
 * Finds line ends for a caller that walks a text forward, with native searches: the next `\n` and
 * the next `\r` are each looked up again only once passed, so the walk costs one search per line
 * instead of a loop over every character.
 */
export class LineEndCursor {
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly text: string) {}

  /** End of the content of the line starting at `start` (same as {@link lineContentEnd}). */
  contentEnd(start: number): number {
    if (this.nextLf !== -1 && this.nextLf < start) this.nextLf = this.text.indexOf('\n', start);
    if (this.nextCr !== -1 && this.nextCr < start) this.nextCr = this.text.indexOf('\r', start);
    const lf = this.nextLf < 0 ? this.text.length : this.nextLf;
    const cr = this.nextCr < 0 ? this.text.length : this.nextCr;
    return lf < cr ? lf : cr;
  }
}

/**
 * Calls `visit` with the start and content end of each line of `text` from `from` on, until the
 * text ends or `visit` returns false.
 */
export function forEachLine(text: string, from: number, visit: (start: number, end: number) => boolean | void): void {
  const ends = new LineEndCursor(text);
  let pos = from;
  while (pos < text.length) {
    const end = ends.contentEnd(pos);
    if (visit(pos, end) === false) return;
    pos = end;
    if (text.charCodeAt(pos) === 13) pos++;
    if (text.charCodeAt(pos) === 10) pos++;
    if (pos === end) return;
  }
}
