/** The registry of profiles, in the order detection prefers them on a tie. */
import type { Profile, ProfileId } from './types';
import { ssot } from './ssot';
import { openai } from './openai';
import { agdd } from './agdd';
import { magsag } from './magsag';
import { plansGuide } from './plansGuide';

export const PROFILES: readonly Profile[] = [ssot, openai, agdd, magsag, plansGuide];

export function profileById(id: string): Profile | undefined {
  return PROFILES.find((profile) => profile.id === id);
}

export const DEFAULT_PROFILE: ProfileId = 'ssot';
export type { Profile, ProfileId, SectionSpec, FieldSpec, RequiredLevel, EntryShape, ProgressShape } from './types';
