/**
 * Recognises a heading as one of a profile's sections: by its canonical name, an alias, or a
 * normalised spelling (case, `&` for `and`, a numbering prefix, a trailing `(MUST)` or colon).
 */
import type { Profile, SectionSpec } from './types';

export interface SectionMatch {
  readonly spec: SectionSpec;
  readonly how: 'canonical' | 'alias' | 'normalized';
}

/** Lower case, `and` for `&`, no numbering, qualifiers, emphasis or trailing punctuation. */
export function normalizeHeading(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:(?:step|phase|part|section)\s+)?(?:\d{1,3}|[ivx]{1,5}|[a-z])[.):]\s+/i, '')
    .replace(/\s*\((?:must|should|may|optional|required|conditional)[^)]{0,60}\)\s*$/i, '')
    .replace(/\s*[:.]\s*$/, '')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s*\/\s*/g, ' / ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const cache = new WeakMap<Profile, Map<string, SectionMatch>>();

function lookupTable(profile: Profile): Map<string, SectionMatch> {
  let table = cache.get(profile);
  if (!table) {
    table = new Map();
    for (const spec of profile.sections) {
      for (const alias of spec.aliases) {
        const key = normalizeHeading(alias);
        if (!table.has(key)) table.set(key, { spec, how: 'alias' });
      }
    }
    for (const spec of profile.sections) table.set(normalizeHeading(spec.name), { spec, how: 'canonical' });
    cache.set(profile, table);
  }
  return table;
}

/** The section a heading names in `profile`, or undefined. */
export function matchSection(profile: Profile, heading: string): SectionMatch | undefined {
  for (const spec of profile.sections) {
    if (spec.name === heading) return { spec, how: 'canonical' };
  }
  const found = lookupTable(profile).get(normalizeHeading(heading));
  if (!found) return undefined;
  if (found.how === 'canonical') return { spec: found.spec, how: 'normalized' };
  const exactAlias = found.spec.aliases.includes(heading);
  return { spec: found.spec, how: exactAlias ? 'alias' : 'normalized' };
}
