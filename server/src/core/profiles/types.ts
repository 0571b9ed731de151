/**
 * A profile is one dialect of plan: which sections it has and in what order, how required each is,
 * what its frontmatter holds and how it writes timestamps. Adding a dialect is one new module that
 * exports a {@link Profile} and one line in the registry (`index.ts`).
 */
import type { TimestampFormat } from '../model/types';

export type ProfileId = 'ssot' | 'openai' | 'agdd' | 'magsag' | 'plans-guide';

/** How required a section is. */
export type RequiredLevel = 'must' | 'should' | 'conditional' | 'optional';

/** When a conditional section becomes required. */
export type SectionCondition = 'multi-agent' | 'handoff';

export interface SectionSpec {
  /** Stable key used by rules and fixes (`progress`, `decision-log`, ...). */
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

export type FieldKind = 'string' | 'timestamp' | 'enum';

export interface FieldSpec {
  readonly key: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly values?: readonly string[];
  readonly description: string;
}

export interface Profile {
  readonly id: ProfileId;
  readonly label: string;
  /** Sections in the order the profile writes them. */
  readonly sections: readonly SectionSpec[];
  readonly frontmatter: readonly FieldSpec[];
  /** Timestamp spellings the profile accepts; the first is the one fixes write. */
  readonly timestampFormats: readonly TimestampFormat[];
  /** Status values for Progress and frontmatter, in the profile's spelling. */
  readonly statusValues: readonly string[];
  /** A plan this many hours without a living-section update is stale (freshness rule). */
  readonly staleAfterHours: number;
  /** Title form: `# PLAN: <name>` (ssot) or any H1. */
  readonly titlePattern?: RegExp;
  readonly titleExample: string;
}
