/** Lint configuration: what settings, config files and CLI flags can say. */
import type { SeveritySetting } from './rules/types';

export interface RuleSetting {
  readonly severity?: SeveritySetting;
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface LintConfig {
  /** A profile id, or `auto` to detect it. */
  readonly profile?: string;
  /** Per rule, by code (`EP012`) or name (`frontmatter-value`): a severity or a setting. */
  readonly rules?: Readonly<Record<string, SeveritySetting | RuleSetting>>;
}

export interface LintOptions {
  readonly config?: LintConfig;
  /** The profile to use when the plan neither declares one nor can be recognised. */
  readonly fallbackProfile?: string;
  /** The document's path (relative to its workspace folder when known). */
  readonly path?: string;
  /** The clock; defaults to the current time. */
  readonly now?: Date;
}
