/**
 * EP004 section-name: a heading that nearly names a profile section (other case, "and" for "&", a
 * numbering prefix, a trailing qualifier, a typo; in strict profiles also an alias) is renamed to
 * the canonical heading, so people and tools find the section under one name.
 */
import type { Rule } from './types';
import { matchSection, nearestSection } from '../profiles/match';

export const sectionName: Rule = {
  id: 'EP004',
  name: 'section-name',
  title: 'A heading nearly names a profile section',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  checkSection(context, report) {
    const heading = context.section.heading;
    if (!heading || heading.level !== 2 || heading.setext) return;
    const match = matchSection(context.profile, heading.text);
    let canonical: string | undefined;
    let why = '';
    if (match) {
      if (match.how === 'canonical' || (match.how === 'alias' && !context.profile.strictHeadings)) return;
      canonical = match.spec.name;
      why = match.how === 'alias' ? `the ${context.profile.id} profile accepts only its canonical headings` : 'it differs only in spelling';
    } else {
      const near = nearestSection(context.profile, heading.text);
      if (!near) return;
      canonical = near.spec.name;
      why = 'it looks like a typo';
    }
    if (canonical === heading.text) return;
    report({
      range: heading.textRange,
      message: `\`## ${heading.text}\` should read \`## ${canonical}\` (${why}). Rename it so the ${context.profile.id} profile recognises the section.`,
      fixes: [{ title: `Rename heading to \`## ${canonical}\``, edits: [{ range: heading.textRange, newText: canonical }], safe: true }],
      data: { rename: canonical },
    });
  },
};
