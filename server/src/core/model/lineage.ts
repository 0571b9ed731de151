/**
 * Which section a section was made from by typing inside one of its lines. Results computed line
 * by line for the old section still hold for every other line of the new one (the one-line edit
 * keeps every line's number and kind), so a checker can carry them over and read one line again
 * instead of the whole section.
 */
import type { Range, Section } from './types';

export interface LineEditOrigin {
  /** The section before the edit. */
  readonly previous: Section;
  /** The local line the edit changed; no other line's text, number or kind differs. */
  readonly line: number;
}

const origins = new WeakMap<Section, LineEditOrigin>();

export function recordLineEdit(section: Section, previous: Section, line: number): void {
  // Only one step is kept: the old section forgets its own origin, so a long run of keystrokes
  // does not keep every earlier version of the section alive.
  origins.delete(previous);
  origins.set(section, { previous, line });
}

export function lineEditOrigin(section: Section): LineEditOrigin | undefined {
  return origins.get(section);
}

/**
 * Lets the old section go once the new one's results are known: it shares the old document's text,
 * so keeping it would keep a whole earlier version of the plan in memory.
 */
export function forgetLineEdit(section: Section): void {
  origins.delete(section);
}

/**
 * `previous` (results in line order, each on one line) with those on `line` replaced by `fresh`:
 * how a line-by-line result of the old section becomes the new section's.
 */
export function replaceLineResults<T>(previous: readonly T[], line: number, fresh: readonly T[], lineOf: (item: T) => number): readonly T[] {
  // Binary search: a section of a 5 MB plan can hold thousands of results before the line.
  let from = 0;
  let high = previous.length;
  while (from < high) {
    const middle = (from + high) >> 1;
    if (lineOf(previous[middle]!) < line) from = middle + 1;
    else high = middle;
  }
  let to = from;
  while (to < previous.length && lineOf(previous[to]!) === line) to++;
  if (from === to && fresh.length === 0) return previous;
  const result = previous.slice(0, from);
  for (const item of fresh) result.push(item);
  for (let i = to; i < previous.length; i++) result.push(previous[i]!);
  return result;
}

/**
 * `previous` (results that each lie on one line, in line order) with those on `line` replaced by
 * what `read` reports there now: the carry-over of a check that reads one line at a time.
 */
export function rereadLine<T extends { readonly range: Range }>(previous: readonly T[], line: number, read: (found: (item: T) => void) => void): readonly T[] {
  const fresh: T[] = [];
  read((item) => void fresh.push(item));
  return replaceLineResults(previous, line, fresh, (item) => item.range.start.line);
}

/** The items on `line`, found by binary search in items kept in line order. */
export function itemsOnLine<T extends { readonly line: number }>(items: readonly T[], line: number): readonly T[] {
  const from = firstAtOrAfterLine(items, line);
  let end = from;
  while (end < items.length && items[end]!.line === line) end++;
  return from === end ? [] : items.slice(from, end);
}

/**
 * Index of the first item on `line` or later, in items kept in line order: a binary search, so a
 * long section's items are not read one by one to find a line's.
 */
export function firstAtOrAfterLine(items: ReadonlyArray<{ readonly line: number }>, line: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}
