/**
 * Checks one document: is it a plan, and if so what does the engine find. Pure apart from its
 * inputs, so the server, the CLI and tests share it.
 */
import type { PlanDocument } from './core/model/index';
import { classifyDocument } from './core/classify';
import type { Classification } from './core/classify';
import { lint } from './core/engine';
import type { LintResult } from './core/engine';
import type { LintConfig } from './core/config';
import type { Finding } from './core/rules/types';

export interface CheckInput {
  /** Length of the text, checked against the size limit before anything is parsed. */
  readonly textLength: number;
  /** The parsed plan, asked for only when the text is within the size limit. */
  readonly plan: () => PlanDocument;
  /** Path relative to the workspace folder (or the full path when outside one). */
  readonly relativePath: string;
  readonly globs: readonly string[];
  readonly fallbackProfile: string;
  readonly maxFileSize: number;
  readonly config?: LintConfig;
  readonly now?: Date;
}

export interface CheckResult {
  readonly classification: Classification;
  readonly findings: readonly Finding[];
  readonly lint?: LintResult;
  /** The parsed plan, when the document was parsed. */
  readonly plan?: PlanDocument;
  /** Set when the document was over the size limit and was not checked. */
  readonly skippedForSize?: boolean;
}

export const SIZE_RULE_ID = 'EP000';

export function checkDocument(input: CheckInput): CheckResult {
  if (input.textLength > input.maxFileSize) {
    const classification: Classification = { kind: 'plan', reason: 'it is too large to check' };
    const finding: Finding = {
      ruleId: SIZE_RULE_ID,
      ruleName: 'file-too-large',
      severity: 'info',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `This file is ${formatSize(input.textLength)}, over the ${formatSize(input.maxFileSize)} limit (\`execplan.maxFileSize\`), so it was not checked.`,
    };
    return { classification, findings: [finding], skippedForSize: true };
  }
  const plan = input.plan();
  const classification = classifyDocument(plan, input.relativePath, input.globs);
  if (classification.kind !== 'plan') return { classification, findings: [], plan };
  const result = lint(plan, {
    ...(input.config ? { config: input.config } : {}),
    fallbackProfile: input.fallbackProfile,
    path: input.relativePath,
    ...(input.now ? { now: input.now } : {}),
  });
  return { classification, findings: result.findings, lint: result, plan };
}

function formatSize(characters: number): string {
  return characters >= 1024 * 1024 ? `${(characters / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(characters / 1024)} KB`;
}
