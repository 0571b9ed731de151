/** EP003 duplicate-section: a profile section appears once; a second heading for it splits its content. */
import type { ResolvedSection, Rule } from './types';
import { headingRange } from '../profiles/planQueries';

export const duplicateSection: Rule = {
  id: 'EP003',
  name: 'duplicate-section',
  title: 'A section appears more than once',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: false,
  check(context, report) {
    const first = new Map<string, ResolvedSection>();
    for (const entry of context.sections) {
      if (!entry.spec) continue;
      const earlier = first.get(entry.spec.key);
      if (!earlier) {
        first.set(entry.spec.key, entry);
        continue;
      }
      report({
        range: headingRange(context, entry),
        message: `\`## ${entry.title}\` repeats \`## ${earlier.title}\` (line ${earlier.placed.line + 1}), which is the same ${entry.spec.name} section. Merge the two so the section has one place.`,
      });
    }
  },
};
