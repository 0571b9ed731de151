/**
 * The command line on a generated tree of 2,000 plans: execplan-lint (the built dist/cli.js, its
 * default concurrency) against markdownlint-cli2, each finding and reading the files itself.
 * Wall time and CPU time (user + system, children included) come from bash's `time`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generatePlan, seededRandom } from './generate';
import { bytes, goal, ms, ratio, summarize } from './measure';
import type { Table } from './measure';

const ROOT = path.resolve(__dirname, '..');
const PLAN_COUNT = 2000;
const RUNS = 3;

/** Writes the tree once per size and seed; a second run reuses it. */
function generateTree(): { dir: string; totalBytes: number } {
  const dir = path.join(os.tmpdir(), `execplan-bench-tree-${PLAN_COUNT}`);
  const marker = path.join(dir, '.complete');
  const random = seededRandom(2000);
  const sizes: number[] = [];
  for (let i = 0; i < PLAN_COUNT; i++) sizes.push(2048 + Math.floor(random() * random() * 40 * 1024));
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < PLAN_COUNT; i++) {
      const team = path.join(dir, `team-${i % 20}`, 'plans');
      fs.mkdirSync(team, { recursive: true });
      fs.writeFileSync(path.join(team, `${String(i).padStart(4, '0')}-feature-PLAN.md`), generatePlan(sizes[i]!, 5000 + i));
    }
    fs.writeFileSync(marker, '');
  }
  let totalBytes = 0;
  for (let i = 0; i < PLAN_COUNT; i++) {
    totalBytes += fs.statSync(path.join(dir, `team-${i % 20}`, 'plans', `${String(i).padStart(4, '0')}-feature-PLAN.md`)).size;
  }
  return { dir, totalBytes };
}

interface RunTime {
  readonly wall: number;
  readonly cpu: number;
  readonly status: number;
}

function timed(command: string, cwd: string): RunTime {
  const script = `TIMEFORMAT='%R %U %S'; { time ${command} >/dev/null 2>&1 ; echo "status $?" >&2; } 2>&1`;
  const result = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', maxBuffer: 1 << 24 });
  const status = Number(/status (\d+)/.exec(result.stdout)?.[1] ?? -1);
  const times = /^([\d.]+) ([\d.]+) ([\d.]+)$/m.exec(result.stdout);
  if (!times) throw new Error(`could not time ${command}: ${result.stdout}${result.stderr}`);
  return { wall: Number(times[1]) * 1000, cpu: (Number(times[2]) + Number(times[3])) * 1000, status };
}

export async function cliBenchmark(): Promise<Table[]> {
  const { dir, totalBytes } = generateTree();
  const ours = `node ${JSON.stringify(path.join(ROOT, 'dist/cli.js'))} .`;
  const theirs = `node ${JSON.stringify(path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'))} "**/*.md"`;
  const oursRuns: RunTime[] = [];
  const theirRuns: RunTime[] = [];
  timed(ours, dir);
  for (let i = 0; i < RUNS; i++) {
    oursRuns.push(timed(ours, dir));
    theirRuns.push(timed(theirs, dir));
  }
  const row = (name: string, runs: readonly RunTime[]): string[] => {
    const wall = summarize(runs.map((run) => run.wall));
    const cpu = summarize(runs.map((run) => run.cpu));
    return [name, `${ms(wall.median)} (min ${ms(wall.min)})`, ms(cpu.median), `${(cpu.median / wall.median).toFixed(2)} cores`, runs.map((run) => run.status).join(',')];
  };
  const speedup = summarize(theirRuns.map((run) => run.wall)).median / summarize(oursRuns.map((run) => run.wall)).median;
  return [
    {
      title: `CLI on ${PLAN_COUNT} plans (${bytes(totalBytes)}), ${RUNS} runs each, medians`,
      header: ['tool', 'wall', 'CPU (user + sys)', 'cores used', 'exit codes'],
      rows: [row('execplan-lint <dir>', oursRuns), row('markdownlint-cli2 "**/*.md"', theirRuns)],
      notes: [goal('execplan-lint >= 10x faster than markdownlint-cli2 (wall)', speedup >= 10, ratio(speedup)), `Tree: ${dir}; output discarded for both.`],
    },
  ];
}
