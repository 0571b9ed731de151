/**
 * Properties that hold for any text at all, not just plans: parsing and linting never throw and no
 * rule fails, every range is valid UTF-16 for the text (astral characters, lone surrogates, CRLF,
 * lone CR and NUL included), fixing is idempotent, and the incremental model equals a full parse.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePlan, updatePlan } from '../../server/src/core/model/index';
import { planSnapshot } from './planSnapshot';
import type { PlanDocument } from '../../server/src/core/model/index';
import { lint } from '../../server/src/core/engine';
import { checkDocument } from '../../server/src/documentChecker';
import { DEFAULT_PLAN_GLOBS } from '../../server/src/core/classify';
import { fixText } from '../../server/src/cli/fixFiles';
import { editorLines, findingProblems, rangeProblems, ruleCrashes } from './rangeChecks';
import { EMPTY_LIST } from '../../server/src/core/emptyList';

const NOW = new Date('2026-03-01T12:00:00Z');
const RUNS = Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 300);

/** Pieces of plans and of trouble: structure, entries, times, links, odd code units and endings. */
const PIECES = [
  '---\n', 'id: x\n', 'updated: 2026-02-30T10:00:00Z\n', '---js\n', '# PLAN: T\n', '## Progress\n', '## Decision Log\n', '## Surprises & Discoveries\n',
  '## Outcomes & Retrospective\n', '### Sub\n', 'Title\n---\n', '```\n', '```bash\n', '~~~\n', '    code\n', '- [ ] 2026-03-01T10:00:00Z - Next Action: x\n',
  '- [x] 2026-03-01 10:00 UTC - done\n', '- Decision: d\n  Rationale: r\n', 'Status: IN_PROGRESS\n', '<!-- execplan-disable EP012 -->\n', '<!--', '-->',
  '<div>\n', 'https://example.com/a_(b)', '[x](http://a.b/c)', '`code`', '**Evidence**: e\n', '| a | b |\n', '> quote\n', '* * *\n',
  '\r\n', '\r', '\n', '\u0000', '😀', '𝒳', '\ud800', '\udfff', '\ufeff', '\t', ' ', 'YYYY-MM-DD', 'ghp_', 'TODO', 'rm -rf /', '2026-13-45T25:61:00Z',
];
const pieceArbitrary = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) });
const textArbitrary = fc.array(pieceArbitrary, { maxLength: 60 }).map((pieces) => pieces.join(''));

function lintAnything(text: string) {
  const plan = parsePlan(text);
  const asPlan = checkDocument({ textLength: text.length, plan: () => plan, relativePath: 'plans/any-PLAN.md', globs: DEFAULT_PLAN_GLOBS, fallbackProfile: 'auto', maxFileSize: 5 * 1024 * 1024, now: NOW });
  // Also lint with each profile forced, so rules limited to one dialect see the text too.
  const profiles = ['ssot', 'openai', 'agdd', 'magsag', 'plans-guide'].map((profile) => lint(plan, { config: { profile }, now: NOW }).findings);
  return [asPlan.findings, ...profiles].flat();
}

function modelRangeProblems(plan: PlanDocument): string[] {
  const lines = editorLines(plan.text);
  const problems: string[] = [];
  for (const placed of plan.sections) {
    const section = placed.section;
    const shift = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
      start: { line: range.start.line + placed.line, character: range.start.character },
      end: { line: range.end.line + placed.line, character: range.end.character },
    });
    const ranges = [
      ...(section.heading ? [section.heading.range, section.heading.textRange] : []),
      ...section.subheadings.flatMap((heading) => [heading.range, heading.textRange]),
      ...section.listItems.map((item) => item.textRange),
      ...section.entries.flatMap((entry) => [entry.keyRange, entry.valueRange]),
      ...section.timestamps.map((stamp) => stamp.range),
      ...section.links.map((link) => link.range),
      ...section.comments.map((comment) => comment.range),
    ];
    for (const range of ranges) problems.push(...rangeProblems(lines, shift(range), `model range in section at line ${placed.line}`));
  }
  for (const field of plan.frontmatter?.fields.values() ?? []) {
    problems.push(...rangeProblems(lines, field.keyRange, `frontmatter key ${field.key}`), ...rangeProblems(lines, field.valueRange, `frontmatter value ${field.key}`));
  }
  return problems;
}

describe('robustness properties (any text)', () => {
  it('parses and lints any text without throwing, and no rule fails', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const findings = lintAnything(text);
        assert.deepEqual(ruleCrashes(findings), []);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives ranges that are valid UTF-16 positions in the text, for findings, fixes and the model', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(textArbitrary, (text) => {
        assert.deepEqual(findingProblems(text, lintAnything(text)), []);
        assert.deepEqual(modelRangeProblems(parsePlan(text)), []);
      }),
      { numRuns: RUNS },
    );
  });

  it('fixing twice gives the same text as fixing once', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const once = fixText(text, { relativePath: 'plans/any-PLAN.md', now: NOW });
        const twice = fixText(once.text, { relativePath: 'plans/any-PLAN.md', now: NOW });
        assert.equal(twice.text, once.text, `second pass applied: ${twice.applied.map((fix) => JSON.stringify(fix)).join('; ')}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves the empty list that sections share empty, whatever is parsed, linted, fixed or edited', function () {
    // It is not frozen (for speed), so nothing but this guards it against a caller that adds to it.
    fc.assert(
      fc.property(textArbitrary, fc.nat(), (text, at) => {
        lintAnything(text);
        fixText(text, { relativePath: 'plans/any-PLAN.md', now: NOW });
        const start = at % (text.length + 1);
        const edited = text.slice(0, start) + 'x' + text.slice(start);
        lint(updatePlan(parsePlan(text), edited, [{ start, end: start, insertedLength: 1 }]), { now: NOW });
        assert.equal(EMPTY_LIST.length, 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('the incremental model equals a full parse after edits of any text', function () {
    this.timeout(300_000);
    const editArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(pieceArbitrary, textArbitrary) });
    fc.assert(
      fc.property(textArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        let text = initial;
        let plan = parsePlan(text);
        for (const edit of edits) {
          const start = edit.at % (text.length + 1);
          const end = Math.min(text.length, start + edit.remove);
          text = text.slice(0, start) + edit.insert + text.slice(end);
          plan = updatePlan(plan, text, [{ start, end, insertedLength: edit.insert.length }]);
          assert.deepEqual(planSnapshot(plan), planSnapshot(parsePlan(text)));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

