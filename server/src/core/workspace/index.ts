/**
 * The workspace-level checks: registry rules (EP070-EP072) and lock-file rules (EP080-EP083), in
 * order, and the two entry points the CLI and the server call. Both are pure: whatever the file
 * system knows (which paths exist, what each linked plan says) comes in as data.
 */
import { ruleFailureFinding } from '../ruleFailure';
import type { PlanDocument } from '../model/types';
import type { LintConfig, RuleSetting } from '../config';
import type { Finding, Report, SeveritySetting } from '../rules/types';
import type { LockRule, RegistryContext, RegistryRule, WorkspaceRuleInfo } from './types';
import { parseRegistry } from './registry';
import type { Registry } from './registry';
import { readLockFile } from './lockFile';
import type { LockFile } from './lockFile';
import { registryEntry } from './rules/EP070-registry-entry';
import { registryLink } from './rules/EP071-registry-link';
import { registryStatus } from './rules/EP072-registry-status';
import { lockSchema } from './rules/EP080-lock-schema';
import { lockExpired } from './rules/EP081-lock-expired';
import { lockOverlap } from './rules/EP082-lock-overlap';
import { lockOutsideRepo } from './rules/EP083-lock-outside-repo';

export const REGISTRY_RULES: readonly RegistryRule[] = [registryEntry, registryLink, registryStatus];
export const LOCK_RULES: readonly LockRule[] = [lockSchema, lockExpired, lockOverlap, lockOutsideRepo];
export const WORKSPACE_RULES: readonly WorkspaceRuleInfo[] = [...REGISTRY_RULES, ...LOCK_RULES];

export function workspaceRuleById(idOrName: string): WorkspaceRuleInfo | undefined {
  return WORKSPACE_RULES.find((rule) => rule.id === idOrName || rule.name === idOrName);
}

export interface RegistryLintInput {
  readonly plan: PlanDocument;
  /** The registry's path relative to the workspace root. */
  readonly path: string;
  readonly existingPaths: ReadonlySet<string>;
  readonly knownPlanPaths?: readonly string[];
  readonly planStatuses?: ReadonlyMap<string, string>;
  readonly config?: LintConfig;
  /** Parsed already (to look up link candidates first); parsed here when absent. */
  readonly registry?: Registry;
}

export function lintRegistry(input: RegistryLintInput): Finding[] {
  const context: RegistryContext = {
    plan: input.plan,
    registry: input.registry ?? parseRegistry(input.plan),
    path: input.path,
    existingPaths: input.existingPaths,
    knownPlanPaths: input.knownPlanPaths ?? [],
    planStatuses: input.planStatuses ?? new Map(),
  };
  return runRules(REGISTRY_RULES, input.config, (rule, report) => rule.check(context, report));
}

export interface LockLintInput {
  readonly text: string;
  readonly now: Date;
  readonly depthBelowRoot?: number;
  readonly config?: LintConfig;
}

export interface LockLintResult {
  readonly lockFile: LockFile;
  readonly findings: Finding[];
}

export function lintLockFile(input: LockLintInput): LockLintResult {
  const lockFile = readLockFile(input.text);
  const context = { lockFile, now: input.now, depthBelowRoot: input.depthBelowRoot ?? 0 };
  const findings = runRules(LOCK_RULES, input.config, (rule, report) => rule.check(context, report));
  return { lockFile, findings };
}

function runRules<R extends WorkspaceRuleInfo>(rules: readonly R[], config: LintConfig | undefined, check: (rule: R, report: (report: Report) => void) => void): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    try {
      check(rule, (report) => findings.push({ ...report, ruleId: rule.id, ruleName: rule.name, severity }));
    } catch (error) {
      findings.push(ruleFailureFinding(rule, error, 'file'));
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}

function severityOf(rule: WorkspaceRuleInfo, config: LintConfig | undefined): SeveritySetting {
  const value = config?.rules?.[rule.id] ?? config?.rules?.[rule.name];
  if (value === undefined) return rule.defaultSeverity;
  const setting: RuleSetting = typeof value === 'string' ? { severity: value } : value;
  return setting.severity ?? rule.defaultSeverity;
}

export { parseRegistry } from './registry';
export type { Registry, RegistryEntry } from './registry';
export { registryLinkCandidates, declaredPlanStatus } from './registryLinks';
export { readLockFile, LOCK_FILE_NAME, MAX_LOCK_FILE_CHARS } from './lockFile';
export type { LockFile } from './lockFile';
