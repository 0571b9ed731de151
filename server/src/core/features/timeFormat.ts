/** Writes a time the way a profile spells timestamps. */
import type { TimestampFormat } from '../model/types';

export type TimestampZone = 'utc' | 'local';

/** Two digits for the fields of a time (all below 100); years are written as they are. */
const pad = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

/**
 * Formats `date` in `format`. With `zone: 'local'` the local offset is written (`+09:00`);
 * formats that can only say UTC (`... UTC`, `...Z`) always write UTC.
 */
export function formatTimestamp(date: Date, format: TimestampFormat, zone: TimestampZone = 'utc', localOffsetMinutes?: number): string {
  const useLocal = zone === 'local' && (format === 'rfc3339' || format === 'iso-minutes' || format === 'date-time-offset');
  // The machine's offset is looked up only when it is written: most times are written in UTC.
  const offsetMinutes = useLocal ? (localOffsetMinutes ?? -date.getTimezoneOffset()) : 0;
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const day = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const minutes = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  const seconds = `${minutes}:${pad(shifted.getUTCSeconds())}`;
  const offset = useLocal ? formatOffset(offsetMinutes) : 'Z';
  switch (format) {
    case 'rfc3339':
      return `${day}T${seconds}${offset}`;
    case 'iso-minutes':
      return `${day}T${minutes}${offset}`;
    case 'iso-local':
      return `${day}T${seconds}`;
    case 'date-time-utc':
      return `${day} ${minutes} UTC`;
    case 'date-time-z':
      return `${day} ${minutes}Z`;
    case 'date-time-offset':
      return `${day} ${seconds}${useLocal ? formatOffset(offsetMinutes) : '+00:00'}`;
    case 'date-time':
      return `${day} ${minutes}`;
    case 'date':
    case 'placeholder':
      return day;
  }
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
