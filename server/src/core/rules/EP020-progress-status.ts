/** EP020 progress-status: Progress opens with a `Status:` line holding one of the profile's statuses. */
import type { Rule } from './types';
import { frontmatterStatus, headingRange, plainValue, progressStatusEntry, valueRangeOf } from '../profiles/planQueries';

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
      const at = context.toDocument(progress.placed, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
      report({
        range: headingRange(context, progress),
        message: `\`## ${progress.title}\` has no \`Status:\` line. Start the section with \`Status: ${status}\` (one of ${values.join(', ')}) so a resuming agent knows where the work stands.`,
        fixes: [{ title: `Add \`Status: ${status}\` under \`## ${progress.title}\``, edits: [{ range: { start: at.start, end: at.start }, newText: `Status: ${status}${context.plan.eol}` }], safe: true }],
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
