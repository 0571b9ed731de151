/** The status notification for a checked document. */
import type { CheckResult } from './documentChecker';
import type { PlanStatusParams } from './protocol';
import { planSummary } from './core/features/summary';
import { planMetrics } from './core/features/metrics';

export function planStatus(uri: string, version: number, result: CheckResult, lintMs: number): PlanStatusParams {
  const isPlan = result.classification.kind === 'plan';
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  const base = { uri, version, isPlan, reason: result.classification.reason, errors, warnings, lintMs: Math.round(lintMs * 100) / 100 };
  if (!isPlan || !result.lint) return base;
  const summary = planSummary(result.plan!, result.lint);
  return {
    ...base,
    profile: result.lint.profile.variant ? `${result.lint.profile.profile.id} (${result.lint.profile.variant})` : result.lint.profile.profile.id,
    profileSource: result.lint.profile.source,
    ...(summary.status ? { status: summary.status } : {}),
    ...(summary.nextAction ? { nextAction: summary.nextAction } : {}),
    ...(summary.lastUpdateMs !== undefined ? { lastUpdateMs: summary.lastUpdateMs } : {}),
    metrics: planMetrics(result.lint),
  };
}
