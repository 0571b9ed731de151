/**
 * Generates deterministic, realistic ExecPlans of a requested size: frontmatter, every section of
 * the Exec Plan skeleton, hundreds to thousands of timestamped Progress items, Decision Log and
 * Surprises entries, fenced code, links and bare URLs. The same seed and size always give the same
 * text, so every tool in a benchmark run reads exactly the same documents.
 */

/** A small seeded pseudo-random generator (mulberry32), so plans are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['added', 'moved', 'removed', 'renamed', 'measured', 'verified', 'documented', 'split', 'merged', 'profiled', 'cached', 'retried', 'pinned'];
const NOUNS = [
  'the parser', 'the export job', 'the CSV writer', 'retry budget', 'the schema', 'the migration', 'the cache layer', 'the lock file',
  'the worker pool', 'the queue consumer', 'the settings page', 'the audit log', 'the index', 'the fixture set', 'the release notes',
];
const WORDS = [
  'because', 'so that', 'while', 'after', 'before', 'the', 'a', 'tests', 'latency', 'stays', 'under', 'budget', 'and', 'no', 'regression',
  'in', 'staging', 'with', 'real', 'data', 'from', 'last', 'week', 'users', 'see', 'progress', 'when', 'it', 'runs', 'twice', 'safely',
];
const PATHS = ['src/export/csv.ts', 'src/jobs/runner.ts', 'test/export.test.ts', 'docs/export.md', 'scripts/migrate.sh', 'config/limits.yaml'];
const HOSTS = ['example.com', 'docs.example.org', 'issues.example.net', 'ci.example.io'];

class Writer {
  private readonly parts: string[] = [];
  private size = 0;
  private clock: number;

  constructor(
    readonly random: () => number,
    start: number,
  ) {
    this.clock = start;
  }

  get length(): number {
    return this.size;
  }

  line(text = ''): void {
    this.parts.push(text, '\n');
    this.size += text.length + 1;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  sentence(words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(this.pick(WORDS));
    return out.join(' ');
  }

  /** The next timestamp, a few minutes to a few hours after the previous one. */
  tick(): string {
    this.clock += (1 + Math.floor(this.random() * 10)) * 60_000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  url(): string {
    return `https://${this.pick(HOSTS)}/${this.pick(['pr', 'issues', 'runs', 'docs'])}/${Math.floor(this.random() * 9000) + 100}`;
  }

  text(): string {
    return this.parts.join('');
  }
}

/** How the bulk of a plan is shared among its growing sections (the rest stays small and fixed). */
const SHARES = { progress: 0.36, surprises: 0.12, decisions: 0.2, steps: 0.1, artifacts: 0.12, outcomes: 0.05 };

/** A plan of about `targetBytes` characters. */
export function generatePlan(targetBytes: number, seed = 1): string {
  const w = new Writer(seededRandom(seed), Date.UTC(2025, 0, 6, 9, 0, 0));
  const created = w.tick();
  w.line('---');
  w.line(`id: export-csv-${seed}`);
  w.line('title: Export reports as CSV');
  w.line('profile: repo-native');
  w.line('status: IN_PROGRESS');
  w.line(`created: ${created}`);
  w.line(`updated: ${created}`);
  w.line('owner: platform-team');
  w.line('tags: [export, csv, reports]');
  w.line('---');
  w.line();
  w.line('# PLAN: Export reports as CSV');
  w.line();
  w.line('This ExecPlan is a living document. Keep Progress, Surprises & Discoveries, Decision Log and Outcomes & Retrospective current.');
  w.line();
  w.line('## Purpose / Big Picture');
  w.line();
  w.line(`Users can download any report as CSV from the report page. See ${w.url()} for the request and <${w.url()}> for the design.`);
  w.line();

  const budget = (share: number): number => Math.max(400, Math.floor(targetBytes * share));
  const until = (bytes: number, body: () => void): void => {
    const end = w.length + bytes;
    while (w.length < end) body();
  };

  w.line('## Progress');
  w.line();
  w.line('Status: IN_PROGRESS');
  w.line(`Next Action: ${w.pick(VERBS)} ${w.pick(NOUNS)} and rerun the export tests.`);
  w.line();
  let milestone = 1;
  let item = 0;
  until(budget(SHARES.progress), () => {
    if (item % 40 === 0) {
      if (item > 0) w.line();
      w.line(`### Milestone ${milestone++}`);
      w.line();
    }
    item++;
    const done = w.random() < 0.8;
    w.line(`- [${done ? 'x' : ' '}] ${w.tick()} - ${w.pick(VERBS)} ${w.pick(NOUNS)} in \`${w.pick(PATHS)}\` ${w.sentence(6)}.`);
    if (w.random() < 0.15) w.line(`  Evidence: ${w.url()} (${w.sentence(4)})`);
  });
  w.line();

  w.line('## Surprises & Discoveries');
  w.line();
  until(budget(SHARES.surprises), () => {
    w.line(`- ${w.tick()} - ${w.pick(NOUNS)} ${w.sentence(10)} (Evidence: \`npm test -- ${w.pick(PATHS)}\`, see ${w.url()})`);
    w.line();
  });

  w.line('## Decision Log');
  w.line();
  until(budget(SHARES.decisions), () => {
    w.line(`- ${w.tick()} - Decision: ${w.pick(VERBS)} ${w.pick(NOUNS)} ${w.sentence(7)}.`);
    w.line(`  Alternatives: keep ${w.pick(NOUNS)}, ${w.pick(VERBS)} ${w.pick(NOUNS)}`);
    w.line(`  Rationale: ${w.sentence(14)}.`);
    w.line(`  Consequences: ${w.sentence(8)}.`);
    w.line(`  Evidence: \`npm test -- ${w.pick(PATHS)}\``);
    w.line('  Author: platform-team');
    w.line();
  });

  w.line('## Outcomes & Retrospective');
  w.line();
  until(budget(SHARES.outcomes), () => {
    w.line(`At milestone ${Math.floor(w.random() * 20) + 1} ${w.pick(NOUNS)} ${w.sentence(18)}.`);
    w.line();
  });

  w.line('## Constraints & Safety');
  w.line();
  w.line('### Allowed Scope');
  w.line();
  w.line('- Allowed directories: `src/export/`, `test/`');
  w.line();
  w.line('### Approval-Required Operations');
  w.line();
  w.line('- Database migrations on shared environments.');
  w.line();
  w.line('### Forbidden Operations');
  w.line();
  w.line('- Deleting production data.');
  w.line();
  w.line('### Secrets & PII');
  w.line();
  w.line('- Never paste secrets into this plan or logs; use `<REDACTED>` placeholders.');
  w.line();
  w.line('## Tooling Interface & Governance');
  w.line();
  w.line('Allowed tools: the shell inside the repository and `npm`. No MCP servers.');
  w.line();

  w.line('## Context and Orientation');
  w.line();
  w.line(`The export lives in \`${PATHS[0]}\` and runs from \`${PATHS[1]}\`. Reports are described at ${w.url()}.`);
  w.line();
  w.line('## Plan of Work');
  w.line();
  for (let i = 1; i <= 6; i++) w.line(`${i}. ${w.pick(VERBS)} ${w.pick(NOUNS)} in \`${w.pick(PATHS)}\`, ${w.sentence(8)}.`);
  w.line();

  w.line('## Concrete Steps');
  w.line();
  until(budget(SHARES.steps), () => {
    w.line(`Step: ${w.pick(VERBS)} ${w.pick(NOUNS)}.`);
    w.line();
    w.line('```bash');
    w.line(`cd ${w.pick(['/srv/app', '~/work/app', '.'])}`);
    w.line(`npm test -- ${w.pick(PATHS)}`);
    w.line(`curl -fsS ${w.url()} | head -n 5`);
    w.line('```');
    w.line();
  });

  w.line('## Validation and Acceptance');
  w.line();
  w.line('Run `npm test` and expect every test to pass; download a report and open it in a spreadsheet.');
  w.line();
  w.line('## Idempotence and Recovery');
  w.line();
  w.line('Every step can be run again. To roll back, revert the commit and rerun `scripts/migrate.sh down`.');
  w.line();

  w.line('## Artifacts and Notes');
  w.line();
  until(budget(SHARES.artifacts), () => {
    w.line(`Transcript from ${w.tick()}:`);
    w.line();
    w.line('```text');
    for (let i = 0; i < 6; i++) w.line(`${w.tick()} INFO ${w.pick(NOUNS)} ${w.sentence(6)}`);
    w.line('```');
    w.line();
  });

  w.line('## Interfaces and Dependencies');
  w.line();
  w.line(`- \`exportReport(id: string): Promise<Readable>\` in \`${PATHS[0]}\`.`);
  w.line(`- The CSV format follows RFC 4180: ${w.url()}.`);
  w.line();
  w.line('Revision note: sections updated as the work progressed.');
  return w.text();
}

/** The standard sizes every benchmark uses. */
export const PLAN_SIZES: ReadonlyArray<{ readonly name: string; readonly bytes: number }> = [
  { name: '10 KB', bytes: 10 * 1024 },
  { name: '100 KB', bytes: 100 * 1024 },
  { name: '1 MB', bytes: 1024 * 1024 },
  { name: '5 MB', bytes: 5 * 1024 * 1024 },
];
