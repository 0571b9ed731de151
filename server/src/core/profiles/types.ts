/**
 * A profile is one dialect of plan: which sections it has and in what order, how required each is,
 * what its frontmatter holds, how its entries are shaped and how it writes timestamps. Adding a
 * dialect is one new module that exports a {@link Profile} and one line in the registry (`index.ts`).
 */
import type { TimestampFormat } from '../model/types';

export type ProfileId = 'ssot' | 'openai' | 'agdd' | 'magsag' | 'plans-guide';

/** How required a section is. */
export type RequiredLevel = 'must' | 'should' | 'conditional' | 'optional';

/** When a conditional section becomes required. */
export type SectionCondition = 'multi-agent' | 'handoff';

export interface SectionSpec {
  /** Stable key used by rules and fixes (`progress`, `decision-log`, ...); the same key means the same role in every profile. */
  readonly key: string;
  /** The heading text the profile writes. */
  readonly name: string;
  /** Other spellings that mean the same section in this profile (matched case-insensitively). */
  readonly aliases: readonly string[];
  readonly level: RequiredLevel;
  readonly condition?: SectionCondition;
  /** A living section is updated as work proceeds (Progress, Decision Log, ...). */
  readonly living?: boolean;
  /** What the section is for, in a sentence (hover text). */
  readonly purpose: string;
  /** Body inserted by the "add section" fix, without the heading; lines joined with `\n`. */
  readonly template: string;
}

export type FieldKind = 'string' | 'timestamp' | 'date' | 'enum';

export interface FieldSpec {
  readonly key: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly values?: readonly string[];
  readonly description: string;
}

/** How the profile's Progress section is written. */
export interface ProgressShape {
  /** Progress opens with a `Status:` line and a single `Next Action:` line. */
  readonly statusLines: boolean;
  /** Which Progress entries must carry a timestamp: every one, only finished ones, or none. */
  readonly itemTimestamps: 'all' | 'done' | 'none';
  /** Entries are list items, or `###` subheadings holding a timestamp (the Plans guide). */
  readonly entries: 'items' | 'headings';
  /** One well-formed entry, for messages. */
  readonly example: string;
}

/** The fields an entry of a living section carries (Decision Log, Surprises, Inter-Agent Messages). */
export interface EntryShape {
  /** Field names each entry must carry, as written (`Rationale`, `Date/Author`). */
  readonly fields: readonly string[];
  /** True when each entry opens with its own timestamp. */
  readonly timestamp: boolean;
  /** One well-formed entry, for messages and docs. */
  readonly example: string;
}

/** A smaller set of sections the profile also accepts as complete (the ssot Minimal Template). */
export interface SectionSubset {
  readonly id: string;
  readonly label: string;
  /** Section keys of the subset; its MUST sections are the ones the profile marks MUST among these. */
  readonly keys: readonly string[];
}

export interface Profile {
  readonly id: ProfileId;
  readonly label: string;
  /** Sections in the order the profile writes them. */
  readonly sections: readonly SectionSpec[];
  readonly frontmatter: readonly FieldSpec[];
  /** Timestamp spellings the profile accepts; the first is the one fixes write. */
  readonly timestampFormats: readonly TimestampFormat[];
  /** An example of the first format, for messages. */
  readonly timestampExample: string;
  /** Status values for Progress and frontmatter, in the profile's spelling. */
  readonly statusValues: readonly string[];
  /** Statuses that mean work is under way (freshness applies) and that mean it is finished. */
  readonly activeStatuses: readonly string[];
  readonly doneStatuses: readonly string[];
  /** A plan this many hours without a living-section update is stale (freshness rule). */
  readonly staleAfterHours: number;
  /** Title form: `# PLAN: <name>` (ssot) or any H1. */
  readonly titlePattern?: RegExp;
  readonly titleExample: string;
  readonly progress: ProgressShape;
  readonly decision?: EntryShape;
  readonly discovery?: EntryShape;
  readonly message?: EntryShape;
  /** True when the section order is part of the dialect (real agdd plans follow the Cookbook's order instead of their template's). */
  readonly enforceOrder: boolean;
  /** True when only the canonical heading is right and aliases are near misses to correct (ssot). */
  readonly strictHeadings: boolean;
  /** Checkboxes belong in Progress only (openai always; ssot when a plan declares `profile: codex-strict`). */
  readonly checklistsOnlyInProgress: boolean;
  readonly subsets?: readonly SectionSubset[];
  /** More steps than this in the steps section is over-planning (the Plans guide). */
  readonly maxSteps?: number;
}
