/**
 * Runs the safety rules the way the engine does (same PlanContext and SectionContext shapes, the
 * same profile resolution and section matching), without needing them in the registry.
 */
import { parsePlan } from '../../../server/src/core/model/index';
import type { PlacedSection, PlanDocument, Range } from '../../../server/src/core/model/index';
import { resolveSections } from '../../../server/src/core/engine';
import { resolveProfile } from '../../../server/src/core/profiles/resolve';
import type { Finding, PlanContext, Report, ResolvedSection, Rule, SectionContext } from '../../../server/src/core/rules/types';
import { SAFETY_RULES } from '../../../server/src/core/rules/safetyRules';

export interface HarnessOptions {
  /** Options per rule id. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Force a profile instead of resolving it from the plan. */
  readonly profile?: string;
  readonly rules?: readonly Rule[];
}

function shift(placed: PlacedSection, range: Range): Range {
  return { start: { line: range.start.line + placed.line, character: range.start.character }, end: { line: range.end.line + placed.line, character: range.end.character } };
}

function shiftReport(placed: PlacedSection, report: Report): Report {
  return {
    ...report,
    range: shift(placed, report.range),
    ...(report.fixes ? { fixes: report.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ range: shift(placed, edit.range), newText: edit.newText })) })) } : {}),
  };
}

export interface HarnessResult {
  readonly plan: PlanDocument;
  readonly findings: readonly Finding[];
  readonly sections: readonly ResolvedSection[];
  readonly profileId: string;
}

/** Lints `text` (or an already parsed plan) with the safety rules (or `options.rules`); findings in document order. */
export function lintSafety(text: string | PlanDocument, options: HarnessOptions = {}): HarnessResult {
  const plan = typeof text === 'string' ? parsePlan(text) : text;
  const resolved = resolveProfile(plan, options.profile, undefined);
  const profile = resolved.profile;
  const sections = resolveSections(plan, profile);
  const byKey = new Map<string, ResolvedSection>();
  for (const entry of sections) if (entry.spec && !byKey.has(entry.spec.key)) byKey.set(entry.spec.key, entry);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? SAFETY_RULES) {
    if (rule.profiles && !rule.profiles.includes(profile.id)) continue;
    const ruleOptions = options.options?.[rule.id] ?? {};
    const push = (report: Report): void => {
      findings.push({ ...report, ruleId: rule.id, ruleName: rule.name, severity: rule.defaultSeverity });
    };
    if (rule.check) {
      const context: PlanContext = {
        plan,
        profile,
        ...(resolved.variant ? { variant: resolved.variant } : {}),
        sections,
        section: (key) => byKey.get(key),
        options: ruleOptions,
        now: new Date('2026-03-02T12:00:00Z'),
        toDocument: shift,
      };
      rule.check(context, push);
    }
    if (rule.checkSection) {
      for (const entry of sections) {
        const context: SectionContext = { section: entry.placed.section, ...(entry.spec ? { spec: entry.spec } : {}), profile, options: ruleOptions };
        rule.checkSection(context, (report) => push(shiftReport(entry.placed, report)));
      }
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
  return { plan, findings, sections, profileId: profile.id };
}
