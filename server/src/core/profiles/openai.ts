/**
 * The Cookbook's PLANS.md skeleton: living sections first (Progress, Surprises & Discoveries,
 * Decision Log, Outcomes & Retrospective are mandatory), then the orienting ones. It writes "and"
 * where ssot writes "&", and times as `2025-10-01 13:00Z`; finished Progress items carry a time.
 */
import type { Profile, SectionSpec } from './types';

const sections: readonly SectionSpec[] = [
  { key: 'purpose', name: 'Purpose / Big Picture', aliases: ['Purpose', 'Big Picture'], level: 'should', purpose: 'What someone gains after this change and how they can see it working.', template: '<What someone can do after this change that they could not do before, and how to see it working.>' },
  { key: 'progress', name: 'Progress', aliases: [], level: 'must', living: true, purpose: 'A checklist of granular steps; finished ones carry the time they were done.', template: '- [ ] <next step>' },
  { key: 'surprises', name: 'Surprises & Discoveries', aliases: ['Surprises and Discoveries'], level: 'must', living: true, purpose: 'Unexpected behaviour found while working, each observation with its evidence.', template: '- Observation: <what you found>\n  Evidence: <test output or file>' },
  { key: 'decision-log', name: 'Decision Log', aliases: ['Decisions'], level: 'must', living: true, purpose: 'Every decision with its rationale and who made it when.', template: '- Decision: <what>\n  Rationale: <why>\n  Date/Author: <date> / <author>' },
  { key: 'outcomes', name: 'Outcomes & Retrospective', aliases: ['Outcomes and Retrospective', 'Outcomes', 'Retrospective'], level: 'must', living: true, purpose: 'What was achieved against the purpose, what remains and what was learned.', template: '<Outcomes, gaps and lessons learned at major milestones or at completion.>' },
  { key: 'context', name: 'Context and Orientation', aliases: ['Context'], level: 'should', purpose: 'The current state as if the reader knew nothing: key files by full path and the terms used.', template: '<Current state, key files by full path, and definitions of the terms used.>' },
  { key: 'plan-of-work', name: 'Plan of Work', aliases: [], level: 'should', purpose: 'The sequence of edits and additions, in prose.', template: '<The sequence of edits and additions, in prose.>' },
  { key: 'concrete-steps', name: 'Concrete Steps', aliases: ['Steps'], level: 'should', purpose: 'The exact commands to run, with their working directory and expected output.', template: '<Exact commands with working directory and expected output.>' },
  { key: 'validation', name: 'Validation and Acceptance', aliases: ['Validation & Acceptance', 'Validation', 'Acceptance'], level: 'should', purpose: 'How to exercise the system and what to observe, as behaviour a person can check.', template: '<How to start or exercise the system and what to observe.>' },
  { key: 'recovery', name: 'Idempotence and Recovery', aliases: ['Idempotence & Recovery', 'Recovery'], level: 'should', purpose: 'Which steps can be repeated safely and how to retry or roll back.', template: '<Which steps are safe to repeat, and how to retry or roll back.>' },
  { key: 'artifacts', name: 'Artifacts and Notes', aliases: ['Artifacts & Notes', 'Artifacts'], level: 'optional', purpose: 'Short transcripts, diffs and snippets that prove success, as indented examples.', template: '<Concise transcripts, diffs or snippets, indented.>' },
  { key: 'interfaces', name: 'Interfaces and Dependencies', aliases: ['Interfaces & Dependencies', 'Interfaces', 'Dependencies'], level: 'should', purpose: 'Libraries, modules and services used, and the types and signatures that must exist at the end.', template: '<Libraries, modules and the signatures that must exist at the end.>' },
  { key: 'revisions', name: 'Revision Notes', aliases: ['Revision Note', 'Revision History', 'Revisions', 'Change Notes'], level: 'optional', purpose: 'Each revision of the plan: what changed and why.', template: '- <date>: <what changed> because <why>.' },
];

export const openai: Profile = {
  id: 'openai',
  label: 'Cookbook PLANS.md (openai)',
  sections,
  frontmatter: [],
  timestampFormats: ['date-time-z', 'rfc3339', 'iso-minutes'],
  timestampExample: '2025-10-01 13:00Z',
  statusValues: [],
  activeStatuses: [],
  doneStatuses: [],
  staleAfterHours: 24,
  titleExample: '# <Short, action-oriented title>',
  progress: {
    statusLines: false,
    itemTimestamps: 'done',
    entries: 'items',
    example: '- [x] (2025-10-01 13:00Z) Wrote the parser.',
  },
  decision: {
    fields: ['Decision', 'Rationale', 'Date/Author'],
    timestamp: false,
    example: '- Decision: <what>, then `Rationale: <why>` and `Date/Author: <date> / <author>` lines',
  },
  discovery: {
    fields: ['Evidence'],
    timestamp: false,
    example: '- Observation: <what you found>, then an `Evidence: <output or file>` line',
  },
  enforceOrder: true,
  strictHeadings: false,
  checklistsOnlyInProgress: true,
};
