import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionList, DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspTestClient, fixtureUri } from './lspClient';

const COMPLETE = fs.readFileSync(path.join(__dirname, '../fixtures/plans/ssot-complete-PLAN.md'), 'utf8');
const LINES = COMPLETE.split('\n');
const lineOf = (text: string): number => {
  const line = LINES.findIndex((candidate) => candidate.startsWith(text));
  assert.ok(line >= 0, `fixture has a line starting with ${text}`);
  return line;
};
const hoverText = (hover: Hover | null): string => (hover ? (hover.contents as MarkupContent).value : '');

describe('editor features over stdio', function () {
  let client: LspTestClient;
  const uri = fixtureUri('plans/editor-features-PLAN.md');

  beforeEach(async () => {
    client = await LspTestClient.start({ env: { EXECPLAN_NOW: '2026-03-02T12:00:00Z' } });
    client.open(uri, COMPLETE, 1);
    await client.waitForStatus(uri, 1);
  });
  afterEach(async () => {
    await client.stop();
  });

  it('names the rule behind a code in an inline disable comment', async () => {
    const line = lineOf('## Outcomes & Retrospective');
    client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '<!-- execplan-disable EP001 -->\n' }]);
    await client.waitForStatus(uri, 2);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 24 } });
    assert.match(hoverText(hover), /\*\*EP001\*\* `required-section`/);
    assert.deepEqual(hover!.range, { start: { line, character: 22 }, end: { line, character: 27 } });
  });

  it('outlines the plan with the Next Action first and sections as a tree', async () => {
    const symbols = (await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }))!;
    // VS Code's Outline sorts by the start of each symbol's range.
    const outline = [...symbols].sort((a, b) => a.range.start.line - b.range.start.line || a.range.end.line - b.range.end.line);
    assert.equal(outline[0]!.name, 'Next Action: Add the CSV writer for the totals row.');
    assert.equal(outline[0]!.selectionRange.start.line, lineOf('Next Action:'));
    for (const symbol of symbols) {
      const { range, selectionRange } = symbol;
      assert.ok(range.start.line <= selectionRange.start.line && range.end.line >= selectionRange.end.line, `${symbol.name}: its range holds its selection range`);
    }
    const progress = symbols.find((symbol) => symbol.name === 'Progress')!;
    assert.equal(progress.detail, 'IN_PROGRESS · 1 open item');
    assert.deepEqual(progress.children!.map((child) => child.name), ['Write the CSV serializer (Owner: agent-7)']);
    const constraints = symbols.find((symbol) => symbol.name === 'Constraints & Safety')!;
    assert.equal(constraints.children!.length, 4);
    const decisions = symbols.find((symbol) => symbol.name === 'Decision Log')!;
    assert.deepEqual(decisions.children!.map((child) => child.name), ['compute totals in the model so both outputs share them.']);
  });

  it('explains a heading, a timestamp and a status on hover', async () => {
    const heading = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('## Decision Log'), character: 5 } });
    assert.match(hoverText(heading), /Every decision with its alternatives/);
    assert.match(hoverText(heading), /Required \(MUST\)/);
    const stampLine = lineOf('- [x] 2026-03-02T09:10:00Z');
    const stamp = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: stampLine, character: 10 } });
    assert.match(hoverText(stamp), /UTC: 2026-03-02 09:10:00 UTC/);
    assert.match(hoverText(stamp), /2 hours ago/);
    assert.deepEqual(stamp!.range, { start: { line: stampLine, character: 6 }, end: { line: stampLine, character: 26 } });
    const status = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('Status: IN_PROGRESS'), character: 10 } });
    assert.match(hoverText(status), /Work is under way/);
    const prose = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('People who read'), character: 3 } });
    assert.equal(prose, null);
  });

  it('completes missing sections after `## ` typed in the editor', async () => {
    // Delete the Decision Log and type `## ` where it was.
    const start = lineOf('## Decision Log');
    const end = lineOf('## Handoff Summary');
    client.change(uri, 2, [{ range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } }, text: '## \n\n' }]);
    await client.waitForStatus(uri, 2);
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: start, character: 3 }, context: { triggerKind: 2, triggerCharacter: ' ' } });
    assert.ok(list && list.items.length > 0);
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0]!.label, 'Decision Log');
    assert.match(String(sorted[0]!.detail), /belongs here/);
    assert.ok(!list.items.some((item) => item.label === 'Progress'), 'Progress is present, so it is not offered');
  });

  it('completes status values after `Status: `', async () => {
    const line = lineOf('Status: IN_PROGRESS');
    client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: LINES[line]!.length } }, text: 'Status: ' }]);
    await client.waitForStatus(uri, 2);
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: 8 } });
    assert.deepEqual(list!.items.map((item) => item.label), ['DRAFT', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'ABANDONED']);
  });

  it('folds the frontmatter, the sections and multi-line entries', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(ranges.some((range) => range.startLine === 0 && range.endLine === 7 && range.kind === 'comment'), 'the frontmatter folds');
    assert.ok(ranges.some((range) => range.startLine === lineOf('## Progress') && range.endLine === lineOf('- [ ] 2026-03-02T11:30:00Z')), 'Progress folds');
    const decision = lineOf('- 2026-03-02T10:20:00Z - Decision:');
    assert.ok(ranges.some((range) => range.startLine === decision && range.endLine === lineOf('  Author: agent-7')), 'the decision entry folds');
  });

  it('sends the status notification with the metrics, and none for a Markdown file that is not a plan', async () => {
    const status = client.statuses.find((params) => params.uri === uri && params.version === 1)!;
    assert.equal(status.isPlan, true);
    assert.equal(status.status, 'IN_PROGRESS');
    assert.deepEqual(status.nextAction, { text: 'Add the CSV writer for the totals row.', line: lineOf('Next Action:') });
    assert.equal(status.lastUpdateMs, Date.parse('2026-03-02T11:30:00Z'));
    assert.deepEqual(status.metrics, { externalDependencyCount: 0, acceptanceVerifiability: { covered: 1, total: 1 }, evidenceCoverage: { covered: 2, total: 2 } });

    // An unverifiable criterion and a link in the body change the metrics on the next version.
    const line = lineOf('## Validation & Acceptance') + 1;
    client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '- Criterion: it feels fast, see https://perf.acme-billing.io/report\n' }]);
    const next = await client.waitForStatus(uri, 2);
    assert.deepEqual(next.metrics!.acceptanceVerifiability, { covered: 1, total: 2 });
    assert.equal(next.metrics!.externalDependencyCount, 1);

    const notes = fixtureUri('notes/ideas.md');
    client.open(notes, '# Ideas\n\nNothing to plan here.\n', 1);
    const other = await client.waitForStatus(notes, 1);
    assert.equal(other.isPlan, false);
    assert.equal(other.metrics, undefined);
    assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri: notes } }), null);
  });
});
