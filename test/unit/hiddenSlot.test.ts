/**
 * The engine keeps a section's cache, a report's finding and a list's findings in hidden slots. A
 * copy of an object made by spreading it must not read the original's cache: an edited copy of a
 * report would otherwise be shown with the finding of the report it was copied from.
 */
import { strict as assert } from 'node:assert';
import { hiddenSlot } from '../../server/src/core/hiddenSlot';

describe('hidden slots', () => {
  it('keep a value with its object, and a spread copy starts empty', () => {
    const slot = hiddenSlot<string>('test');
    const report = { message: 'first' };
    slot.set(report, 'finding of first');
    assert.equal(slot.get(report), 'finding of first');
    const copy = { ...report, message: 'second' };
    assert.equal(slot.get(copy), undefined);
    slot.set(copy, 'finding of second');
    assert.equal(slot.get(copy), 'finding of second');
    assert.equal(slot.get(report), 'finding of first');
  });

  it('stay out of the fields a caller lists or serialises', () => {
    const slot = hiddenSlot<number>('test');
    const section = { text: 'a' };
    slot.set(section, 1);
    assert.deepEqual(Object.keys(section), ['text']);
    assert.equal(JSON.stringify(section), '{"text":"a"}');
  });

  it('keep values for frozen objects, including a frozen copy of an object that had one', () => {
    const slot = hiddenSlot<string>('test');
    const original = { a: 1 };
    slot.set(original, 'original');
    const frozen = Object.freeze({ ...original });
    assert.equal(slot.get(frozen), undefined);
    slot.set(frozen, 'frozen');
    assert.equal(slot.get(frozen), 'frozen');
    assert.equal(slot.get(original), 'original');
  });
});
