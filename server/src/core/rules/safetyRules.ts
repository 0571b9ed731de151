/** The safety rules (secrets, personal data, external dependencies, governance, destructive steps), in registry order. */
import type { Rule } from './types';
import { secret } from './EP060-secret';
import { personalData } from './EP061-personal-data';
import { externalUrl } from './EP062-external-url';
import { constraintsSubsections } from './EP063-constraints-subsections';
import { toolGovernance } from './EP064-tool-governance';
import { destructiveStep } from './EP065-destructive-step';

export const SAFETY_RULES: readonly Rule[] = [secret, personalData, externalUrl, constraintsSubsections, toolGovernance, destructiveStep];
