/**
 * EP065 destructive-step: a command in Concrete Steps or Validation that deletes or overwrites, while
 * the plan does not list such an operation under Approval-Required Operations, or lists it as forbidden.
 */
import type { Rule } from './types';
import type { ResolvedSection } from './types';
import { CATEGORY_EFFECT } from '../safety/destructiveCommands';
import type { DestructiveOperation } from '../safety/destructiveCommands';
import { destructiveStepsIn } from '../safety/commandCandidates';
import { forbiddenBy, needsApprovalPerPlan, operationLists } from '../safety/operationLists';
import { normalizeTitle } from '../safety/sectionLines';

/** Sections whose commands an executor runs. */
const STEP_KEYS = new Set(['concrete-steps', 'validation', 'execution-steps']);
const STEP_TITLE = /\b(?:steps|validation|acceptance)\b/;
const MAX_QUOTED_LINE = 80;

const notListedMessage = (operation: DestructiveOperation): string =>
  `\`${operation.label}\` ${CATEGORY_EFFECT[operation.category]}, but the plan does not list it under Approval-Required Operations. ` +
  `Add it to \`### Approval-Required Operations\` in Constraints & Safety so the executor stops and asks first, or replace the step with one that cannot lose work.`;

const forbiddenMessage = (operation: DestructiveOperation, line: string): string =>
  `\`${operation.label}\` ${CATEGORY_EFFECT[operation.category]}, and the plan forbids it ("${quote(line)}" under Forbidden Operations). ` +
  'Remove the step, or change the constraint through the Decision Log first.';

function quote(line: string): string {
  const text = line.replace(/^[-*+]\s{1,4}/, '');
  return text.length > MAX_QUOTED_LINE ? `${text.slice(0, MAX_QUOTED_LINE - 1)}…` : text;
}

function isStepSection(entry: ResolvedSection): boolean {
  if (entry.spec) return STEP_KEYS.has(entry.spec.key);
  return entry.level === 2 && STEP_TITLE.test(normalizeTitle(entry.title));
}

export const destructiveStep: Rule = {
  id: 'EP065',
  name: 'destructive-step',
  title: 'A step deletes or overwrites without a declared approval',
  defaultSeverity: 'warning',
  tags: ['safety', 'governance'],
  fixable: false,
  check(context, report) {
    let lists: ReturnType<typeof operationLists> | undefined;
    for (const entry of context.sections) {
      if (!isStepSection(entry)) continue;
      for (const step of destructiveStepsIn(entry.placed.section)) {
        lists ??= operationLists(context.sections);
        const range = context.toDocument(entry.placed, step.range);
        const data = { operation: step.operation.label, category: step.operation.category };
        const forbidding = forbiddenBy(lists, step.operation);
        if (forbidding !== undefined) report({ range, message: forbiddenMessage(step.operation, forbidding), data: { ...data, forbidden: true } });
        else if (!needsApprovalPerPlan(lists, step.operation)) report({ range, message: notListedMessage(step.operation), data });
      }
    }
  },
};
