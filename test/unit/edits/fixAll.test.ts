import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import { RULES } from '../../../server/src/core/rules/index';
import type { Finding } from '../../../server/src/core/rules/types';
import { chooseSafeFixes, differenceEdits, engineRelint, fixAll } from '../../../server/src/core/features/edits/fixAll';
import { fixText } from '../../../server/src/cli/fixFiles';
import { FIXTURES, FIX_FIXTURES, NOW, VARIANTS, apply, assertGolden, fixtureBase as base, lintOptions, maskFakeSecrets, planFileName, readFixFixture } from './support';

function lintFixture(name: string, text = readFixFixture(name)) {
  const plan = parsePlan(text);
  return { plan, findings: lint(plan, lintOptions(planFileName(name))).findings };
}

/** Each fix of each finding, numbered per rule in document order: `EP053-2`. */
function enumerateFixes(findings: readonly Finding[]) {
  const counts = new Map<string, number>();
  return findings.flatMap((finding) =>
    (finding.fixes ?? []).map((fix) => {
      const index = (counts.get(finding.ruleId) ?? 0) + 1;
      counts.set(finding.ruleId, index);
      return { key: `${finding.ruleId}-${index}`, ruleId: finding.ruleId, fix };
    }),
  );
}

const fixCount = (findings: readonly Finding[], ruleId: string, title: string): number =>
  findings.filter((finding) => finding.ruleId === ruleId && finding.fixes?.some((fix) => fix.title === title)).length;

const safeFixesLeft = (findings: readonly Finding[]): string[] =>
  findings.filter((finding) => finding.fixes?.some((fix) => fix.safe)).map((finding) => `${finding.ruleId}@${finding.range.start.line}: ${finding.fixes![0]!.title}`);

describe('rule fixes: golden outputs (fixtures/edits/fixes)', () => {
  for (const name of FIX_FIXTURES) {
    describe(name, () => {
      const { plan, findings } = lintFixture(name);
      const fixes = enumerateFixes(findings);

      it('lists what each fix says it does', () => {
        assertGolden(fixes.map((entry) => `${entry.key} [${entry.fix.safe ? 'safe' : 'on request'}] ${entry.fix.title}`).join('\n') + '\n', 'fixes', base(name), 'titles.txt');
      });

      for (const entry of fixes) {
        it(`${entry.key}: ${entry.fix.title}`, () => {
          const output = apply(plan.text, entry.fix.edits);
          assertGolden(maskFakeSecrets(output), 'fixes', base(name), `${entry.key}.md`);
          const after = lint(parsePlan(output), lintOptions(planFileName(name))).findings;
          assert.ok(fixCount(after, entry.ruleId, entry.fix.title) < fixCount(findings, entry.ruleId, entry.fix.title), 'the finding it fixes is gone');
        });
      }

      it('has no golden left over from a fix that is no longer offered', () => {
        const folder = path.join(FIXTURES, 'fixes', base(name));
        const expected = new Set([...fixes.map((entry) => `${entry.key}.md`), 'titles.txt', 'fix-all.md']);
        const stale = fs.existsSync(folder) ? fs.readdirSync(folder).filter((file) => !expected.has(file)) : [];
        if (process.env['UPDATE_GOLDENS'] === '1') for (const file of stale) fs.unlinkSync(path.join(folder, file));
        else assert.deepEqual(stale, []);
      });

      it('fix all applies every safe fix, and linting again finds nothing safe to fix', () => {
        const result = fixAll(plan, findings, engineRelint(lintOptions(planFileName(name))));
        assertGolden(maskFakeSecrets(result.text), 'fixes', base(name), 'fix-all.md');
        assert.deepEqual(safeFixesLeft(lint(parsePlan(result.text), lintOptions(planFileName(name))).findings), []);
        assert.ok(result.applied.every((fix) => fix.safe));
        assert.equal(apply(plan.text, result.edits), result.text, 'the returned edits give the returned text');
      });

      it('fix all is idempotent', () => {
        const once = fixAll(plan, findings, engineRelint(lintOptions(planFileName(name)))).text;
        const again = lintFixture(name, once);
        const twice = fixAll(again.plan, again.findings, engineRelint(lintOptions(planFileName(name))));
        assert.equal(twice.text, once);
        assert.deepEqual(twice.applied, []);
      });

      for (const variant of VARIANTS.slice(1)) {
        it(`the CLI's fixText keeps line endings and the BOM (${variant.name})`, () => {
          const relativePath = `plans/${planFileName(name)}`;
          const lf = fixText(readFixFixture(name), { relativePath, now: NOW });
          const converted = fixText(variant.convert(readFixFixture(name)), { relativePath, now: NOW });
          assert.equal(converted.text, variant.convert(lf.text));
          assert.deepEqual(converted.applied.map((fix) => fix.title), lf.applied.map((fix) => fix.title));
        });
      }
    });
  }

  it('covers every rule in the registry that offers a fix', () => {
    const offered = new Set(FIX_FIXTURES.flatMap((name) => enumerateFixes(lintFixture(name).findings).map((entry) => entry.ruleId)));
    const missing = RULES.filter((rule) => rule.fixable && !offered.has(rule.id)).map((rule) => rule.id);
    assert.deepEqual(missing, [], `add a plan under test/fixtures/edits/fixes that makes these rules offer their fix`);
  });
});

describe('fix all: choosing fixes', () => {
  const at = (line: number, character: number) => ({ line, character });
  const finding = (ruleId: string, edits: Array<[number, number, number, number, string]>, safe = true): Finding => ({
    ruleId,
    ruleName: ruleId.toLowerCase(),
    severity: 'warning',
    range: { start: at(0, 0), end: at(0, 0) },
    message: ruleId,
    fixes: [{ title: `fix ${ruleId}`, safe, edits: edits.map(([sl, sc, el, ec, newText]) => ({ range: { start: at(sl, sc), end: at(el, ec) }, newText })) }],
  });
  const plan = parsePlan('alpha\nbeta\ngamma\n');

  it('skips fixes offered only on request', () => {
    assert.deepEqual(chooseSafeFixes(plan, [finding('EP001', [[0, 0, 0, 5, 'A']], false)]), []);
  });

  it('takes the first of two overlapping fixes and leaves the other for the next round', () => {
    const chosen = chooseSafeFixes(plan, [finding('EP001', [[0, 0, 0, 5, 'A']]), finding('EP002', [[0, 2, 1, 1, 'B']]), finding('EP003', [[2, 0, 2, 5, 'C']])]);
    assert.deepEqual(chosen.map((fix) => fix.ruleId), ['EP001', 'EP003']);
  });

  it('applies insertions at the same place in the order they were reported, but the same fix only once', () => {
    const chosen = chooseSafeFixes(plan, [finding('EP001', [[1, 0, 1, 0, 'x\n']]), finding('EP002', [[1, 0, 1, 0, 'y\n']]), finding('EP003', [[1, 0, 1, 0, 'x\n']])]);
    assert.deepEqual(chosen.map((fix) => fix.ruleId), ['EP001', 'EP002']);
    assert.equal(apply(plan.text, chosen.flatMap((fix) => fix.edits)), 'alpha\nx\ny\nbeta\ngamma\n');
  });

  it('keeps adjacent edits: an insertion at the end of a replaced range', () => {
    const chosen = chooseSafeFixes(plan, [finding('EP001', [[0, 0, 0, 5, 'A']]), finding('EP002', [[0, 5, 0, 5, '!']])]);
    assert.equal(apply(plan.text, chosen.flatMap((fix) => fix.edits)), 'A!\nbeta\ngamma\n');
  });

  it('stops after the round bound when fixes keep changing the text', () => {
    let round = 0;
    const endless = (): Finding[] => [finding('EP001', [[0, 0, 0, 0, String(++round)]])];
    const result = fixAll(plan, endless(), endless, 3);
    assert.equal(result.rounds, 3);
    assert.equal(apply(plan.text, result.edits), result.text);
  });

  it('describes a several-round result as one edit of whole lines, keeping CRLF pairs whole', () => {
    const crlf = parsePlan('a\r\nb\r\nc\r\n');
    const edits = differenceEdits(crlf, 'a\r\nB\r\nx\r\nc\r\n');
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.range.start.character, 0);
    assert.equal(edits[0]!.range.end.character, 0);
    assert.equal(apply(crlf.text, edits), 'a\r\nB\r\nx\r\nc\r\n');
  });
});

describe('fixText (execplan-lint --fix without the file system)', () => {
  it('leaves Markdown that is not a plan alone', () => {
    const text = '# Notes\n\nJust notes.\n';
    const result = fixText(text, { relativePath: 'docs/notes.md', now: NOW });
    assert.equal(result.text, text);
    assert.equal(result.changed, false);
    assert.ok(result.skipped);
  });

  it('reports each applied fix with its rule', () => {
    const name = FIX_FIXTURES[0]!;
    const result = fixText(readFixFixture(name), { relativePath: `plans/${planFileName(name)}`, now: NOW });
    assert.equal(result.changed, result.text !== readFixFixture(name));
    for (const fix of result.applied) assert.match(fix.ruleId, /^EP\d{3}$/);
  });
});
