/**
 * Corpus: every real plan in ../shared/corpus, and a few thousand seeded mutants of them (lines
 * deleted, duplicated, shuffled, the text truncated anywhere), lint without error: nothing throws,
 * no rule fails, every range lies in the text, and the incremental model equals a full parse.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan, updatePlan } from '../../server/src/core/model/index';
import { lint } from '../../server/src/core/engine';
import { checkDocument } from '../../server/src/documentChecker';
import { DEFAULT_PLAN_GLOBS } from '../../server/src/core/classify';
import { seededRandom } from '../../bench/generate';
import { findingProblems, ruleCrashes } from '../unit/rangeChecks';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const MUTANTS_PER_FILE = Number(process.env.EXECPLAN_MUTANTS_PER_FILE ?? 100);
const NOW = new Date('2026-03-01T12:00:00Z');

type Mutation = (lines: string[], random: () => number) => string[];

const pick = (random: () => number, n: number): number => Math.floor(random() * n);

const MUTATIONS: ReadonlyArray<[string, Mutation]> = [
  ['delete lines', (lines, random) => {
    const at = pick(random, lines.length);
    return [...lines.slice(0, at), ...lines.slice(at + 1 + pick(random, 8))];
  }],
  ['duplicate lines', (lines, random) => {
    const at = pick(random, lines.length);
    const count = 1 + pick(random, 12);
    return [...lines.slice(0, at + count), ...lines.slice(at, at + count), ...lines.slice(at + count)];
  }],
  ['shuffle a window', (lines, random) => {
    const at = pick(random, lines.length);
    const window = lines.slice(at, at + 2 + pick(random, 20));
    for (let i = window.length - 1; i > 0; i--) {
      const j = pick(random, i + 1);
      [window[i], window[j]] = [window[j]!, window[i]!];
    }
    return [...lines.slice(0, at), ...window, ...lines.slice(at + window.length)];
  }],
  ['swap two lines', (lines, random) => {
    const copy = [...lines];
    const a = pick(random, copy.length);
    const b = pick(random, copy.length);
    [copy[a], copy[b]] = [copy[b]!, copy[a]!];
    return copy;
  }],
  ['move a line far away', (lines, random) => {
    const copy = [...lines];
    const [line] = copy.splice(pick(random, copy.length), 1);
    copy.splice(pick(random, copy.length + 1), 0, line ?? '');
    return copy;
  }],
];

function mutate(text: string, random: () => number): { text: string; how: string } {
  const roll = random();
  if (roll < 0.15) {
    // Truncated anywhere, even inside a surrogate pair or a CRLF.
    const at = pick(random, text.length + 1);
    return { text: text.slice(0, at), how: `truncate at ${at}` };
  }
  if (roll < 0.2) return { text: text.replace(/\r?\n/g, '\r\n'), how: 'CRLF line endings' };
  const [name, mutation] = MUTATIONS[pick(random, MUTATIONS.length)]!;
  let lines = text.split('\n');
  const rounds = 1 + pick(random, 3);
  for (let i = 0; i < rounds; i++) lines = mutation(lines, random);
  return { text: lines.join('\n'), how: `${name} x${rounds}` };
}

/** Lints `text` as the editor would and as every profile would; returns what went wrong. */
function problemsLinting(text: string): string[] {
  const plan = parsePlan(text);
  const checked = checkDocument({ textLength: text.length, plan: () => plan, relativePath: 'plans/corpus-PLAN.md', globs: DEFAULT_PLAN_GLOBS, fallbackProfile: 'auto', maxFileSize: 5 * 1024 * 1024, now: NOW });
  const findings = [...checked.findings, ...['ssot', 'openai', 'agdd', 'magsag', 'plans-guide'].flatMap((profile) => lint(plan, { config: { profile }, now: NOW }).findings)];
  return [...ruleCrashes(findings), ...findingProblems(text, findings)];
}

/** The smallest single change that turns `before` into `after`. */
function changeBetween(before: string, after: string): { start: number; end: number; insertedLength: number } {
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, insertedLength: after.length - tail - start };
}

function snapshot(plan: ReturnType<typeof parsePlan>): unknown {
  return {
    lineCount: plan.lineCount,
    bodyStartLine: plan.bodyStartLine,
    frontmatter: plan.frontmatter ? { ...plan.frontmatter, fields: [...plan.frontmatter.fields.entries()] } : undefined,
    sections: plan.sections.map((placed) => ({ line: placed.line, offset: placed.offset, ...placed.section, lineKinds: Array.from(placed.section.lineKinds) })),
  };
}

describe('corpus of real plans and their mutants', function () {
  this.timeout(600_000);
  const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((name) => /\.(md|markdown)$/i.test(name)).sort() : [];

  before(function () {
    if (files.length === 0) this.skip();
  });

  it('lints every corpus file without error', () => {
    const failures: string[] = [];
    for (const name of files) {
      for (const problem of problemsLinting(fs.readFileSync(path.join(CORPUS, name), 'utf8'))) failures.push(`${name}: ${problem}`);
    }
    assert.deepEqual(failures, []);
  });

  it(`lints ${MUTANTS_PER_FILE} seeded mutants of each corpus file without error, and updates them incrementally`, () => {
    const failures: string[] = [];
    let mutants = 0;
    files.forEach((name, index) => {
      const original = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const random = seededRandom(10_000 + index);
      const originalPlan = parsePlan(original);
      for (let i = 0; i < MUTANTS_PER_FILE; i++) {
        const { text, how } = mutate(original, random);
        mutants++;
        try {
          for (const problem of problemsLinting(text)) failures.push(`${name} (${how}, mutant ${i}): ${problem}`);
          const incremental = updatePlan(originalPlan, text, [changeBetween(original, text)]);
          assert.deepEqual(snapshot(incremental), snapshot(parsePlan(text)));
        } catch (error) {
          failures.push(`${name} (${how}, mutant ${i}): ${(error as Error).message.slice(0, 300)}`);
        }
        if (failures.length > 20) break;
      }
    });
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(mutants >= files.length * Math.min(MUTANTS_PER_FILE, 1));
  });
});
