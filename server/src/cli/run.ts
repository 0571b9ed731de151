/**
 * One run of execplan-lint: arguments -> files -> checks (shared with worker threads for large trees) ->
 * registry checks (once every plan's status is known) -> output -> exit status.
 */
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PLAN_GLOBS } from '../core/classify';
import type { Finding } from '../core/rules/types';
import { checkRegistryText, diskRegistryFileSystem } from '../workspace/registryCheck';
import { walkFiles } from '../workspace/walker';
import { isIndexed, isLockFilePath } from '../workspace/fileCheck';
import { parseCliArgs, UsageError } from './args';
import type { CliOptions } from './args';
import { ConfigError, createConfigSource } from './configSource';
import type { ConfigSource } from './configSource';
import { resolveTargets } from './targets';
import type { Target } from './targets';
import type { CheckOutcome, CheckTask } from './checkTarget';
import { checkInParallel, threadCount } from './workerPool';
import { createProgress } from './progress';
import { summarize } from './report';
import type { FileReport, RunReport } from './report';
import { formatStylish } from './formatters/stylish';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { HELP_TEXT, SEE_HELP, TOOL_NAME } from './help';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/** A file name that stands for "a file in this folder" when looking up the folder's configuration. */
const CWD_PROBE = '.execplan-lint';

const MISSING = (path: string): string => `no file, folder or matching files for "${path}"`;
const SKIPPED_LINK = (link: string): string => `skipped ${link}: a symbolic link that leads out of the folder searched`;
const NOTHING_FOUND = 'No plan files, registries or lock files found.';
const TOO_MANY_WARNINGS = (warnings: number, limit: number): string => `${warnings} warnings found, more than --max-warnings ${limit}.`;

export interface CliIo {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** The script worker threads run (this bundle). */
  readonly workerScript: string;
  readonly version: string;
}

export async function runCli(io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`${TOOL_NAME}: ${message}\n`);
    return EXIT_USAGE;
  };
  let options: CliOptions;
  try {
    options = parseCliArgs(io.argv, { isTty: io.stdout.isTTY === true, env: io.env });
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${SEE_HELP}`);
    throw error;
  }
  if (options.help) {
    io.stdout.write(HELP_TEXT);
    return EXIT_CLEAN;
  }
  if (options.version) {
    io.stdout.write(`${io.version}\n`);
    return EXIT_CLEAN;
  }

  let source: ConfigSource;
  let globs: readonly string[];
  const maxFileSize = DEFAULT_MAX_FILE_SIZE;
  try {
    source = createConfigSource(options.configPath, { ...(options.profile ? { profile: options.profile } : {}), rules: options.rules });
    // The plan patterns that pick files when no path is given come from the current folder's configuration.
    globs = source.forFile(path.join(io.cwd, CWD_PROBE)).config.files ?? DEFAULT_PLAN_GLOBS;
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }

  const resolved = await resolveTargets(options.paths, io.cwd, globs);
  if (resolved.missing.length > 0) return fail(resolved.missing.map(MISSING).join('\n'));
  for (const link of resolved.skippedLinks) io.stderr.write(`${TOOL_NAME}: ${SKIPPED_LINK(link)}\n`);
  const targets = resolved.targets;
  if (targets.length === 0) {
    io.stdout.write(`${NOTHING_FOUND}\n`);
    return EXIT_CLEAN;
  }

  const nowMs = clockFrom(io.env);
  let tasks: CheckTask[];
  try {
    tasks = targets.map((target) => {
      const fileConfig = source.forFile(target.absolute);
      return {
        absolute: target.absolute,
        classificationPath: target.classificationPath,
        globs: fileConfig.config.files ?? globs,
        fallbackProfile: 'auto',
        maxFileSize,
        config: fileConfig.config,
        nowMs,
        fix: options.fix,
      };
    });
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }

  const progress = createProgress(tasks.length, io.stderr, io.stderr.isTTY === true);
  const threads = threadCount(options.concurrency, tasks.length, availableCores());
  const outcomes = await checkInParallel(io.workerScript, tasks, threads, (done) => progress.update(done));
  progress.finish();

  const registryFindings = await checkRegistries(targets, tasks, outcomes, maxFileSize, globs);
  const allFindings: Array<readonly Finding[]> = outcomes.map((outcome, index) => registryFindings.get(index) ?? outcome.findings);
  const files: FileReport[] = targets.map((target, index) => {
    const outcome = outcomes[index]!;
    const findings = allFindings[index]!;
    return {
      display: target.display,
      kind: outcome.kind,
      reason: outcome.reason,
      findings: options.quiet ? findings.filter((finding) => finding.severity === 'error') : findings,
      explicit: target.explicit,
      ...(outcome.fixesApplied ? { fixesApplied: outcome.fixesApplied } : {}),
      ...(outcome.writeError ? { writeError: outcome.writeError } : {}),
    };
  });
  const report: RunReport = { files, summary: summarize(files, allFindings) };
  io.stdout.write(render(report, options, io));

  const summary = report.summary;
  const writeFailed = files.some((file) => file.writeError);
  if (summary.unreadable > 0 || writeFailed) return EXIT_USAGE;
  if (summary.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    io.stderr.write(`${TOOL_NAME}: ${TOO_MANY_WARNINGS(summary.warnings, options.maxWarnings)}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_CLEAN;
}

function render(report: RunReport, options: CliOptions, io: CliIo): string {
  switch (options.format) {
    case 'json':
      return formatJson(report, io.version);
    case 'sarif':
      return formatSarif(report, io.version, io.cwd);
    default:
      return formatStylish(report, options.color, options.quiet);
  }
}

/** Registries are checked after the plans, so each linked plan's status is already known. */
async function checkRegistries(targets: readonly Target[], tasks: readonly CheckTask[], outcomes: readonly CheckOutcome[], maxFileSize: number, globs: readonly string[]): Promise<Map<number, Finding[]>> {
  const results = new Map<number, Finding[]>();
  const registries = outcomes.map((outcome, index) => (outcome.kind === 'registry' ? index : -1)).filter((index) => index >= 0);
  // Plan files under each root, so a link written as a bare file name resolves even when the plan was not among the files checked.
  const plansUnder = new Map<string, string[]>();
  for (const index of registries) {
    const target = targets[index]!;
    const sameRoot = targets.map((other, otherIndex) => ({ other, outcome: outcomes[otherIndex]! })).filter(({ other }) => other.root === target.root);
    const statuses = new Map<string, string | undefined>(sameRoot.map(({ other, outcome }) => [other.classificationPath, outcome.declaredStatus]));
    if (!plansUnder.has(target.root)) {
      const walk = await walkFiles({ root: target.root, include: (relative) => isIndexed(relative, globs) && !isLockFilePath(relative) });
      plansUnder.set(target.root, walk.files.map((file) => path.relative(target.root, file).split(path.sep).join('/')));
    }
    const linted = sameRoot.filter(({ outcome }) => outcome.kind === 'plan').map(({ other }) => other.classificationPath);
    const knownPlanPaths = [...new Set([...linted, ...plansUnder.get(target.root)!])];
    let text: string;
    try {
      text = fs.readFileSync(target.absolute, 'utf8');
    } catch {
      continue;
    }
    results.set(
      index,
      await checkRegistryText({
        text,
        relativePath: target.classificationPath,
        fileSystem: diskRegistryFileSystem(target.root, statuses, maxFileSize),
        knownPlanPaths,
        config: tasks[index]!.config,
      }),
    );
  }
  return results;
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Tests pin the clock with EXECPLAN_NOW (an RFC 3339 time), as the language server does. */
function clockFrom(env: NodeJS.ProcessEnv): number {
  const fixed = env['EXECPLAN_NOW'] ? Date.parse(env['EXECPLAN_NOW']) : Number.NaN;
  return Number.isNaN(fixed) ? Date.now() : fixed;
}
