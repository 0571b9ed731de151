/**
 * EP025 freshness: an active plan whose living sections have not been updated for longer than the
 * profile's threshold (or `staleAfterHours` from configuration). Information, not an error: it
 * may simply be paused.
 */
import type { PlanContext, Rule } from './types';
import { findTimestamps } from '../model/timestamps';
import { formatTimestamp } from '../features/timeFormat';
import { checklistState, headingRange, newestLivingTimestamp, planStatus, titleRange } from '../profiles/planQueries';

const HOUR_MS = 60 * 60 * 1000;
const CHECKLIST_KEYS = ['progress', 'todo', 'execution-steps'];

export const freshness: Rule = {
  id: 'EP025',
  name: 'freshness',
  title: 'An active plan has not been updated for a while',
  defaultSeverity: 'info',
  tags: ['freshness'],
  fixable: false,
  check(context, report) {
    if (!isActive(context)) return;
    const configured = context.options['staleAfterHours'];
    const hours = typeof configured === 'number' && configured > 0 ? configured : context.profile.staleAfterHours;
    const nowMs = context.now.getTime();
    let newest = newestLivingTimestamp(context, nowMs + 24 * HOUR_MS)?.ms;
    const updated = context.plan.frontmatter?.data?.['updated'];
    const updatedMs = typeof updated === 'string' ? findTimestamps(updated)[0]?.epochMs : undefined;
    if (updatedMs !== undefined && (newest === undefined || updatedMs > newest)) newest = updatedMs;
    if (newest === undefined || nowMs - newest <= hours * HOUR_MS) return;
    const progress = context.section('progress');
    report({
      range: progress ? headingRange(context, progress) : titleRange(context),
      message: `The plan is active but its living sections were last updated ${age(nowMs - newest)} ago (${formatTimestamp(new Date(newest), 'rfc3339')}); the ${context.profile.id} profile expects an update at least every ${hours} hours. Add a Progress entry, or set the status if the work is paused.`,
    });
  },
};

function isActive(context: PlanContext): boolean {
  const status = planStatus(context)?.toLowerCase();
  const { activeStatuses, doneStatuses } = context.profile;
  if (status) {
    if (activeStatuses.some((value) => value.toLowerCase() === status)) return true;
    if (doneStatuses.some((value) => value.toLowerCase() === status)) return false;
    if (activeStatuses.length > 0) return false;
  }
  // Without a status, open checklist items next to finished ones mean work under way.
  let open = false;
  let done = false;
  for (const key of CHECKLIST_KEYS) {
    const entry = context.section(key);
    if (!entry) continue;
    const state = checklistState(entry.placed.section);
    if (state.open > 0) open = true;
    if (state.done > 0) done = true;
  }
  return open && done;
}

function age(ms: number): string {
  const hours = Math.floor(ms / HOUR_MS);
  return hours >= 48 ? `${Math.floor(hours / 24)} days` : `${hours} hours`;
}
