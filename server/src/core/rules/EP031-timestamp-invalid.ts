/**
 * EP031 timestamp-invalid: a time that cannot be real: an impossible date or hour, template text
 * such as `2025-XX-XX` or `YYYY-MM-DD HH:MM`, or an entry in a living section dated in the future.
 */
import type { Timestamp } from '../model/types';
import type { Reporter, Rule, SectionContext } from './types';
import { itemsOnLine, rereadLine } from '../model/lineage';
import { formatTimestamp } from '../features/timeFormat';
import { newestTimestamp } from '../profiles/planQueries';

/** Clocks disagree a little; an entry up to a day ahead is not reported as future. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

export const timestampInvalid: Rule = {
  id: 'EP031',
  name: 'timestamp-invalid',
  title: 'A time is impossible, a placeholder or in the future',
  defaultSeverity: 'error',
  tags: ['timestamps'],
  fixable: false,
  checkSection(context, report) {
    for (const stamp of context.section.timestamps) checkStamp(stamp, context, report);
  },
  carrySection(context, { line }, previous) {
    return rereadLine(previous, line, (found) => {
      for (const stamp of itemsOnLine(context.section.timestamps, line)) checkStamp(stamp, context, found);
    });
  },
  check(context, report) {
    const limit = context.now.getTime() + FUTURE_SLACK_MS;
    for (const entry of context.sections) {
      if (!entry.spec?.living) continue;
      const section = entry.placed.section;
      const newest = newestTimestamp(section);
      if (!newest || newest.ms <= limit) continue;
      for (const stamp of section.timestamps) {
        if (stamp.inCode || stamp.epochMs === undefined || stamp.epochMs <= limit || stamp.format === 'date') continue;
        report({
          range: context.toDocument(entry.placed, stamp.range),
          message: `\`${stamp.raw}\` is in the future (now is ${formatTimestamp(context.now, 'rfc3339')}); entries in \`## ${entry.title}\` record what already happened, so correct the time.`,
        });
      }
    }
  },
};

function checkStamp(stamp: Timestamp, context: SectionContext, report: Reporter): void {
  if (stamp.inCode || !stamp.invalidReason) return;
  const example = context.profile.timestampExample;
  report({
    range: stamp.range,
    message:
      stamp.format === 'placeholder'
        ? `\`${stamp.raw}\` is template text, not a time; write the real time, e.g. \`${example}\`.`
        : `\`${stamp.raw}\` is not a real time: ${stamp.invalidReason}.`,
  });
}
