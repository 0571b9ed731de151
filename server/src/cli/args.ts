/** Command-line arguments of execplan-lint, read with node:util parseArgs and checked. */
import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../core/rules/types';
import { ruleById } from '../core/rules/index';
import { profileById } from '../core/profiles/index';
import { workspaceRuleById } from '../core/workspace/index';

export type OutputFormat = 'stylish' | 'json' | 'sarif';
export const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif'];
const SEVERITY_NAMES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
const SEVERITY_ALIASES: Readonly<Record<string, SeveritySetting>> = { warn: 'warning', information: 'info', '0': 'off', '1': 'warning', '2': 'error' };

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly fix: boolean;
  readonly profile?: string;
  readonly configPath?: string;
  /** Rule severities from `--rule`, by code or name as written. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly color: boolean;
  /** Threads that check files, the main thread included: a number, or undefined for automatic. 0 or 1 means no workers. */
  readonly concurrency?: number;
  readonly help: boolean;
  readonly version: boolean;
}

/** A usage error: the message is shown on stderr and the exit status is 2. */
export class UsageError extends Error {}

export interface ColorEnvironment {
  readonly isTty: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export function parseCliArgs(argv: readonly string[], colorEnvironment: ColorEnvironment): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        profile: { type: 'string' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error));
  }
  const values = parsed.values;
  const format = (values.format ?? 'stylish') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}").`);
  const profile = values.profile;
  if (profile !== undefined && profile !== 'auto' && !profileById(profile)) {
    throw new UsageError(`--profile "${profile}" is not a known profile; use auto or one of the profile ids in the README.`);
  }
  return {
    paths: parsed.positionals,
    format,
    fix: values.fix === true,
    ...(profile !== undefined ? { profile } : {}),
    ...(values.config !== undefined ? { configPath: values.config } : {}),
    rules: parseRuleFlags(values.rule ?? []),
    ...(values['max-warnings'] !== undefined ? { maxWarnings: parseCount(values['max-warnings'], '--max-warnings') } : {}),
    quiet: values.quiet === true,
    color: decideColor(values.color === true, values['no-color'] === true, colorEnvironment),
    ...(values.concurrency !== undefined ? { concurrency: parseConcurrency(values.concurrency) } : {}),
    help: values.help === true,
    version: values.version === true,
  };
}

function usageMessage(error: Error): string {
  const message = error.message.split('\n')[0]!;
  return message.replace(/\. To specify a positional argument.*$/, '.');
}

function parseRuleFlags(flags: readonly string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const flag of flags) {
    const match = /^([A-Za-z0-9-]+)\s*[:=]\s*([A-Za-z0-9]+)$/.exec(flag.trim());
    if (!match) throw new UsageError(`--rule "${flag}" must look like EP001:off or required-section:warning.`);
    const [, rule, severityText] = match as unknown as [string, string, string];
    const known = ruleById(rule) ?? workspaceRuleById(rule);
    if (!known) throw new UsageError(`--rule "${flag}": no rule is called ${rule}.`);
    const severity = SEVERITY_ALIASES[severityText.toLowerCase()] ?? (severityText.toLowerCase() as SeveritySetting);
    if (!SEVERITY_NAMES.includes(severity)) throw new UsageError(`--rule "${flag}": the severity must be one of ${SEVERITY_NAMES.join(', ')}.`);
    rules[known.id] = severity;
  }
  return rules;
}

function parseCount(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number of 0 or more (got "${text}").`);
  return Number(text);
}

function parseConcurrency(text: string): number | undefined {
  if (text === 'auto') return undefined;
  if (text === 'off') return 0;
  return parseCount(text, '--concurrency');
}

/** Colour only on a terminal, never when NO_COLOR is set or --no-color is given. */
function decideColor(forceOn: boolean, forceOff: boolean, environment: ColorEnvironment): boolean {
  if (forceOff) return false;
  if (forceOn) return true;
  const noColor = environment.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = environment.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return environment.isTty;
}
