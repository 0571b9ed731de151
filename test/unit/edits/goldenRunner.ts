/** Runs a feature's golden cases in every line-ending and BOM variant. */
import { strict as assert } from 'node:assert';
import type { TextEdit } from '../../../server/src/core/rules/types';
import type { EditOutcome } from '../../../server/src/core/features/edits/outcome';
import { VARIANTS, apply, assertGolden, fixtureExists, goldenCases, readFixture } from './support';
import type { GoldenCase } from './support';

/** What a feature computes for one case: an outcome, a bare edit, or nothing to do (undefined). */
export type GoldenResult = EditOutcome | TextEdit | undefined;

export function describeGoldens(feature: string, compute: (text: string, entry: GoldenCase) => GoldenResult): void {
  describe(`${feature} goldens (fixtures/edits/${feature})`, () => {
    for (const [name, entry] of goldenCases(feature)) {
      for (const variant of VARIANTS) {
        it(`${name} (${variant.name})`, () => {
          const input = variant.convert(readFixture(feature, entry.input));
          const result = compute(input, entry);
          if (result !== undefined && 'refused' in result) {
            assert.ok(!fixtureExists(feature, `${name}.out.md`), `${name} has an output golden but was refused: ${result.refused}`);
            if (variant.name === 'LF') assertGolden(result.refused + '\n', feature, `${name}.refused.txt`);
            else assert.equal(result.refused + '\n', readFixture(feature, `${name}.refused.txt`));
            return;
          }
          const edits = result === undefined ? [] : 'range' in result ? [result] : result.edits;
          const output = apply(input, edits);
          if (variant.name === 'LF') assertGolden(output, feature, `${name}.out.md`);
          else assert.equal(output, variant.convert(readFixture(feature, `${name}.out.md`)));
        });
      }
    }
  });
}
