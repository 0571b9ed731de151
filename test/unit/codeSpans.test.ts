import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { codeSpans } from '../../server/src/core/model/inline';
import { parsePlan } from '../../server/src/core/model';

const RUNS = Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400);

/**
 * The rule written the plainest way: a run of backticks not preceded by a backslash opens a span
 * that the next such run of the same length closes; a run with no closer opens nothing.
 */
function referenceSpans(line: string): Array<[number, number]> {
  const runs: Array<{ start: number; length: number }> = [];
  for (let i = 0; i < line.length; ) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    if (!(i > 0 && line[i - 1] === '\\')) runs.push({ start: i, length: j - i });
    i = j;
  }
  const spans: Array<[number, number]> = [];
  for (let r = 0; r < runs.length; r++) {
    const closer = runs.findIndex((run, k) => k > r && run.length === runs[r]!.length);
    if (closer < 0) continue;
    spans.push([runs[r]!.start, runs[closer]!.start + runs[closer]!.length]);
    r = closer;
  }
  return spans;
}

/** Lines drawn from the characters that matter: backticks, backslashes, letters and spaces. */
const line = fc.array(fc.constantFrom('`', '`', '``', '\\', 'a', ' ', 'x'), { maxLength: 24 }).map((parts) => parts.join(''));

describe('inline code spans', () => {
  it('agrees with the plain reading of backtick runs on any line', () => {
    fc.assert(
      fc.property(line, (text) => {
        assert.deepEqual(codeSpans(text), referenceSpans(text), JSON.stringify(text));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('pairs single backticks in order and leaves an unclosed one open', () => {
    assert.deepEqual(codeSpans('run `npm test` then `npm run build` and `x'), [
      [4, 14],
      [20, 35],
    ]);
  });

  it('does not open a span at an escaped backtick, and closes a double run only with a double run', () => {
    assert.deepEqual(codeSpans('a \\` b `c` d'), [[7, 10]]);
    assert.deepEqual(codeSpans('``a ` b`` and `c`'), [
      [0, 9],
      [14, 17],
    ]);
  });

  it('marks a link inside a code span as code, and the one after it as prose', () => {
    const plan = parsePlan('# PLAN: Spans\n\n## Notes\n\nRun `curl https://api.vendor.io/v1` first, then read https://docs.vendor.io/guide.\n');
    const links = plan.sections.flatMap((placed) => placed.section.links);
    assert.deepEqual(
      links.map((link) => [link.url, link.inCode]),
      [
        ['https://api.vendor.io/v1', true],
        ['https://docs.vendor.io/guide', false],
      ],
    );
  });
});
