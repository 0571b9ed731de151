/**
 * Incremental edits, in process: one character typed in the middle of the plan, a heading added,
 * a fence opened. Each is timed the way the server does it (the LSP text document is updated, the
 * plan store brings the model up to date, the engine lints with its section cache), and compared
 * with a full re-lint of the edited text.
 */
import type { PlanDocument } from '../server/src/core/model/index';
import { bundledCore } from './bundledCore';
import { PLAN_SIZES, generatePlan } from './generate';
import { bytes, goal, ms, ratio, summarize, timeIt } from './measure';
import type { Table, Timing } from './measure';

const { parsePlan, updatePlan, lint, RULES, PlanStore } = bundledCore();

const NOW = new Date('2026-03-01T00:00:00Z');

interface EditCase {
  readonly name: string;
  /** Offset and inserted text for a plan's text. */
  readonly make: (text: string) => { offset: number; insert: string };
}

/** An offset inside a word near the middle, so the edit is a character typed into a line. */
function middle(text: string): number {
  let at = text.length >> 1;
  while (at < text.length && !/[a-z]/.test(text[at]!)) at++;
  return at;
}

/** The start of the line after the middle. */
function lineStartAfterMiddle(text: string): number {
  return text.indexOf('\n', text.length >> 1) + 1;
}

const CASES: readonly EditCase[] = [
  { name: 'one character in the middle', make: (text) => ({ offset: middle(text), insert: 'x' }) },
  { name: 'a heading added in the middle', make: (text) => ({ offset: lineStartAfterMiddle(text), insert: '\n## Notes\n\n' }) },
  { name: 'a fence opened in the middle', make: (text) => ({ offset: lineStartAfterMiddle(text), insert: '```\n' }) },
  { name: 'a Progress item appended', make: (text) => ({ offset: text.indexOf('\n## Surprises') + 1, insert: '- [ ] 2026-03-01T10:00:00Z - checked the export\n' }) },
];

/** The section the edit lands in (an insertion at a section's start extends the one before). */
function sectionSizeAt(plan: PlanDocument, offset: number): { title: string; size: number } {
  let found = plan.sections[0]!;
  for (const placed of plan.sections) if (placed.offset < offset) found = placed;
  return { title: found.section.heading?.text ?? '(preamble)', size: found.section.text.length };
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export async function incrementalBenchmark(): Promise<Table[]> {
  const rows: string[][] = [];
  const breakdown: string[][] = [];
  let oneMbRatio = 0;
  let oneMbModelRatio = 0;
  for (const size of PLAN_SIZES) {
    const base = generatePlan(size.bytes, 1);
    for (const edit of CASES) {
      const { offset, insert } = edit.make(base);
      const edited = base.slice(0, offset) + insert + base.slice(offset);
      const change = { start: offset, end: offset, insertedLength: insert.length };
      const where = sectionSizeAt(parsePlan(base), offset);

      // Model and engine only: the previous plan is linted (so its sections' findings are cached).
      const before = parsePlan(base);
      lint(before, { now: NOW });
      const model = timeIt(() => lint(updatePlan(before, edited, [change]), { now: NOW }), { minRuns: 5, maxRuns: 300, budgetMs: 600 });

      // As the server does it: the LSP text document and the plan store as well, on one open document.
      const type = serverEditor(base, offset, insert, 'file:///bench/plans/bench-PLAN.md');
      const samples: number[] = [];
      const documentSamples: number[] = [];
      const storeSamples: number[] = [];
      // At least 9 samples and up to 101, within about two seconds per case: a typed character
      // costs about a millisecond even at 5 MB, and a median of few samples moves with the machine's load.
      const budgetEnd = performance.now() + 2000;
      for (let i = 0; samples.length < 101 && (samples.length < 9 || performance.now() < budgetEnd); i++) {
        const typed = type();
        if (i >= 2) {
          samples.push(typed.total);
          documentSamples.push(typed.documentUpdate);
          storeSamples.push(typed.storeUpdate);
        }
      }
      const server = summarize(samples);
      const documentUpdate = summarize(documentSamples);
      const storeUpdate = summarize(storeSamples);

      const full = timeIt(() => lint(parsePlan(edited), { now: NOW }), { minRuns: 3, maxRuns: 60, budgetMs: 1000, warmup: 1 });
      const speedup = full.median / server.median;
      if (edit === CASES[0]) {
        if (size.name === '1 MB') {
          oneMbRatio = speedup;
          oneMbModelRatio = full.median / model.median;
        }
      }
      rows.push([size.name, edit.name, `${where.title} (${bytes(where.size)})`, ms(model.median), `${ms(server.median)} (min ${ms(server.min)})`, ms(full.median), ratio(speedup)]);
      if (edit === CASES[0]) breakdown.push([size.name, ms(documentUpdate.median), ms(storeUpdate.median), ms(server.median - documentUpdate.median - storeUpdate.median)]);
    }
  }
  const perRule = perRuleCost();
  const [side100, side5] = typingSideBySide(['100 KB', '5 MB']) as [TypingTimes, TypingTimes];
  const typed5 = side5.server.median;
  const typed100 = side100.server.median;
  const model5 = side5.model.median;
  const model100 = side100.model.median;
  return [
    {
      title: 'Incremental edit, in process (medians)',
      header: ['plan', 'edit', 'edited section', 'model + lint', 'with text document + store', 'full re-lint', 'full / incremental'],
      rows,
      notes: [
        goal('a one-character edit in the 1 MB plan >= 20x faster than a full re-lint, with text document and store', oneMbRatio >= 20, ratio(oneMbRatio)),
        goal('one-character edit on 5 MB within 3x of 100 KB, with text document and store', typed5 <= 3 * typed100, `${ms(typed5)} vs ${ms(typed100)}, ${ratio(typed5 / typed100)}`),
        goal('the same, model + lint: 1 MB edit >= 20x faster than a full re-lint', oneMbModelRatio >= 20, ratio(oneMbModelRatio)),
        goal('the same, model + lint: 5 MB edit within 3x of 100 KB', model5 <= 3 * model100, `${ms(model5)} vs ${ms(model100)}, ${ratio(model5 / model100)}`),
        '"model + lint" starts from the plan before the edit; "with text document + store" is the server\'s path, which also updates the open document and brings its plan up to date.',
        `The 5 MB and 100 KB goals compare keystrokes taken in turns, one in each plan a round (${side5.server.runs} rounds; server path ${ms(typed5)} (min ${ms(side5.server.min)}) vs ${ms(typed100)} (min ${ms(side100.server.min)}); model + lint ${ms(model5)} vs ${ms(model100)}), so slow spells of the machine fall on both; the table's rows are timed one case after another.`,
      ],
    },
    {
      title: 'Where a one-character edit goes (medians)',
      header: ['plan', 'text document update', 'plan store (updates the model)', 'lint'],
      rows: breakdown,
      notes: [
        'Typing inside a line rebuilds one chunk of the open document, reads that one line of the plan again and keeps every other line\'s results and findings; the edited section\'s text is not joined. What still grows with the plan: the document\'s list of chunks and the edited section\'s line starts and item lists are copied, and the plan\'s findings are copied into a new list. The document\'s line starts after the edited line are moved only when an edit lands on another line.',
      ],
    },
    perRule,
  ];
}

interface TypedEdit {
  /** From the edit reaching the open document to the plan's findings. */
  readonly total: number;
  readonly documentUpdate: number;
  readonly storeUpdate: number;
}

/**
 * `base` open as the server holds it (text document, plan store, linted once). Each call types
 * `insert` at `offset`, times it through the lint, and undoes it untimed, so every call edits the
 * same text.
 */
function serverEditor(base: string, offset: number, insert: string, uri: string): () => TypedEdit {
  const store = new PlanStore();
  let document = store.documentsConfiguration.create(uri, 'markdown', 1, base);
  lint(store.get(document), { now: NOW });
  const at = positionOf(base, offset);
  let version = 1;
  return () => {
    const t0 = performance.now();
    document = store.documentsConfiguration.update(document, [{ range: { start: at, end: at }, text: insert }], ++version);
    const t1 = performance.now();
    const plan = store.get(document);
    const t2 = performance.now();
    lint(plan, { now: NOW });
    const t3 = performance.now();
    const insertedEnd = document.positionAt(offset + insert.length);
    document = store.documentsConfiguration.update(document, [{ range: { start: at, end: insertedEnd }, text: '' }], ++version);
    lint(store.get(document), { now: NOW });
    return { total: t3 - t0, documentUpdate: t1 - t0, storeUpdate: t2 - t1 };
  };
}

interface TypingTimes {
  readonly server: Timing;
  readonly model: Timing;
}

/**
 * A character typed into the middle of each named plan, the plans taking turns, one keystroke each
 * a round: through the server's path (open document, plan store, lint; the keystroke is undone
 * untimed after each sample) and through the model and engine alone.
 */
function typingSideBySide(names: readonly string[]): TypingTimes[] {
  const editors = names.map((name) => {
    const base = generatePlan(PLAN_SIZES.find((size) => size.name === name)!.bytes, 1);
    const offset = middle(base);
    const edited = base.slice(0, offset) + 'x' + base.slice(offset);
    const change = { start: offset, end: offset, insertedLength: 1 };
    const before = parsePlan(base);
    lint(before, { now: NOW });
    const type = serverEditor(base, offset, 'x', `file:///bench/plans/side-${names.indexOf(name)}-PLAN.md`);
    const server = (): number => type().total;
    const model = (): number => {
      const t0 = performance.now();
      lint(updatePlan(before, edited, [change]), { now: NOW });
      return performance.now() - t0;
    };
    return { server, model, serverSamples: [] as number[], modelSamples: [] as number[] };
  });
  for (let i = 0; i < 5; i++) for (const editor of editors) editor.server(), editor.model();
  const budgetEnd = performance.now() + 4000;
  for (let round = 0; round < 201 && (round < 21 || performance.now() < budgetEnd); round++) {
    const order = round % 2 === 0 ? editors : [...editors].reverse();
    for (const editor of order) editor.serverSamples.push(editor.server());
    for (const editor of order) editor.modelSamples.push(editor.model());
  }
  return editors.map((editor) => ({ server: summarize(editor.serverSamples), model: summarize(editor.modelSamples) }));
}

/**
 * What each rule adds to a one-character edit in the 1 MB plan: the edit linted with only that
 * rule on, less the edit linted with every rule off. Document rules run on every edit; section
 * rules only on the edited section.
 */
function perRuleCost(): Table {
  const base = generatePlan(1024 * 1024, 1);
  const offset = middle(base);
  const edited = base.slice(0, offset) + 'x' + base.slice(offset);
  const change = { start: offset, end: offset, insertedLength: 1 };
  const before = parsePlan(base);
  lint(before, { now: NOW });
  const allOff = Object.fromEntries(RULES.map((rule) => [rule.id, 'off' as const]));
  const timed = (rules: Record<string, 'off'>): number => {
    const config = { rules };
    // The plan before the edit is linted with the same settings, so the edited section can carry its results over as it does in the editor.
    lint(before, { now: NOW, config });
    return timeIt(() => lint(updatePlan(before, edited, [change]), { now: NOW, config }), { minRuns: 5, maxRuns: 30, budgetMs: 200, warmup: 1 }).median;
  };
  const floor = timed(allOff);
  const costs = RULES.map((rule) => {
    const { [rule.id]: _on, ...others } = allOff;
    return { rule, cost: timed(others) - floor };
  }).sort((a, b) => b.cost - a.cost);
  const rows = costs.slice(0, 12).map(({ rule, cost }) => [rule.id, rule.name, rule.check ? 'document' : 'section', ms(Math.max(0, cost))]);
  return {
    title: 'Rules that cost most on a one-character edit in the 1 MB plan (medians)',
    header: ['rule', 'name', 'kind', 'added time'],
    rows,
    notes: [`The model alone (every rule off): ${ms(floor)}.`],
  };
}
