/**
 * The engine: resolve the profile, run every rule that applies, apply severities and inline
 * directives, and return the findings in document order. Section rules' findings are cached with
 * their section, so after an edit only the sections that changed are checked again.
 */
import type { PlacedSection, PlanDocument, Range, Section } from './model/types';
import type { LintConfig, LintOptions, RuleSetting } from './config';
import type { Finding, PlanContext, Report, ResolvedSection, Rule, SectionContext, Severity, SeveritySetting } from './rules/types';
import { RULES } from './rules/index';
import { resolveProfile } from './profiles/resolve';
import type { ResolvedProfile } from './profiles/resolve';
import { matchSection } from './profiles/match';
import { readDirectives } from './directives';
import { scrubSecrets } from './safety/scrub';
import { ruleFailureFinding } from './ruleFailure';
import type { Profile } from './profiles/types';

/** Findings listed per rule and plan; the rest are counted in one closing finding. */
export const MAX_FINDINGS_PER_RULE = 1000;

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly profile: ResolvedProfile;
  readonly sections: readonly ResolvedSection[];
}

/** Lints a parsed plan. Never throws for any document: a failing rule becomes a finding of its own. */
export function lint(plan: PlanDocument, options: LintOptions = {}): LintResult {
  const config = options.config ?? {};
  const resolved = resolveProfile(plan, config.profile, options.fallbackProfile);
  const profile = resolved.profile;
  const sections = resolveSections(plan, profile);
  const byKey = new Map<string, ResolvedSection>();
  for (const entry of sections) if (entry.spec && !byKey.has(entry.spec.key)) byKey.set(entry.spec.key, entry);

  const findings: Finding[] = [];
  const now = options.now ?? new Date();
  const directives = readDirectives(plan);
  for (const rule of RULES) {
    if (rule.profiles && !rule.profiles.includes(profile.id)) continue;
    const setting = ruleSetting(config, rule);
    const severity = effectiveSeverity(rule, setting);
    if (severity === 'off') continue;
    const ruleOptions = setting?.options ?? {};
    let reported = 0;
    let withheld = 0;
    let lastRange: Report['range'] | undefined;
    const push = (report: Report): void => {
      if (directives.isDisabled(rule.id, rule.name, report.range.start.line)) return;
      // A rule that fires on every line of a huge plan says so once instead of flooding the editor.
      if (reported >= MAX_FINDINGS_PER_RULE) {
        withheld++;
        lastRange = report.range;
        return;
      }
      reported++;
      findings.push({ ...withoutSecrets(report), ruleId: rule.id, ruleName: rule.name, severity });
    };
    try {
      if (rule.check) {
        const context: PlanContext = {
          plan,
          profile,
          ...(resolved.variant ? { variant: resolved.variant } : {}),
          sections,
          section: (key) => byKey.get(key),
          options: ruleOptions,
          now,
          ...(options.path ? { path: options.path } : {}),
          toDocument: shiftRange,
        };
        rule.check(context, push);
      }
      if (rule.checkSection) {
        // The cache key is computed once per rule; only the section's own part varies below.
        const perRule = sectionCacheFor(`${rule.id}|${profile.id}|${resolved.variant ?? ''}|${JSON.stringify(ruleOptions)}`);
        for (const entry of sections) {
          for (const report of sectionReports(rule, perRule, entry, profile, resolved.variant, ruleOptions)) push(shiftReport(entry.placed, report));
        }
      }
      if (withheld > 0 && lastRange) {
        findings.push({
          ruleId: rule.id,
          ruleName: rule.name,
          severity,
          range: lastRange,
          message: `${rule.id} (${rule.name}) found ${withheld} more problems in this plan that are not listed; fix the ones shown and check again.`,
        });
      }
    } catch (error) {
      findings.push(ruleFailureFinding(rule, error, 'document'));
    }
  }
  findings.sort(compareFindings);
  return { findings, profile: resolved, sections };
}

/** Top-level sections with the profile section each was recognised as. */
export function resolveSections(plan: PlanDocument, profile: Profile): ResolvedSection[] {
  const resolved: ResolvedSection[] = [];
  for (const placed of plan.sections) {
    const heading = placed.section.heading;
    if (!heading) {
      resolved.push({ placed, title: '', level: 0 });
      continue;
    }
    const match = heading.level === 2 ? matchSection(profile, heading.text) : undefined;
    resolved.push(match ? { placed, title: heading.text, level: heading.level, spec: match.spec, match: match.how } : { placed, title: heading.text, level: heading.level });
  }
  return resolved;
}

/** What a section rule reported for one section, and which profile section it was checked as. */
interface CachedReports {
  readonly specKey: string;
  readonly reports: readonly Report[];
}

/** Per rule, profile, variant and options: each section's reports, dropped with the section. */
const sectionCache = new Map<string, WeakMap<Section, CachedReports>>();
/** Distinct rule settings seen; past this the cache starts over (options rarely change). */
const SECTION_CACHE_KEYS_LIMIT = 1024;
const NO_REPORTS: readonly Report[] = Object.freeze([]);

function sectionCacheFor(ruleKey: string): WeakMap<Section, CachedReports> {
  let perRule = sectionCache.get(ruleKey);
  if (!perRule) {
    if (sectionCache.size >= SECTION_CACHE_KEYS_LIMIT) sectionCache.clear();
    perRule = new WeakMap();
    sectionCache.set(ruleKey, perRule);
  }
  return perRule;
}

function sectionReports(
  rule: Rule,
  perRule: WeakMap<Section, CachedReports>,
  entry: ResolvedSection,
  profile: Profile,
  variant: string | undefined,
  options: Readonly<Record<string, unknown>>,
): readonly Report[] {
  const section = entry.placed.section;
  const specKey = entry.spec?.key ?? '';
  const cached = perRule.get(section);
  if (cached && cached.specKey === specKey) return cached.reports;
  let reports: Report[] | undefined;
  const context: SectionContext = {
    section,
    ...(entry.spec ? { spec: entry.spec } : {}),
    profile,
    ...(variant ? { variant } : {}),
    options,
  };
  rule.checkSection!(context, (report) => (reports ??= []).push(report));
  const result = reports ?? NO_REPORTS;
  perRule.set(section, { specKey, reports: result });
  return result;
}

function shiftRange(placed: PlacedSection, range: Range): Range {
  const by = placed.line;
  return { start: { line: range.start.line + by, character: range.start.character }, end: { line: range.end.line + by, character: range.end.character } };
}

function shiftReport(placed: PlacedSection, report: Report): Report {
  if (placed.line === 0) return report;
  return {
    ...report,
    range: shiftRange(placed, report.range),
    ...(report.fixes
      ? { fixes: report.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ range: shiftRange(placed, edit.range), newText: edit.newText })) })) }
      : {}),
  };
}

function ruleSetting(config: LintConfig, rule: Rule): RuleSetting | undefined {
  const value = config.rules?.[rule.id] ?? config.rules?.[rule.name] ?? config.rules?.[rule.id.toLowerCase()];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? { severity: value } : value;
}

function effectiveSeverity(rule: Rule, setting: RuleSetting | undefined): SeveritySetting {
  return setting?.severity ?? rule.defaultSeverity;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** A report whose message and fix titles quote no credential (the scanner masks what it finds). */
function withoutSecrets(report: Report): Report {
  const message = scrubSecrets(report.message);
  const fixes = report.fixes?.some((fix) => scrubSecrets(fix.title) !== fix.title)
    ? report.fixes.map((fix) => ({ ...fix, title: scrubSecrets(fix.title) }))
    : report.fixes;
  if (message === report.message && fixes === report.fixes) return report;
  return { ...report, message, ...(fixes ? { fixes } : {}) };
}
