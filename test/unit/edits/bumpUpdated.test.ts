import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/core/model/index';
import { bumpUpdated, duplicateKeys } from '../../../server/src/core/features/edits/bumpUpdated';
import { isRefusal } from '../../../server/src/core/features/edits/outcome';
import { UTC, apply, clockFor, lines, readFixture } from './support';
import { describeGoldens } from './goldenRunner';

describe('bump updated', () => {
  describeGoldens('bump', (text, entry) => bumpUpdated(parsePlan(text), clockFor(entry)));

  it('changes only the `updated` line of a plan that has the field', () => {
    const input = readFixture('bump', 'quoted-with-comment.md');
    const outcome = bumpUpdated(parsePlan(input), UTC);
    assert.ok(!isRefusal(outcome));
    const before = lines(input);
    const after = lines(apply(input, outcome.edits));
    assert.equal(after.length, before.length);
    const changed = before.flatMap((line, index) => (line === after[index] ? [] : [index]));
    assert.deepEqual(changed.map((index) => before[index]!.split(':')[0]), ['updated']);
  });

  it('writes nothing when `updated` already says now, so bumping twice equals bumping once', () => {
    const first = bumpUpdated(parsePlan(readFixture('bump', 'plain.md')), UTC);
    assert.ok(!isRefusal(first));
    const once = apply(readFixture('bump', 'plain.md'), first.edits);
    const again = bumpUpdated(parsePlan(once), UTC);
    assert.ok(!isRefusal(again));
    assert.deepEqual(again.edits, []);
  });

  it('says in its title what it sets', () => {
    const outcome = bumpUpdated(parsePlan(readFixture('bump', 'plain.md')), UTC);
    assert.ok(!isRefusal(outcome));
    assert.equal(outcome.title, 'Set frontmatter `updated` to 2026-03-02T12:00:00Z');
  });

  it('finds duplicate top-level keys, quoted or not, and ignores nested ones', () => {
    assert.deepEqual(duplicateKeys('id: a\n"id": b\nnested:\n  id: c\nstatus: x\n'), ['id']);
    assert.deepEqual(duplicateKeys('a: 1\nb:\n  a: 2\n'), []);
  });
});
