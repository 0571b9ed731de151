/**
 * Results computed from one section alone, kept for as long as the section object lives. Sections
 * are reused unchanged after edits elsewhere, so document-level safety rules scan only what changed.
 */
import type { Section } from '../model/types';

export function memoizeBySection<T>(compute: (section: Section) => T): (section: Section) => T {
  const cache = new WeakMap<Section, T>();
  return (section) => {
    let value = cache.get(section);
    if (value === undefined) {
      value = compute(section);
      cache.set(section, value);
    }
    return value;
  };
}
