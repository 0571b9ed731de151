import { strict as assert } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { sameData } from '../../server/src/core/sameData';

const RUNS = Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400);

/** Small plain data (what fixes and report data hold), drawn from few values so equal pairs are common. */
const data = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(0, 1, 'a', 'b', true, null, undefined), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('range', 'line', 'title', 'edits'), tie('value'), { maxKeys: 3, noNullPrototype: true }),
})).value;

describe('plain data equality (kept findings are reused only for equal fixes and data)', () => {
  it('agrees with deep strict equality', () => {
    fc.assert(
      fc.property(data, data, (a, b) => {
        assert.equal(sameData(a, b), isDeepStrictEqual(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
        assert.equal(sameData(a, structuredClone(a)), true);
      }),
      { numRuns: RUNS },
    );
  });

  it('tells a key that is missing from one written as undefined, and an extra key, apart', () => {
    assert.equal(sameData({ line: 1 }, { line: 1, title: undefined }), false);
    assert.equal(sameData({ line: 1, title: undefined }, { line: 1 }), false);
    assert.equal(sameData({ line: 1 }, { line: 1, edits: [] }), false);
    assert.equal(sameData({ title: undefined }, { line: undefined }), false);
    assert.equal(sameData([{ line: 1 }], { 0: { line: 1 } }), false);
    assert.equal(sameData({ edits: [{ line: 1, title: 'a' }] }, { edits: [{ title: 'a', line: 1 }] }), true);
  });
});
