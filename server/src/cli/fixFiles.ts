/**
 * `execplan-lint --fix` without the file system: text in, fixed text out. The editor's
 * `source.fixAll.execplan` runs the same core function with the same options, so both give the same
 * text. Line endings come through untouched because every edit keeps them; a byte order mark is set
 * aside first and put back after, since an editor never shows it to the server either.
 */
import { parsePlan } from '../core/model/index';
import { checkDocument } from '../documentChecker';
import { DEFAULT_PLAN_GLOBS } from '../core/classify';
import type { LintConfig } from '../core/config';
import { engineRelint, fixAll } from '../core/features/edits/fixAll';
import type { AppliedFix } from '../core/features/edits/fixAll';

const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
const BOM = '\uFEFF';

export interface FixTextOptions {
  /** Path relative to the working directory or workspace folder; decides plan detection and ids. */
  readonly relativePath: string;
  readonly globs?: readonly string[];
  /** `auto` or a profile id, for plans that declare none. */
  readonly fallbackProfile?: string;
  readonly maxFileSize?: number;
  readonly config?: LintConfig;
  /** The clock for fixes that write a time; defaults to now. */
  readonly now?: Date;
}

export interface FixTextResult {
  readonly text: string;
  readonly changed: boolean;
  /** Each applied fix with its rule, in the order applied. */
  readonly applied: readonly AppliedFix[];
  /** Set when the text was not checked: not a plan, or over the size limit. */
  readonly skipped?: string;
}

export function fixText(original: string, options: FixTextOptions): FixTextResult {
  const bom = original.startsWith(BOM) ? BOM : '';
  const text = original.slice(bom.length);
  const unchanged = (skipped: string): FixTextResult => ({ text: original, changed: false, applied: [], skipped });
  const now = options.now ?? new Date();
  const fallbackProfile = options.fallbackProfile ?? 'auto';
  const result = checkDocument({
    textLength: original.length,
    plan: () => parsePlan(text),
    relativePath: options.relativePath,
    globs: options.globs ?? DEFAULT_PLAN_GLOBS,
    fallbackProfile,
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ...(options.config ? { config: options.config } : {}),
    now,
  });
  if (result.skippedForSize || result.classification.kind !== 'plan' || !result.plan || !result.lint) return unchanged(result.classification.reason);
  const relint = engineRelint(
    { ...(options.config ? { config: options.config } : {}), fallbackProfile, path: options.relativePath, now },
    result.lint.profile.profile.id,
  );
  const fixed = fixAll(result.plan, result.findings, relint);
  return { text: bom + fixed.text, changed: fixed.text !== text, applied: fixed.applied };
}
