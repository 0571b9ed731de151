/**
 * Reads, checks and (with --fix) fixes one file. Runs on the main thread or in a worker; its input
 * and output are plain data so they can cross between threads.
 */
import * as fs from 'node:fs';
import type { LintConfig } from '../core/config';
import type { Finding } from '../core/rules/types';
import { checkFileText } from '../workspace/fileCheck';
import type { FileKind } from '../workspace/fileCheck';
import { fixText } from './fixFiles';
import type { AppliedFix } from '../core/features/edits/fixAll';

export interface CheckTask {
  readonly absolute: string;
  readonly classificationPath: string;
  readonly globs: readonly string[];
  readonly fallbackProfile: string;
  readonly maxFileSize: number;
  readonly config: LintConfig;
  readonly nowMs: number;
  readonly fix: boolean;
}

export type ResultKind = FileKind | 'too-large' | 'unreadable';

export interface CheckOutcome {
  readonly kind: ResultKind;
  readonly reason: string;
  readonly findings: readonly Finding[];
  readonly declaredStatus?: string;
  /** Titles of the fixes written to the file (with --fix). */
  readonly fixesApplied?: readonly string[];
  /** Set when writing the fixed file failed. */
  readonly writeError?: string;
}

const TOO_LARGE = (size: number, limit: number): string => `skipped: ${formatBytes(size)} is over the ${formatBytes(limit)} size limit`;

export function checkTarget(task: CheckTask): CheckOutcome {
  let size: number;
  let text: string;
  try {
    size = fs.statSync(task.absolute).size;
    if (size > task.maxFileSize) return { kind: 'too-large', reason: TOO_LARGE(size, task.maxFileSize), findings: [] };
    text = fs.readFileSync(task.absolute, 'utf8');
  } catch (error) {
    return { kind: 'unreadable', reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, findings: [] };
  }
  const now = new Date(task.nowMs);
  const settings = { globs: task.globs, fallbackProfile: task.fallbackProfile, config: task.config, now };
  let fixesApplied: string[] | undefined;
  let writeError: string | undefined;
  if (task.fix) {
    const fixed = fixText(text, { relativePath: task.classificationPath, globs: task.globs, fallbackProfile: task.fallbackProfile, maxFileSize: Number.MAX_SAFE_INTEGER, config: task.config, now });
    if (fixed.changed) {
      try {
        fs.writeFileSync(task.absolute, fixed.text, 'utf8');
        text = fixed.text;
        fixesApplied = fixed.applied.map((applied) => describeFix(applied));
      } catch (error) {
        writeError = `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      }
    }
  }
  const check = checkFileText(text, task.classificationPath, settings);
  return {
    kind: check.kind,
    reason: check.reason,
    findings: check.findings,
    ...(check.declaredStatus ? { declaredStatus: check.declaredStatus } : {}),
    ...(fixesApplied ? { fixesApplied } : {}),
    ...(writeError ? { writeError } : {}),
  };
}

function describeFix(applied: AppliedFix): string {
  return `${applied.ruleId} ${applied.title}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
