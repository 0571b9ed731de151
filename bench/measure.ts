/** Timing and table helpers shared by the benchmarks. */

export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly p95: number;
  readonly runs: number;
}

/** Summarises samples in milliseconds. */
export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, p95: at(0.95), runs: sorted.length };
}

/**
 * Times `run` after a warm-up of `warmup` runs, continued until `warmupMs` have passed: at least
 * `minRuns` runs, more while the total stays under `budgetMs`, at most `maxRuns`. Each sample is
 * one call.
 */
export function timeIt(run: () => unknown, options: { minRuns?: number; maxRuns?: number; budgetMs?: number; warmup?: number; warmupMs?: number } = {}): Timing {
  const { minRuns = 5, maxRuns = 200, budgetMs = 3000, warmup = 2, warmupMs = 0 } = options;
  warmUp(run, warmup, warmupMs);
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** Untimed runs: at least `runs` of them, continued until `ms` have passed. */
function warmUp(run: () => unknown, runs: number, ms: number): void {
  const started = performance.now();
  for (let i = 0; i < runs || performance.now() - started < ms; i++) run();
}

/**
 * Times several runs side by side: each warms up alone as in {@link timeIt}, then they take turns,
 * one sample each a round, the order reversed every other round, until the budget or `maxRuns`.
 * The machine's slow spells then fall on every run alike, so their ratio holds where timings taken
 * one after the other would each meet a different spell.
 */
export function timeSideBySide(runs: ReadonlyArray<() => unknown>, options: { minRuns?: number; maxRuns?: number; budgetMs?: number; warmup?: number; warmupMs?: number } = {}): Timing[] {
  const { minRuns = 5, maxRuns = 200, budgetMs = 3000, warmup = 2, warmupMs = 0 } = options;
  for (const run of runs) warmUp(run, warmup, warmupMs);
  const samples = runs.map((): number[] => []);
  const started = performance.now();
  for (let round = 0; round < maxRuns && (round < minRuns || performance.now() - started < budgetMs); round++) {
    for (let turn = 0; turn < runs.length; turn++) {
      const index = round % 2 === 0 ? turn : runs.length - 1 - turn;
      const t0 = performance.now();
      runs[index]!();
      samples[index]!.push(performance.now() - t0);
    }
  }
  return samples.map(summarize);
}

export function ms(value: number): string {
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function mbPerSecond(bytes: number, milliseconds: number): string {
  return `${(bytes / (1024 * 1024) / (milliseconds / 1000)).toFixed(1)} MB/s`;
}

export function ratio(value: number): string {
  return value >= 10 ? `${value.toFixed(0)}x` : `${value.toFixed(2)}x`;
}

export function bytes(value: number): string {
  if (value >= 1024 * 1024) return `${(value / (1024 * 1024)).toFixed(2)} MB`;
  return `${(value / 1024).toFixed(1)} KB`;
}

/** A Markdown table: a heading line, the header and the rows. */
export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  /** Lines printed under the table: goals and what they measured. */
  readonly notes?: readonly string[];
}

export function renderTable(table: Table): string {
  const lines = [`### ${table.title}`, '', `| ${table.header.join(' | ')} |`, `|${table.header.map(() => '---').join('|')}|`];
  for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`);
  if (table.notes?.length) lines.push('', ...table.notes.map((note) => `- ${note}`));
  return lines.join('\n') + '\n';
}

/** A goal line: what was asked, what was measured, and whether it held. */
export function goal(description: string, met: boolean, measured: string): string {
  return `${met ? 'MET' : 'MISSED'}: ${description} (measured ${measured})`;
}
