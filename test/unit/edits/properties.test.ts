import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import type { Finding } from '../../../server/src/core/rules/types';
import { bumpUpdated } from '../../../server/src/core/features/edits/bumpUpdated';
import { appendProgressEntry } from '../../../server/src/core/features/edits/appendProgress';
import { disableForFile, disableForLine } from '../../../server/src/core/features/edits/silence';
import { isRefusal } from '../../../server/src/core/features/edits/outcome';
import { engineRelint, fixAll } from '../../../server/src/core/features/edits/fixAll';
import { fixText } from '../../../server/src/cli/fixFiles';
import { UTC, apply, lintOptions, targetOf } from './support';
import { generatedPlan } from './generatedPlans';
import type { GeneratedPlan } from './generatedPlans';

const RUNS = { numRuns: 120 };
const NAME = 'generated-PLAN.md';

/** The text keeps its line endings, BOM and final newline. */
function assertShapeKept(input: GeneratedPlan, output: string): void {
  assert.equal(output.startsWith('\uFEFF'), input.bom, 'BOM kept');
  assert.equal(output.indexOf('\uFEFF', 1), -1, 'no BOM inside the text');
  // A text without any line break says nothing about which one it uses.
  if (!/[\r\n]/.test(input.text)) return;
  if (input.eol === '\r\n') assert.doesNotMatch(output, /(?<!\r)\n/, 'no bare LF in a CRLF plan');
  else assert.doesNotMatch(output, /\r/, 'no CR in an LF plan');
  if (input.finalNewline) assert.ok(output.endsWith(input.eol), 'final newline kept');
}

const lintAll = (text: string): readonly Finding[] => lint(parsePlan(text), lintOptions(NAME)).findings;

describe('edit properties over generated plans (LF/CRLF, with and without BOM)', function () {
  // Each run lints a plan once per fix it offers; the default per-test timeout is too short.
  this.timeout(120_000);

  it('every single fix keeps line endings and BOM, and removes the finding it fixes', () => {
    fc.assert(
      fc.property(generatedPlan, (input) => {
        const findings = lintAll(input.text);
        for (const finding of findings) {
          for (const fix of finding.fixes ?? []) {
            const output = apply(input.text, fix.edits);
            assertShapeKept(input, output);
            const count = (list: readonly Finding[]) => list.filter((f) => f.ruleId === finding.ruleId && f.fixes?.some((other) => other.title === fix.title)).length;
            assert.ok(count(lintAll(output)) < count(findings), `${finding.ruleId} "${fix.title}" is offered as often after it was applied`);
          }
        }
      }),
      // Always tried: a file that is only a BOM (a heading written after a BOM must still be read as one).
      { ...RUNS, examples: [[{ text: '\uFEFF', eol: '\n', bom: true, finalNewline: false, hasUpdated: false }]] },
    );
  });

  it('fix all: linting the result finds nothing safe left to fix, and fixing again changes nothing', () => {
    fc.assert(
      fc.property(generatedPlan, (input) => {
        const plan = parsePlan(input.text);
        const result = fixAll(plan, lintAll(input.text), engineRelint(lintOptions(NAME)));
        assertShapeKept(input, result.text);
        assert.equal(apply(input.text, result.edits), result.text);
        const left = lintAll(result.text).filter((finding) => finding.fixes?.some((fix) => fix.safe));
        assert.deepEqual(left.map((finding) => `${finding.ruleId}: ${finding.fixes![0]!.title}`), []);
        const again = fixAll(parsePlan(result.text), lintAll(result.text), engineRelint(lintOptions(NAME)));
        assert.equal(again.text, result.text);
      }),
      RUNS,
    );
  });

  it('the CLI fixText gives the text fix all gives without the BOM, with the BOM put back', () => {
    fc.assert(
      fc.property(generatedPlan, (input) => {
        const viaCli = fixText(input.text, { relativePath: `plans/${NAME}`, now: UTC.now });
        assertShapeKept(input, viaCli.text);
        // An editor never shows the BOM to the server, so the editor path fixes the text without it.
        const shown = input.text.replace(/^\uFEFF/, '');
        const plan = parsePlan(shown);
        const result = lint(plan, lintOptions(NAME));
        const viaEditor = fixAll(plan, result.findings, engineRelint(lintOptions(NAME), result.profile.profile.id));
        assert.equal(viaCli.text, (input.bom ? '\uFEFF' : '') + viaEditor.text);
      }),
      RUNS,
    );
  });

  it('bump updated: changes only the `updated` line, keeps the shape, and twice equals once', () => {
    fc.assert(
      fc.property(generatedPlan, (input) => {
        const outcome = bumpUpdated(parsePlan(input.text), UTC);
        if (isRefusal(outcome)) return;
        const once = apply(input.text, outcome.edits);
        assertShapeKept(input, once);
        const twice = bumpUpdated(parsePlan(once), UTC);
        assert.ok(!isRefusal(twice));
        assert.equal(apply(once, twice.edits), once);
        const before = input.text.split(/\r\n|\r|\n/);
        const after = once.split(/\r\n|\r|\n/);
        if (input.hasUpdated) {
          assert.equal(after.length, before.length);
          const changed = before.filter((line, index) => line !== after[index]);
          assert.ok(changed.length === 1 && /^updated:/.test(changed[0]!), `changed ${JSON.stringify(changed)}`);
        } else {
          const added = after.length - before.length;
          assert.ok(added >= 1 && added <= 4);
          const content = (list: string[], extra: RegExp) => list.map((line) => line.replace(/^\uFEFF/, '')).filter((line) => !/^(?:---|)$/.test(line) && !extra.test(line));
          assert.deepEqual(content(after, /^updated: /), content(before, /^$/));
        }
      }),
      RUNS,
    );
  });

  it('append Progress entry keeps the shape and adds exactly the entry lines', () => {
    fc.assert(
      fc.property(generatedPlan, (input) => {
        const plan = parsePlan(input.text);
        const outcome = appendProgressEntry(targetOf(plan), UTC);
        if (isRefusal(outcome)) return;
        const output = apply(input.text, outcome.edits);
        assertShapeKept(input, output);
        const before = input.text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length;
        const after = output.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length;
        assert.ok(after - before >= 1 && after - before <= 2);
        const cursorLine = output.split(/\r\n|\r|\n/)[outcome.cursor!.line]!;
        assert.equal(outcome.cursor!.character, cursorLine.length);
      }),
      RUNS,
    );
  });

  it('silencing twice equals silencing once: the second time there is nothing to add', () => {
    fc.assert(
      fc.property(generatedPlan, fc.nat(60), (input, pick) => {
        const plan = parsePlan(input.text);
        const line = pick % plan.lineCount;
        const lineEdit = disableForLine(plan, line, 'EP030');
        if (lineEdit) {
          const once = apply(input.text, [lineEdit]);
          assertShapeKept(input, once);
          // A new comment line pushes the target down; a directive above it is extended in place.
          const target = lineEdit.range.start.line === line ? line + 1 : line;
          assert.equal(disableForLine(parsePlan(once), target, 'EP030'), undefined);
        }
        const fileEdit = disableForFile(plan, 'EP030');
        assert.ok(fileEdit, 'a generated plan never silences EP030 already');
        const once = apply(input.text, [fileEdit]);
        assertShapeKept(input, once);
        assert.equal(disableForFile(parsePlan(once), 'EP030'), undefined);
      }),
      RUNS,
    );
  });
});
