/**
 * The specification's plan metrics, computed from the parsed plan: how many external URLs the plan
 * depends on, how many acceptance criteria can be checked by running something, and how many
 * decisions and discoveries point at evidence.
 */
import type { ListItem, PlanDocument } from '../model/types';
import { lineText } from '../model/lookup';
import type { LintResult } from '../engine';
import type { ResolvedSection } from '../rules/types';
import { externalDependencyCount } from '../safety/metrics';

/** A count of items that satisfy a property, out of all the items it applies to. */
export interface Coverage {
  readonly covered: number;
  readonly total: number;
}

export interface PlanMetrics {
  /** Distinct external URLs outside See Also / References without a snapshot (target 0). */
  readonly externalDependencyCount: number;
  /** Acceptance criteria that name both a command to run and the output to expect. */
  readonly acceptanceVerifiability: Coverage;
  /** Decisions and discoveries that point at evidence. */
  readonly evidenceCoverage: Coverage;
}

const VALIDATION_KEYS = ['validation', 'success-criteria', 'acceptance'];
const CLAIM_KEYS = ['surprises', 'decision-log'];
const COMMAND_KEYS = new Set(['verify', 'command', 'run', 'test', 'check']);
const EXPECTED_KEYS = new Set(['expected', 'expect', 'expected output', 'output', 'result']);
const EXPECTED_PROSE = /\b(?:expect(?:ed|s)?|should (?:print|return|show|output|pass))\b|->|→|=>/i;
const EVIDENCE = /\bevidence\s*[:：]/i;

export function planMetrics(plan: PlanDocument, result: LintResult): PlanMetrics {
  return {
    // The same count EP062 reports, so the status bar and the Problems view agree.
    externalDependencyCount: externalDependencyCount(result),
    acceptanceVerifiability: acceptanceVerifiability(plan, result),
    evidenceCoverage: evidenceCoverage(plan, result),
  };
}

export function acceptanceVerifiability(plan: PlanDocument, result: LintResult): Coverage {
  let covered = 0;
  let total = 0;
  for (const entry of result.sections) {
    if (!entry.spec || !VALIDATION_KEYS.includes(entry.spec.key)) continue;
    for (const item of topLevelItems(entry)) {
      total++;
      const lines = itemLines(plan, entry, item);
      const keys = entryKeysWithin(entry, item);
      const hasCommand = [...keys].some((key) => COMMAND_KEYS.has(key)) || lines.some((text) => /`[^`]+`/.test(text));
      const hasExpected = [...keys].some((key) => EXPECTED_KEYS.has(key)) || lines.some((text) => EXPECTED_PROSE.test(text));
      if (hasCommand && hasExpected) covered++;
    }
  }
  return { covered, total };
}

export function evidenceCoverage(plan: PlanDocument, result: LintResult): Coverage {
  let covered = 0;
  let total = 0;
  for (const entry of result.sections) {
    if (!entry.spec || !CLAIM_KEYS.includes(entry.spec.key)) continue;
    for (const item of topLevelItems(entry)) {
      total++;
      if (itemLines(plan, entry, item).some((text) => EVIDENCE.test(text))) covered++;
    }
  }
  return { covered, total };
}

/** A coverage as a whole percentage, or undefined when nothing is counted. */
export function coveragePercent(coverage: Coverage): number | undefined {
  return coverage.total === 0 ? undefined : Math.round((coverage.covered / coverage.total) * 100);
}

/** List items at the section's shallowest list indent: one per criterion, decision or discovery. */
export function topLevelItems(entry: ResolvedSection): ListItem[] {
  const items = entry.placed.section.listItems;
  let indent = Infinity;
  for (const item of items) indent = Math.min(indent, item.indent);
  return items.filter((item) => item.indent === indent);
}

function itemLines(plan: PlanDocument, entry: ResolvedSection, item: ListItem): string[] {
  const lines: string[] = [];
  for (let line = item.line; line <= item.endLine; line++) lines.push(lineText(plan, entry.placed.line + line));
  return lines;
}

function entryKeysWithin(entry: ResolvedSection, item: ListItem): Set<string> {
  const keys = new Set<string>();
  for (const found of entry.placed.section.entries) {
    if (found.line >= item.line && found.line <= item.endLine) keys.add(found.key.toLowerCase());
  }
  return keys;
}
