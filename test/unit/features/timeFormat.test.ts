import { strict as assert } from 'node:assert';
import { formatTimestamp } from '../../../server/src/core/features/timeFormat';

// Single-digit month, day, hour, minute and second, so every field's padding shows.
const EARLY = new Date('2026-03-04T05:06:07Z');
const LATE = new Date('2026-11-22T23:45:59Z');

describe('timestamps written by fixes and completions', () => {
  it('writes every format in UTC with two-digit fields', () => {
    assert.equal(formatTimestamp(EARLY, 'rfc3339'), '2026-03-04T05:06:07Z');
    assert.equal(formatTimestamp(EARLY, 'iso-minutes'), '2026-03-04T05:06Z');
    assert.equal(formatTimestamp(EARLY, 'iso-local'), '2026-03-04T05:06:07');
    assert.equal(formatTimestamp(EARLY, 'date-time-utc'), '2026-03-04 05:06 UTC');
    assert.equal(formatTimestamp(EARLY, 'date-time-z'), '2026-03-04 05:06Z');
    assert.equal(formatTimestamp(EARLY, 'date-time-offset'), '2026-03-04 05:06:07+00:00');
    assert.equal(formatTimestamp(EARLY, 'date-time'), '2026-03-04 05:06');
    assert.equal(formatTimestamp(EARLY, 'date'), '2026-03-04');
    assert.equal(formatTimestamp(LATE, 'rfc3339'), '2026-11-22T23:45:59Z');
  });

  it('writes local time with its offset where the format can say one', () => {
    assert.equal(formatTimestamp(LATE, 'rfc3339', 'local', 9 * 60), '2026-11-23T08:45:59+09:00');
    assert.equal(formatTimestamp(EARLY, 'iso-minutes', 'local', -(5 * 60 + 30)), '2026-03-03T23:36-05:30');
    assert.equal(formatTimestamp(EARLY, 'date-time-offset', 'local', 60), '2026-03-04 06:06:07+01:00');
    assert.equal(formatTimestamp(EARLY, 'rfc3339', 'local', 0), '2026-03-04T05:06:07Z');
  });

  it('ignores the offset in UTC and in formats that can only say UTC', () => {
    assert.equal(formatTimestamp(EARLY, 'rfc3339', 'utc', 9 * 60), '2026-03-04T05:06:07Z');
    assert.equal(formatTimestamp(EARLY, 'date-time-utc', 'local', 9 * 60), '2026-03-04 05:06 UTC');
    assert.equal(formatTimestamp(EARLY, 'date', 'local', 9 * 60), '2026-03-04');
  });

  it('takes the machine\'s offset when none is given', () => {
    const offset = -LATE.getTimezoneOffset();
    assert.equal(formatTimestamp(LATE, 'rfc3339', 'local'), formatTimestamp(LATE, 'rfc3339', 'local', offset));
  });
});
