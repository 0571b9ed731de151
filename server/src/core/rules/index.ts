/**
 * The ordered registry of rules. Each rule lives in its own file named by code and name; adding a
 * rule is one file, one line here, one page under docs/rules/ and one fixture folder.
 */
import type { Rule } from './types';
import { requiredSection } from './EP001-required-section';
import { sectionOrder } from './EP002-section-order';
import { duplicateSection } from './EP003-duplicate-section';
import { sectionName } from './EP004-section-name';
import { unknownSection } from './EP005-unknown-section';
import { title } from './EP006-title';
import { templatePlaceholder } from './EP007-template-placeholder';
import { emptySection } from './EP008-empty-section';
import { conditionalSection } from './EP009-conditional-section';
import { frontmatterInvalid } from './EP010-frontmatter-invalid';
import { frontmatterField } from './EP011-frontmatter-field';
import { frontmatterValue } from './EP012-frontmatter-value';
import { updatedStale } from './EP013-updated-stale';
import { progressStatus } from './EP020-progress-status';
import { nextAction } from './EP021-next-action';
import { statusMismatch } from './EP022-status-mismatch';
import { progressTimestamp } from './EP023-progress-timestamp';
import { progressOrder } from './EP024-progress-order';
import { freshness } from './EP025-freshness';
import { stopEscalation } from './EP026-stop-escalation';
import { timestampFormat } from './EP030-timestamp-format';
import { timestampInvalid } from './EP031-timestamp-invalid';
import { decisionEntry } from './EP040-decision-entry';
import { discoveryEvidence } from './EP041-discovery-evidence';
import { messageEntry } from './EP042-message-entry';
import { acceptanceVerifiable } from './EP043-acceptance-verifiable';
import { handoffSummary } from './EP044-handoff-summary';
import { revisionNote } from './EP045-revision-note';
import { checklistOutsideProgress } from './EP050-checklist-outside-progress';
import { tableOrHtml } from './EP051-table-or-html';
import { nestedFence } from './EP052-nested-fence';
import { headingSpacing } from './EP053-heading-spacing';
import { overPlanning } from './EP054-over-planning';
import { SAFETY_RULES } from './safetyRules';

/** Schema rules (EP001-EP054), in code order. */
export const SCHEMA_RULES: readonly Rule[] = [
  requiredSection,
  sectionOrder,
  duplicateSection,
  sectionName,
  unknownSection,
  title,
  templatePlaceholder,
  emptySection,
  conditionalSection,
  frontmatterInvalid,
  frontmatterField,
  frontmatterValue,
  updatedStale,
  progressStatus,
  nextAction,
  statusMismatch,
  progressTimestamp,
  progressOrder,
  freshness,
  stopEscalation,
  timestampFormat,
  timestampInvalid,
  decisionEntry,
  discoveryEvidence,
  messageEntry,
  acceptanceVerifiable,
  handoffSummary,
  revisionNote,
  checklistOutsideProgress,
  tableOrHtml,
  nestedFence,
  headingSpacing,
  overPlanning,
];

/** Every rule the engine runs: schema rules, then safety rules (EP060-EP065). */
export const RULES: readonly Rule[] = [...SCHEMA_RULES, ...SAFETY_RULES];

/** Where each rule's documentation page is published. */
export const RULE_DOCS_BASE = 'https://github.com/execplan-tools/execplan/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

export function ruleById(idOrName: string): Rule | undefined {
  return RULES.find((rule) => rule.id === idOrName || rule.name === idOrName);
}
