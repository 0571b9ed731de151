/**
 * The Exec Plan specification: the strictest dialect. Sections, order and levels follow its
 * Standard ExecPlan Schema; the `codex-strict` and `repo-native` variants differ in formatting
 * only and are told apart by the frontmatter `profile` field.
 */
import type { Profile, SectionSpec } from './types';

const PROGRESS_TEMPLATE = 'Status: IN_PROGRESS\nNext Action: <single smallest safe step>\n\n- [ ] ${now} - <action> (Owner: <id>)';

export const ssotSections: readonly SectionSpec[] = [
  { key: 'purpose', name: 'Purpose / Big Picture', aliases: ['Purpose', 'Big Picture', 'Purpose and Big Picture', 'Purpose & Big Picture'], level: 'must', purpose: 'The user-visible goal in one to three short paragraphs: what someone can do after this change that they could not before.', template: '<User-visible goal in 1-3 short paragraphs.>' },
  { key: 'progress', name: 'Progress', aliases: ['Progress Log', 'Status'], level: 'must', living: true, purpose: 'Where the work stands: a Status line, the single Next Action, and timestamped checklist items.', template: PROGRESS_TEMPLATE },
  { key: 'context', name: 'Context and Orientation', aliases: ['Context & Orientation', 'Context', 'Orientation'], level: 'must', purpose: 'What a newcomer needs to know: current architecture, key files, current behaviour and the terms used.', template: '<Current architecture, key files, current behavior, and term definitions.>' },
  { key: 'interfaces', name: 'Interfaces & Dependencies', aliases: ['Interfaces and Dependencies', 'Interfaces', 'Dependencies'], level: 'should', purpose: 'APIs, data contracts, external services and integration points the work touches.', template: '<APIs, data contracts, external services, and integration points.>' },
  { key: 'constraints', name: 'Constraints & Safety', aliases: ['Constraints and Safety', 'Constraints', 'Safety'], level: 'must', purpose: 'What the executor may do, must ask before doing, and must never do, and how secrets and personal data are kept out.', template: '### Allowed Scope\n- Allowed directories: <...>\n\n### Approval-Required Operations\n- <...>\n\n### Forbidden Operations\n- <...>\n\n### Secrets & PII\n- Never paste secrets into this plan or logs; use `<REDACTED>` placeholders.' },
  { key: 'tooling', name: 'Tooling Interface & Governance', aliases: ['Tooling Interface and Governance', 'Tooling & Governance', 'Tool Governance', 'Tooling'], level: 'must', purpose: 'Which tools, MCP servers and roots the executor may use, and which approvals they need.', template: '<Declare allowed tools, MCP servers (if any), allowed roots, and required approvals.>' },
  { key: 'plan-of-work', name: 'Plan of Work', aliases: ['Plan', 'Approach', 'Work Plan'], level: 'must', purpose: 'The approach and its ordering, in prose.', template: '<Prose description of approach and ordering.>' },
  { key: 'milestones', name: 'Milestones', aliases: [], level: 'should', purpose: 'Independently verifiable chunks, each with deliverables and a way to check it.', template: '<Decompose into independently verifiable chunks with deliverables and checkpoints.>' },
  { key: 'concrete-steps', name: 'Concrete Steps', aliases: ['Steps'], level: 'should', purpose: 'Step-by-step commands with their working directory and expected outcome.', template: '1) <step> (cwd: <...>) -> expected: <...>' },
  { key: 'validation', name: 'Validation & Acceptance', aliases: ['Validation and Acceptance', 'Validation', 'Acceptance', 'Acceptance Criteria'], level: 'must', purpose: 'Acceptance criteria, each with a command to verify it and the output to expect.', template: '- Criterion: <...>\n  - Verify: `<command>`\n  - Expected: <output excerpt>' },
  { key: 'recovery', name: 'Idempotence & Recovery', aliases: ['Idempotence and Recovery', 'Recovery', 'Rollback'], level: 'should', purpose: 'How to retry safely, roll back and recover from a partial failure.', template: '<How to retry safely, rollback, and recover from partial failure.>' },
  { key: 'surprises', name: 'Surprises & Discoveries', aliases: ['Surprises and Discoveries', 'Discoveries', 'Surprises'], level: 'must', living: true, purpose: 'What turned out differently than expected, each with its evidence.', template: '- ${now} - <discovery> (Evidence: <file/command>)' },
  { key: 'decision-log', name: 'Decision Log', aliases: ['Decisions', 'Decision Record'], level: 'must', living: true, purpose: 'Every decision with its alternatives, rationale, consequences, evidence and author.', template: '- ${now} - Decision: <what>\n  Alternatives: <A>, <B>\n  Rationale: <why>\n  Consequences: <what this enables/risks>\n  Evidence: <command/file>\n  Author: <id>' },
  { key: 'messages', name: 'Inter-Agent Messages', aliases: ['Inter Agent Messages', 'Agent Messages', 'Messages'], level: 'conditional', condition: 'multi-agent', living: true, purpose: 'Requests, notices and blocks exchanged between agents working on the plan, each with how to tell it is done.', template: '- ${now} - From: <agent> To: <agent>\n  Intent: REQUEST\n  Message: <content>\n  Acceptance/Test: <what proves it is done>' },
  { key: 'handoff', name: 'Handoff Summary', aliases: ['Handoff', 'Hand-off Summary', 'Context Snapshot'], level: 'conditional', condition: 'handoff', purpose: 'A compact snapshot for the next agent or session: status, next action, what is done, key decisions, blockers, evidence pointers.', template: 'Timestamp: ${now}\nStatus: IN_PROGRESS\nNext Action: <...>\n\nWhat is done:\n- <...>\n\nKey decisions:\n- <...>\n\nBlockers/risks:\n- <...>\n\nEvidence pointers:\n- <...>' },
  { key: 'outcomes', name: 'Outcomes & Retrospective', aliases: ['Outcomes and Retrospective', 'Outcomes', 'Retrospective', 'Results'], level: 'must', living: true, purpose: 'What shipped, what changed, what was learned, and the follow-ups.', template: '<What shipped, what changed, what was learned, and follow-ups.>' },
  { key: 'revisions', name: 'Plan Revision History', aliases: ['Revision History', 'Revisions'], level: 'optional', living: true, purpose: 'Each change of meaning to the plan (scope, milestones, acceptance, safety) with what changed, the evidence and the author.', template: '- ${now} - Revision 1: <title>\n  Changes: <what changed>\n  Evidence: <command/file>\n  Author: <id>' },
  { key: 'see-also', name: 'See Also', aliases: [], level: 'optional', purpose: 'Related documents; the one place besides References where external links belong.', template: '- <related document>' },
  { key: 'references', name: 'References', aliases: ['Sources'], level: 'optional', purpose: 'Sources the plan snapshotted, with when they were retrieved.', template: '- <source> (retrieved ${now})' },
];

export const ssot: Profile = {
  id: 'ssot',
  label: 'Exec Plan spec (ssot)',
  sections: ssotSections,
  frontmatter: [
    { key: 'id', kind: 'string', required: true, description: 'A stable identifier for the plan.' },
    { key: 'status', kind: 'enum', required: true, values: ['DRAFT', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'ABANDONED'], description: 'Where the plan stands.' },
    { key: 'owner', kind: 'string', required: true, description: 'The human or agent id responsible for the plan.' },
    { key: 'created', kind: 'timestamp', required: true, description: 'When the plan was created (RFC 3339).' },
    { key: 'updated', kind: 'timestamp', required: true, description: 'When the plan last changed (RFC 3339); bump it with every update.' },
    { key: 'profile', kind: 'enum', required: true, values: ['codex-strict', 'repo-native'], description: 'The formatting variant: codex-strict (prose first, no tables or HTML) or repo-native.' },
  ],
  timestampFormats: ['rfc3339'],
  timestampExample: '2025-11-22T14:00:00Z',
  statusValues: ['DRAFT', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'ABANDONED'],
  activeStatuses: ['IN_PROGRESS', 'BLOCKED'],
  doneStatuses: ['DONE', 'ABANDONED'],
  staleAfterHours: 24,
  titlePattern: /^PLAN:\s+\S/,
  titleExample: '# PLAN: <Task Name>',
  progress: {
    statusLines: true,
    itemTimestamps: 'all',
    entries: 'items',
    example: '- [ ] 2025-11-22T14:00:00Z - Write the parser (Owner: agent-1)',
  },
  decision: {
    fields: ['Decision', 'Rationale', 'Evidence', 'Author'],
    timestamp: true,
    example: '- 2025-11-22T14:20:00Z - Decision: <what>, then `Alternatives:`, `Rationale:`, `Consequences:`, `Evidence:` and `Author:` lines',
  },
  discovery: {
    fields: ['Evidence'],
    timestamp: true,
    example: '- 2025-11-22T14:10:00Z - <what you found> (Evidence: <file or command>)',
  },
  message: {
    fields: ['From', 'To', 'Intent', 'Message', 'Acceptance/Test'],
    timestamp: true,
    example: '- 2025-11-22T14:30:00Z - From: <agent> To: <agent>, then `Intent:` (REQUEST, NOTIFY or BLOCK), `Message:` and `Acceptance/Test:` lines',
  },
  enforceOrder: true,
  strictHeadings: true,
  checklistsOnlyInProgress: true,
  subsets: [
    {
      id: 'minimal',
      label: 'Minimal Template',
      keys: ['purpose', 'progress', 'constraints', 'tooling', 'validation', 'surprises', 'decision-log', 'outcomes'],
    },
  ],
};
