/**
 * Reads `.execplan.json` / `.execplan.yaml` from disk for the server and the CLI. The search and the
 * parsing are the core's (`core/configFile.ts`); this adapter only reads files, and caches what it
 * read by path and modification time so a check does not re-read unchanged files.
 */
import * as fs from 'node:fs';
import { URI } from 'vscode-uri';
import { findConfigFile } from './core/configFile';
import type { ConfigFileResult, PlanConfig } from './core/configFile';
import type { SeveritySetting } from './core/rules/types';

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly text: string | undefined;
}

export class ConfigLoader {
  private readonly files = new Map<string, CachedFile>();
  private readonly parsed = new Map<string, { key: string; result: ConfigFileResult }>();

  /** The configuration for the plan at `planPath` (a file system path), nearest file first. */
  load(planPath: string, stopAt?: string): ConfigFileResult {
    const result = findConfigFile(planPath, (path) => this.read(path), stopAt);
    if (!result.path) return result;
    // Parse once per file version: the same content gives the same configuration.
    const cached = this.files.get(result.path);
    const key = `${cached?.mtimeMs ?? 0}:${cached?.size ?? 0}`;
    const previous = this.parsed.get(result.path);
    if (previous && previous.key === key) return previous.result;
    this.parsed.set(result.path, { key, result });
    return result;
  }

  /** Forgets everything read (after the client reports changed config files). */
  clear(): void {
    this.files.clear();
    this.parsed.clear();
  }

  private read(path: string): string | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path);
    } catch {
      this.files.delete(path);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const cached = this.files.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.text;
    let text: string | undefined;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    this.files.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, text });
    return text;
  }
}

/** A diagnostic about a config file, in the shape LSP publishes. */
export interface ConfigDiagnostic {
  readonly range: ConfigFileResult['problems'][number]['range'];
  readonly severity: 1 | 2;
  readonly source: 'execplan';
  readonly code: 'config';
  readonly message: string;
}

export type PublishConfigDiagnostics = (uri: string, diagnostics: ConfigDiagnostic[]) => void;

const sharedLoader = new ConfigLoader();
/** Config files that currently show problems, with what was published for them. */
const publishedProblems = new Map<string, string>();

/**
 * The lint configuration for an open document: the nearest config file when there is one (its
 * problems published as diagnostics on that file), else the `execplan.rules` setting.
 */
export function configForDocument(uri: string, settingsRules: Readonly<Record<string, SeveritySetting>>, publish: PublishConfigDiagnostics): { config: PlanConfig; source?: string } {
  let planPath: string | undefined;
  try {
    const parsed = URI.parse(uri);
    if (parsed.scheme === 'file') planPath = parsed.fsPath;
  } catch {
    planPath = undefined;
  }
  const fromSettings: PlanConfig = Object.keys(settingsRules).length > 0 ? { rules: settingsRules } : {};
  if (!planPath) return { config: fromSettings };
  const result = sharedLoader.load(planPath);
  if (!result.path) return { config: fromSettings };
  const configUri = URI.file(result.path).toString();
  const signature = JSON.stringify(result.problems);
  if ((publishedProblems.get(configUri) ?? '[]') !== signature) {
    publish(
      configUri,
      result.problems.map((problem) => ({ range: problem.range, severity: 1, source: 'execplan', code: 'config', message: `${problem.message}` })),
    );
    if (result.problems.length > 0) publishedProblems.set(configUri, signature);
    else publishedProblems.delete(configUri);
  }
  return { config: result.config, source: result.path };
}
