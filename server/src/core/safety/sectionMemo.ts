/**
 * Results computed from one section alone, kept for as long as the section object lives. Sections
 * are reused unchanged after edits elsewhere, so document-level safety rules scan only what changed.
 * Also results computed from a short text alone (a heading, a host), which recur on every lint.
 */
import type { Section } from '../model/types';
import { lineEditOrigin } from '../model/lineage';
import type { LineEditOrigin } from '../model/lineage';
import { hiddenSlot } from '../hiddenSlot';

/**
 * Every section's kept results, one slot per memoised function, in a hidden property of the
 * section. Not in a weak table: a cold lint would add an entry per section, and weak-table
 * entries make every garbage collection that meets them slower.
 */
const sectionResults = hiddenSlot<unknown[]>('sectionResults');

let slotCount = 0;

/**
 * `compute` kept per section. With `carryOver`, the result for a section made by typing inside one
 * line of another is derived from the old section's result when that is known: `carryOver` reads
 * the edited line again, or returns undefined to have the whole section computed.
 */
export function memoizeBySection<T>(
  compute: (section: Section) => T,
  carryOver?: (previous: T, section: Section, origin: LineEditOrigin) => T | undefined,
): (section: Section) => T {
  const slot = slotCount++;
  return (section) => {
    let results = sectionResults.get(section);
    if (results === undefined) {
      results = [];
      sectionResults.set(section, results);
    }
    let value = results[slot] as T | undefined;
    if (value === undefined) {
      value = carryOver ? carriedOver(section, slot, carryOver) : undefined;
      value ??= compute(section);
      results[slot] = value;
    }
    return value;
  };
}

function carriedOver<T>(section: Section, slot: number, carryOver: (previous: T, section: Section, origin: LineEditOrigin) => T | undefined): T | undefined {
  const origin = lineEditOrigin(section);
  if (!origin) return undefined;
  const previous = sectionResults.get(origin.previous)?.[slot] as T | undefined;
  return previous === undefined ? undefined : carryOver(previous, section, origin);
}

/** Texts longer than this are computed each time rather than kept. */
const MAX_KEPT_TEXT = 256;
const MAX_KEPT_TEXTS = 4096;

/**
 * Results of a pure function of a short text such as a heading, kept across lints: the same few
 * headings are looked up for every section on every keystroke.
 */
export function memoizeByText<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (text.length > MAX_KEPT_TEXT) return compute(text);
    const cached = cache.get(text);
    if (cached !== undefined || cache.has(text)) return cached as T;
    const value = compute(text);
    if (cache.size >= MAX_KEPT_TEXTS) cache.clear();
    cache.set(text, value);
    return value;
  };
}
