/**
 * The server's plan store: edits arrive as LSP changes, the plan is brought up to date when asked
 * for. Whatever path it takes (a keystroke inside a line updates the plan from the edit alone), the
 * plan and its findings must be those of a fresh parse of the document's text.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanStore } from '../../../server/src/planStore';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import { planSnapshot } from '../planSnapshot';
import { ChunkedTextDocument } from '../../../server/src/chunkedTextDocument';
import { countWholeReads } from '../wholeReads';

const NOW = new Date('2026-03-01T12:00:00Z');
const LINES = [
  '---', 'id: x', 'status: DONE', '# PLAN: Title', '## Progress', '## Decision Log', '### Sub', 'Next Action: do it', '```', '<!--', '-->',
  '- [ ] 2025-11-22T14:00:00Z - item', '- Decision: a. Rationale: b. Date/Author: 2025-11-22T14:00:00Z / me', 'See https://api.vendor.io/x', 'token=abcd1234abcd1234', '', '', 'plain',
];
const TYPED = ['x', ' ', ':', '<', '`', '```', '## ', '\n', '\r\n', '<!--', '-->', 'https://a.vendor.io/y', '2025-11-22T14:00:00Z', 'Evidence: '];

const documentArbitrary = fc
  .array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol) + eol));
const editArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.constantFrom(...TYPED), withinLine: fc.boolean() });

describe('the plan store', () => {
  it('gives the plan and findings of a fresh parse after every change, however it got there', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(documentArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), (initial, edits) => {
        const store = new PlanStore();
        let document: TextDocument = store.documentsConfiguration.create('file:///p/a-PLAN.md', 'markdown', 1, initial);
        let text = initial;
        lint(store.get(document), { now: NOW });
        let version = 1;
        for (const edit of edits) {
          const start = edit.at % (text.length + 1);
          let end = start;
          // Half the edits stay inside one line, as typing does; the rest may span lines.
          while (end < text.length && end - start < edit.remove && !(edit.withinLine && (text[end] === '\n' || text[end] === '\r'))) end++;
          const range = { start: document.positionAt(start), end: document.positionAt(end) };
          // A position cannot fall between `\r` and `\n`, so read back the offsets the range names.
          const from = document.offsetAt(range.start);
          const to = document.offsetAt(range.end);
          document = store.documentsConfiguration.update(document, [{ range, text: edit.insert }], ++version);
          text = text.slice(0, from) + edit.insert + text.slice(to);
          const plan = store.get(document);
          assert.deepEqual(planSnapshot(plan), planSnapshot(parsePlan(text)));
          assert.equal(plan.text, text);
          assert.deepEqual(lint(plan, { now: NOW }).findings, lint(parsePlan(text), { now: NOW }).findings);
        }
      }),
      { numRuns: Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 300) },
    );
  });

  it('does not read the whole text of a document when a character is typed inside a line', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `- [x] 2026-02-01T10:${String(i % 60).padStart(2, '0')}:00Z - step ${i} in \`src/a.ts\``);
    const initial = ['---', 'id: big', 'status: IN_PROGRESS', '---', '# PLAN: Big', '', '## Progress', '', ...lines, '', '## Decision Log', '- d', ''].join('\n');
    const store = new PlanStore();
    let document: TextDocument = store.documentsConfiguration.create('file:///p/big-PLAN.md', 'markdown', 1, initial);
    const before = lint(store.get(document), { now: NOW });
    // Count every way the whole text can be read: from the document, or through the plan.
    let reads = 0;
    const chunked = document as ChunkedTextDocument;
    const read = chunked.getText.bind(chunked);
    chunked.getText = (range) => {
      if (!range) reads++;
      return read(range);
    };
    const version = chunked.textOfThisVersion.bind(chunked);
    chunked.textOfThisVersion = () => {
      const text = version();
      return () => {
        reads++;
        return text();
      };
    };
    const at = document.positionAt(initial.indexOf('step 200') + 'step '.length);
    document = store.documentsConfiguration.update(document, [{ range: { start: at, end: at }, text: '9' }], 2);
    const plan = store.get(document);
    const progressReads = countWholeReads(plan.sections.find(({ section }) => section.heading?.text === 'Progress')!.section);
    const after = lint(plan, { now: NOW });
    assert.equal(reads, 0, 'neither the update nor the lint joined the text');
    assert.equal(progressReads(), 0, 'nor the text of the section typed into');
    assert.equal(store.get(document), plan, 'asked again with no edit in between, the store gives the same plan');
    assert.equal(reads, 0);
    assert.deepEqual(after.findings, before.findings);
    assert.ok(plan.text.includes('step 9200 in'), 'the text is still there when asked for');
    assert.equal(reads, 1);
  });
});
