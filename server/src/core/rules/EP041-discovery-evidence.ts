/** EP041 discovery-evidence: each Surprises & Discoveries entry points at its evidence. */
import type { Rule } from './types';
import { checkEntries } from '../profiles/entryChecks';

export const discoveryEvidence: Rule = {
  id: 'EP041',
  name: 'discovery-evidence',
  title: 'A discovery has no evidence',
  defaultSeverity: 'warning',
  tags: ['entries'],
  profiles: ['ssot', 'openai'],
  fixable: false,
  checkSection(context, report) {
    if (context.spec?.key !== 'surprises' || !context.profile.discovery) return;
    checkEntries(context.section, context.profile.discovery, 'discovery', report);
  },
};
