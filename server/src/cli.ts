/**
 * execplan-lint: the engine the editor uses, on files on disk, for CI. This bundle is also the code
 * its worker threads run: off the main thread it serves check tasks instead of reading arguments.
 * Exit status: 0 clean, 1 findings at error level (or more warnings than --max-warnings), 2 bad
 * usage or unreadable input.
 */
import { isMainThread } from 'node:worker_threads';
import { version } from '../../package.json';
import { runCli, EXIT_CLEAN, EXIT_USAGE } from './cli/run';
import { serveCheckTasks } from './cli/worker';
import { TOOL_NAME } from './cli/help';

if (isMainThread) {
  // A reader that stops early (`execplan-lint | head`) closes the pipe; that is not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT_CLEAN);
  });
  runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    workerScript: __filename,
    version,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${TOOL_NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
} else {
  serveCheckTasks();
}
