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

/** The profile whose catalog recognises the most of the plan's headings, or undefined when none does. */
export function detectProfile(plan: PlanDocument, preferred: Profile): Profile | undefined {
  let best: Profile | undefined;
  let bestScore = 0;
  for (const profile of PROFILES) {
    const score = scoreProfile(plan, profile);
    if (score > bestScore || (score === bestScore && score > 0 && profile === preferred)) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}

function scoreProfile(plan: PlanDocument, profile: Profile): number {
  const seen = new Set<string>();
  let score = 0;
  for (const { section } of plan.sections) {
    const heading = section.heading;
    if (!heading || heading.level !== 2) continue;
    const match = matchSection(profile, heading.text);
    if (!match || seen.has(match.spec.key)) continue;
    seen.add(match.spec.key);
    // A heading written exactly as the profile writes it counts for more than an alias.
    score += match.how === 'canonical' ? 3 : match.how === 'normalized' ? 2 : 1;
  }
  return score;
}
