/** EP001 required-section: every section the profile marks MUST is present. */
import type { Rule } from './types';
import { insertSectionEdit } from '../features/sectionPlacement';

export const requiredSection: Rule = {
  id: 'EP001',
  name: 'required-section',
  title: 'A section the profile requires is missing',
  defaultSeverity: 'error',
  tags: ['structure'],
  fixable: true,
  check(context, report) {
    const anchor = titleRange(context);
    for (const spec of context.profile.sections) {
      if (spec.level !== 'must' || context.section(spec.key)) continue;
      const { edit, placement } = insertSectionEdit(context, spec);
      const where = placement.before ? `before \`## ${placement.before}\`` : placement.after ? `after \`## ${placement.after}\`` : 'at the end';
      report({
        range: anchor,
        message: `Missing required section \`## ${spec.name}\` (${context.profile.id}): ${spec.purpose} Add it ${where}.`,
        fixes: [{ title: `Insert section \`## ${spec.name}\` ${where}`, edits: [edit], safe: true }],
        data: { section: spec.key },
      });
    }
  },
};

/** Findings about the whole plan sit on its title (or its first line when it has none). */
function titleRange(context: Parameters<NonNullable<Rule['check']>>[0]) {
  const title = context.sections.find((entry) => entry.level === 1);
  if (title) return context.toDocument(title.placed, title.placed.section.heading!.range);
  const line = context.plan.bodyStartLine < context.plan.lineCount ? context.plan.bodyStartLine : 0;
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}
