/** Runs the built CLI (dist/cli.js) as a process, the way CI runs it, and copies fixtures to scratch folders. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist/cli.js');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
/** Tests pin the clock so lock expiry and fixed timestamps do not depend on the day they run. */
export const FIXED_NOW = '2026-03-02T12:00:00Z';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Record<string, string | undefined>;
  /** Generous hang guard; a run that takes longer fails the test. */
  readonly timeoutMs?: number;
}

export function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, EXECPLAN_NOW: FIXED_NOW, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: options.cwd, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`execplan-lint ${args.join(' ')} did not finish in time; stderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A fresh scratch folder, removed by {@link removeScratch}. */
export function makeScratch(prefix = 'execplan-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeScratch(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

/** Copies a fixture folder into a new scratch folder and returns the copy's path. */
export function copyFixture(relative: string): string {
  const scratch = makeScratch();
  fs.cpSync(path.join(FIXTURES, relative), scratch, { recursive: true });
  return scratch;
}

export function writeFile(root: string, relative: string, text: string | Buffer): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export interface JsonReport {
  readonly files: Array<{ path: string; kind: string; reason: string; errorCount: number; warningCount: number; fixesApplied?: string[]; messages: Array<{ ruleId: string; severity: string; line: number; column: number; message: string }> }>;
  readonly summary: { files: number; plans: number; registries: number; lockFiles: number; errors: number; warnings: number; tooLarge: number };
}

export function parseJsonReport(run: CliRun): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch (error) {
    throw new Error(`stdout is not JSON (${(error as Error).message}); stdout: ${run.stdout.slice(0, 500)}; stderr: ${run.stderr}`);
  }
}
