/**
 * The time an edit writes. Edits never read the system clock themselves: the caller passes the
 * moment and the zone, so tests and the CLI get reproducible text.
 */
import type { TimestampFormat } from '../../model/types';
import { formatTimestamp } from '../timeFormat';
import type { TimestampZone } from '../timeFormat';

export interface EditClock {
  readonly now: Date;
  /** `utc` writes `Z`; `local` writes the numeric offset where the format can carry one. */
  readonly zone: TimestampZone;
  /** The local offset east of UTC in minutes; defaults to the offset of this process at `now`. */
  readonly offsetMinutes?: number;
}

/** A UTC clock at `now`: the default when no zone is configured. */
export function utcClock(now: Date): EditClock {
  return { now, zone: 'utc' };
}

/** Reads a setting value as a zone, defaulting to UTC for anything unexpected. */
export function parseTimestampZone(value: unknown): TimestampZone {
  return value === 'local' ? 'local' : 'utc';
}

/** `now` written in `format`. */
export function stamp(clock: EditClock, format: TimestampFormat): string {
  return formatTimestamp(clock.now, format, clock.zone, clock.offsetMinutes ?? -clock.now.getTimezoneOffset());
}
