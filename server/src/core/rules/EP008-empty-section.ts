/** EP008 empty-section: a section heading with nothing under it. */
import type { Rule } from './types';
import { isContentLine } from '../profiles/planQueries';

export const emptySection: Rule = {
  id: 'EP008',
  name: 'empty-section',
  title: 'A section has no content',
  defaultSeverity: 'warning',
  tags: ['content'],
  fixable: false,
  checkSection(context, report) {
    const section = context.section;
    const heading = section.heading;
    if (!heading || heading.level !== 2) return;
    const first = heading.setext ? heading.range.end.line + 1 : heading.line + 1;
    for (let line = first; line < section.lineStarts.length; line++) if (isContentLine(section, line)) return;
    const what = context.spec ? ` ${context.spec.purpose}` : '';
    report({
      range: heading.textRange,
      message: `\`## ${heading.text}\` is empty.${what} Write what applies, or "None yet." for a living section with no entries so far.`,
    });
  },
};
