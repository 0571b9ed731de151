import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePlan, updatePlan } from '../../server/src/core/model/index';
import { planSnapshot } from './planSnapshot';
import type { PlanDocument, TextChange } from '../../server/src/core/model/index';

/** Lines that exercise every block construct the scanner tracks. */
const LINES = [
  '---', 'id: x', 'status: DONE', '...', '# PLAN: Title', '## Progress', '## Decision Log', '### Sub', 'Progress', '--------', '====',
  '```', '```md', '~~~', '    indented code', '- [ ] 2025-11-22T14:00:00Z - item', '- [x] done', '  - nested', '1. first', '> quote',
  '<!--', '-->', '<div>', '</div>', 'Status: IN_PROGRESS', 'Next Action: do it', 'See https://example.com/x', '', '', 'plain text',
  '* * *', '## 😀 astral', '\t- tabbed',
];
/** Fragments an edit inserts: structure-changing ones on purpose. */
const INSERTS = ['\n', '\r\n', '```', '## ', '#', '-', '---\n', '\n## New\n', '<!--', '-->', 'x', ' ', '    ', '😀', '\r', '```\n', '- [ ] '];

const documentArbitrary = fc
  .array(fc.constantFrom(...LINES), { minLength: 0, maxLength: 40 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol) + (lines.length % 2 === 0 ? eol : '')));

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}
const editArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.oneof(fc.constantFrom(...INSERTS), fc.constantFrom(...LINES)) });

function apply(text: string, edit: Edit): { text: string; change: TextChange } {
  const start = text.length === 0 ? 0 : edit.at % (text.length + 1);
  const end = Math.min(text.length, start + edit.remove);
  return { text: text.slice(0, start) + edit.insert + text.slice(end), change: { start, end, insertedLength: edit.insert.length } };
}


describe('incremental parse', () => {
  it('equals a full parse after every edit, one change at a time', function () {
    this.timeout(180_000);
    let edits = 0;
    fc.assert(
      fc.property(documentArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (initial, steps) => {
        let text = initial;
        let plan = parsePlan(text);
        for (const step of steps) {
          const next = apply(text, step);
          text = next.text;
          plan = updatePlan(plan, text, [next.change]);
          assert.deepEqual(planSnapshot(plan), planSnapshot(parsePlan(text)));
          edits++;
        }
      }),
      { numRuns: Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400) },
    );
    assert.ok(edits >= 2000, `ran ${edits} edits`);
  });

  it('equals a full parse when several changes arrive together', function () {
    this.timeout(180_000);
    fc.assert(
      fc.property(documentArbitrary, fc.array(editArbitrary, { minLength: 2, maxLength: 5 }), (initial, steps) => {
        let text = initial;
        const changes: TextChange[] = [];
        for (const step of steps) {
          const next = apply(text, step);
          text = next.text;
          changes.push(next.change);
        }
        assert.deepEqual(planSnapshot(updatePlan(parsePlan(initial), text, changes)), planSnapshot(parsePlan(text)));
      }),
      { numRuns: Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400) },
    );
  });

  it('equals a full parse after typing inside one line, where only that line is read again', function () {
    this.timeout(180_000);
    /** Characters that change what a line holds without breaking it: entries, stamps, links, comments, code, markers. */
    const typed = fc.constantFrom('x', ' ', ':', '-', '`', '<!--', '-->', '<', '>', '2025-11-22T14:00:00Z', 'https://a.example/x', '](u)', '[x]', '```', '#', '\t', '😀', 'Status: ', '|', '*');
    let edits = 0;
    fc.assert(
      fc.property(documentArbitrary, fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: typed }), { minLength: 1, maxLength: 10 }), (initial, steps) => {
        let text = initial;
        let plan = parsePlan(text);
        for (const step of steps) {
          // Keep the edit inside one line: start on a line and remove nothing past its end.
          const start = text.length === 0 ? 0 : step.at % (text.length + 1);
          let end = start;
          while (end < text.length && end - start < step.remove && text[end] !== '\n' && text[end] !== '\r') end++;
          const next = text.slice(0, start) + step.insert + text.slice(end);
          plan = updatePlan(plan, next, [{ start, end, insertedLength: step.insert.length }]);
          text = next;
          assert.deepEqual(planSnapshot(plan), planSnapshot(parsePlan(text)));
          edits++;
        }
      }),
      { numRuns: Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400) },
    );
    assert.ok(edits >= 1000, `ran ${edits} edits`);
  });

  it('keeps the other lines of a long section when a character is typed in one of them', () => {
    const items = Array.from({ length: 50 }, (_, i) => `- [x] 2025-11-22T14:${String(i).padStart(2, '0')}:00Z - step ${i} in \`src/a.ts\``).join('\n');
    const text = `# PLAN: t\n\n## Progress\n\n${items}\n\n## Decision Log\n- d\n`;
    const before = parsePlan(text);
    const at = text.indexOf('step 25') + 'step '.length;
    const after = updatePlan(before, text.slice(0, at) + '9' + text.slice(at), [{ start: at, end: at, insertedLength: 1 }]);
    const progressOf = (plan: PlanDocument) => plan.sections.find((placed) => placed.section.heading?.text === 'Progress')!.section;
    const old = progressOf(before);
    const now = progressOf(after);
    assert.notEqual(now, old);
    assert.equal(now.listItems[0], old.listItems[0], 'an item on another line is the same object');
    assert.equal(now.listItems[25]!.text, '2025-11-22T14:25:00Z - step 925 in `src/a.ts`');
    assert.equal(now.timestamps[49], old.timestamps[49]);
    assert.deepEqual(planSnapshot(after), planSnapshot(parsePlan(text.slice(0, at) + '9' + text.slice(at))));
  });

  it('drops the last line from its section when deleting its text leaves the plan ending in a line break', () => {
    // Inside an open HTML comment an empty line keeps its kind, so only the line count tells.
    const text = '# PLAN: t\n<!--\n- nested\n<!--';
    const at = text.length - '<!--'.length;
    const edited = text.slice(0, at);
    const plan = updatePlan(parsePlan(text), edited, [{ start: at, end: text.length, insertedLength: 0 }]);
    assert.deepEqual(planSnapshot(plan), planSnapshot(parsePlan(edited)));
  });

  it('reuses sections the edit did not touch', () => {
    const text = '# PLAN: t\n\n## Progress\nStatus: DONE\n\n## Decision Log\n- d\n\n## Outcomes & Retrospective\nDone.\n';
    const before = parsePlan(text);
    const at = text.indexOf('Status: DONE') + 'Status: '.length;
    const after = updatePlan(before, text.slice(0, at) + 'IN_PROGRESS' + text.slice(at + 4), [{ start: at, end: at + 4, insertedLength: 11 }]);
    const names = ['Decision Log', 'Outcomes & Retrospective'];
    for (const name of names) {
      const old = before.sections.find((s) => s.section.heading?.text === name)!.section;
      const now = after.sections.find((s) => s.section.heading?.text === name)!.section;
      assert.equal(now, old, `${name} is the same object`);
    }
    const progress = after.sections.find((s) => s.section.heading?.text === 'Progress')!.section;
    assert.equal(progress.entries[0]!.value, 'IN_PROGRESS');
  });

  it('re-splits sections when an edit opens a fence that swallows later headings', () => {
    const text = '## A\ntext\n\n## B\nmore\n\n## C\n';
    const at = text.indexOf('text');
    const edited = text.slice(0, at) + '```\n' + text.slice(at);
    const plan = updatePlan(parsePlan(text), edited, [{ start: at, end: at, insertedLength: 4 }]);
    assert.deepEqual(plan.sections.filter((s) => s.section.heading).map((s) => s.section.heading!.text), ['A']);
  });
});
