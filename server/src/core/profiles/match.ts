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
  const known = normalizedMemo.get(text);
  if (known !== undefined) return known;
  const normalized = computeNormalizedHeading(text);
  // Every check of every plan normalises the same few headings again; remember them (bounded).
  if (normalizedMemo.size >= NORMALIZED_MEMO_LIMIT) normalizedMemo.clear();
  normalizedMemo.set(text, normalized);
  return normalized;
}

const NORMALIZED_MEMO_LIMIT = 4096;
const normalizedMemo = new Map<string, string>();

function computeNormalizedHeading(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:(?:step|phase|part|section)\s+)?(?:\d{1,3}|[ivx]{1,5}|[a-z])[.):]\s+/i, '')
    .replace(/\s*\((?:must|should|may|optional|required|conditional)[^)]{0,60}\)\s*$/i, '')
    // A trailing note in another script (`## Progress (必须维护)`) qualifies the heading; it does not rename it.
    .replace(/\s*[(\uff08][^()\uff08\uff09]{0,40}[^\x00-\x7f][^()\uff08\uff09]{0,40}[)\uff09]\s*$/, '')
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
  let memo = matchMemo.get(profile);
  if (!memo) {
    memo = new Map();
    matchMemo.set(profile, memo);
  }
  const known = memo.get(heading);
  if (known !== undefined) return known ?? undefined;
  const found = findSection(profile, heading);
  // Every lint matches the plan's same few headings again; one lookup answers them (bounded).
  if (memo.size >= MATCH_MEMO_LIMIT) memo.clear();
  memo.set(heading, found ?? null);
  return found;
}

const MATCH_MEMO_LIMIT = 4096;
/** Per profile, what each heading text matched; null when it matched nothing. */
const matchMemo = new WeakMap<Profile, Map<string, SectionMatch | null>>();

function findSection(profile: Profile, heading: string): SectionMatch | undefined {
  for (const spec of profile.sections) {
    if (spec.name === heading) return { spec, how: 'canonical' };
  }
  for (const spec of profile.sections) {
    if (spec.aliases.includes(heading)) return { spec, how: 'alias' };
  }
  const found = lookupTable(profile).get(normalizeHeading(heading));
  if (!found) return undefined;
  if (found.how === 'canonical') return { spec: found.spec, how: 'normalized' };
  const exactAlias = found.spec.aliases.includes(heading);
  return { spec: found.spec, how: exactAlias ? 'alias' : 'normalized' };
}

export interface NearMiss {
  readonly spec: SectionSpec;
  /** Edits between the heading and the spelling it is close to (after normalising both). */
  readonly distance: number;
}

/**
 * The section a heading that matches nothing was probably meant to be: a canonical name or alias
 * within a small edit distance (a typo), or undefined. Headings are short, so this stays cheap.
 */
export function nearestSection(profile: Profile, heading: string): NearMiss | undefined {
  let memo = nearMissMemo.get(profile);
  if (!memo) {
    memo = new Map();
    nearMissMemo.set(profile, memo);
  }
  if (memo.has(heading)) return memo.get(heading);
  const found = findNearestSection(profile, heading);
  // Plans repeat the same few headings; a bounded memo keeps thousands of them cheap.
  if (memo.size >= NEAR_MISS_MEMO_LIMIT) memo.clear();
  memo.set(heading, found);
  return found;
}

const NEAR_MISS_MEMO_LIMIT = 4096;
const nearMissMemo = new WeakMap<Profile, Map<string, NearMiss | undefined>>();
const normalizedCandidates = new WeakMap<Profile, Array<{ spec: SectionSpec; target: string }>>();

function candidatesOf(profile: Profile): Array<{ spec: SectionSpec; target: string }> {
  let candidates = normalizedCandidates.get(profile);
  if (!candidates) {
    candidates = [];
    for (const spec of profile.sections) {
      for (const candidate of [spec.name, ...spec.aliases]) candidates.push({ spec, target: normalizeHeading(candidate) });
    }
    normalizedCandidates.set(profile, candidates);
  }
  return candidates;
}

function findNearestSection(profile: Profile, heading: string): NearMiss | undefined {
  const normalized = normalizeHeading(heading);
  if (normalized.length < 4 || normalized.length > 80) return undefined;
  let best: NearMiss | undefined;
  for (const { spec, target } of candidatesOf(profile)) {
    if (Math.abs(target.length - normalized.length) > 2) continue;
    const allowed = target.length < 8 ? 1 : 2;
    const distance = editDistance(normalized, target, allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { spec, distance };
  }
  return best;
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}
