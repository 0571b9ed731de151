/**
 * Runs in a worker thread: parses and lints one text the way the editor does (size limit,
 * classification, every rule) and reports what a test checks: how long it took, range problems
 * and rule crashes. The parent enforces a hard timeout by terminating the worker.
 */
import { parentPort } from 'node:worker_threads';
import { parsePlan } from '../../server/src/core/model/index';
import { lint } from '../../server/src/core/engine';
import { checkDocument } from '../../server/src/documentChecker';
import { DEFAULT_PLAN_GLOBS } from '../../server/src/core/classify';
import { findingProblems, ruleCrashes } from '../unit/rangeChecks';

export interface LintJob {
  readonly text: string;
  readonly relativePath: string;
  readonly maxFileSize: number;
}

export interface LintOutcome {
  readonly elapsedMs: number;
  readonly findings: number;
  readonly ruleIds: readonly string[];
  readonly messages: readonly string[];
  readonly rangeProblems: readonly string[];
  readonly crashes: readonly string[];
  readonly error?: string;
  /** True when the frontmatter canary global was set by anything the text held. */
  readonly canaryTouched: boolean;
}

function run(job: LintJob): LintOutcome {
  const started = performance.now();
  try {
    const result = checkDocument({
      textLength: job.text.length,
      plan: () => parsePlan(job.text),
      relativePath: job.relativePath,
      globs: DEFAULT_PLAN_GLOBS,
      fallbackProfile: 'auto',
      maxFileSize: job.maxFileSize,
      now: new Date('2026-03-01T12:00:00Z'),
    });
    // Lint even what classification skips, so every rule sees the hostile text.
    const findings = result.lint ? result.findings : result.plan ? lint(result.plan, { now: new Date('2026-03-01T12:00:00Z') }).findings : result.findings;
    return {
      elapsedMs: performance.now() - started,
      findings: findings.length,
      ruleIds: [...new Set(findings.map((finding) => finding.ruleId))],
      messages: findings.map((finding) => `${finding.ruleId} ${finding.message}`),
      rangeProblems: findingProblems(job.text, findings).slice(0, 20),
      crashes: ruleCrashes(findings),
      canaryTouched: (globalThis as Record<string, unknown>)['__execplanCanary'] !== undefined,
    };
  } catch (error) {
    return {
      elapsedMs: performance.now() - started,
      findings: 0,
      ruleIds: [],
      messages: [],
      rangeProblems: [],
      crashes: [],
      error: (error as Error).stack ?? String(error),
      canaryTouched: (globalThis as Record<string, unknown>)['__execplanCanary'] !== undefined,
    };
  }
}

parentPort!.postMessage({ ready: true });
parentPort!.on('message', (job: LintJob) => parentPort!.postMessage(run(job)));
