/** EP005 unknown-section: a level-2 heading the profile does not know (and that is not a near miss). */
import type { Rule } from './types';
import { matchSection, nearestSection } from '../profiles/match';

export const unknownSection: Rule = {
  id: 'EP005',
  name: 'unknown-section',
  title: 'A heading is not a section of the profile',
  defaultSeverity: 'hint',
  tags: ['structure'],
  fixable: false,
  checkSection(context, report) {
    const heading = context.section.heading;
    if (!heading || heading.level !== 2) return;
    if (matchSection(context.profile, heading.text) || nearestSection(context.profile, heading.text)) return;
    report({
      range: heading.textRange,
      message: `\`## ${heading.text}\` is not a section of the ${context.profile.id} profile. If its content belongs to a known section, move it there as a \`###\` subsection; if the plan needs it, keep it and silence this hint with \`<!-- execplan-disable-file EP005 -->\`.`,
    });
  },
};
