/**
 * What a rule is and what it reports. A rule is a plain object; the engine runs it, applies the
 * configured severity and the inline directives, and turns local ranges into document ranges.
 */
import type { PlacedSection, PlanDocument, Range, Section } from '../model/types';
import type { Profile, SectionSpec } from '../profiles/types';
import type { LineEditOrigin } from '../model/lineage';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A plain text replacement, in the coordinates of the document the finding was computed for. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  /** Says exactly what the fix does, e.g. "Insert section `## Decision Log` after `## Surprises & Discoveries`". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe fixes are applied by "fix all" and `execplan-lint --fix`; others only on request. */
  readonly safe: boolean;
}

/** What a rule reports. */
export interface Report {
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** Data a code action needs later (never a secret's value). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * Takes a report in document lines, or in the local lines of section `placed` when given (the engine
 * moves it). A report object a rule hands over again on a later lint unchanged, such as one kept
 * with its section, is turned into a finding once and reused.
 */
export type Reporter = (report: Report, placed?: PlacedSection) => void;

/**
 * Takes a list at once, in order, as if `reportOf` of each item were given to the {@link Reporter}.
 * A rule that reports thousands of findings uses it: the engine builds reports only for the items
 * it lists, and counts the ones past its cap in one step instead of one call each.
 */
export type ListReporter = <T>(items: readonly T[], reportOf: (item: T) => Report, placed?: PlacedSection) => void;

/** A finding, with document ranges and the severity in force. */
export interface Finding extends Report {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
}

/** A top-level section of the plan and the profile section it was recognised as. */
export interface ResolvedSection {
  readonly placed: PlacedSection;
  /** The section's heading text (empty for the preamble). */
  readonly title: string;
  readonly level: number;
  readonly spec?: SectionSpec;
  /** How the heading matched: its canonical name, an alias, or a normalised spelling of either. */
  readonly match?: 'canonical' | 'alias' | 'normalized';
}

/** Everything a document rule sees. */
export interface PlanContext {
  readonly plan: PlanDocument;
  readonly profile: Profile;
  /** The frontmatter `profile:` variant for ssot (`codex-strict`, `repo-native`), if any. */
  readonly variant?: string;
  /** Level-2 sections in document order (and level-1 ones after the title). */
  readonly sections: readonly ResolvedSection[];
  /** The section recognised as `key`, if the plan has one. */
  section(key: string): ResolvedSection | undefined;
  /** The rule's options from configuration. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The clock (injectable for tests and reproducible fixes). */
  readonly now: Date;
  /** The document's path, when known (used for ids and relative links). */
  readonly path?: string;
  /** Converts a range local to a placed section into document coordinates. */
  toDocument(placed: PlacedSection, range: Range): Range;
}

/** Everything a section rule sees: only the section, so its findings can be cached with it. */
export interface SectionContext {
  readonly section: Section;
  readonly spec?: SectionSpec;
  readonly profile: Profile;
  readonly variant?: string;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface Rule {
  /** Stable code, `EP001`. */
  readonly id: string;
  /** Kebab-case alias, `required-section`. */
  readonly name: string;
  /** One-line summary for tables and hovers. */
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
  /** Profiles the rule applies to; undefined means all. */
  readonly profiles?: readonly string[];
  /** True when at least one finding of the rule carries a fix. */
  readonly fixable: boolean;
  /**
   * For a section rule: the profile sections (by key) it checks. The engine does not run it on
   * any other section; undefined means every section.
   */
  readonly sections?: readonly string[];
  /** Checks the whole document. */
  check?(context: PlanContext, report: Reporter, reportList: ListReporter): void;
  /**
   * Checks one section in local coordinates. The engine caches the findings with the section, so
   * this runs again only when the section's text, the profile or the rule's options change.
   */
  checkSection?(context: SectionContext, report: Reporter): void;
  /**
   * Optional, for a section rule: its reports for a section made by typing inside one line of the
   * section `origin.previous`, from that section's reports (`previous`), reading only what the edit
   * can change. Undefined when it cannot tell; the engine then runs {@link checkSection}.
   */
  carrySection?(context: SectionContext, origin: LineEditOrigin, previous: readonly Report[]): readonly Report[] | undefined;
}
