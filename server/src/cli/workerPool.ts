/**
 * Checks many files on worker threads. The workers run this same bundle (dist/cli.js): the entry
 * point sees it is not on the main thread and serves check tasks instead of parsing arguments, so
 * no second bundle is needed. Tasks go out in small batches; results are kept by task index, so the
 * order of the output never depends on which worker finished first.
 */
import { Worker } from 'node:worker_threads';
import type { CheckOutcome, CheckTask } from './checkTarget';

const BATCH_SIZE = 8;

export interface WorkerRequest {
  readonly batch: ReadonlyArray<{ readonly index: number; readonly task: CheckTask }>;
}

export interface WorkerResponse {
  readonly results: ReadonlyArray<{ readonly index: number; readonly outcome: CheckOutcome }>;
}

export async function checkOnWorkers(script: string, tasks: readonly CheckTask[], workerCount: number, onProgress: (done: number) => void): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const takeBatch = (): WorkerRequest['batch'] => {
    const batch = [];
    while (batch.length < BATCH_SIZE && next < tasks.length) {
      batch.push({ index: next, task: tasks[next]! });
      next++;
    }
    return batch;
  };
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script);
      const send = (): void => {
        const batch = takeBatch();
        if (batch.length === 0) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage({ batch } satisfies WorkerRequest);
      };
      worker.on('message', (response: WorkerResponse) => {
        for (const { index, outcome } of response.results) outcomes[index] = outcome;
        done += response.results.length;
        onProgress(done);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0 && code !== 1) reject(new Error(`a worker thread stopped with code ${code}`));
      });
      send();
    });
  await Promise.all(Array.from({ length: Math.min(workerCount, Math.ceil(tasks.length / BATCH_SIZE)) }, runWorker));
  return outcomes;
}
