/**
 * Prefilters for the line scanners. Almost no line of a plan holds a secret, an address or a
 * destructive command, so each scanner first runs one native pattern over the whole section text
 * and does its careful per-line work only on the lines that pattern hits. A prefilter must match
 * every line on which the scanner could find something; matching more lines only costs time.
 */
import type { Section } from '../model/types';
import { hitLines, mergeAscending } from '../model/lines';

/** A search of its own making: a set of literals (`model/literalSet`) or anything else that finds lines. */
export interface LineSearch {
  /** True when `text` holds a match. */
  isIn(text: string): boolean;
  /** Lines of `text` (starting at `lineStarts`) with a match, ascending, each once. */
  linesIn(text: string, lineStarts: readonly number[]): number[];
}

/**
 * What a prefilter looks for: a global pattern, a literal found with `indexOf`, or a search of its
 * own. A single character among a pattern's alternatives keeps the engine from skipping ahead, so a
 * lone character such as `@` is cheaper as a literal of its own.
 */
export type LineTrigger = RegExp | string | LineSearch;

/**
 * Local lines of `section` on which any of the `triggers` matches, ascending, each once. After a
 * hit the search resumes at the next line, so a busy line costs one match, not all of them.
 */
export function linesMatching(section: Section, triggers: readonly LineTrigger[]): number[] {
  let lines: number[] = [];
  const add = (hits: number[]): void => {
    lines = lines.length === 0 ? hits : hits.length === 0 ? lines : mergeAscending(lines, hits);
  };
  for (const trigger of triggers) {
    if (typeof trigger === 'string') add(linesHolding(section, trigger));
    else if (trigger instanceof RegExp) add(linesMatchingOne(section, trigger));
    else add(trigger.linesIn(section.text, section.lineStarts));
  }
  return lines;
}

// Most sections hold none of what a prefilter looks for: a search that finds nothing makes no callback.

function linesHolding(section: Section, text: string): number[] {
  const first = section.text.indexOf(text);
  return first < 0 ? [] : hitLines(section.lineStarts, (from) => section.text.indexOf(text, from), first);
}

function linesMatchingOne(section: Section, pattern: RegExp): number[] {
  const nextMatch = (from: number): number => {
    pattern.lastIndex = from;
    return pattern.exec(section.text)?.index ?? -1;
  };
  const first = nextMatch(0);
  const lines = first < 0 ? [] : hitLines(section.lineStarts, nextMatch, first);
  pattern.lastIndex = 0;
  return lines;
}

/** Local lines of `section` with at least `length` characters (line ending included). */
export function linesAtLeast(section: Section, length: number): number[] {
  const lines: number[] = [];
  if (section.text.length < length) return lines;
  const starts = section.lineStarts;
  const last = starts.length - 1;
  for (let line = 0; line < last; line++) {
    if (starts[line + 1]! - starts[line]! >= length) lines.push(line);
  }
  if (section.text.length - starts[last]! >= length) lines.push(last);
  return lines;
}

/** True when any of the `triggers` matches somewhere in `text`. */
export function anyMatches(text: string, triggers: readonly LineTrigger[]): boolean {
  for (const trigger of triggers) {
    if (typeof trigger === 'string') {
      if (text.includes(trigger)) return true;
      continue;
    }
    if (!(trigger instanceof RegExp)) {
      if (trigger.isIn(text)) return true;
      continue;
    }
    trigger.lastIndex = 0;
    const hit = trigger.test(text);
    trigger.lastIndex = 0;
    if (hit) return true;
  }
  return false;
}
