/**
 * Where the CLI's configuration comes from: `--config <file>`, else the nearest `.execplan.json`,
 * `.execplan.yaml` or `.execplan.yml` up from each file's folder (the shared loader the server uses,
 * so both read a file the same way). Flags override the file: `--profile` and `--rule`. A problem in
 * a configuration file stops the run (exit status 2): CI should not pass on defaults by accident.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigLoader } from '../configLoader';
import { parseConfigText } from '../core/configFile';
import type { ConfigFileResult, PlanConfig } from '../core/configFile';
import type { SeveritySetting } from '../core/rules/types';

/** What applies to one file. */
export interface FileConfig {
  readonly config: PlanConfig;
  /** The configuration file it came from, if any. */
  readonly source?: string;
}

export interface ConfigSource {
  /** The configuration for a file; throws {@link ConfigError} when its configuration file has problems. */
  forFile(absolutePath: string): FileConfig;
}

export class ConfigError extends Error {}

export interface ConfigOverrides {
  readonly profile?: string;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
}

const CANNOT_READ = (file: string, reason: string): string => `cannot read the configuration file ${file}: ${reason}`;

export function createConfigSource(explicitPath: string | undefined, overrides: ConfigOverrides): ConfigSource {
  const explicit = explicitPath ? readExplicit(path.resolve(explicitPath)) : undefined;
  const loader = new ConfigLoader();
  // The search for a configuration file depends only on the file's folder, and a run does not
  // watch for edits, so each folder is looked up once: a tree of thousands of plans in a few
  // folders would otherwise stat every candidate name in every parent folder for every file.
  const byFolder = new Map<string, FileConfig>();
  const resolve = (absolutePath: string): FileConfig => {
    const result = explicit ?? loader.load(absolutePath);
    failOnProblems(result);
    return { config: applyOverrides(result.config, overrides), ...(result.path ? { source: result.path } : {}) };
  };
  return {
    forFile(absolutePath) {
      const folder = path.dirname(absolutePath);
      let found = byFolder.get(folder);
      if (!found) {
        found = resolve(absolutePath);
        byFolder.set(folder, found);
      }
      return found;
    },
  };
}

function readExplicit(file: string): ConfigFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(CANNOT_READ(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  const parsed = parseConfigText(text, file);
  const result: ConfigFileResult = { path: file, ...parsed };
  failOnProblems(result);
  return result;
}

function failOnProblems(result: ConfigFileResult): void {
  if (!result.path || result.problems.length === 0) return;
  const lines = result.problems.map((problem) => `${result.path}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`);
  throw new ConfigError(`the configuration file has problems:\n${lines.join('\n')}`);
}

function applyOverrides(base: PlanConfig, overrides: ConfigOverrides): PlanConfig {
  const rules = { ...(base.rules ?? {}), ...overrides.rules };
  const profile = overrides.profile ?? base.profile;
  return {
    ...(profile ? { profile } : {}),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(base.files ? { files: base.files } : {}),
  };
}
