/**
 * Runs the benchmarks and prints a table for each. `npm run bench -- [name...] [--write]`:
 * names pick benchmarks (cold, incremental, protocol, memory, cli, startup); with no names all
 * run. `--write` (the default when all run) writes the tables and the machine to bench/RESULTS.md.
 *
 * The in-process benchmarks time our code bundled (bundledCore.ts); the others run the built
 * dist/ files.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderTable } from './measure';
import type { Table } from './measure';
import { coldLintBenchmark } from './coldLint';
import { incrementalBenchmark } from './incremental';
import { protocolBenchmark } from './protocol';
import { memoryBenchmark } from './memory';
import { cliBenchmark } from './cliTree';
import { startupBenchmark } from './startup';

const BENCHMARKS: Record<string, () => Promise<Table[]>> = {
  cold: coldLintBenchmark,
  incremental: incrementalBenchmark,
  protocol: protocolBenchmark,
  memory: memoryBenchmark,
  cli: cliBenchmark,
  startup: startupBenchmark,
};

function machine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.*)$/m.exec(info)?.[1] ?? cpu;
  } catch {
    // Not Linux: the model os.cpus() reports is the best there is.
  }
  return [
    `- CPU: ${cpu}, ${os.cpus().length} cores (\`nproc\`: ${os.availableParallelism()})`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node.js ${process.version} on ${os.platform()} ${os.release()}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const names = args.filter((arg) => !arg.startsWith('--'));
  for (const name of names) {
    if (!BENCHMARKS[name]) {
      process.stderr.write(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
  }
  const selected = names.length > 0 ? names : Object.keys(BENCHMARKS);
  const write = args.includes('--write') || names.length === 0;
  const sections: string[] = [];
  process.stdout.write(`${machine()}\n\n`);
  for (const name of selected) {
    const started = performance.now();
    let tables: Table[];
    try {
      tables = await BENCHMARKS[name]!();
    } catch (error) {
      // One failing benchmark must not lose the others' results; the failure is reported instead.
      process.exitCode = 1;
      tables = [{ title: `${name}: failed`, header: ['error'], rows: [[String((error as Error).message ?? error).replace(/\s+/g, ' ').slice(0, 300)]] }];
    }
    const rendered = tables.map(renderTable).join('\n');
    process.stdout.write(`${rendered}\n(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n\n`);
    sections.push(rendered);
  }
  if (write) {
    const file = path.join(__dirname, 'RESULTS.md');
    const header = [
      '# Benchmark results',
      '',
      `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; every number below comes from that one run.`,
      '',
      '## Machine',
      '',
      machine(),
      '',
      '## Results',
      '',
      '',
    ].join('\n');
    const designNotes = readDesignNotes(file);
    fs.writeFileSync(file, header + sections.join('\n') + designNotes);
    process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

/** Keeps the hand-written design notes (everything from "## Design notes" on) across rewrites. */
function readDesignNotes(file: string): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf('\n## Design notes');
    return at >= 0 ? text.slice(at) : '';
  } catch {
    return '';
  }
}

let finished = false;
// A benchmark awaiting something that can never happen (a server that failed to start) leaves
// nothing for Node to run, and Node then exits quietly with status 0; this says so and fails.
process.on('exit', () => {
  if (finished) return;
  process.stderr.write('The benchmarks stopped before they finished: a benchmark was waiting on something that never came.\n');
  process.exitCode = 1;
});

main().then(() => {
  finished = true;
}, (error: unknown) => {
  finished = true;
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
