/**
 * Finds and reads `.execplan.json` / `.execplan.yaml` / `.execplan.yml` for a plan: walking up from
 * the plan's folder, the nearest file wins. Pure: files are read through an injected callback. A
 * file is data only (YAML aliases and custom tags are refused); anything invalid is reported as a
 * problem with its place in the file and left out, so the defaults apply instead of a crash.
 */
import { LineCounter, isMap, isScalar, parseDocument, visit } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { LintConfig, RuleSetting } from './config';
import type { Range } from './model/types';
import type { SeveritySetting } from './rules/types';
import { RULES } from './rules/index';
import { workspaceRuleById } from './workspace/index';
import { PROFILES } from './profiles/index';

export const CONFIG_FILE_NAMES: readonly string[] = ['.execplan.json', '.execplan.yaml', '.execplan.yml'];
/** Config files larger than this are refused rather than parsed. */
export const MAX_CONFIG_BYTES = 256 * 1024;

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
const FRESHNESS_RULE = 'EP025';
const KNOWN_KEYS = ['$schema', 'profile', 'rules', 'freshness', 'files'];

/** A configuration file's content as the engine and the server use it. */
export interface PlanConfig extends LintConfig {
  /** Globs (relative to the folder of the config file) of files that are always plans. */
  readonly files?: readonly string[];
}

export interface ConfigProblem {
  readonly message: string;
  /** Where in the config file; the first line when the problem is with the whole file. */
  readonly range: Range;
}

export interface ConfigFileResult {
  /** The file that applies, or undefined when none was found. */
  readonly path?: string;
  readonly config: PlanConfig;
  readonly problems: readonly ConfigProblem[];
}

export type ReadFile = (path: string) => string | undefined;

/**
 * The configuration for the plan at `planPath`: the nearest config file in its folder or above
 * (up to `stopAt` when given), parsed; `{ config: {} }` when there is none.
 */
export function findConfigFile(planPath: string, readFile: ReadFile, stopAt?: string): ConfigFileResult {
  const separator = planPath.includes('\\') && !planPath.includes('/') ? '\\' : '/';
  const stop = stopAt?.replace(/[\\/]+$/, '');
  let folder = parentOf(planPath, separator);
  for (let depth = 0; folder !== undefined && depth < 256; depth++) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = folder === '' ? name : `${folder}${separator}${name}`;
      let text: string | undefined;
      try {
        text = readFile(candidate);
      } catch {
        text = undefined;
      }
      if (text !== undefined) return { path: candidate, ...parseConfigText(text, candidate) };
    }
    if (stop !== undefined && folder === stop) break;
    folder = parentOf(folder, separator);
  }
  return { config: {}, problems: [] };
}

function parentOf(path: string, separator: string): string | undefined {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  const at = trimmed.lastIndexOf(separator);
  if (at < 0) return trimmed === '' ? undefined : '';
  if (at === 0) return trimmed === separator ? undefined : separator;
  // `C:\` is a root; stop above it.
  if (/^[A-Za-z]:$/.test(trimmed)) return undefined;
  return trimmed.slice(0, at);
}

/** Parses a config file's text (JSON is read as the YAML subset it is, which keeps positions). */
export function parseConfigText(text: string, fileName = '.execplan.yaml'): { config: PlanConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (text.length > MAX_CONFIG_BYTES) {
    return { config: {}, problems: [{ message: `${baseName(fileName)} is ${text.length} characters long; files over ${MAX_CONFIG_BYTES} are not read, so the defaults apply.`, range: top }] };
  }
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'silent', customTags: [] });
  } catch (error) {
    return { config: {}, problems: [{ message: `${baseName(fileName)} could not be read: ${(error as Error).message}. The defaults apply.`, range: top }] };
  }
  const rangeOf = (node: { range?: [number, number, number] | null } | null | undefined): Range => {
    if (!node?.range) return top;
    const start = lineCounter.linePos(node.range[0]);
    const end = lineCounter.linePos(node.range[1]);
    return { start: { line: start.line - 1, character: start.col - 1 }, end: { line: end.line - 1, character: end.col - 1 } };
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const at = lineCounter.linePos(error.pos[0]);
    const position = { line: at.line - 1, character: at.col - 1 };
    return { config: {}, problems: [{ message: `${baseName(fileName)} is not valid ${/\.json$/i.test(fileName) ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]} The defaults apply until it is fixed.`, range: { start: position, end: position } }] };
  }
  let alias = false;
  visit(doc, {
    Alias() {
      alias = true;
      return visit.BREAK;
    },
  });
  if (alias) return { config: {}, problems: [{ message: `${baseName(fileName)} uses a YAML alias (\`*name\`); write values out. The defaults apply until it is fixed.`, range: top }] };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return { config: {}, problems };
  if (!isMap(contents)) return { config: {}, problems: [{ message: `${baseName(fileName)} must be a mapping of settings (profile, rules, freshness, files). The defaults apply.`, range: rangeOf(contents as Node) }] };

  let profile: string | undefined;
  let rules: Record<string, SeveritySetting | RuleSetting> | undefined;
  let files: string[] | undefined;
  let staleAfterHours: number | undefined;
  for (const pair of contents.items as Array<Pair<unknown, unknown>>) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyRange = rangeOf(pair.key as Node);
    const valueNode = pair.value as Node | null;
    const value = toData(valueNode);
    switch (key) {
      case '$schema':
        break;
      case 'profile':
        if (typeof value === 'string' && (value === 'auto' || PROFILES.some((known) => known.id === value))) profile = value;
        else problems.push({ message: `\`profile\` must be one of auto, ${PROFILES.map((known) => known.id).join(', ')}; \`${String(value)}\` is ignored.`, range: rangeOf(valueNode) });
        break;
      case 'rules':
        rules = readRules(valueNode, value, rangeOf, problems);
        break;
      case 'freshness': {
        const hours = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)['staleAfterHours'] : undefined;
        if (typeof hours === 'number' && hours > 0) staleAfterHours = hours;
        else problems.push({ message: '`freshness` must be a mapping like `{ staleAfterHours: 48 }` with a positive number of hours; it is ignored.', range: rangeOf(valueNode) });
        break;
      }
      case 'files':
        if (Array.isArray(value) && value.every((item) => typeof item === 'string')) files = value as string[];
        else problems.push({ message: '`files` must be a list of glob patterns (strings); it is ignored.', range: rangeOf(valueNode) });
        break;
      default:
        problems.push({ message: `Unknown setting \`${key}\`; the known ones are ${KNOWN_KEYS.slice(1).join(', ')}.`, range: keyRange });
    }
  }
  if (staleAfterHours !== undefined) {
    const existing = rules?.[FRESHNESS_RULE];
    const setting: RuleSetting = typeof existing === 'string' ? { severity: existing } : (existing ?? {});
    rules = { ...rules, [FRESHNESS_RULE]: { ...setting, options: { ...setting.options, staleAfterHours } } };
  }
  return {
    config: { ...(profile ? { profile } : {}), ...(rules ? { rules } : {}), ...(files ? { files } : {}) },
    problems,
  };
}

function readRules(node: Node | null, value: unknown, rangeOf: (node: Node | null | undefined) => Range, problems: ConfigProblem[]): Record<string, SeveritySetting | RuleSetting> | undefined {
  if (!isMap(node) || !value || typeof value !== 'object') {
    problems.push({ message: '`rules` must be a mapping from rule code or name to a severity, e.g. `{ "EP005": "off" }`; it is ignored.', range: rangeOf(node) });
    return undefined;
  }
  const rules: Record<string, SeveritySetting | RuleSetting> = {};
  for (const pair of node.items as Array<Pair<unknown, unknown>>) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    // Plan rules and workspace rules (registries, the lock file) are configured the same way.
    const rule = RULES.find((candidate) => candidate.id === name.toUpperCase() || candidate.name === name) ?? workspaceRuleById(name.toUpperCase()) ?? workspaceRuleById(name);
    const setting = toData(pair.value as Node | null);
    if (!rule) {
      problems.push({ message: `\`${name}\` is not a rule code or name (for example EP012 or frontmatter-value); it is ignored.`, range: rangeOf(pair.key as Node) });
      continue;
    }
    if (typeof setting === 'string' && SEVERITIES.includes(setting as SeveritySetting)) {
      rules[rule.id] = setting as SeveritySetting;
      continue;
    }
    if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
      const { severity, options, ...rest } = setting as Record<string, unknown>;
      const severityOk = severity === undefined || (typeof severity === 'string' && SEVERITIES.includes(severity as SeveritySetting));
      const optionsOk = options === undefined || (typeof options === 'object' && options !== null && !Array.isArray(options));
      if (severityOk && optionsOk && Object.keys(rest).length === 0) {
        rules[rule.id] = { ...(severity ? { severity: severity as SeveritySetting } : {}), ...(options ? { options: options as Record<string, unknown> } : {}) };
        continue;
      }
    }
    problems.push({ message: `The setting for ${rule.id} must be one of ${SEVERITIES.join(', ')}, or \`{ severity, options }\`; it is ignored.`, range: rangeOf(pair.value as Node) });
  }
  return rules;
}

function toData(node: Node | null | undefined): unknown {
  if (!node) return null;
  try {
    return (node as unknown as { toJSON(): unknown }).toJSON();
  } catch {
    return null;
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
