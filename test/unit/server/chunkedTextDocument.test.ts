/**
 * The server keeps open plans in a chunked text document so a keystroke does not copy the whole
 * text. After any sequence of edits it must hold exactly the text the edits make, and answer every
 * position question as the stock LSP document does for that text.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { ChunkedTextDocument } from '../../../server/src/chunkedTextDocument';

const PIECES = ['a', 'line', ' ', '\n', '\r\n', '\r', '😀', '## H\n', 'x\r\ny\n', '', '\n\n', 'é'];
const textArbitrary = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const positionArbitrary = fc.record({ line: fc.integer({ min: -1, max: 14 }), character: fc.integer({ min: -1, max: 12 }) });
const changeArbitrary = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: positionArbitrary, end: positionArbitrary }), text: textArbitrary }) },
  { weight: 1, arbitrary: fc.record({ text: textArbitrary }) },
);

/**
 * The text the changes make: each range is read as a fresh stock document reads it in the text of
 * the moment. (The stock document's own update keeps wrong line offsets after a range past the
 * last line, so it is not the reference.)
 */
function expectedText(initial: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  let text = initial;
  for (const change of changes) {
    if (!('range' in change)) {
      text = change.text;
      continue;
    }
    const stock = TextDocument.create('file:///a.md', 'markdown', 1, text);
    const a = stock.offsetAt(change.range.start);
    const b = stock.offsetAt(change.range.end);
    text = text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
  }
  return text;
}

/** Every answer of `chunked` equals a fresh stock document's for the same text. */
function assertSameAnswers(chunked: ChunkedTextDocument, text: string): void {
  const stock = TextDocument.create('file:///a.md', 'markdown', 1, text);
  assert.equal(chunked.lineCount, stock.lineCount);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(chunked.positionAt(offset), stock.positionAt(offset), `positionAt(${offset})`);
  for (let line = -1; line <= stock.lineCount + 1; line++) {
    assert.deepEqual(chunked.getLineRange(line), stock.getLineRange(line), `getLineRange(${line})`);
    assert.equal(chunked.getEOLCharacters(line), stock.getEOLCharacters(line), `getEOLCharacters(${line})`);
    for (let character = -1; character <= 8; character++) {
      const position: Position = { line, character };
      assert.equal(chunked.offsetAt(position), stock.offsetAt(position), `offsetAt(${line}:${character})`);
    }
  }
  const range: Range = { start: { line: 0, character: 1 }, end: { line: stock.lineCount - 1, character: 2 } };
  assert.equal(chunked.getText(range), stock.getText(range));
  assert.equal(chunked.getText(), text);
}

describe('the chunked text document', () => {
  it('holds the edited text and answers positions as the stock document does, after every change', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(textArbitrary, fc.array(changeArbitrary, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 9 }), (initial, changes, chunkSize) => {
        const chunked = new ChunkedTextDocument('file:///a.md', 'markdown', 1, initial, chunkSize);
        const applied: TextDocumentContentChangeEvent[] = [];
        for (const change of changes) {
          // Positions are read before the change applies, so the stock document must see the same order.
          applied.push(change);
          chunked.update([change], applied.length + 1);
          // Asking for the whole text joins the chunks; the next edit must still work on them.
          if (applied.length % 3 === 0) chunked.getText();
          assertSameAnswers(chunked, expectedText(initial, applied));
        }
        assert.equal(chunked.version, changes.length + 1);
      }),
      { numRuns: Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400) },
    );
  });

  it('gives each version\'s text after later edits have changed the document', () => {
    const chunked = new ChunkedTextDocument('file:///a.md', 'markdown', 1, 'one\ntwo\nthree\n', 4);
    chunked.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' }], 2);
    const second = chunked.textOfThisVersion();
    chunked.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: 'ONE' }], 3);
    assert.equal(second(), 'one\nTWO\nthree\n');
    assert.equal(chunked.textOfThisVersion()(), 'ONE\nTWO\nthree\n');
  });
});
