/**
 * The engine: resolve the profile, run every rule that applies, apply severities and inline
 * directives, and return the findings in document order. Section rules' findings are cached with
 * their section, so after an edit only the sections that changed are checked again.
 */
import type { PlacedSection, PlanDocument, Range, Section } from './model/types';
import type { LintConfig, LintOptions, RuleSetting } from './config';
import type { Finding, PlanContext, Report, ResolvedSection, Rule, Severity, SeveritySetting } from './rules/types';
import { RULES } from './rules/index';
import { resolveProfile } from './profiles/resolve';
import type { ResolvedProfile } from './profiles/resolve';
import { matchSection } from './profiles/match';
import { readDirectives } from './directives';
import { scrubSecrets } from './safety/scrub';
import { ruleFailureFinding } from './ruleFailure';
import type { Profile } from './profiles/types';
import { forgetLineEdit, lineEditOrigin } from './model/lineage';
import type { LineEditOrigin } from './model/lineage';
import { hiddenSlot } from './hiddenSlot';
import { sameData } from './sameData';
import { EMPTY_LIST } from './emptyList';

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
  const read = readRules(config);
  const cacheKey = `${profile.id}|${resolved.variant ?? ''}|${read?.signature ?? ''}`;
  const settings = read?.settings;
  const specKeys = sections.map((entry) => entry.spec?.key ?? '');
  const caches = sections.map((entry, i) => sectionCacheOf(entry.placed.section, cacheKey, specKeys[i]!));
  // Rules run one at a time and keep no context, so each section's context (and the plan's) is
  // made once per lint and given each rule's options in turn.
  const sectionContexts = sections.map((entry): RuleSectionContext => ({ section: entry.placed.section, spec: entry.spec, profile, variant: resolved.variant, options: NO_OPTIONS }));
  const planContext: { -readonly [K in keyof PlanContext]: PlanContext[K] } = {
    plan,
    profile,
    variant: resolved.variant,
    sections,
    section: (key: string): ResolvedSection | undefined => byKey.get(key),
    options: NO_OPTIONS,
    now,
    path: options.path,
    toDocument: shiftRange,
  };
  // The rule running now and what it reported; rules run one at a time, so one reporter serves all.
  let rule = RULES[0]!;
  let severity: Severity = 'error';
  let reported = 0;
  let withheld = 0;
  let lastWithheld: Report | undefined;
  let lastWithheldIn: PlacedSection | undefined;
  /** Takes a report in document lines, or in the local lines of the section `placed` (moved only if it is listed). */
  const push = (report: Report, placed?: PlacedSection): void => {
    const line = report.range.start.line + (placed ? placed.line : 0);
    if (directives.isDisabled(rule.id, rule.name, line)) return;
    // A rule that fires on every line of a huge plan says so once instead of flooding the editor.
    if (reported >= MAX_FINDINGS_PER_RULE) {
      withheld++;
      lastWithheld = report;
      lastWithheldIn = placed;
      return;
    }
    reported++;
    findings.push(findingOf(report, placed, rule, severity));
  };
  const pushList = <T>(items: readonly T[], reportOf: (item: T) => Report, placed?: PlacedSection): void => {
    if (!directives.none) {
      for (let index = 0; index < items.length; index++) push(reportOf(items[index]!), placed);
      return;
    }
    // With no directive to consult, a list is listed up to the cap and the rest only counted;
    // the findings of a list that did not change are the ones built for it before.
    const listed = Math.min(items.length, MAX_FINDINGS_PER_RULE - reported);
    if (listed > 0) {
      for (const finding of listFindings(items, listed, reportOf, placed, rule, severity)) findings.push(finding);
      reported += listed;
    }
    if (listed < items.length) {
      withheld += items.length - listed;
      lastWithheld = reportOf(items[items.length - 1]!);
      lastWithheldIn = placed;
    }
  };
  for (let ruleIndex = 0; ruleIndex < RULES.length; ruleIndex++) {
    rule = RULES[ruleIndex]!;
    if (rule.profiles && !rule.profiles.includes(profile.id)) continue;
    const setting = settings?.[ruleIndex];
    const severitySetting = effectiveSeverity(rule, setting);
    if (severitySetting === 'off') continue;
    severity = severitySetting;
    const ruleOptions = setting?.options ?? NO_OPTIONS;
    reported = 0;
    withheld = 0;
    lastWithheld = undefined;
    lastWithheldIn = undefined;
    try {
      if (rule.check) {
        planContext.options = ruleOptions;
        rule.check(planContext, push, pushList);
      }
      if (rule.checkSection) {
        const only = rule.sections;
        for (let i = 0; i < sections.length; i++) {
          // A rule that names the sections it checks is not even called for the others.
          if (only && !only.includes(specKeys[i]!)) continue;
          const context = sectionContexts[i]!;
          context.options = ruleOptions;
          pushList(sectionReports(rule, ruleIndex, caches[i]!, context), asIs, sections[i]!.placed);
        }
      }
      // Set by the reporters while the rule ran, which the compiler cannot see from here.
      const last = lastWithheld as Report | undefined;
      const lastIn = lastWithheldIn as PlacedSection | undefined;
      if (withheld > 0 && last) {
        findings.push({
          ruleId: rule.id,
          ruleName: rule.name,
          severity,
          range: lastIn ? shiftRange(lastIn, last.range) : last.range,
          message: `${rule.id} (${rule.name}) found ${withheld} more problems in this plan that are not listed; fix the ones shown and check again.`,
        });
      }
    } catch (error) {
      findings.push(ruleFailureFinding(rule, error, 'document'));
    }
  }
  const sorted = inDocumentOrder(findings);
  // Every result a section carries over from its version before a one-line edit is taken by now.
  for (let i = 0; i < sections.length; i++) {
    caches[i]!.carry = undefined;
    forgetLineEdit(sections[i]!.placed.section);
  }
  return { findings: sorted, profile: resolved, sections };
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

/**
 * What the section rules reported for one section, one slot per rule (by its index in
 * {@link RULES}), valid while the profile, variant, every rule's options and the profile section
 * the section was recognised as stay the same. Dropped with the section.
 */
interface SectionCache {
  key: string;
  specKey: string;
  slots: Array<readonly Report[] | undefined>;
  /** For a section made by typing inside one line of another: that section's slots, under the same key. */
  carry?: { readonly origin: LineEditOrigin; readonly slots: Array<readonly Report[] | undefined> };
}

/** Where a section keeps its cache: a hidden property, not a weak-table entry per section. */
const sectionCaches = hiddenSlot<SectionCache>('sectionCache');
const NO_REPORTS: readonly Report[] = EMPTY_LIST;
const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});
const asIs = (report: Report): Report => report;

function sectionCacheOf(section: Section, key: string, specKey: string): SectionCache {
  let cache = sectionCaches.get(section);
  if (!cache) {
    cache = { key, specKey, slots: new Array<readonly Report[] | undefined>(RULES.length) };
    const origin = lineEditOrigin(section);
    const before = origin && sectionCaches.get(origin.previous);
    // Each lint drops its sections' carry when it ends, so this reaches one version back only.
    if (origin && before && before.key === key && before.specKey === specKey) cache.carry = { origin, slots: before.slots };
    sectionCaches.set(section, cache);
    return cache;
  }
  if (cache.key !== key || cache.specKey !== specKey) {
    cache.key = key;
    cache.specKey = specKey;
    cache.slots = new Array<readonly Report[] | undefined>(RULES.length);
    cache.carry = undefined;
  }
  return cache;
}

/** What a rules object says, read once per object: every setting as one string, and each rule's setting by its index in {@link RULES}. */
interface ReadRules {
  readonly signature: string;
  readonly settings: ReadonlyArray<RuleSetting | undefined>;
}

/**
 * Looking each rule up under three spellings on every lint cost 16 µs at 10 KB, more than most
 * rules' own checks, so a rules object is read once and the result kept with it.
 */
const readRulesObjects = new WeakMap<object, ReadRules>();

function readRules(config: LintConfig): ReadRules | undefined {
  const rules = config.rules;
  if (!rules) return undefined;
  let read = readRulesObjects.get(rules);
  if (!read) {
    read = { signature: JSON.stringify(rules), settings: RULES.map((rule) => ruleSetting(rules, rule)) };
    readRulesObjects.set(rules, read);
  }
  return read;
}

/** Reports of the section rule running now (rules run one at a time and never re-enter the engine). */
let collected: Report[] | undefined;
const collect = (report: Report): void => {
  (collected ??= []).push(report);
};

/**
 * A section's context (what a rule sees as its `SectionContext`) as the engine keeps it for one
 * lint: every field present, so all sections' contexts share one shape, and the options of the rule
 * running now.
 */
interface RuleSectionContext {
  readonly section: Section;
  readonly spec: ResolvedSection['spec'];
  readonly profile: Profile;
  readonly variant: string | undefined;
  options: Readonly<Record<string, unknown>>;
}

function sectionReports(rule: Rule, ruleIndex: number, cache: SectionCache, context: RuleSectionContext): readonly Report[] {
  const slots = cache.slots;
  const cached = slots[ruleIndex];
  if (cached) return cached;
  const before = rule.carrySection && cache.carry ? cache.carry.slots[ruleIndex] : undefined;
  const carried = before ? rule.carrySection!(context, cache.carry!.origin, before) : undefined;
  if (carried) {
    slots[ruleIndex] = carried;
    return carried;
  }
  collected = undefined;
  rule.checkSection!(context, collect);
  const result = collected ?? NO_REPORTS;
  collected = undefined;
  slots[ruleIndex] = result;
  return result;
}

/** The finding made from each report last time, so a report kept with its section is not copied again on every lint. */
const findingsByReport = hiddenSlot<{ readonly shift: number; readonly severity: Severity; readonly finding: Finding }>('finding');

/** The findings built for the first items of a list, kept with the list (a section's reports, a section's links). */
const findingsOfList = hiddenSlot<{ readonly rule: Rule; readonly shift: number; readonly severity: Severity; readonly findings: readonly Finding[] }>('findings');

function listFindings<T>(items: readonly T[], count: number, reportOf: (item: T) => Report, placed: PlacedSection | undefined, rule: Rule, severity: Severity): readonly Finding[] {
  const shift = placed ? placed.line : 0;
  const known = findingsOfList.get(items);
  if (known && known.rule === rule && known.shift === shift && known.severity === severity && known.findings.length === count) return known.findings;
  const built: Finding[] = [];
  for (let index = 0; index < count; index++) built.push(findingOf(reportOf(items[index]!), placed, rule, severity));
  findingsOfList.set(items, { rule, shift, severity, findings: built });
  return built;
}

function findingOf(report: Report, placed: PlacedSection | undefined, rule: Rule, severity: Severity): Finding {
  const shift = placed ? placed.line : 0;
  const known = findingsByReport.get(report);
  if (known && known.shift === shift && known.severity === severity && known.finding.ruleId === rule.id) return known.finding;
  // A document rule builds its few reports anew on each lint; one equal to a recent one gets the
  // same finding, so a keystroke that changes nothing they say lists the same findings as before.
  const key = placed ? undefined : contentKey(report, rule, severity);
  const recent = key === undefined ? undefined : recentDocumentFindings.get(key);
  let finding = recent && recent.report.message === report.message && sameExtras(recent.report, report) ? recent.finding : undefined;
  if (!finding) {
    finding = findingFrom(withoutSecrets(placed ? shiftReport(placed, report) : report), rule, severity);
    if (key !== undefined) {
      if (recentDocumentFindings.size >= RECENT_DOCUMENT_FINDINGS) recentDocumentFindings.clear();
      recentDocumentFindings.set(key, { report, finding });
    }
  }
  findingsByReport.set(report, { shift, severity, finding });
  return finding;
}

/**
 * The finding for a report, built field by field: spreading reports of a dozen shapes into one
 * object went through the engine's slowest copy and cost more than the rest of a finding.
 */
function findingFrom(report: Report, rule: Rule, severity: Severity): Finding {
  if (report.fixes === undefined && report.data === undefined) return { range: report.range, message: report.message, ruleId: rule.id, ruleName: rule.name, severity };
  if (report.data === undefined) return { range: report.range, message: report.message, fixes: report.fixes, ruleId: rule.id, ruleName: rule.name, severity };
  if (report.fixes === undefined) return { range: report.range, message: report.message, data: report.data, ruleId: rule.id, ruleName: rule.name, severity };
  return { range: report.range, message: report.message, fixes: report.fixes, data: report.data, ruleId: rule.id, ruleName: rule.name, severity };
}

const recentDocumentFindings = new Map<string, { readonly report: Report; readonly finding: Finding }>();
const RECENT_DOCUMENT_FINDINGS = 2048;

/**
 * A finding's rule, severity and range as one short string (hashing whole messages on every lint
 * cost more than the lookups saved); the message, fixes and data are compared on a hit.
 */
function contentKey(report: Report, rule: Rule, severity: Severity): string {
  const { start, end } = report.range;
  return `${rule.id}\u0000${severity}\u0000${start.line}:${start.character}:${end.line}:${end.character}`;
}

function sameExtras(a: Report, b: Report): boolean {
  return sameData(a.fixes, b.fixes) && sameData(a.data, b.data);
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

function ruleSetting(rules: NonNullable<LintConfig['rules']>, rule: Rule): RuleSetting | undefined {
  const value = rules[rule.id] ?? rules[rule.name] ?? rules[rule.id.toLowerCase()];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? { severity: value } : value;
}

function effectiveSeverity(rule: Rule, setting: RuleSetting | undefined): SeveritySetting {
  return setting?.severity ?? rule.defaultSeverity;
}

/**
 * The last few lints' findings, as listed and as sorted. A keystroke mostly lists the same
 * findings in the same order as the lint before it, or changes a few: then the earlier sort is
 * reused or patched instead of sorting thousands of findings again. The sorts are held weakly, and
 * each one's list lives as long as the sort: a plan's findings are kept only while whoever linted
 * it keeps the result (the server does while the document is open), so closing a large plan frees
 * them instead of leaving them here until four more lints have run.
 */
const recentSorts: Array<WeakRef<readonly Finding[]>> = [];
const listedBySort = new WeakMap<readonly Finding[], readonly Finding[]>();
const RECENT_SORTS = 4;

/** `findings` (a new list, not kept by the caller) in document order. The result is shared with later lints, so it is never changed. */
function inDocumentOrder(findings: Finding[]): readonly Finding[] {
  // A short list sorts in a few microseconds, less than comparing it with the recent lints' lists.
  if (findings.length < PATCH_FROM) return findings.sort(compareFindings);
  for (const held of recentSorts) {
    const recentSorted = held.deref();
    const recentListed = recentSorted && listedBySort.get(recentSorted);
    if (!recentSorted || !recentListed) continue;
    const sorted = patchedSort(recentListed, recentSorted, findings);
    if (sorted) {
      if (sorted !== recentSorted) remember(findings, sorted);
      return sorted;
    }
  }
  const listed = findings.slice();
  findings.sort(compareFindings);
  remember(listed, findings);
  return findings;
}

function remember(listed: readonly Finding[], sorted: readonly Finding[]): void {
  listedBySort.set(sorted, listed);
  if (recentSorts.unshift(new WeakRef(sorted)) > RECENT_SORTS) recentSorts.pop();
}

/** How many findings a lint must list before its sort is patched from a recent lint's. */
const PATCH_FROM = 64;

/** Findings that may differ from a recent lint's for the sort to be patched rather than redone. */
const MAX_PATCHED = 16;

/**
 * `listed` in document order, from a recent lint's sort when `listed` differs from what that lint
 * listed in at most a few places: the old findings there are taken out and the new ones put in by
 * binary search. Undefined when that cannot give exactly what a stable sort would (too many
 * changes, a new finding that ties with another, a finding listed twice).
 */
function patchedSort(recentListed: readonly Finding[], recentSorted: readonly Finding[], listed: readonly Finding[]): readonly Finding[] | undefined {
  if (recentListed.length !== listed.length) return undefined;
  const gone = new Set<Finding>();
  const added: Finding[] = [];
  for (let i = 0; i < listed.length; i++) {
    if (recentListed[i] === listed[i]) continue;
    gone.add(recentListed[i]!);
    added.push(listed[i]!);
    if (added.length > MAX_PATCHED) return undefined;
  }
  if (added.length === 0) return recentSorted;
  const result = recentSorted.filter((finding) => !gone.has(finding));
  if (result.length !== listed.length - added.length) return undefined;
  for (const finding of added) {
    let low = 0;
    let high = result.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareFindings(result[middle]!, finding) < 0) low = middle + 1;
      else high = middle;
    }
    // A tie would be ordered by where each was listed, which the patch does not know.
    if ((low < result.length && compareFindings(result[low]!, finding) === 0) || (low > 0 && compareFindings(result[low - 1]!, finding) === 0)) return undefined;
    result.splice(low, 0, finding);
  }
  return result;
}

function severityRank(severity: Severity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : severity === 'info' ? 2 : 3;
}

/**
 * Line, column, severity, then rule code. Codes compare by code point, not by the locale's
 * collation: the order is the same on every machine, and a collator call cost more than the rest.
 */
function compareFindings(a: Finding, b: Finding): number {
  const byPlace = a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || severityRank(a.severity) - severityRank(b.severity);
  if (byPlace !== 0 || a.ruleId === b.ruleId) return byPlace;
  return a.ruleId < b.ruleId ? -1 : 1;
}

/** A report whose message and fix titles quote no credential (the scanner masks what it finds). */
function withoutSecrets(report: Report): Report {
  const message = scrubbed(report.message);
  const fixes = report.fixes?.some((fix) => scrubbed(fix.title) !== fix.title)
    ? report.fixes.map((fix) => ({ ...fix, title: scrubbed(fix.title) }))
    : report.fixes;
  if (message === report.message && fixes === report.fixes) return report;
  return { ...report, message, ...(fixes ? { fixes } : {}) };
}

/** Messages repeat across findings (one text per rule and case), so each distinct one is scanned once. */
const scrubbedTexts = new Map<string, string>();
const SCRUBBED_TEXTS_LIMIT = 4096;

function scrubbed(text: string): string {
  let clean = scrubbedTexts.get(text);
  if (clean === undefined) {
    clean = scrubSecrets(text);
    if (scrubbedTexts.size >= SCRUBBED_TEXTS_LIMIT) scrubbedTexts.clear();
    scrubbedTexts.set(text, clean);
  }
  return clean;
}
