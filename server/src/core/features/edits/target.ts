/** A plan with the profile it follows and its recognised sections: what every edit command needs. */
import type { PlanDocument } from '../../model/types';
import type { Profile } from '../../profiles/types';
import type { ResolvedSection } from '../../rules/types';
import type { LintResult } from '../../engine';
import { resolveSections } from '../../engine';
import { resolveProfile } from '../../profiles/resolve';

export interface EditTarget {
  readonly plan: PlanDocument;
  readonly profile: Profile;
  readonly sections: readonly ResolvedSection[];
}

/** The target as a lint run saw it. */
export function targetFromLint(plan: PlanDocument, result: LintResult): EditTarget {
  return { plan, profile: result.profile.profile, sections: result.sections };
}

/** The target for a plan on its own, resolving the profile the same way the engine does. */
export function resolveTarget(plan: PlanDocument, configuredProfile?: string, fallbackProfile?: string): EditTarget {
  const profile = resolveProfile(plan, configuredProfile, fallbackProfile).profile;
  return { plan, profile, sections: resolveSections(plan, profile) };
}

/** The plan's Progress section, if it has one. */
export function progressSection(target: EditTarget): ResolvedSection | undefined {
  return target.sections.find((entry) => entry.spec?.key === 'progress');
}

/** The heading the profile writes for Progress, for messages. */
export function progressName(profile: Profile): string {
  return profile.sections.find((spec) => spec.key === 'progress')?.name ?? 'Progress';
}
