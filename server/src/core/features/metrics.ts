/**
 * The specification's plan metrics, computed from the parsed plan: how many external URLs the plan
 * depends on, how many acceptance criteria can be checked by running something, and how many
 * decisions and discoveries point at evidence.
 */
import type { ListItem, Section } from '../model/types';
import { sectionLine } from '../profiles/planQueries';
import type { LintResult } from '../engine';
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

export function planMetrics(result: LintResult): PlanMetrics {
  return {
    // The same count EP062 reports, so the status bar and the Problems view agree.
    externalDependencyCount: externalDependencyCount(result),
    acceptanceVerifiability: acceptanceVerifiability(result),
    evidenceCoverage: evidenceCoverage(result),
  };
}

export function acceptanceVerifiability(result: LintResult): Coverage {
  return sumOver(result, VALIDATION_KEYS, sectionAcceptance);
}

export function evidenceCoverage(result: LintResult): Coverage {
  return sumOver(result, CLAIM_KEYS, sectionEvidence);
}

/** A coverage as a whole percentage, or undefined when nothing is counted. */
export function coveragePercent(coverage: Coverage): number | undefined {
  return coverage.total === 0 ? undefined : Math.round((coverage.covered / coverage.total) * 100);
}

/**
 * Adds up a per-section coverage over the sections recognised as one of `keys`. Each section's
 * share is cached with it, so the status sent after every edit reads only the sections that changed.
 */
function sumOver(result: LintResult, keys: readonly string[], ofSection: (section: Section) => Coverage): Coverage {
  let covered = 0;
  let total = 0;
  for (const entry of result.sections) {
    if (!entry.spec || !keys.includes(entry.spec.key)) continue;
    const share = ofSection(entry.placed.section);
    covered += share.covered;
    total += share.total;
  }
  return { covered, total };
}

const acceptanceCache = new WeakMap<Section, Coverage>();
const evidenceCache = new WeakMap<Section, Coverage>();

function sectionAcceptance(section: Section): Coverage {
  let coverage = acceptanceCache.get(section);
  if (coverage) return coverage;
  let covered = 0;
  const items = topLevelItems(section);
  const keysByItem = entryKeysByItem(section, items);
  items.forEach((item, index) => {
    const lines = itemLines(section, item);
    const keys = keysByItem[index]!;
    const hasCommand = [...keys].some((key) => COMMAND_KEYS.has(key)) || lines.some((text) => /`[^`]+`/.test(text));
    const hasExpected = [...keys].some((key) => EXPECTED_KEYS.has(key)) || lines.some((text) => EXPECTED_PROSE.test(text));
    if (hasCommand && hasExpected) covered++;
  });
  coverage = { covered, total: items.length };
  acceptanceCache.set(section, coverage);
  return coverage;
}

function sectionEvidence(section: Section): Coverage {
  let coverage = evidenceCache.get(section);
  if (coverage) return coverage;
  let covered = 0;
  const items = topLevelItems(section);
  for (const item of items) if (itemLines(section, item).some((text) => EVIDENCE.test(text))) covered++;
  coverage = { covered, total: items.length };
  evidenceCache.set(section, coverage);
  return coverage;
}

/** List items at the section's shallowest list indent: one per criterion, decision or discovery. */
export function topLevelItems(section: Section): ListItem[] {
  const items = section.listItems;
  let indent = Infinity;
  for (const item of items) indent = Math.min(indent, item.indent);
  return items.filter((item) => item.indent === indent);
}

function itemLines(section: Section, item: ListItem): string[] {
  const lines: string[] = [];
  for (let line = item.line; line <= item.endLine; line++) lines.push(sectionLine(section, line));
  return lines;
}

/** The lower-cased keys of the entries on each item's lines, in one pass (entries and items are in line order). */
function entryKeysByItem(section: Section, items: readonly ListItem[]): Array<Set<string>> {
  const entries = section.entries;
  let first = 0;
  return items.map((item) => {
    while (first < entries.length && entries[first]!.line < item.line) first++;
    const keys = new Set<string>();
    for (let i = first; i < entries.length && entries[i]!.line <= item.endLine; i++) keys.add(entries[i]!.key.toLowerCase());
    return keys;
  });
}
