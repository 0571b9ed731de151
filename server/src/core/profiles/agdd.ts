/**
 * AGDD plans (`docs/development/plans/<kebab-slug>.md`): the Cookbook's sections plus a To-do
 * checklist, with living entries written `- [2025-10-30 11:42 UTC] text`.
 */
import type { Profile, SectionSpec } from './types';

const sections: readonly SectionSpec[] = [
  { key: 'purpose', name: 'Purpose / Big Picture', aliases: ['Purpose', 'Big Picture'], level: 'must', purpose: 'Why the work matters and what success looks like.', template: '- <Why the work matters and the success criteria.>' },
  { key: 'context', name: 'Context and Orientation', aliases: ['Context & Orientation', 'Context'], level: 'should', purpose: 'Links to issues, SSOT entries, catalog files and diagrams.', template: '- <Links to issues, SSOT entries, catalog files, diagrams.>' },
  { key: 'plan-of-work', name: 'Plan of Work', aliases: [], level: 'should', purpose: 'Phases, dependencies and risks.', template: '- <Phases, dependencies, risk notes.>' },
  { key: 'todo', name: 'To-do', aliases: ['Todo', 'To Do', 'TODO', 'Tasks'], level: 'should', purpose: 'The checklist of remaining work, grouped by phase or owner.', template: '- [ ] <task>' },
  { key: 'progress', name: 'Progress', aliases: [], level: 'must', living: true, purpose: 'Timestamped updates as work advances.', template: '- [${now}] <update>' },
  { key: 'decision-log', name: 'Decision Log', aliases: ['Decisions'], level: 'must', living: true, purpose: 'Timestamped decisions with their rationale and the alternatives considered.', template: '- [${now}] <decision, rationale and alternatives>' },
  { key: 'surprises', name: 'Surprises & Discoveries', aliases: ['Surprises and Discoveries'], level: 'must', living: true, purpose: 'Timestamped unexpected findings, blockers and how they were handled.', template: '- [${now}] <finding>' },
  { key: 'concrete-steps', name: 'Concrete Steps', aliases: ['Steps'], level: 'should', purpose: 'Ordered implementation notes and commands.', template: '- <Ordered implementation notes and commands.>' },
  { key: 'validation', name: 'Validation and Acceptance', aliases: ['Validation & Acceptance', 'Validation'], level: 'should', purpose: 'Tests, scripts and manual checks with their expected outputs.', template: '- <Tests, scripts, manual checks and expected outputs.>' },
  { key: 'recovery', name: 'Idempotence and Recovery', aliases: ['Idempotence & Recovery', 'Recovery'], level: 'should', purpose: 'Rollback instructions, backups and how to retry safely.', template: '- <Rollback instructions and how to retry safely.>' },
  { key: 'outcomes', name: 'Outcomes & Retrospective', aliases: ['Outcomes and Retrospective', 'Outcomes'], level: 'must', living: true, purpose: 'Final state, follow-ups and lessons learned.', template: '- <Final state, follow-ups, lessons learned.>' },
  { key: 'artifacts', name: 'Artifacts and Notes', aliases: ['Artifacts & Notes', 'Artifacts'], level: 'optional', purpose: 'PRs, run ids, dashboards and documents.', template: '- <PRs, run IDs, dashboards, documents.>' },
  { key: 'interfaces', name: 'Interfaces and Dependencies', aliases: ['Interfaces & Dependencies', 'Dependencies'], level: 'optional', purpose: 'Services, APIs, schemas or teams affected.', template: '- <Services, APIs, schemas, or teams impacted.>' },
];

export const agdd: Profile = {
  id: 'agdd',
  label: 'AGDD plans (agdd)',
  sections,
  frontmatter: [],
  timestampFormats: ['date-time-utc', 'rfc3339'],
  timestampExample: '2025-10-30 11:42 UTC',
  statusValues: [],
  activeStatuses: [],
  doneStatuses: [],
  staleAfterHours: 72,
  titleExample: '# <Action-oriented title>',
  progress: {
    statusLines: false,
    itemTimestamps: 'all',
    entries: 'items',
    example: '- [2025-10-30 11:42 UTC] Ran the storage migration on staging.',
  },
  decision: {
    fields: [],
    timestamp: true,
    example: '- [2025-10-30 11:42 UTC] <decision, with its rationale and the alternatives>',
  },
  enforceOrder: false,
  strictHeadings: false,
  checklistsOnlyInProgress: false,
};
