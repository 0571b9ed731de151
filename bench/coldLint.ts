/**
 * Cold lint: our whole pipeline (parse, detect the profile, run every rule) against markdown-it's
 * `parse` alone and markdownlint's default rules, side by side on the same generated plans.
 */
import MarkdownIt from 'markdown-it';
import { bundledCore } from './bundledCore';
import { PLAN_SIZES, generatePlan } from './generate';
import { goal, mbPerSecond, ms, ratio, timeIt, timeSideBySide } from './measure';
import type { Table, Timing } from './measure';

type MarkdownlintSync = (options: { strings: Record<string, string>; config?: unknown }) => unknown;

async function loadMarkdownlint(): Promise<MarkdownlintSync> {
  const module = (await import('markdownlint/sync')) as { lint: MarkdownlintSync };
  return module.lint;
}

/** How many variants the runs cycle through: more than the frontmatter cache keeps (64), the one cache keyed by text they differ in. */
const VARIANTS = 400;

/**
 * Variants of the plan that differ only in the frontmatter id, so no run is served from a cache
 * keyed by text (our frontmatter cache) and every tool reads a string it has not read lately.
 */
function variants(text: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(text.replace(/^id: (.*)$/m, `id: $1-run${i}`));
  return out;
}

function budgetFor(bytes: number): { minRuns: number; maxRuns: number; budgetMs: number; warmup: number; warmupMs: number } {
  if (bytes >= 4 * 1024 * 1024) return { minRuns: 5, maxRuns: 9, budgetMs: 6000, warmup: 1, warmupMs: 0 };
  if (bytes >= 1024 * 1024) return { minRuns: 7, maxRuns: 25, budgetMs: 5000, warmup: 2, warmupMs: 0 };
  // Small plans: every tool runs untimed for at least 50 runs and 1.5 s first, so each is timed in
  // the steady state a server that lints on every keystroke is in. Our pipeline spreads its work
  // over many more functions than a parser does, and the JIT was still compiling them after 50 runs:
  // the 10 KB median kept falling for over a thousand runs. The time budget, not a count, ends the
  // sampling: 300 runs of a 10 KB plan took under a second and fell within one spell of the machine.
  return { minRuns: 20, maxRuns: 3000, budgetMs: 3000, warmup: 50, warmupMs: 1500 };
}

export async function coldLintBenchmark(): Promise<Table[]> {
  const { parsePlan, lint } = bundledCore();
  const markdownlint = await loadMarkdownlint();
  const markdownIt = new MarkdownIt();
  const rows: string[][] = [];
  const notes: string[] = [];
  let worstParseRatio = 0;
  let worstMarkdownlintSpeedup = Number.POSITIVE_INFINITY;
  for (const size of PLAN_SIZES) {
    const text = generatePlan(size.bytes, 1);
    const budget = budgetFor(text.length);
    const pool = variants(text, Math.min(VARIANTS, budget.maxRuns + budget.warmup + 1));
    // Ours and markdown-it take turns, one run each a round, so their ratio is taken under the same
    // load. markdownlint is timed on its own: a run of it costs twenty of ours, and run in turns its
    // garbage would be collected during the others' runs.
    const nextOf = (): (() => string) => {
      let next = 0;
      return () => pool[next++ % pool.length]!;
    };
    const [ourText, itText, mlText] = [nextOf(), nextOf(), nextOf()];
    const [ours, it] = timeSideBySide(
      [() => lint(parsePlan(ourText()), { now: new Date('2026-03-01T00:00:00Z') }), () => markdownIt.parse(itText(), {})],
      { ...budget, budgetMs: budget.budgetMs * 2 },
    ) as [Timing, Timing];
    const mlBudget = text.length >= 1024 * 1024 ? { minRuns: 3, maxRuns: 3, budgetMs: 0, warmup: 1, warmupMs: 0 } : { ...budget, budgetMs: 4000 };
    const ml = timeIt(() => markdownlint({ strings: { plan: mlText() } }), mlBudget);

    const parseRatio = ours.median / it.median;
    const speedup = ml.median / ours.median;
    worstParseRatio = Math.max(worstParseRatio, parseRatio);
    worstMarkdownlintSpeedup = Math.min(worstMarkdownlintSpeedup, speedup);
    const cell = (timing: Timing): string => `${ms(timing.median)} (min ${ms(timing.min)}, n=${timing.runs})`;
    rows.push([
      size.name,
      cell(ours),
      mbPerSecond(text.length, ours.median),
      cell(it),
      mbPerSecond(text.length, it.median),
      cell(ml),
      mbPerSecond(text.length, ml.median),
      ratio(parseRatio),
      ratio(speedup),
    ]);
  }
  notes.push(goal('cold lint <= markdown-it parse (ratio <= 1.0) at every size', worstParseRatio <= 1, `worst ratio ${worstParseRatio.toFixed(2)}`));
  notes.push(goal('cold lint >= 20x faster than markdownlint at every size', worstMarkdownlintSpeedup >= 20, `slowest speed-up ${worstMarkdownlintSpeedup.toFixed(1)}x`));
  notes.push('markdown-it: `new MarkdownIt()` (default preset), `parse` only; markdownlint: `lint` from `markdownlint/sync`, default rules.');
  notes.push('Our pipeline and markdown-it take turns, one run each a round, so slow spells of the machine fall on both alike; markdownlint is timed after them. Each tool gets the same untimed warm-up before its samples (below 1 MB: at least 50 runs and 1.5 s; 2 runs at 1 MB, 1 at 5 MB; markdownlint one at 1 MB and up). Below 1 MB the turns go on for 6 s (at most 3,000 rounds). The runs cycle through 400 variants of the plan that differ in the frontmatter id, more than our frontmatter cache keeps. Our code runs as one esbuild bundle, the form the server and the CLI ship in.');
  return [
    {
      title: 'Cold lint (parse + profile + every rule), medians',
      header: ['plan', 'execplan', 'execplan MB/s', 'markdown-it parse', 'markdown-it MB/s', 'markdownlint', 'markdownlint MB/s', 'execplan / markdown-it', 'markdownlint / execplan'],
      rows,
      notes,
    },
  ];
}
