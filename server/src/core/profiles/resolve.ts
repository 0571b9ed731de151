/**
 * Decides which profile a plan follows: the configuration for its path, then its frontmatter
 * `profile:`, then detection from its headings (most recognised sections wins; a tie goes to the
 * fallback), then the fallback setting.
 */
import type { PlanDocument } from '../model/types';
import { matchSection } from './match';
import { DEFAULT_PROFILE, PROFILES, profileById } from './index';
import type { Profile } from './types';

export type ProfileSource = 'config' | 'frontmatter' | 'detected' | 'fallback';

export interface ResolvedProfile {
  readonly profile: Profile;
  readonly source: ProfileSource;
  /** ssot's formatting variant from the frontmatter (`codex-strict`, `repo-native`). */
  readonly variant?: string;
}

const SSOT_VARIANTS = new Set(['codex-strict', 'repo-native']);

export function resolveProfile(plan: PlanDocument, configured: string | undefined, fallback: string | undefined): ResolvedProfile {
  const declared = plan.frontmatter?.data?.['profile'];
  const variant = typeof declared === 'string' && SSOT_VARIANTS.has(declared) ? declared : undefined;
  const withVariant = (profile: Profile, source: ProfileSource): ResolvedProfile =>
    profile.id === 'ssot' && variant ? { profile, source, variant } : { profile, source };

  const fromConfig = configured && configured !== 'auto' ? profileById(configured) : undefined;
  if (fromConfig) return withVariant(fromConfig, 'config');

  if (typeof declared === 'string') {
    const named = SSOT_VARIANTS.has(declared) ? profileById('ssot') : profileById(declared);
    if (named) return withVariant(named, 'frontmatter');
  }

  const fallbackProfile = (fallback && fallback !== 'auto' ? profileById(fallback) : undefined) ?? profileById(DEFAULT_PROFILE)!;
  const detected = detectProfile(plan, fallbackProfile);
  if (detected) return withVariant(detected, 'detected');
  return withVariant(fallbackProfile, 'fallback');
}

/**
 * The profile whose catalog best fits the plan's headings (and title form), or undefined when no
 * profile recognises any heading. A tie goes to `preferred`, then to the registry's order.
 */
export function detectProfile(plan: PlanDocument, preferred: Profile): Profile | undefined {
  let best: Profile | undefined;
  let bestScore = -Infinity;
  for (const profile of PROFILES) {
    const { score, matched } = scoreProfile(plan, profile);
    if (matched === 0) continue;
    if (score > bestScore || (score === bestScore && profile === preferred)) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}

function scoreProfile(plan: PlanDocument, profile: Profile): { score: number; matched: number } {
  const seen = new Set<string>();
  let score = 0;
  let title: string | undefined;
  for (const { section } of plan.sections) {
    const heading = section.heading;
    if (heading?.level === 1 && title === undefined) title = heading.text;
    if (!heading || heading.level !== 2) continue;
    const match = matchSection(profile, heading.text);
    if (!match) {
      // A heading the dialect does not know is weak evidence against it.
      score -= 1;
      continue;
    }
    if (seen.has(match.spec.key)) continue;
    seen.add(match.spec.key);
    // A heading written exactly as the profile writes it counts for more than another spelling.
    score += match.how === 'canonical' ? 3 : match.how === 'alias' ? 2 : 1;
  }
  // A dialect with a title form (ssot's `# PLAN: ...`) is told apart by it.
  if (profile.titlePattern && title !== undefined) score += profile.titlePattern.test(title) ? 3 : -3;
  return { score, matched: seen.size };
}
