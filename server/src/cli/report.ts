/** What a run found, file by file, in the shape every output format reads. */
import type { Finding, Severity } from '../core/rules/types';
import type { ResultKind } from './checkTarget';

export interface FileReport {
  /** Path shown to people and written into JSON and SARIF: relative to the current folder, `/`. */
  readonly display: string;
  readonly kind: ResultKind;
  readonly reason: string;
  /** Findings to show (already filtered by --quiet), in document order. */
  readonly findings: readonly Finding[];
  readonly explicit: boolean;
  readonly fixesApplied?: readonly string[];
  readonly writeError?: string;
}

export interface RunSummary {
  readonly files: number;
  readonly plans: number;
  readonly registries: number;
  readonly lockFiles: number;
  readonly policies: number;
  readonly others: number;
  readonly tooLarge: number;
  readonly unreadable: number;
  readonly errors: number;
  readonly warnings: number;
  /** Info and hint findings. */
  readonly notes: number;
  /** Files written by --fix. */
  readonly filesFixed: number;
  readonly fixesApplied: number;
}

export interface RunReport {
  readonly files: readonly FileReport[];
  readonly summary: RunSummary;
}

export function countSeverity(findings: readonly Finding[], severity: Severity): number {
  let count = 0;
  for (const finding of findings) if (finding.severity === severity) count++;
  return count;
}

/** Counts are taken over every finding, including those --quiet hides (so --max-warnings still sees warnings). */
export function summarize(files: readonly FileReport[], allFindings: ReadonlyArray<readonly Finding[]>): RunSummary {
  const kinds = (kind: ResultKind): number => files.filter((file) => file.kind === kind).length;
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const findings of allFindings) {
    errors += countSeverity(findings, 'error');
    warnings += countSeverity(findings, 'warning');
    notes += countSeverity(findings, 'info') + countSeverity(findings, 'hint');
  }
  const fixed = files.filter((file) => file.fixesApplied && file.fixesApplied.length > 0);
  return {
    files: files.length,
    plans: kinds('plan'),
    registries: kinds('registry'),
    lockFiles: kinds('lock'),
    policies: kinds('policy'),
    others: kinds('other'),
    tooLarge: kinds('too-large'),
    unreadable: kinds('unreadable'),
    errors,
    warnings,
    notes,
    filesFixed: fixed.length,
    fixesApplied: fixed.reduce((sum, file) => sum + file.fixesApplied!.length, 0),
  };
}
