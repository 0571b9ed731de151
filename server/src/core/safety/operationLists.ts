/**
 * What a plan says about destructive operations: the lines under Approval-Required Operations and
 * Forbidden Operations, and whether a line covers a given operation (by naming its command, its
 * kind, or destructive operations in general).
 */
import type { Section } from '../model/types';
import type { ResolvedSection } from '../rules/types';
import type { DestructiveOperation, OperationCategory } from './destructiveCommands';
import { constraintKeyOf, regionLines, subsectionsOf } from './subsections';
import { lineCount } from './sectionLines';
import { memoizeBySection } from './sectionMemo';

export interface OperationLists {
  /** Lines (lower case) naming operations that need approval. */
  readonly approval: readonly string[];
  /** Lines (lower case) naming operations that must never run. */
  readonly forbidden: readonly string[];
}

/** Any of these covers every destructive operation. */
const GENERAL = /destructive|irreversible|data loss|anything that deletes/;
/** "Forbidden without approval" is an approval requirement, not a ban. */
const UNLESS_APPROVED = /(?:without|unless|until)\b[^.;]{0,40}\bapprov|\bapproval\b[^.;]{0,20}\brequired/;

/** Words that name each kind of operation specifically. */
const SPECIFIC: Record<OperationCategory, RegExp> = {
  'delete-files': /\brm -|recursive delet|\bshred\b/,
  'rewrite-history': /force[- ]?push|push (?:--force|-f)\b|rewrit\w{0,8} (?:git )?history|history rewrit|filter-(?:branch|repo)|delet\w{0,8} (?:remote )?branch/,
  'discard-changes': /reset --hard|hard reset|git clean|discard\w{0,8} (?:local |uncommitted )?(?:changes|work)|branch -d/,
  'drop-data': /\bdrop|truncat|delete from|\bflush|dropdb/,
  'destroy-infra': /destroy|tear ?down|deprovision|kubectl delete|helm (?:uninstall|delete)/,
  'prune-containers': /prune|docker volume rm|down -v/,
  'wipe-disk': /mkfs|\bdd\b|wipefs|format\w{0,4} (?:a |the )?(?:disk|drive|volume|partition)/,
};

/** Broader words that, in an approval list, are taken to include the kind. */
const BROAD: Record<OperationCategory, RegExp> = {
  'delete-files': /\bdelet|\bremov|\bclean ?up|\bwip(?:e|ing)\b|\bpurg/,
  'rewrite-history': /\bforce\b|\bpush/,
  'discard-changes': /\breset\b|\bdiscard|\bclean\b/,
  'drop-data': /\bdelet|\bremov|\bwip(?:e|ing)\b|\bpurg|\bdata\b|database|migration/,
  'destroy-infra': /\bdelet|\bremov|infrastructure|\bdeploy|\brelease|\bproduction\b|\bprod\b|cluster/,
  'prune-containers': /\bdelet|\bremov|docker|container|volume|image/,
  'wipe-disk': /\bdisk|\bdrive|\bformat/,
};

function linesOf(section: Section, start: number, end: number): string[] {
  return regionLines(section, start, end).map((line) => line.toLowerCase());
}

const listsIn = memoizeBySection((section: Section): OperationLists => {
  const approval: string[] = [];
  const forbidden: string[] = [];
  const ownKey = section.heading ? constraintKeyOf(section.heading.text) : undefined;
  if (ownKey === 'approval-required') approval.push(...linesOf(section, 1, lineCount(section)));
  if (ownKey === 'forbidden') forbidden.push(...linesOf(section, 1, lineCount(section)));
  for (const region of subsectionsOf(section, 'approval-required')) approval.push(...linesOf(section, region.bodyStart, region.bodyEnd));
  for (const region of subsectionsOf(section, 'forbidden')) {
    for (const line of linesOf(section, region.bodyStart, region.bodyEnd)) (UNLESS_APPROVED.test(line) ? approval : forbidden).push(line);
  }
  return { approval, forbidden };
});

/** The plan's approval and forbidden lists, wherever it declares them. */
export function operationLists(sections: readonly ResolvedSection[]): OperationLists {
  const approval: string[] = [];
  const forbidden: string[] = [];
  for (const entry of sections) {
    const lists = listsIn(entry.placed.section);
    approval.push(...lists.approval);
    forbidden.push(...lists.forbidden);
  }
  return { approval, forbidden };
}

function namesCommand(line: string, operation: DestructiveOperation): boolean {
  return line.includes(operation.label.toLowerCase());
}

/** The first forbidden line that names this operation or its kind, if any. */
export function forbiddenBy(lists: OperationLists, operation: DestructiveOperation): string | undefined {
  return lists.forbidden.find((line) => namesCommand(line, operation) || SPECIFIC[operation.category].test(line) || GENERAL.test(line));
}

/** True when an approval line names this operation, its kind, or destructive operations in general. */
export function needsApprovalPerPlan(lists: OperationLists, operation: DestructiveOperation): boolean {
  return lists.approval.some((line) => namesCommand(line, operation) || SPECIFIC[operation.category].test(line) || BROAD[operation.category].test(line) || GENERAL.test(line));
}
