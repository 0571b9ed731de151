/**
 * Checks many files at once: the main thread and worker threads take files from one queue. The
 * workers run this same bundle (dist/cli.js): the entry point sees it is not on the main thread and
 * serves check tasks instead of parsing arguments, so no second bundle is needed. Each worker reads
 * its files itself; only paths and settings go out and only findings come back. Results are kept by
 * task index, so the order of the output never depends on which thread finished first.
 */
import { Worker } from 'node:worker_threads';
import { checkTarget } from './checkTarget';
import type { CheckOutcome, CheckTask } from './checkTarget';

/** Below this many files, starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 200;
const MAX_THREADS = 8;
/** Fewer files than this per thread would not repay a worker's start-up. */
const MIN_FILES_PER_THREAD = 50;
const MAX_BATCH_SIZE = 8;
/**
 * Batches queued on each worker at once. With one, a worker sits idle for a round trip through the
 * main thread after every batch (longer while the main thread is checking a file of its own); with
 * two, the next batch is already waiting when it finishes one.
 */
const BATCHES_IN_FLIGHT = 2;
/**
 * Near the end, batches shrink so that every thread has roughly this many left to take: the run
 * ends when the slowest thread does, so none should be left alone with a long last batch.
 */
const TAIL_BATCHES_PER_THREAD = 4;

export interface WorkerRequest {
  readonly batch: ReadonlyArray<{ readonly index: number; readonly task: CheckTask }>;
}

export interface WorkerResponse {
  readonly results: ReadonlyArray<{ readonly index: number; readonly outcome: CheckOutcome }>;
}

/**
 * How many threads check files, the main thread included: the number asked for, else only the
 * main thread for small runs and one per core for large ones. The main thread counts as one
 * because it checks files too: it has nothing else to do until every file is checked, and a file
 * it checks needs no worker start-up and no copying of its findings between threads.
 */
export function threadCount(requested: number | undefined, files: number, cores: number): number {
  if (requested !== undefined) return Math.max(1, requested);
  if (files < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(MAX_THREADS, cores, Math.ceil(files / MIN_FILES_PER_THREAD)));
}

/** Checks every task on the main thread and `threads - 1` workers running `script`. */
export async function checkInParallel(script: string, tasks: readonly CheckTask[], threads: number, onProgress: (done: number) => void): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = new Array(tasks.length);
  const workerCount = Math.max(0, Math.min(threads - 1, Math.ceil(tasks.length / MAX_BATCH_SIZE) - 1));
  let next = 0;
  let done = 0;
  const record = (index: number, outcome: CheckOutcome): void => {
    outcomes[index] = outcome;
    done++;
    onProgress(done);
  };
  const takeBatch = (): WorkerRequest['batch'] => {
    const remaining = tasks.length - next;
    const size = Math.min(MAX_BATCH_SIZE, Math.max(1, Math.ceil(remaining / ((workerCount + 1) * TAIL_BATCHES_PER_THREAD))));
    const batch = [];
    while (batch.length < size && next < tasks.length) {
      batch.push({ index: next, task: tasks[next]! });
      next++;
    }
    return batch;
  };

  const workers: Worker[] = [];
  let failed = false;
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script);
      workers.push(worker);
      let pending = 0;
      const send = (): void => {
        const batch = takeBatch();
        if (batch.length === 0) return;
        pending++;
        worker.postMessage({ batch } satisfies WorkerRequest);
      };
      const finishIfIdle = (): void => {
        if (pending === 0) void worker.terminate().then(() => resolve());
      };
      worker.on('message', (response: WorkerResponse) => {
        pending--;
        for (const { index, outcome } of response.results) record(index, outcome);
        send();
        finishIfIdle();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0 && code !== 1) reject(new Error(`a worker thread stopped with code ${code}`));
      });
      // Messages posted before the thread has started wait in its queue, so these go out at once
      // and the worker finds work the moment it is ready.
      for (let queued = 0; queued < BATCHES_IN_FLIGHT; queued++) send();
      finishIfIdle();
    });

  // One file at a time, then back to the event loop, so the workers' results are taken in (and
  // their next batches sent) between two of the main thread's own files.
  const checkOnMainThread = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const index = next++;
      record(index, checkTarget(tasks[index]!));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  try {
    await Promise.all([...Array.from({ length: workerCount }, runWorker), checkOnMainThread()]);
  } catch (error) {
    // A failed run must not go on checking (or, with --fix, writing) files, nor be kept alive by
    // workers that are waiting for work.
    failed = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return outcomes;
}
