/**
 * MAGSAG lightweight plans: Purpose, Context, Plan of Work, Validation, Status and Follow-up, with
 * Status entries written `- [2025-11-03 05:05 UTC] text`. Active plans get a status update at
 * least every three days.
 */
import type { Profile, SectionSpec } from './types';

const sections: readonly SectionSpec[] = [
  { key: 'purpose', name: 'Purpose', aliases: ['Purpose / Big Picture', 'Goal'], level: 'must', purpose: 'Why the work is needed and what success is, in a sentence.', template: '- <Why this is needed; success in one sentence.>' },
  { key: 'context', name: 'Context', aliases: ['Context and Orientation', 'Background'], level: 'must', purpose: 'Links to issues, SSOT entries, diagrams and docs.', template: '- <Links to issues, SSOT entries, diagrams, docs.>' },
  { key: 'plan-of-work', name: 'Plan of Work', aliases: ['Plan'], level: 'must', purpose: 'Ordered steps with owners, risks and dependencies.', template: '1. <Ordered step with owner.>' },
  { key: 'validation', name: 'Validation', aliases: ['Validation and Acceptance', 'Validation & Acceptance'], level: 'must', purpose: 'Commands with their expected outcomes, and how to recover if one fails.', template: '- <Command and expected outcome.>' },
  { key: 'progress', name: 'Status', aliases: ['Progress', 'Status Log'], level: 'must', living: true, purpose: 'Timestamped progress updates and decisions with their rationale.', template: '- [${now}] <update>' },
  { key: 'follow-up', name: 'Follow-up', aliases: ['Follow-ups', 'Follow Up', 'Next Steps'], level: 'should', purpose: 'Remaining tasks and references (pull requests, dashboards).', template: '- <Remaining tasks or references.>' },
];

export const magsag: Profile = {
  id: 'magsag',
  label: 'MAGSAG plans (magsag)',
  sections,
  frontmatter: [
    { key: 'title', kind: 'string', required: false, description: 'The plan title.' },
    { key: 'status', kind: 'string', required: false, description: 'Where the plan stands (for example active or completed).' },
    { key: 'last_updated', kind: 'date', required: false, description: 'The day the plan last changed (YYYY-MM-DD).' },
  ],
  timestampFormats: ['date-time-utc', 'rfc3339'],
  timestampExample: '2025-11-03 05:05 UTC',
  statusValues: [],
  activeStatuses: ['active', 'in-progress', 'in_progress', 'blocking', 'blocked'],
  doneStatuses: ['completed', 'done', 'closed', 'abandoned', 'stable'],
  staleAfterHours: 72,
  titleExample: '# <Action title>',
  progress: {
    statusLines: false,
    itemTimestamps: 'all',
    entries: 'items',
    example: '- [2025-11-03 05:05 UTC] Merged the schema change; next is the backfill.',
  },
  enforceOrder: true,
  strictHeadings: false,
  checklistsOnlyInProgress: false,
};
