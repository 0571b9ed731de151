import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { applyTextEdits } from '../../../server/src/core/features/applyEdits';
import type { TextEdit } from '../../../server/src/core/rules/types';
import { ruleById } from '../../../server/src/core/rules/index';
import { keys, lintFixture, listRuleFixtures, readExpectations } from './fixtureRunner';

describe('rule fixtures', () => {
  // Folders of rules not in the registry are the meta-test's business (it fails on them).
  for (const fixture of listRuleFixtures().filter((candidate) => ruleById(candidate.rule))) {
    const name = `${fixture.rule}/${path.basename(fixture.file)}`;

    it(`${name}: reports exactly what its expectations say`, () => {
      const expectations = readExpectations(fixture.text);
      const compared = new Set([fixture.rule, ...expectations.map((item) => item.rule)]);
      const { result } = lintFixture(fixture.text, fixture.profile);
      if (fixture.profile) assert.equal(result.profile.profile.id, fixture.profile, 'the profile named by the file name applies');
      const reported = result.findings.filter((finding) => compared.has(finding.ruleId)).map((finding) => ({ line: finding.range.start.line, rule: finding.ruleId }));
      const details = result.findings.filter((finding) => compared.has(finding.ruleId)).map((finding) => `${finding.range.start.line + 1}:${finding.ruleId} ${finding.message}`).join('\n');
      assert.deepEqual(keys(reported), keys(expectations), `reported:\n${details}`);
    });

    it(`${name}: applying the rule's fixes leaves nothing fixable for it`, () => {
      const { plan, result } = lintFixture(fixture.text, fixture.profile);
      const edits: TextEdit[] = [];
      const taken: Array<[number, number, number, number]> = [];
      for (const finding of result.findings) {
        if (finding.ruleId !== fixture.rule || !finding.fixes?.length) continue;
        const fixEdits = finding.fixes[0]!.edits;
        // Two fixes that touch the same text cannot be applied in one pass; the second waits.
        const overlaps = fixEdits.some((edit) => taken.some(([sl, sc, el, ec]) => !(compare(edit.range.end.line, edit.range.end.character, sl, sc) < 0 || compare(edit.range.start.line, edit.range.start.character, el, ec) > 0)));
        if (overlaps) continue;
        edits.push(...fixEdits);
        for (const edit of fixEdits) taken.push([edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character]);
      }
      if (edits.length === 0) return;
      const fixed = applyTextEdits(plan, edits);
      assert.notEqual(fixed, fixture.text);
      const again = lintFixture(fixed, fixture.profile).result.findings.filter((finding) => finding.ruleId === fixture.rule && finding.fixes?.length);
      const before = result.findings.filter((finding) => finding.ruleId === fixture.rule && finding.fixes?.length).length;
      assert.ok(again.length < before, `fixes removed nothing:\n${again.map((finding) => finding.message).join('\n')}`);
      if (edits.length === before) assert.deepEqual(again.map((finding) => finding.message), []);
    });
  }
});

function compare(lineA: number, charA: number, lineB: number, charB: number): number {
  return lineA - lineB || charA - charB;
}
