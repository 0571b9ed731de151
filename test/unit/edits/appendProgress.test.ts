import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/core/model/index';
import { appendProgressEntry } from '../../../server/src/core/features/edits/appendProgress';
import { isRefusal } from '../../../server/src/core/features/edits/outcome';
import { VARIANTS, apply, clockFor, goldenCases, lines, readFixture, targetOf } from './support';
import { describeGoldens } from './goldenRunner';

describe('append timestamped Progress entry', () => {
  describeGoldens('append', (text, entry) => appendProgressEntry(targetOf(parsePlan(text), entry.profile), clockFor(entry)));

  describe('puts the cursor at the end of the new entry', () => {
    for (const [name, entry] of goldenCases('append')) {
      for (const variant of VARIANTS) {
        it(`${name} (${variant.name})`, () => {
          const input = variant.convert(readFixture('append', entry.input));
          const outcome = appendProgressEntry(targetOf(parsePlan(input), entry.profile), clockFor(entry));
          if (isRefusal(outcome)) return assert.match(outcome.refused, /no `## \S.*` section/);
          const output = lines(apply(input, outcome.edits));
          const cursor = outcome.cursor!;
          const line = output[cursor.line]!;
          assert.equal(cursor.character, line.length, `cursor ${JSON.stringify(cursor)} on ${JSON.stringify(line)}`);
          assert.ok(!lines(input).includes(line) || line === '- ', `the cursor line ${JSON.stringify(line)} is new`);
        });
      }
    }
  });

  it('writes the entry in the profile format with the clock time', () => {
    const outcome = appendProgressEntry(targetOf(parsePlan(readFixture('append', 'ssot-items.md'))), clockFor({ input: '' }));
    assert.ok(!isRefusal(outcome));
    assert.equal(outcome.edits[0]!.newText, '- [ ] 2026-03-02T12:00:00Z - \n');
  });
});
