/** The worker-thread side of {@link checkOnWorkers}: check each file of a batch and send the results back. */
import { parentPort } from 'node:worker_threads';
import { checkTarget } from './checkTarget';
import type { WorkerRequest, WorkerResponse } from './workerPool';

export function serveCheckTasks(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (request: WorkerRequest) => {
    const results = request.batch.map(({ index, task }) => ({ index, outcome: checkTarget(task) }));
    port.postMessage({ results } satisfies WorkerResponse);
  });
}
