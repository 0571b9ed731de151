/** Line access inside a section (local line numbers), shared by the safety scanners. */
import { LineKind } from '../model/types';
import type { Range, Section } from '../model/types';
import { memoizeByText } from './sectionMemo';

/** Lines longer than this are scanned in overlapping windows, so one huge line costs no more than its length. */
export const LINE_WINDOW = 4096;
/** How far windows overlap; longer than any single secret the detectors accept. */
export const WINDOW_OVERLAP = 2048;

export function lineCount(section: Section): number {
  return section.lineStarts.length;
}

/** The text of local line `line`, without its line ending. */
export { sectionLine } from '../model/sectionText';

export function isCodeLine(section: Section, line: number): boolean {
  const kind = section.lineKinds[line];
  return kind === LineKind.FenceBody || kind === LineKind.IndentedCode;
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Characters of context kept before a window, so look-behind boundaries see the real neighbour. */
const WINDOW_LEAD = 16;

/**
 * Calls `visit(slice, offset, from, to)` for the whole line, or for overlapping windows of a long
 * one; `offset` is where the slice starts in the line. The caller keeps only matches that start in
 * `[from, to)` of the slice: a match that starts in the overlap belongs to the next window, which
 * sees all of it, so nothing is found twice or cut short.
 */
export function forEachWindow(line: string, visit: (slice: string, offset: number, from: number, to: number) => void): void {
  if (line.length <= LINE_WINDOW + WINDOW_OVERLAP) {
    visit(line, 0, 0, line.length);
    return;
  }
  for (let start = 0; start < line.length; start += LINE_WINDOW) {
    const offset = Math.max(0, start - WINDOW_LEAD);
    const slice = line.slice(offset, start + LINE_WINDOW + WINDOW_OVERLAP);
    const last = start + LINE_WINDOW >= line.length;
    visit(slice, offset, start - offset, last ? slice.length : start - offset + LINE_WINDOW);
  }
}

/** The names a heading goes by, normalised for comparison (lower case, `and` for `&`, no markup). */
export const normalizeTitle = memoizeByText((text: string): string =>
  text
    .replace(/[*_`#]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[():.]/g, ' ')
    .split(/\s/)
    .filter((word) => word.length > 0)
    .join(' ')
    .toLowerCase(),
);
