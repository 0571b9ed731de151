/**
 * The Plans guide: Objective, Context, Success Criteria, Technical Approach, Execution Steps,
 * Progress Log (entries are `### 2025-11-01 10:30` headings with Completed / Decision / Discovery /
 * Blocker bullets), Open Questions and Results. Five to ten steps, refined as work goes on.
 */
import type { Profile, SectionSpec } from './types';

const sections: readonly SectionSpec[] = [
  { key: 'objective', name: 'Objective', aliases: ['Goal', 'Purpose'], level: 'must', purpose: 'A clear statement of what will be accomplished, understood in half a minute.', template: '<What will be accomplished.>' },
  { key: 'context', name: 'Context', aliases: ['Background'], level: 'should', purpose: 'Background, the current state, constraints and requirements.', template: '- <Background, current state, constraints.>' },
  { key: 'success-criteria', name: 'Success Criteria', aliases: ['Acceptance Criteria'], level: 'must', purpose: 'Measurable outcomes, as a checklist.', template: '- [ ] <Measurable outcome>' },
  { key: 'technical-approach', name: 'Technical Approach', aliases: ['Approach'], level: 'should', purpose: 'The high-level strategy and key technical decisions.', template: '<High-level strategy and key technical decisions.>' },
  { key: 'execution-steps', name: 'Execution Steps', aliases: ['Steps'], level: 'must', purpose: 'Five to ten high-level steps, refined as you learn.', template: '1. [ ] <Step with a clear action>' },
  { key: 'progress', name: 'Progress Log', aliases: ['Progress'], level: 'must', living: true, purpose: 'One `###` entry per update, with Completed, Decision, Discovery and Blocker bullets.', template: '### ${now}\n- Completed: <what was done>' },
  { key: 'open-questions', name: 'Open Questions', aliases: ['Questions'], level: 'should', purpose: 'Uncertainties still to resolve, as a checklist.', template: '- [ ] <Question needing resolution>' },
  { key: 'results', name: 'Results', aliases: ['Outcomes'], level: 'should', purpose: 'What was delivered and the lessons learned.', template: '<What was delivered and lessons learned.>' },
];

export const plansGuide: Profile = {
  id: 'plans-guide',
  label: 'Plans guide (plans-guide)',
  sections,
  frontmatter: [],
  timestampFormats: ['date-time', 'date-time-utc', 'date-time-z', 'rfc3339', 'iso-minutes'],
  timestampExample: '2025-11-01 10:30',
  statusValues: [],
  activeStatuses: [],
  doneStatuses: [],
  staleAfterHours: 24,
  titleExample: '# <Project name> ExecPlan',
  progress: {
    statusLines: false,
    itemTimestamps: 'all',
    entries: 'headings',
    example: '### 2025-11-01 10:30',
  },
  enforceOrder: true,
  strictHeadings: false,
  checklistsOnlyInProgress: false,
  maxSteps: 50,
};
