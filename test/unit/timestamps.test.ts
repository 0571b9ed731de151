/**
 * The commonest timestamp spelling is read without the patterns. Whatever a line holds, the
 * timestamps found must be the ones the patterns find: same places, formats, times and reasons.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findTimestamps, utcMs } from '../../server/src/core/model/timestamps';

const RUNS = Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400);

/** Whole timestamps, near misses and what may sit around them. */
const PIECES = [
  '2026-02-03T10:00:00Z', '2026-02-30T10:00:00Z', '2026-13-03T10:00:00Z', '2026-02-03T24:00:00Z', '2026-02-03T10:61:00Z', '2024-02-29T23:59:60Z',
  '0099-01-01T00:00:00Z', '2026-02-03T10:00:00', '2026-02-03T10:00Z', '2026-02-03T10:00:00.5Z', '2026-02-03T10:00:00+02:00', '2026-02-03 10:00 UTC',
  'YYYY-MM-DDTHH:MM:SSZ', '2026-02-03', '2026-02-03t10:00:00z', '2026-02-03T10:00:00z', '2026-02-0310:00:00Z', '2026-02-03T10:00:0xZ', '2026-02-03T1x:00:00Z', '2026-02-03T10:00:00ZZ',
  'Z', 'x', '_', ':', '5', '.', '-', ' ', '`', 'T', 'é', '2026-',
];

describe('timestamps', () => {
  it('reads the commonest spelling as the patterns do, whatever surrounds it', () => {
    let quick = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }), (pieces) => {
        const line = pieces.join('');
        const found = findTimestamps(line);
        if (found.some((stamp) => stamp.format === 'rfc3339' && stamp.raw.length === 20)) quick++;
        assert.deepEqual(found, findTimestamps(line, false));
      }),
      { numRuns: RUNS },
    );
    assert.ok(quick > RUNS / 20, `only ${quick} of ${RUNS} lines held the commonest spelling`);
  });

  it('counts the same milliseconds as Date.UTC for every date that exists, leap days and seconds included', () => {
    const parts = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 60 }))
      // Date.UTC's own month length (it reads years 0-99 as 1900-1999, as utcMs does).
      .map(([year, month, day, hour, minute, second]) => [year, month, Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()), hour, minute, second] as const);
    fc.assert(
      fc.property(parts, ([year, month, day, hour, minute, second]) => {
        assert.equal(utcMs(year, month, day, hour, minute, second), Date.UTC(year, month - 1, day, hour, minute, second));
      }),
      { numRuns: RUNS },
    );
    for (const year of [0, 99, 100, 1900, 2000, 2024, 2100]) assert.equal(utcMs(year, 2, 28, 23, 59, 60), Date.UTC(year, 1, 28, 23, 59, 60), `year ${year}`);
  });

  it('reads a UTC time to the second, and says why an impossible one is not a time', () => {
    const [stamp] = findTimestamps('- [x] 2026-02-03T10:20:30Z - shipped');
    assert.equal(stamp!.format, 'rfc3339');
    assert.equal(stamp!.epochMs, Date.UTC(2026, 1, 3, 10, 20, 30));
    assert.deepEqual([stamp!.start, stamp!.end], [6, 26]);
    assert.match(findTimestamps('2026-02-30T10:00:00Z')[0]!.invalidReason!, /day 30 does not exist/);
    assert.equal(findTimestamps('2026-02-03T10:00:00Zx')[0]!.format, 'date');
  });
});
