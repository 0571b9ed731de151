/**
 * Hostile Markdown: the inputs that make Markdown parsers go quadratic or deep (CommonMark's
 * pathological cases), huge lines, odd code units and very many lines. Each is parsed and linted
 * in a worker with a hard timeout; every finding's range must lie inside the document.
 */
import { strict as assert } from 'node:assert';
import { lintIsolated } from './isolated';
import type { LintOutcome } from './lintWorker';

const PLAN_HEAD = '# PLAN: Hostile input\n\n## Progress\n\n';

/** Repeats `unit` until the text is about `size` characters. */
function repeat(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

const CASES: ReadonlyArray<{ readonly name: string; readonly text: () => string }> = [
  // Indented one column more per level, so 2,500 levels stay under the 5 MB size cap and are really parsed.
  { name: '2,500 nested list items', text: () => PLAN_HEAD + Array.from({ length: 2500 }, (_, i) => ' '.repeat(i) + '- item').join('\n') },
  { name: '5,000 nested ordered lists on one line', text: () => PLAN_HEAD + '1. '.repeat(5000) + 'x\n' },
  { name: '10,000 nested block quotes', text: () => PLAN_HEAD + '>'.repeat(10_000) + ' deep\n' },
  { name: '10,000 lines of growing quote depth', text: () => PLAN_HEAD + Array.from({ length: 10_000 }, (_, i) => '>'.repeat(i % 500) + ' q').join('\n') },
  { name: '100,000 `*` in a row', text: () => PLAN_HEAD + '*'.repeat(100_000) + '\n' },
  { name: '50,000 alternating `*a` and `_a`', text: () => PLAN_HEAD + repeat('*a _a ', 300_000) + '\n' },
  { name: '100,000 `[` in a row', text: () => PLAN_HEAD + '['.repeat(100_000) + '\n' },
  { name: '50,000 unclosed link openers `[a](`', text: () => PLAN_HEAD + repeat('[a](', 200_000) + '\n' },
  { name: 'nested brackets `[[[...]]]`', text: () => PLAN_HEAD + '['.repeat(50_000) + 'x' + ']'.repeat(50_000) + '(u)\n' },
  { name: '100,000 backticks in runs of growing length', text: () => PLAN_HEAD + Array.from({ length: 440 }, (_, i) => '`'.repeat(i + 1) + 'a').join('') + '\n' },
  { name: 'a line of 200,000 single backticks', text: () => PLAN_HEAD + repeat('`a', 200_000) + '\n' },
  { name: 'an unclosed `<!--` before 50,000 lines', text: () => PLAN_HEAD + '<!--\n' + repeat('## Heading\n- [ ] 2026-01-01T00:00:00Z - x\n', 1_500_000) },
  { name: '100,000 `<!--` on one line', text: () => PLAN_HEAD + 'x ' + '<!--'.repeat(100_000) + '\n' },
  { name: 'an unclosed fence before 50,000 headings', text: () => PLAN_HEAD + '```\n' + repeat('## Decision Log\n', 800_000) },
  { name: '10,000 fences of growing length', text: () => PLAN_HEAD + Array.from({ length: 2000 }, (_, i) => '`'.repeat(3 + (i % 200)) + '\n').join('') },
  { name: 'a 1 MB line with no newline', text: () => PLAN_HEAD + repeat('Status: 2026-01-01T00:00:00Z https://example.com/a_b ', 1024 * 1024) },
  { name: 'a 1 MB line of one character', text: () => 'a'.repeat(1024 * 1024) },
  { name: 'a 1 MB URL', text: () => PLAN_HEAD + 'see https://example.com/' + 'a('.repeat(512 * 1024) + '\n' },
  { name: '1 MB of digits and dashes (timestamp look-alikes)', text: () => PLAN_HEAD + repeat('2026-01-0', 1024 * 1024) + '\n' },
  { name: 'NUL characters everywhere', text: () => PLAN_HEAD.replace(/ /g, '\u0000') + repeat('- [ ] \u0000 2026-01-01T00:00:00Z\u0000 - Decision:\u0000 x\n', 200_000) },
  { name: 'lone surrogates and astral characters', text: () => PLAN_HEAD + repeat('- [x] \ud800 2026-01-01T00:00:00Z \udc00 - 😀 Decision: 𝒳 \ud83d\n## \udfff\n', 200_000) },
  { name: '300,000 short lines', text: () => PLAN_HEAD + repeat('- a\n', 1_200_000) },
  { name: '300,000 empty lines with lone CRs', text: () => PLAN_HEAD + '\r'.repeat(300_000) + '## Decision Log\r\r' },
  { name: '100,000 level-2 headings', text: () => repeat('## Progress\n', 1_200_000) },
  { name: '100,000 setext underlines', text: () => PLAN_HEAD + repeat('Title\n---\n', 1_000_000) },
  { name: 'deep indentation with tabs', text: () => PLAN_HEAD + Array.from({ length: 3000 }, (_, i) => '\t'.repeat(i) + '- t').join('\n') },
  { name: '20,000 HTML block openers', text: () => PLAN_HEAD + repeat('<div>\n<script>\n', 300_000) },
];

function assertSound(outcome: LintOutcome): void {
  assert.equal(outcome.error, undefined, outcome.error);
  assert.deepEqual(outcome.crashes, [], 'a rule crashed');
  assert.deepEqual(outcome.rangeProblems, [], 'every range lies inside the document');
}

describe('hostile Markdown (each in a worker with a hard timeout)', function () {
  const timings: Array<{ name: string; size: number; ms: number }> = [];

  for (const item of CASES) {
    it(`lints ${item.name} without hanging, crashing or stray ranges`, async () => {
      const text = item.text();
      const outcome = await lintIsolated(text);
      assertSound(outcome);
      // Nothing was skipped for size: every case is parsed and checked by every rule.
      assert.ok(!outcome.messages.some((message) => /over the .* limit/.test(message)), `${item.name} hit the size cap`);
      timings.push({ name: item.name, size: text.length, ms: outcome.elapsedMs });
    });
  }

  after(function () {
    // What each case cost in its worker, slowest first: the speed the guarantee holds at, for the record.
    if (timings.length === 0) return;
    const rows = [...timings].sort((a, b) => b.ms - a.ms).map((t) => `      ${t.ms.toFixed(0).padStart(6)} ms  ${(t.size / 1024).toFixed(0).padStart(6)} KB  ${t.name}`);
    console.log(`\n    parse + lint time per case (worker, after start-up):\n${rows.join('\n')}`);
  });

  it('a text just over the size limit gets one notice and nothing else', async () => {
    const text = PLAN_HEAD + repeat('- [ ] x\n', 64 * 1024 + 10);
    const outcome = await lintIsolated(text, { maxFileSize: 64 * 1024 });
    assert.equal(outcome.findings, 1, outcome.messages.join('\n'));
    assert.match(outcome.messages[0]!, /over the .* limit/);
  });
});
