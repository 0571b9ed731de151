/**
 * EP042 message-entry: each Inter-Agent Messages entry says who to whom, its Intent (REQUEST, NOTIFY
 * or BLOCK), the message, and what proves it is done.
 */
import type { Rule } from './types';
import { checkEntries } from '../profiles/entryChecks';
import { entryValue, plainValue, topLevelItems } from '../profiles/planQueries';

const INTENTS = ['REQUEST', 'NOTIFY', 'BLOCK'];

export const messageEntry: Rule = {
  id: 'EP042',
  name: 'message-entry',
  title: 'An inter-agent message lacks a field',
  defaultSeverity: 'warning',
  tags: ['entries', 'multi-agent'],
  profiles: ['ssot'],
  fixable: false,
  sections: ['messages'],
  checkSection(context, report) {
    if (!context.profile.message) return;
    const section = context.section;
    checkEntries(section, context.profile.message, 'message', report);
    for (const item of topLevelItems(section)) {
      const raw = entryValue(section, item, 'Intent');
      const intent = raw === undefined ? undefined : plainValue(raw);
      if (intent === undefined || intent === '' || INTENTS.includes(intent.toUpperCase())) continue;
      report({ range: item.textRange, message: `\`Intent: ${intent}\` is not one of ${INTENTS.join(', ')}; say whether the message asks, informs or blocks.` });
    }
  },
};
