/**
 * Lints a text in a worker thread with a hard timeout: if parsing or a rule goes quadratic or
 * loops, the worker is terminated and the test fails instead of hanging. The worker is bundled
 * once per test run with esbuild, so it runs the project's TypeScript without a loader.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { LintJob, LintOutcome } from './lintWorker';

/**
 * A hang guard, not a speed goal: each input takes well under a second on an idle machine, but
 * test machines are shared; quadratic work on these inputs would take minutes to hours.
 */
export const HARD_TIMEOUT_MS = 15_000;

let bundled: string | undefined;

function workerScript(): string {
  if (bundled) return bundled;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-stress-'));
  const outfile = path.join(dir, 'lintWorker.js');
  buildSync({ entryPoints: [path.join(__dirname, 'lintWorker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'silent' });
  bundled = outfile;
  return outfile;
}

/** Lints `text` in a fresh worker; rejects when it takes longer than `timeoutMs` after start-up. */
export function lintIsolated(text: string, options: { relativePath?: string; maxFileSize?: number; timeoutMs?: number } = {}): Promise<LintOutcome> {
  const job: LintJob = { text, relativePath: options.relativePath ?? 'plans/hostile-PLAN.md', maxFileSize: options.maxFileSize ?? 5 * 1024 * 1024 };
  const timeoutMs = options.timeoutMs ?? HARD_TIMEOUT_MS;
  const worker = new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  return new Promise<LintOutcome>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (action: () => void): void => {
      if (timer) clearTimeout(timer);
      void worker.terminate();
      action();
    };
    worker.on('message', (message: { ready?: boolean } & LintOutcome) => {
      if (message.ready) {
        // The clock starts when the worker is up, so its start-up on a busy machine does not count.
        timer = setTimeout(() => finish(() => reject(new Error(`lint did not finish within ${timeoutMs} ms (${text.length} characters)`))), timeoutMs);
        worker.postMessage(job);
        return;
      }
      finish(() => resolve(message));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (code !== 0) reject(new Error(`lint worker exited with code ${code}`));
    });
  });
}
