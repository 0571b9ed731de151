/** EP020 progress-status: Progress opens with a `Status:` line holding one of the profile's statuses. */
import type { Rule } from './types';
import type { Section } from '../model/types';
import { frontmatterStatus, headingRange, insertLineEdit, plainValue, progressStatusEntry, valueRangeOf } from '../profiles/planQueries';

export const progressStatus: Rule = {
  id: 'EP020',
  name: 'progress-status',
  title: 'Progress has no valid `Status:` line',
  defaultSeverity: 'error',
  tags: ['progress'],
  profiles: ['ssot'],
  fixable: true,
  check(context, report) {
    const progress = context.section('progress');
    if (!progress || !context.profile.progress.statusLines) return;
    const section = progress.placed.section;
    const values = context.profile.statusValues;
    const entry = progressStatusEntry(section);
    if (!entry) {
      const fromFrontmatter = frontmatterStatus(context.plan)?.toUpperCase();
      const status = fromFrontmatter && values.includes(fromFrontmatter) ? fromFrontmatter : 'IN_PROGRESS';
      report({
        range: headingRange(context, progress),
        message: `\`## ${progress.title}\` has no \`Status:\` line. Start the section with \`Status: ${status}\` (one of ${values.join(', ')}) so a resuming agent knows where the work stands.`,
        fixes: [{ title: `Add \`Status: ${status}\` under \`## ${progress.title}\``, edits: [insertLineEdit(context, progress.placed, firstBodyLine(progress.placed.section), `Status: ${status}`)], safe: true }],
      });
      return;
    }
    const value = plainValue(entry.value);
    if (values.includes(value)) return;
    const wanted = value.toUpperCase().replace(/[\s-]+/g, '_');
    const close = values.find((candidate) => candidate === wanted);
    report({
      range: context.toDocument(progress.placed, value ? valueRangeOf(entry) : entry.keyRange),
      message: value ? `\`Status: ${value}\` is not one of ${values.join(', ')}.` : `\`Status:\` is empty; write one of ${values.join(', ')}.`,
      ...(close ? { fixes: [{ title: `Change the status to \`${close}\``, edits: [{ range: context.toDocument(progress.placed, valueRangeOf(entry)), newText: close }], safe: true }] } : {}),
    });
  },
};

/** The line after the heading (after both lines of a setext heading). */
function firstBodyLine(section: Section): number {
  const heading = section.heading;
  return heading ? heading.range.end.line + 1 : 0;
}
