/**
 * Inline directives in HTML comments, which turn rules off for part of a plan:
 *
 *   <!-- execplan-disable EP012 frontmatter-value -->   off from here ...
 *   <!-- execplan-enable EP012 -->                      ... to here (or to the end)
 *   <!-- execplan-disable-next-line EP023 -->           off for the next line
 *   <!-- execplan-disable-line EP023 -->                off for this line
 *   <!-- execplan-disable-file EP005 -->                off for the whole plan
 *
 * Rules are named by code or name, separated by spaces or commas; none means every rule.
 * Reading them costs one pass over the comments the parser already collected.
 */
import type { PlanDocument } from './model/types';

const DIRECTIVE = /^execplan-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)([\s\S]*)$/;
const ALL = '*';

export interface Directives {
  /** True when a directive turns `ruleId` (or its `ruleName`) off at document line `line`. */
  isDisabled(ruleId: string, ruleName: string, line: number): boolean;
  /** True when the plan has no directive, so no finding is ever turned off. */
  readonly none: boolean;
}

interface Span {
  readonly from: number;
  /** Inclusive; Infinity when never re-enabled. */
  to: number;
}

const NONE: Directives = { isDisabled: () => false, none: true };

/** Reads the directives of a plan. */
export function readDirectives(plan: PlanDocument): Directives {
  const spans = new Map<string, Span[]>();
  const open = new Map<string, Span>();
  const fileWide = new Set<string>();
  const lines = new Map<number, Set<string>>();
  let any = false;

  const addLine = (line: number, names: readonly string[]): void => {
    let set = lines.get(line);
    if (!set) lines.set(line, (set = new Set()));
    for (const name of names) set.add(name);
  };

  for (const placed of plan.sections) {
    for (const comment of placed.section.comments) {
      const match = DIRECTIVE.exec(comment.text);
      if (!match) continue;
      any = true;
      const names = ruleNames(match[2]!);
      const line = placed.line + comment.line;
      switch (match[1]) {
        case 'disable-file':
          for (const name of names) fileWide.add(name);
          break;
        case 'disable-next-line':
          addLine(line + 1, names);
          break;
        case 'disable-line':
          addLine(line, names);
          break;
        case 'disable':
          for (const name of names) {
            if (open.has(name)) continue;
            const span: Span = { from: line, to: Infinity };
            open.set(name, span);
            if (!spans.has(name)) spans.set(name, []);
            spans.get(name)!.push(span);
          }
          break;
        case 'enable':
          // A bare enable closes every open span; a named one closes that rule's span (and an
          // all-rules span is narrowed only by a bare enable).
          for (const name of names[0] === ALL ? [...open.keys()] : names) {
            const span = open.get(name);
            if (span) {
              span.to = line;
              open.delete(name);
            }
          }
          break;
      }
    }
  }
  if (!any) return NONE;

  const inSpans = (name: string, line: number): boolean => (spans.get(name) ?? []).some((span) => line >= span.from && line <= span.to);
  return {
    none: false,
    isDisabled(ruleId, ruleName, line) {
      for (const name of [ALL, ruleId, ruleName]) {
        if (fileWide.has(name)) return true;
        if (lines.get(line)?.has(name)) return true;
        if (inSpans(name, line)) return true;
      }
      return false;
    },
  };
}

function ruleNames(rest: string): string[] {
  // Text after `--` is a reason for people, not a rule name.
  const list = rest.split('--')[0]!.split(/[\s,]+/).filter((word) => word.length > 0);
  return list.length === 0 ? [ALL] : list.map((word) => (/^ep\d{3}$/i.test(word) ? word.toUpperCase() : word.toLowerCase()));
}
