/**
 * Runs only the safety rules (or the rules given) through the engine itself: every other rule is
 * switched off in the configuration, so the tests see exactly what the editor and the CLI report.
 */
import { parsePlan } from '../../../server/src/core/model/index';
import type { PlanDocument } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import type { RuleSetting } from '../../../server/src/core/config';
import { RULES } from '../../../server/src/core/rules/index';
import type { Finding, ResolvedSection, Rule, SeveritySetting } from '../../../server/src/core/rules/types';
import { SAFETY_RULES } from '../../../server/src/core/rules/safetyRules';

export interface HarnessOptions {
  /** Options per rule id. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Force a profile instead of resolving it from the plan. */
  readonly profile?: string;
  readonly rules?: readonly Rule[];
}

export interface HarnessResult {
  readonly plan: PlanDocument;
  readonly findings: readonly Finding[];
  readonly sections: readonly ResolvedSection[];
  readonly profileId: string;
}

/** The clock the safety tests run at. */
const NOW = new Date('2026-03-02T12:00:00Z');

/** Lints `text` (or an already parsed plan) with the safety rules (or `options.rules`); findings in document order. */
export function lintSafety(text: string | PlanDocument, options: HarnessOptions = {}): HarnessResult {
  const plan = typeof text === 'string' ? parsePlan(text) : text;
  const selected = new Set((options.rules ?? SAFETY_RULES).map((rule) => rule.id));
  const rules: Record<string, SeveritySetting | RuleSetting> = {};
  for (const rule of RULES) {
    rules[rule.id] = selected.has(rule.id) ? { severity: rule.defaultSeverity, options: options.options?.[rule.id] ?? {} } : 'off';
  }
  const result = lint(plan, { config: { ...(options.profile ? { profile: options.profile } : {}), rules }, now: NOW });
  return { plan, findings: result.findings, sections: result.sections, profileId: result.profile.profile.id };
}
