/**
 * Fix all: every safe fix that does not collide with another, as one edit. When a fix changes what
 * other rules see (a section inserted, a field added), the plan is checked again and the new safe
 * fixes applied, until nothing safe is left to fix or a bound is reached, so that linting the
 * result finds nothing fixable that fix all would have fixed.
 */
import type { PlanDocument } from '../../model/types';
import { offsetAt, positionAt } from '../../model/lookup';
import { parsePlan } from '../../model/parse';
import type { Finding, Fix, TextEdit } from '../../rules/types';
import { lint } from '../../engine';
import type { LintOptions } from '../../config';
import { applyTextEdits } from '../applyEdits';

/** More rounds than this means fixes keep undoing each other; stop rather than loop. */
export const MAX_FIX_ROUNDS = 10;

export interface AppliedFix extends Fix {
  readonly ruleId: string;
}

export interface FixAllResult {
  /** The text after every applied fix. */
  readonly text: string;
  readonly applied: readonly AppliedFix[];
  /** Edits that turn the original text into `text`, in the original plan's coordinates. */
  readonly edits: readonly TextEdit[];
  /** How many times fixes were chosen and applied. */
  readonly rounds: number;
}

/** Lints a re-parsed plan for the next round. */
export type Relint = (plan: PlanDocument) => readonly Finding[];

/**
 * Applies the findings' safe fixes. With `relint`, repeats on the fixed text until no safe fix is
 * left, the text stops changing, or {@link MAX_FIX_ROUNDS} is reached.
 */
export function fixAll(plan: PlanDocument, findings: readonly Finding[], relint?: Relint, maxRounds = MAX_FIX_ROUNDS): FixAllResult {
  const applied: AppliedFix[] = [];
  const seen = new Set<string>([plan.text]);
  let current = plan;
  let currentFindings = findings;
  let firstEdits: readonly TextEdit[] = [];
  let rounds = 0;
  while (rounds < maxRounds) {
    const chosen = chooseSafeFixes(current, currentFindings);
    if (chosen.length === 0) break;
    const edits = chosen.flatMap((fix) => fix.edits);
    const text = applyTextEdits(current, edits);
    if (seen.has(text)) break;
    seen.add(text);
    rounds++;
    applied.push(...chosen);
    if (rounds === 1) firstEdits = edits;
    current = parsePlan(text);
    if (!relint) break;
    currentFindings = relint(current);
  }
  const edits = rounds <= 1 ? firstEdits : differenceEdits(plan, current.text);
  return { text: current.text, applied, edits, rounds };
}

/** A relint that uses the engine with `options`, keeping the profile the first check resolved. */
export function engineRelint(options: LintOptions, profileId?: string): Relint {
  const pinned: LintOptions = profileId ? { ...options, config: { ...options.config, profile: profileId } } : options;
  return (plan) => lint(plan, pinned).findings;
}

/**
 * The first safe fix of each finding, in document order, skipping any fix whose edits collide with
 * one already chosen (the next round picks it up once the text is re-checked) and fixes identical
 * to one already chosen.
 */
export function chooseSafeFixes(plan: PlanDocument, findings: readonly Finding[]): AppliedFix[] {
  const chosen: AppliedFix[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  const signatures = new Set<string>();
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.safe && candidate.edits.length > 0);
    if (!fix) continue;
    const signature = JSON.stringify(fix.edits);
    if (signatures.has(signature)) continue;
    const spans = fix.edits.map((edit) => ({ start: offsetAt(plan, edit.range.start), end: offsetAt(plan, edit.range.end) }));
    if (spans.some((span, i) => spans.some((other, j) => i !== j && collide(span, other)))) continue;
    if (spans.some((span) => taken.some((other) => collide(span, other)))) continue;
    taken.push(...spans);
    signatures.add(signature);
    chosen.push({ ...fix, ruleId: finding.ruleId });
  }
  return chosen;
}

/**
 * Two edits collide when their ranges overlap or one inserts strictly inside the other's range.
 * Insertions at the same place do not: they go in finding order, which is the order rules report
 * them (several missing sections before the same heading come out in the profile's order).
 */
function collide(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** One edit replacing the changed lines of `plan` with the matching lines of `text`. */
export function differenceEdits(plan: PlanDocument, text: string): TextEdit[] {
  const before = plan.text;
  if (before === text) return [];
  let prefix = 0;
  const limit = Math.min(before.length, text.length);
  while (prefix < limit && before.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  // Start at a line start, so a `\r\n` is never split and the edit reads as whole lines.
  while (!isLineStart(before, prefix)) prefix--;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < text.length - prefix && before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  // End just after a line ending, for the same reason.
  while (suffix > 0 && !isLineStart(before, before.length - suffix)) suffix--;
  const start = positionAt(plan, prefix);
  const end = positionAt(plan, before.length - suffix);
  return [{ range: { start, end }, newText: text.slice(prefix, text.length - suffix) }];
}

function isLineStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const previous = text.charCodeAt(offset - 1);
  if (previous === 10) return true;
  return previous === 13 && text.charCodeAt(offset) !== 10;
}
