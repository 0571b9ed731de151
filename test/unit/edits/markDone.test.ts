import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/core/model/index';
import { toggleProgressItem } from '../../../server/src/core/features/edits/markDone';
import { UTC, apply, clockFor, goldenCases, lineOf, readFixture, targetOf } from './support';
import { describeGoldens } from './goldenRunner';

const toggleAt = (text: string, needle: string, profile?: string) =>
  toggleProgressItem(targetOf(parsePlan(text), profile), { line: lineOf(text, needle), character: 0 }, UTC);

describe('mark done / reopen a Progress item', () => {
  describeGoldens('markDone', (text, entry) => {
    const line = entry.lineContaining === '- [ ]' ? text.split(/\r?\n/).findIndex((candidate) => candidate === '- [ ]') : lineOf(text, entry.lineContaining!);
    return toggleProgressItem(targetOf(parsePlan(text), entry.profile), { line, character: 0 }, clockFor(entry));
  });

  it('is offered only on a Progress item', () => {
    const text = readFixture('markDone', 'ssot.md');
    assert.equal(toggleAt(text, 'Next Action:'), undefined);
    assert.equal(toggleAt(text, '# PLAN'), undefined);
    assert.equal(toggleProgressItem(targetOf(parsePlan('## Notes\n- [ ] not progress\n')), { line: 1, character: 0 }, UTC), undefined);
  });

  it('names the action by what it does', () => {
    const text = readFixture('markDone', 'ssot.md');
    assert.equal(toggleAt(text, 'Write the serializer (Owner')!.title, 'Mark done (2026-03-02T12:00:00Z)');
    assert.equal(toggleAt(text, 'Read the report code')!.title, 'Reopen');
  });

  describe('reopening what Mark done wrote gives back the original text', () => {
    for (const [name, entry] of goldenCases('markDone').filter(([name]) => name.startsWith('done-') || name.startsWith('cookbook-done-'))) {
      it(name, () => {
        const text = readFixture('markDone', entry.input);
        const line = entry.lineContaining === '- [ ]' ? text.split('\n').indexOf('- [ ]') : lineOf(text, entry.lineContaining!);
        const done = apply(text, toggleProgressItem(targetOf(parsePlan(text), entry.profile), { line, character: 0 }, UTC)!.edits);
        const itemLine = done.split('\n').findIndex((candidate, index) => index <= line && candidate.startsWith('- [x]') && !text.split('\n').includes(candidate));
        const reopened = apply(done, toggleProgressItem(targetOf(parsePlan(done), entry.profile), { line: itemLine, character: 0 }, UTC)!.edits);
        const original = text.split('\n');
        const back = reopened.split('\n');
        // The item is open again and carries no completion time; a time that was missing stays added.
        assert.equal(back.length, original.length);
        assert.match(back[itemLine]!, /^- \[ \]/);
        assert.doesNotMatch(back[itemLine]!, /done:/);
        assert.deepEqual(back.filter((_, index) => index !== itemLine), original.filter((_, index) => index !== itemLine));
      });
    }
  });
});
