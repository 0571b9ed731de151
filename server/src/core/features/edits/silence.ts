/**
 * Silence a rule with an inline directive: `<!-- execplan-disable-next-line EPxxx -->` above a line,
 * or `<!-- execplan-disable-file EPxxx -->` at the top of the body (after the frontmatter). A
 * directive already there gains the rule instead of a second comment being stacked on it.
 */
import { LineKind } from '../../model/types';
import type { PlanDocument } from '../../model/types';
import { lineText } from '../../model/lookup';
import type { TextEdit } from '../../rules/types';
import { indentationOf, insertLinesBefore, lineStart } from './lineEdits';

export const DISABLE_NEXT_LINE = 'execplan-disable-next-line';
export const DISABLE_FILE = 'execplan-disable-file';
export const DISABLE_LINE_TITLE = (ruleId: string): string => `Disable ${ruleId} for this line`;
export const DISABLE_FILE_TITLE = (ruleId: string): string => `Disable ${ruleId} for this file`;

const CODE_LINES: ReadonlySet<number> = new Set([LineKind.FenceOpen, LineKind.FenceBody, LineKind.FenceClose, LineKind.IndentedCode]);

/** The comment line that silences `ruleIds`, e.g. `<!-- execplan-disable-file EP005 EP012 -->`. */
export function directiveComment(directive: string, ruleIds: readonly string[], reason = ''): string {
  return `<!-- ${directive} ${ruleIds.join(' ')}${reason ? ` -- ${reason}` : ''} -->`;
}

/** A directive line: the rules it names (empty means every rule) and the reason after `--`. */
export interface DirectiveLine {
  readonly rules: readonly string[];
  readonly reason: string;
}

/** Reads `line` as the directive alone on its line, or undefined when it is something else. */
export function readDirectiveLine(line: string, directive: string): DirectiveLine | undefined {
  const match = new RegExp(`^[ \\t]*<!--[ \\t]*${directive}(?:[ \\t]+([^>]*?))?[ \\t]*-->[ \\t]*$`).exec(line.replace(/^\uFEFF/, ''));
  if (!match) return undefined;
  const [names, ...reason] = (match[1] ?? '').split('--');
  return { rules: names!.split(/[\s,]+/).filter((id) => id !== ''), reason: reason.join('--').trim() };
}

function silences(found: DirectiveLine, ruleId: string, ruleName: string | undefined): boolean {
  const named = found.rules.map((rule) => rule.toLowerCase());
  return named.length === 0 || named.includes(ruleId.toLowerCase()) || (ruleName !== undefined && named.includes(ruleName.toLowerCase()));
}

/**
 * The edit that silences `ruleId` on `line`, or undefined when it already is silenced there or a
 * comment cannot go above it (frontmatter, where HTML is not read, and code blocks, where it would
 * be shown as text).
 */
export function disableForLine(plan: PlanDocument, line: number, ruleId: string, ruleName?: string): TextEdit | undefined {
  if (line < plan.bodyStartLine || line >= plan.lineCount || isCodeLine(plan, line)) return undefined;
  if (line > plan.bodyStartLine) {
    const above = readDirectiveLine(lineText(plan, line - 1), DISABLE_NEXT_LINE);
    if (above) {
      if (silences(above, ruleId, ruleName)) return undefined;
      return rewriteLine(plan, line - 1, indentationOf(plan, line - 1) + directiveComment(DISABLE_NEXT_LINE, [...above.rules, ruleId], above.reason));
    }
  }
  return insertLinesBefore(plan, line, [indentationOf(plan, line) + directiveComment(DISABLE_NEXT_LINE, [ruleId])]);
}

/** The edit that silences `ruleId` in the whole file, or undefined when it already is. */
export function disableForFile(plan: PlanDocument, ruleId: string, ruleName?: string): TextEdit | undefined {
  let first: { line: number; found: DirectiveLine } | undefined;
  for (let line = plan.bodyStartLine; line < plan.lineCount; line++) {
    const found = readDirectiveLine(lineText(plan, line), DISABLE_FILE);
    if (!found) break;
    if (silences(found, ruleId, ruleName)) return undefined;
    first ??= { line, found };
  }
  if (first) return rewriteLine(plan, first.line, directiveComment(DISABLE_FILE, [...first.found.rules, ruleId], first.found.reason));
  return insertLinesBefore(plan, plan.bodyStartLine, [directiveComment(DISABLE_FILE, [ruleId])]);
}

function rewriteLine(plan: PlanDocument, line: number, text: string): TextEdit {
  const start = lineStart(plan, line);
  const end = { line, character: lineText(plan, line).length };
  return { range: { start, end }, newText: text };
}

function isCodeLine(plan: PlanDocument, line: number): boolean {
  const sections = plan.sections;
  for (let i = sections.length - 1; i >= 0; i--) {
    const placed = sections[i]!;
    if (placed.line > line) continue;
    const kind = placed.section.lineKinds[line - placed.line];
    return kind !== undefined && CODE_LINES.has(kind);
  }
  return false;
}
