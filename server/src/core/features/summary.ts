/**
 * The facts about a plan that the status bar, the outline and the plans view show: its status,
 * its Next Action and when it was last updated.
 */
import type { PlanDocument } from '../model/types';
import type { LintResult } from '../engine';
import type { ResolvedSection } from '../rules/types';

export interface PlanSummary {
  /** Progress `Status:` first, else the frontmatter `status`. */
  readonly status?: string;
  readonly nextAction?: { readonly text: string; readonly line: number };
  /** Newest time among `updated` and the living sections' timestamps. */
  readonly lastUpdateMs?: number;
}

export function planSummary(plan: PlanDocument, result: LintResult): PlanSummary {
  const progress = result.sections.find((entry) => entry.spec?.key === 'progress');
  const statusEntry = progress ? findEntry(progress, 'status') : undefined;
  const next = progress ? findEntry(progress, 'next action') : undefined;
  const data = plan.frontmatter?.data;
  let lastUpdateMs: number | undefined;
  const updated = data?.['updated'];
  if (typeof updated === 'string') {
    const parsed = Date.parse(updated);
    if (!Number.isNaN(parsed)) lastUpdateMs = parsed;
  }
  for (const entry of result.sections) {
    if (!entry.spec?.living) continue;
    for (const stamp of entry.placed.section.timestamps) {
      if (stamp.epochMs !== undefined && !stamp.inCode && (lastUpdateMs === undefined || stamp.epochMs > lastUpdateMs)) lastUpdateMs = stamp.epochMs;
    }
  }
  const frontmatterStatus = typeof data?.['status'] === 'string' ? (data['status'] as string) : undefined;
  const status = statusEntry?.value || frontmatterStatus;
  return {
    ...(status ? { status } : {}),
    ...(next && progress ? { nextAction: { text: next.value, line: progress.placed.line + next.line } } : {}),
    ...(lastUpdateMs !== undefined ? { lastUpdateMs } : {}),
  };
}

function findEntry(entry: ResolvedSection, key: string) {
  return entry.placed.section.entries.find((item) => item.key.toLowerCase() === key && !item.bulleted);
}
