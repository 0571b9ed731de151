/**
 * A section made by typing inside its lines keeps the lines typed over apart from the text it
 * started from, and joins them only when its whole text is read. Whatever the readers see, line by
 * line or whole, must be what a fresh parse of the same document gives, however many keystrokes
 * and lines the typing spans.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePlan, updatePlan } from '../../server/src/core/model/index';
import type { PlanDocument } from '../../server/src/core/model/index';
import { MAX_TYPED_LINES, sectionLength, sectionLine, sectionLineEnd } from '../../server/src/core/model/sectionText';
import { countWholeReads } from './wholeReads';

const LINES = [
  '## Progress', '## Decision Log', '### Notes', '- [x] 2026-02-01T10:00:00Z - shipped', '- Decision: CSV. Rationale: simple.',
  'plain text', 'Next Action: finish', '    indented code', '> quoted', '', '', '<!-- note -->',
];
const TYPED = ['x', 'é', ' ', ':', '`', '😀', 'Rationale: ', ''];

const planArbitrary = fc
  .array(fc.constantFrom(...LINES), { minLength: 3, maxLength: 40 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => ['# PLAN: Typing', '', ...lines].join(eol) + eol));
const stepArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.constantFrom(...TYPED) });

/** Line reads of every section, which never join a section's text. */
function linesOf(plan: PlanDocument): unknown {
  return plan.sections.map(({ section }) => ({
    length: sectionLength(section),
    lines: section.lineStarts.map((_, line) => [sectionLine(section, line), sectionLineEnd(section, line)]),
  }));
}

/** An edit of `text` that stays inside one line, as typing does. */
function withinLine(text: string, step: { at: number; remove: number; insert: string }): { start: number; end: number; next: string } {
  const start = step.at % (text.length + 1);
  let end = start;
  while (end < text.length && end - start < step.remove && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end, next: text.slice(0, start) + step.insert + text.slice(end) };
}

function typeInto(plan: PlanDocument, text: string, step: { at: number; remove: number; insert: string }): { plan: PlanDocument; text: string } {
  const { start, end, next } = withinLine(text, step);
  return { plan: updatePlan(plan, next, [{ start, end, insertedLength: step.insert.length }]), text: next };
}

describe('the text of a section typed into', () => {
  it('reads, line by line and whole, as a fresh parse does after every keystroke', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(planArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }), fc.nat({ max: 40 }), (initial, steps, joinAt) => {
        let text = initial;
        let plan = parsePlan(text);
        steps.forEach((step, index) => {
          ({ plan, text } = typeInto(plan, text, step));
          const fresh = parsePlan(text);
          assert.deepEqual(linesOf(plan), linesOf(fresh));
          // Reading a whole text joins it; the keystrokes after it start from the joined text.
          if (index === joinAt) assert.deepEqual(plan.sections.map(({ section }) => section.text), fresh.sections.map(({ section }) => section.text));
        });
        assert.deepEqual(plan.sections.map(({ section }) => section.text), parsePlan(text).sections.map(({ section }) => section.text));
      }),
      { numRuns: Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 300) },
    );
  });

  it('is joined once, when first read whole, and stays right when more lines are typed over than are kept apart', () => {
    const lines = Array.from({ length: MAX_TYPED_LINES + 20 }, (_, i) => `- item ${i} is plain`);
    let text = ['# PLAN: Many lines', '', '## Progress', '', ...lines, ''].join('\n');
    let plan = parsePlan(text);
    // One character typed on each line in turn, past the number of lines kept apart.
    for (let i = 0; i < lines.length; i++) {
      const at = text.indexOf(`item ${i} is`) + 'item '.length;
      ({ plan, text } = typeInto(plan, text, { at, remove: 0, insert: '9' }));
    }
    const progress = plan.sections.find(({ section }) => section.heading?.text === 'Progress')!.section;
    assert.equal(progress.text, parsePlan(text).sections.find(({ section }) => section.heading?.text === 'Progress')!.section.text);
    assert.equal(progress.text, progress.text, 'a second read gives the same text');
    assert.ok(progress.text.includes(`- item 9${lines.length - 1} is plain`));
  });

  it('is not read whole when a character is typed inside one of its lines', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `- [x] 2026-02-01T10:00:00Z - step ${i} done, see https://docs.vendor.io/${i}`);
    let text = ['# PLAN: Big', '', '## Progress', '', ...lines, '', '## Decision Log', '- d', ''].join('\n');
    let plan = parsePlan(text);
    ({ plan, text } = typeInto(plan, text, { at: text.indexOf('step 100') + 'step '.length, remove: 0, insert: '9' }));
    ({ plan, text } = typeInto(plan, text, { at: text.indexOf('step 150') + 'step '.length, remove: 0, insert: '7' }));
    const progress = plan.sections.find(({ section }) => section.heading?.text === 'Progress')!.section;
    const reads = countWholeReads(progress);
    assert.equal(sectionLine(progress, 2 + 100), '- [x] 2026-02-01T10:00:00Z - step 9100 done, see https://docs.vendor.io/100');
    assert.equal(reads(), 0, 'reading a line does not join the text');
    assert.ok(progress.text.includes('step 7150 done'));
    assert.equal(reads(), 1);
  });
});
