/** EP041 discovery-evidence: each Surprises & Discoveries entry points at its evidence. */
import type { Rule } from './types';
import { carryEntries, checkEntries } from '../profiles/entryChecks';

export const discoveryEvidence: Rule = {
  id: 'EP041',
  name: 'discovery-evidence',
  title: 'A discovery has no evidence',
  defaultSeverity: 'warning',
  tags: ['entries'],
  profiles: ['ssot', 'openai'],
  fixable: false,
  sections: ['surprises'],
  checkSection(context, report) {
    if (!context.profile.discovery) return;
    checkEntries(context.section, context.profile.discovery, 'discovery', report);
  },
  carrySection(context, origin, previous) {
    if (!context.profile.discovery) return previous;
    return carryEntries(context.section, origin.line, previous, context.profile.discovery, 'discovery');
  },
};
