/**
 * EP050 checklist-outside-progress: checkboxes belong in Progress only (the Cookbook dialect, and
 * ssot's codex-strict variant); elsewhere a plan is prose and plain bullets.
 */
import type { Rule } from './types';
import { sectionLine } from '../profiles/planQueries';

export const checklistOutsideProgress: Rule = {
  id: 'EP050',
  name: 'checklist-outside-progress',
  title: 'A checkbox is outside Progress',
  defaultSeverity: 'warning',
  tags: ['formatting'],
  profiles: ['ssot', 'openai'],
  fixable: true,
  checkSection(context, report) {
    if (!context.profile.checklistsOnlyInProgress || (context.profile.id === 'ssot' && context.variant !== 'codex-strict')) return;
    if (context.spec?.key === 'progress') return;
    const section = context.section;
    const where = section.heading ? `\`## ${section.heading.text}\`` : 'this part of the plan';
    for (const item of section.listItems) {
      if (!item.checkbox || !item.checkboxRange) continue;
      const text = sectionLine(section, item.line);
      let end = item.checkboxRange.end.character;
      while (text[end] === ' ' || text[end] === '\t') end++;
      report({
        range: item.checkboxRange,
        message: `Checkboxes belong in Progress only in the ${context.variant ?? context.profile.id} profile; make this item in ${where} a plain bullet and track the work in Progress.`,
        fixes: [{ title: 'Turn the checkbox into a plain bullet', edits: [{ range: { start: item.checkboxRange.start, end: { line: item.line, character: end } }, newText: '' }], safe: false }],
      });
    }
  },
};
