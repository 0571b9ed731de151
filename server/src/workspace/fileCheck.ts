/**
 * Checks one file of a workspace from its text: a plan is linted, a registry and a policy file are
 * recognised (registries are checked later, once every plan's status is known), a lock file gets the
 * lock rules. No file system here: the CLI, its workers and the server's index all call this.
 */
import { parsePlan } from '../core/model/index';
import { matchesPlanGlobs } from '../core/classify';
import type { LintConfig } from '../core/config';
import type { Finding } from '../core/rules/types';
import { checkDocument } from '../documentChecker';
import { planSummary } from '../core/features/summary';
import type { PlanSummary } from '../core/features/summary';
import { declaredPlanStatus, lintLockFile, LOCK_FILE_NAME } from '../core/workspace/index';

export type FileKind = 'plan' | 'registry' | 'policy' | 'other' | 'lock';

export interface FileCheckSettings {
  readonly globs: readonly string[];
  readonly fallbackProfile: string;
  readonly config?: LintConfig;
  readonly now: Date;
  /** Folders between the workspace root and the file (for lock scopes written with `..`). */
  readonly depthBelowRoot?: number;
}

/** What a check found, as plain data (it crosses from worker threads). */
export interface FileCheck {
  readonly kind: FileKind;
  /** Why the file is of that kind. */
  readonly reason: string;
  readonly findings: readonly Finding[];
  /** For plans and other Markdown: the status the document declares. */
  readonly declaredStatus?: string;
  readonly title?: string;
  readonly profile?: string;
  readonly summary?: PlanSummary;
}

export function isLockFilePath(relativePath: string): boolean {
  return relativePath === LOCK_FILE_NAME || relativePath.endsWith('/' + LOCK_FILE_NAME);
}

/** The files a workspace lint (and `execplan-lint` without paths) looks at: plans by pattern, PLANS.md registries, lock files. */
export function isIndexed(relativePath: string, planGlobs: readonly string[]): boolean {
  if (isLockFilePath(relativePath)) return true;
  if (!/\.(md|markdown)$/i.test(relativePath)) return false;
  return /(^|\/)plans\.md$/i.test(relativePath) || matchesPlanGlobs(relativePath, planGlobs);
}

export function checkFileText(text: string, relativePath: string, settings: FileCheckSettings): FileCheck {
  if (isLockFilePath(relativePath)) {
    const { findings } = lintLockFile({
      text,
      now: settings.now,
      depthBelowRoot: settings.depthBelowRoot ?? relativePath.split('/').length - 1,
      ...(settings.config ? { config: settings.config } : {}),
    });
    return { kind: 'lock', reason: 'it is the agents’ lock file', findings };
  }
  const result = checkDocument({
    textLength: text.length,
    plan: () => parsePlan(text),
    relativePath,
    globs: settings.globs,
    fallbackProfile: settings.fallbackProfile,
    // The caller has already compared the file's size with the limit.
    maxFileSize: Number.MAX_SAFE_INTEGER,
    ...(settings.config ? { config: settings.config } : {}),
    now: settings.now,
  });
  const plan = result.plan;
  const title = plan ? firstTitle(plan) : undefined;
  const declaredStatus = plan ? declaredPlanStatus(plan) : undefined;
  const base = {
    kind: result.classification.kind,
    reason: result.classification.reason,
    ...(title ? { title } : {}),
    ...(declaredStatus ? { declaredStatus } : {}),
  };
  if (result.classification.kind !== 'plan' || !result.lint || !plan) return { ...base, findings: [] };
  const profile = result.lint.profile.variant ? `${result.lint.profile.profile.id} (${result.lint.profile.variant})` : result.lint.profile.profile.id;
  return { ...base, findings: result.findings, profile, summary: planSummary(plan, result.lint) };
}

function firstTitle(plan: ReturnType<typeof parsePlan>): string | undefined {
  for (const { section } of plan.sections) {
    if (section.heading?.level === 1) return section.heading.text;
  }
  const title = plan.frontmatter?.data?.['title'];
  return typeof title === 'string' ? title : undefined;
}
