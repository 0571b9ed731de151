import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, fixtureUri } from './lspClient';
import { TestEditor } from './applyEdit';
import type { VersionedWorkspaceEdit } from './applyEdit';
import { fixText } from '../../server/src/cli/fixFiles';
import { FIX_FIXTURES, planFileName, readFixFixture } from '../unit/edits/support';
import type { DiagnosticData } from '../../server/src/diagnostics';
import type { DocumentEditResult } from '../../server/src/protocol';

const NOW = '2026-03-02T12:00:00Z';
const readPlan = (name: string): string => fs.readFileSync(path.join(__dirname, '../fixtures/plans', name), 'utf8');
const readFix = (name: string): string => readFixFixture(name);

describe('code actions and edit requests over stdio', function () {
  let client: LspTestClient;
  let editor: TestEditor;

  const start = async (options: { settings?: Record<string, unknown>; env?: Record<string, string> } = {}) => {
    client = await LspTestClient.start({ env: { EXECPLAN_NOW: NOW, ...options.env }, ...(options.settings ? { settings: options.settings } : {}) });
    editor = new TestEditor(client);
  };
  afterEach(async () => {
    await client.stop();
  });

  const codeActions = (uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  const openAndCheck = async (uri: string, text: string) => {
    editor.open(uri, text);
    return (await client.waitForDiagnostics(uri, 1)).diagnostics;
  };
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  describe('with the default settings', () => {
    beforeEach(() => start());

    it('applies a quick fix as a versioned edit, and its diagnostic is gone in the next version', async () => {
      const uri = fixtureUri('plans/quickfix-PLAN.md');
      const diagnostics = await openAndCheck(uri, readPlan('ssot-missing-decision-log-PLAN.md'));
      const missing = diagnostics.find((d) => d.code === 'EP001' && /Decision Log/.test(String(d.message)))!;
      const actions = await codeActions(uri, missing.range, [missing]);
      const fix = actions.find((action) => action.title === 'Insert section `## Decision Log` before `## Outcomes & Retrospective`')!;
      assert.ok(fix, JSON.stringify(actions.map((action) => action.title)));
      assert.equal(fix.kind, 'quickfix');
      assert.equal((fix.edit as { isRefactoring?: boolean }).isRefactoring, undefined);
      assert.deepEqual(editor.apply(fix.edit as VersionedWorkspaceEdit), { applied: true });
      const after = await client.waitForDiagnostics(uri, 2);
      assert.deepEqual(after.diagnostics.filter((d) => d.code === 'EP001' && /Decision Log/.test(String(d.message))), []);
      assert.match(editor.text(uri), /\n## Decision Log\n- 2026-03-02T12:00:00Z - Decision: <what>\n/);
    });

    it('refuses a quick fix computed for an older version, leaving the text alone', async () => {
      const uri = fixtureUri('plans/stale-PLAN.md');
      const diagnostics = await openAndCheck(uri, readPlan('ssot-missing-decision-log-PLAN.md'));
      const missing = diagnostics.find((d) => d.code === 'EP001')!;
      const typed = editor.text(uri).replace('Nothing shipped yet.', 'Nothing shipped yet, still typing.');
      editor.type(uri, typed);
      await client.waitForDiagnostics(uri, 2);
      const actions = await codeActions(uri, missing.range, [missing]);
      const fix = actions.find((action) => action.title.startsWith('Insert section'))!;
      assert.equal((fix.edit as VersionedWorkspaceEdit).documentChanges![0]!.textDocument.version, 1);
      const result = editor.apply(fix.edit as VersionedWorkspaceEdit);
      assert.equal(result.applied, false);
      assert.match(result.failureReason!, /version 1, document is at version 2/);
      assert.equal(editor.text(uri), typed);
      assert.equal(editor.version(uri), 2);
    });

    it('offers "Disable EPxxx for this line / file" and the finding goes away once applied', async () => {
      const uri = fixtureUri('plans/silence-PLAN.md');
      const diagnostics = await openAndCheck(uri, readFix('ssot-many-problems.md'));
      const target = diagnostics.find((d) => d.code === 'EP030')!;
      assert.ok(target, 'the fixture has an EP030 finding');
      const actions = await codeActions(uri, target.range, [target], ['quickfix']);
      const titles = actions.map((action) => action.title);
      assert.ok(titles.includes('Disable EP030 for this line') && titles.includes('Disable EP030 for this file'), JSON.stringify(titles));
      const line = actions.find((action) => action.title === 'Disable EP030 for this line')!;
      assert.deepEqual(editor.apply(line.edit as VersionedWorkspaceEdit), { applied: true });
      const after = await client.waitForDiagnostics(uri, 2);
      assert.deepEqual(after.diagnostics.filter((d) => d.code === 'EP030' && d.range.start.line === target.range.start.line + 1), []);
      assert.match(editor.text(uri).split('\n')[target.range.start.line]!, /^<!-- execplan-disable-next-line EP030 -->$/);
    });

    it('fix all (source.fixAll.execplan) gives the same text as execplan-lint --fix, for every fixture and line ending', async () => {
      for (const name of FIX_FIXTURES) {
        for (const variant of [
          { label: 'LF', convert: (t: string) => t },
          { label: 'CRLF', convert: (t: string) => t.replace(/\n/g, '\r\n') },
          { label: 'BOM', convert: (t: string) => '\uFEFF' + t },
        ]) {
          const relative = `plans/fixall-${variant.label}-${planFileName(name)}`;
          const uri = fixtureUri(relative);
          const text = variant.convert(readFix(name));
          // The file on disk may start with a BOM; an editor never sends it to the server.
          const shown = text.replace(/^\uFEFF/, '');
          await openAndCheck(uri, shown);
          const actions = await codeActions(uri, whole, [], ['source.fixAll']);
          assert.equal(actions.length, 1, `${name} ${variant.label}: ${JSON.stringify(actions.map((a) => a.kind))}`);
          assert.equal(actions[0]!.kind, 'source.fixAll.execplan');
          const cliResult = fixText(text, { relativePath: relative, now: new Date(NOW) });
          assert.equal(actions[0]!.title, `Fix all: apply ${cliResult.applied.length} safe ExecPlan fix${cliResult.applied.length === 1 ? '' : 'es'}`);
          assert.deepEqual(editor.apply(actions[0]!.edit as VersionedWorkspaceEdit), { applied: true });
          assert.equal(cliResult.text, (text.startsWith('\uFEFF') ? '\uFEFF' : '') + editor.text(uri), `${name} ${variant.label}`);
          const after = await client.waitForDiagnostics(uri, 2);
          const safeLeft = after.diagnostics.filter((d) => (d.data as DiagnosticData).fixes?.some((fix) => fix.safe));
          assert.deepEqual(safeLeft.map((d) => d.code), [], `${name} ${variant.label}`);
          client.close(uri);
        }
      }
    });

    it('fix all is not offered in the light bulb, only when asked for by kind', async () => {
      const uri = fixtureUri('plans/lightbulb-PLAN.md');
      await openAndCheck(uri, readFix('ssot-many-problems.md'));
      const unasked = await codeActions(uri, whole, []);
      assert.ok(!unasked.some((action) => action.kind?.startsWith('source')), JSON.stringify(unasked.map((a) => a.kind)));
      const source = await codeActions(uri, whole, [], ['source']);
      assert.deepEqual(source.map((action) => action.kind).sort(), ['source.execplan.appendProgressEntry', 'source.fixAll.execplan']);
    });

    it('marks a Progress item done, then reopens it', async () => {
      const uri = fixtureUri('plans/markdone-PLAN.md');
      const text = readPlan('ssot-missing-decision-log-PLAN.md');
      await openAndCheck(uri, text);
      const line = text.split('\n').findIndex((candidate) => candidate.startsWith('- [ ] 2026-03-02T11:30:00Z'));
      const at = { start: { line, character: 4 }, end: { line, character: 4 } };
      const done = (await codeActions(uri, at, [])).find((action) => action.title.startsWith('Mark done'))!;
      assert.equal(done.title, 'Mark done (2026-03-02T12:00:00Z)');
      assert.equal(done.kind, 'refactor.rewrite.execplan.toggleProgressItem');
      assert.deepEqual(editor.apply(done.edit as VersionedWorkspaceEdit), { applied: true });
      assert.equal(editor.text(uri).split('\n')[line], '- [x] 2026-03-02T11:30:00Z - Add the Decision Log (Owner: agent-7) (done: 2026-03-02T12:00:00Z)');
      await client.waitForDiagnostics(uri, 2);
      const reopen = (await codeActions(uri, at, [])).find((action) => action.title === 'Reopen')!;
      assert.deepEqual(editor.apply(reopen.edit as VersionedWorkspaceEdit), { applied: true });
      assert.equal(editor.text(uri), text);
      const elsewhere = await codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
      assert.ok(!elsewhere.some((action) => action.title.startsWith('Mark done') || action.title === 'Reopen'));
    });

    it('offers a new Progress entry as the quick fix of a stale plan (EP025)', async () => {
      const uri = fixtureUri('plans/stale-cookbook-PLAN.md');
      const diagnostics = await openAndCheck(uri, readFix('cookbook.md'));
      const stale = diagnostics.find((d) => d.code === 'EP025')!;
      assert.ok(stale, JSON.stringify(diagnostics.map((d) => d.code)));
      const action = (await codeActions(uri, stale.range, [stale], ['quickfix'])).find((candidate) => candidate.title === 'Append timestamped Progress entry')!;
      assert.ok(action);
      assert.deepEqual(action.diagnostics?.map((d) => d.code), ['EP025']);
      assert.deepEqual(editor.apply(action.edit as VersionedWorkspaceEdit), { applied: true });
      assert.match(editor.text(uri), /\n- \[ \] Write the serializer\.\n- \[ \] \(2026-03-02 12:00Z\) \n/);
      const after = await client.waitForDiagnostics(uri, 2);
      assert.deepEqual(after.diagnostics.filter((d) => d.code === 'EP025'), []);
    });

    it('edit requests: bump updated, append an entry (with the cursor), fix all; stale versions are refused', async () => {
      const uri = fixtureUri('plans/requests-PLAN.md');
      const text = readPlan('ssot-missing-decision-log-PLAN.md');
      await openAndCheck(uri, text);
      const apply = (result: DocumentEditResult) => editor.apply({ documentChanges: [{ textDocument: { uri, version: result.version }, edits: result.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) }] });

      const bump = await client.request<DocumentEditResult>('execplan/bumpUpdated', { uri, version: 1 });
      assert.equal(bump.refused, undefined);
      assert.deepEqual(apply(bump), { applied: true });
      const bumped = editor.text(uri).split('\n');
      assert.deepEqual(bumped.filter((line, index) => line !== text.split('\n')[index]), ['updated: 2026-03-02T12:00:00Z']);

      const stale = await client.request<DocumentEditResult>('execplan/appendProgressEntry', { uri, version: 1 });
      assert.match(stale.refused!, /version 2, the request was for version 1/);
      assert.deepEqual(stale.edits, []);

      const append = await client.request<DocumentEditResult>('execplan/appendProgressEntry', { uri, version: 2 });
      assert.deepEqual(apply(append), { applied: true });
      const cursorLine = editor.text(uri).split('\n')[append.cursor!.line]!;
      assert.equal(cursorLine, '- [ ] 2026-03-02T12:00:00Z - ');
      assert.equal(append.cursor!.character, cursorLine.length);

      const fixAll = await client.request<DocumentEditResult>('execplan/fixAll', { uri, version: 3 });
      const expected = fixText(editor.text(uri), { relativePath: 'plans/requests-PLAN.md', now: new Date(NOW) }).text;
      assert.deepEqual(apply(fixAll), { applied: true });
      assert.equal(editor.text(uri), expected);
    });

    it('edit requests refuse documents that are not plans, and say why', async () => {
      const uri = fixtureUri('notes/README.md');
      editor.open(uri, '# Notes\n\nJust notes.\n');
      await client.waitForStatus(uri, 1);
      const result = await client.request<DocumentEditResult>('execplan/bumpUpdated', { uri, version: 1 });
      assert.match(result.refused!, /not checked as a plan/);
      assert.deepEqual(result.edits, []);
    });

    it('bump updated refuses frontmatter with duplicate keys', async () => {
      const uri = fixtureUri('plans/duplicate-PLAN.md');
      await openAndCheck(uri, '---\nid: x\nupdated: 2026-03-01T10:00:00Z\nupdated: 2026-03-01T11:00:00Z\n---\n\n# PLAN: Duplicates\n');
      const result = await client.request<DocumentEditResult>('execplan/bumpUpdated', { uri, version: 1 });
      assert.match(result.refused!, /duplicate keys \(`updated`\)/);
    });
  });

  it('writes local times with their offset when execplan.timestampZone is local', async () => {
    await start({ settings: { timestampZone: 'local' }, env: { TZ: 'Asia/Tokyo' } });
    const uri = fixtureUri('plans/local-zone-PLAN.md');
    await openAndCheck(uri, readPlan('ssot-missing-decision-log-PLAN.md'));
    const bump = await client.request<DocumentEditResult>('execplan/bumpUpdated', { uri, version: 1 });
    assert.deepEqual(bump.edits.map((edit) => edit.newText), ['2026-03-02T21:00:00+09:00']);
  });
});
