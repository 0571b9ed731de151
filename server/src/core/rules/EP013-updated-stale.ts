/**
 * EP013 updated-stale: the frontmatter `updated` time is not older than the newest entry in the
 * living sections, and `created` is not after `updated`.
 */
import type { Rule } from './types';
import { findTimestamps } from '../model/timestamps';
import { formatTimestamp } from '../features/timeFormat';
import { newestLivingTimestamp } from '../profiles/planQueries';

const UPDATED_KEYS = ['updated', 'last_updated'];
const DAY_MS = 24 * 60 * 60 * 1000;

export const updatedStale: Rule = {
  id: 'EP013',
  name: 'updated-stale',
  title: 'The frontmatter `updated` is older than the plan\'s newest entry',
  defaultSeverity: 'warning',
  tags: ['frontmatter', 'freshness'],
  profiles: ['ssot', 'magsag'],
  fixable: true,
  check(context, report) {
    const frontmatter = context.plan.frontmatter;
    if (!frontmatter?.data) return;
    const spec = context.profile.frontmatter.find((field) => UPDATED_KEYS.includes(field.key));
    const field = spec ? frontmatter.fields.get(spec.key) : undefined;
    if (!spec || !field) return;
    const updatedMs = epochOf(field.value);
    if (updatedMs === undefined) return;
    const dateOnly = spec.kind === 'date';
    const newest = newestLivingTimestamp(context, context.now.getTime() + DAY_MS);
    if (newest) {
      const behind = dateOnly ? dayOf(updatedMs) < dayOf(newest.ms) : updatedMs < newest.ms;
      if (behind) {
        const now = formatTimestamp(context.now, dateOnly ? 'date' : 'rfc3339');
        report({
          range: field.valueRange,
          message: `\`${spec.key}\` (${String(field.value)}) is older than the newest entry (${formatTimestamp(new Date(newest.ms), dateOnly ? 'date' : 'rfc3339')}, line ${newest.line + 1}). Bump \`${spec.key}\` whenever a living section changes.`,
          fixes: [{ title: `Set \`${spec.key}\` to ${now}`, edits: [{ range: field.valueRange, newText: now }], safe: true }],
        });
      }
    }
    const created = frontmatter.fields.get('created');
    const createdMs = created ? epochOf(created.value) : undefined;
    if (created && createdMs !== undefined && createdMs > updatedMs) {
      report({
        range: created.valueRange,
        message: `\`created\` (${String(created.value)}) is after \`${spec.key}\` (${String(field.value)}); one of the two is wrong.`,
      });
    }
  },
};

function epochOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const stamp = findTimestamps(value.trim())[0];
  return stamp?.epochMs;
}

function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
