/**
 * Finds dates and times in a line and says which spelling each uses. Every pattern here is anchored
 * (sticky) at a candidate position and has bounded repetition, so scanning stays linear in the line.
 */
import type { Timestamp, TimestampFormat } from './types';

/** A date, real or template (`YYYY-MM-DD`, `2025-XX-XX`), not glued to other digits or letters. */
const DATE = /(?<![\w-])(\d{4}|YYYY)-(\d{2}|MM|XX)-(\d{2}|DD|XX)(?=$|[^\w]|T(?:\d|HH))/gy;
const DATE_CANDIDATE = /(?<![\w-])(?:\d{4}|YYYY)-/g;
/** `T14:00`, `T14:00:00`, `T14:00:00.123`, then an optional zone. */
const ISO_TIME = /T(\d{2}|HH):(\d{2}|MM)(?::(\d{2}|SS)(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?(?![\w:])/y;
/** ` 14:00`, ` 14:00:00`, then an optional zone (`Z`, `UTC`, an offset). */
const SPACE_TIME = /[ ](\d{2}|HH):(\d{2}|MM)(?::(\d{2}|SS))?(Z| ?UTC| ?[+-]\d{2}:?\d{2})?(?![\w:])/y;

export interface TimestampMatch {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly format: TimestampFormat;
  readonly epochMs: number | undefined;
  readonly hasZone: boolean;
  readonly invalidReason?: string;
}

/**
 * Every timestamp in `line`, left to right. `quick` reads the commonest spelling,
 * `2026-02-03T10:00:00Z`, without the patterns (the tests turn it off to compare).
 */
export function findTimestamps(line: string, quick = true): TimestampMatch[] {
  const found: TimestampMatch[] = [];
  // Where the next date may start: past the last one found, or past the last candidate's dash.
  let from = 0;
  for (let start = nextCandidate(line, 0, quick); start >= 0; start = nextCandidate(line, from, quick)) {
    const utc = quick ? utcSecondsAt(line, start) : undefined;
    if (utc) {
      found.push(utc);
      from = utc.end;
      continue;
    }
    DATE.lastIndex = start;
    const date = DATE.exec(line);
    if (!date) {
      from = start + 5;
      continue;
    }
    const match = classify(line, start, date);
    found.push(match);
    from = match.end;
  }
  return found;
}

/**
 * Where the next date may start at or after `from`: four digits or `YYYY` and a dash, not glued to
 * a word or a dash before it. Found from the dashes by native search; a pattern over the whole
 * text would try its alternatives at every character. `quick` off uses the pattern (the tests
 * compare the two).
 */
function nextCandidate(line: string, from: number, quick: boolean): number {
  if (!quick) {
    DATE_CANDIDATE.lastIndex = from;
    return DATE_CANDIDATE.exec(line)?.index ?? -1;
  }
  for (let dash = line.indexOf('-', from + 4); dash >= 0; dash = line.indexOf('-', dash + 1)) {
    const start = dash - 4;
    const before = line.charCodeAt(start - 1);
    if (isYearAt(line, start) && !isWordCode(before) && before !== 0x2d) return start;
  }
  return -1;
}

function isYearAt(line: string, start: number): boolean {
  if (line.startsWith('YYYY', start)) return true;
  for (let i = start; i < start + 4; i++) if (!isDigit(line.charCodeAt(i))) return false;
  return true;
}

/** A `\w` character: ASCII letter, digit or `_` (NaN, outside the text, is not). */
function isWordCode(code: number): boolean {
  return isDigit(code) || code === 0x5f || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/**
 * A timestamp written exactly `YYYY-MM-DDTHH:MM:SSZ` in digits at `start`, read by character codes;
 * undefined for any other spelling, which the patterns read. Most plans write every time this way.
 */
function utcSecondsAt(line: string, start: number): TimestampMatch | undefined {
  const end = start + 20;
  if (end > line.length) return undefined;
  if (
    line.charCodeAt(start + 4) !== 0x2d ||
    line.charCodeAt(start + 7) !== 0x2d ||
    line.charCodeAt(start + 10) !== 0x54 ||
    line.charCodeAt(start + 13) !== 0x3a ||
    line.charCodeAt(start + 16) !== 0x3a ||
    line.charCodeAt(start + 19) !== 0x5a
  ) {
    return undefined;
  }
  const century = twoDigitsAt(line, start);
  const year = twoDigitsAt(line, start + 2);
  const month = twoDigitsAt(line, start + 5);
  const day = twoDigitsAt(line, start + 8);
  const hour = twoDigitsAt(line, start + 11);
  const minute = twoDigitsAt(line, start + 14);
  const second = twoDigitsAt(line, start + 17);
  if ((century | year | month | day | hour | minute | second) < 0) return undefined;
  // What follows must end the time as the ISO pattern's look-ahead does: no word character or colon.
  const after = line.charCodeAt(end);
  if (isWordCode(after) || after === 0x3a) return undefined;
  const fullYear = century * 100 + year;
  if (checkRanges(fullYear, month, day, hour, minute, second, 'Z')) return timestampOf(line, start, end, 'rfc3339', [fullYear, month, day, hour, minute, second], undefined, 'Z');
  return { start, end, raw: line.slice(start, end), format: 'rfc3339', epochMs: utcMs(fullYear, month, day, hour, minute, second), hasZone: true };
}

/** The two ASCII digits at `at` as a number, or -1. */
function twoDigitsAt(line: string, at: number): number {
  const high = line.charCodeAt(at) - 0x30;
  const low = line.charCodeAt(at + 1) - 0x30;
  // NaN past the end fails both comparisons.
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

/**
 * What `Date.UTC` gives for parts already checked to exist (years 0-99 mean 1900-1999, as there),
 * by counting days from the civil date: a builtin call per timestamp was a visible share of parsing.
 */
export function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  // Years start in March, so the leap day is the last day of the year before.
  const shifted = (year < 100 ? year + 1900 : year) - (month <= 2 ? 1 : 0);
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146097 + dayOfEra - 719468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function classify(line: string, start: number, date: RegExpExecArray): TimestampMatch {
  const dateEnd = start + date[0].length;
  const year = date[1]!;
  const month = date[2]!;
  const day = date[3]!;
  const datePlaceholder = !(allDigits(year) && allDigits(month) && allDigits(day));

  ISO_TIME.lastIndex = dateEnd;
  const iso = ISO_TIME.exec(line);
  if (iso) {
    const hour = iso[1]!;
    const minute = iso[2]!;
    const second = iso[3];
    const zone = iso[5];
    const placeholder = datePlaceholder || !(allDigits(hour) && allDigits(minute) && (second === undefined || allDigits(second)));
    const format: TimestampFormat = placeholder
      ? 'placeholder'
      : zone === undefined
        ? 'iso-local'
        : second === undefined
          ? 'iso-minutes'
          : 'rfc3339';
    return build(line, start, dateEnd + iso[0].length, format, year, month, day, hour, minute, second, iso[4], zone);
  }

  SPACE_TIME.lastIndex = dateEnd;
  const spaced = SPACE_TIME.exec(line);
  if (spaced) {
    const hour = spaced[1]!;
    const minute = spaced[2]!;
    const second = spaced[3];
    const placeholder = datePlaceholder || !(allDigits(hour) && allDigits(minute) && (second === undefined || allDigits(second)));
    const trimmedZone = spaced[4]?.trim();
    const format: TimestampFormat = placeholder
      ? 'placeholder'
      : trimmedZone === undefined
        ? 'date-time'
        : trimmedZone === 'UTC'
          ? 'date-time-utc'
          : trimmedZone === 'Z'
            ? 'date-time-z'
            : 'date-time-offset';
    const zoneValue = trimmedZone === 'UTC' ? 'Z' : trimmedZone;
    return build(line, start, dateEnd + spaced[0].length, format, year, month, day, hour, minute, second, undefined, zoneValue);
  }

  // A trailing " UTC" after a bare date is still just a date.
  return build(line, start, dateEnd, datePlaceholder ? 'placeholder' : 'date', year, month, day, undefined, undefined, undefined, undefined, undefined);
}

const PLACEHOLDER_REASON = 'it is template text, not a time';

/** Missing time parts read as zero. */
function build(
  line: string,
  start: number,
  end: number,
  format: TimestampFormat,
  yearText: string,
  monthText: string,
  dayText: string,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  fraction: string | undefined,
  zone: string | undefined,
): TimestampMatch {
  if (format === 'placeholder') {
    return { start, end, raw: line.slice(start, end), format, epochMs: undefined, hasZone: zone !== undefined, invalidReason: PLACEHOLDER_REASON };
  }
  const hour = hourText === undefined ? 0 : digitsValue(hourText);
  const minute = minuteText === undefined ? 0 : digitsValue(minuteText);
  const second = secondText === undefined ? 0 : digitsValue(secondText);
  return timestampOf(line, start, end, format, [digitsValue(yearText), digitsValue(monthText), digitsValue(dayText), hour, minute, second], fraction, zone);
}

/** A timestamp from its parts (year, month, day, hour, minute, second), checked for parts that do not exist. */
function timestampOf(line: string, start: number, end: number, format: TimestampFormat, parts: readonly number[], fraction: string | undefined, zone: string | undefined): TimestampMatch {
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  const raw = line.slice(start, end);
  const hasZone = zone !== undefined;
  const invalidReason = checkRanges(year, month, day, hour, minute, second, zone);
  if (invalidReason) return { start, end, raw, format, epochMs: undefined, hasZone, invalidReason };
  let epochMs = Date.UTC(year, month - 1, day, hour, minute, second);
  if (fraction) epochMs += Math.round(Number(fraction) * 1000);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    epochMs -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return { start, end, raw, format, epochMs, hasZone };
}

/** The value of a run of ASCII digits (the patterns above only let digits through here). */
function digitsValue(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = value * 10 + (text.charCodeAt(i) - 0x30);
  return value;
}

function checkRanges(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string | undefined,
): string | undefined {
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > daysInMonth) return `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}`;
  if (hour > 23) return `hour ${hour} does not exist`;
  if (minute > 59) return `minute ${minute} does not exist`;
  // 60 is a leap second, which RFC 3339 allows.
  if (second > 60) return `second ${second} does not exist`;
  if (zone && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2, 4)) > 59) return `offset ${zone} does not exist`;
  }
  return undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Leap years as `Date.UTC` reads them (years 0-99 mean 1900-1999), so days agree with `epochMs`. */
function isLeapYear(written: number): boolean {
  const year = written < 100 ? written + 1900 : written;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return text.length > 0;
}

/** Converts a match found in a line into a model timestamp at a local line. */
export function toTimestamp(match: TimestampMatch, line: number, inCode: boolean): Timestamp {
  const timestamp: Timestamp = {
    line,
    range: { start: { line, character: match.start }, end: { line, character: match.end } },
    raw: match.raw,
    format: match.format,
    epochMs: match.epochMs,
    hasZone: match.hasZone,
    inCode,
  };
  if (match.invalidReason) (timestamp as { invalidReason?: string }).invalidReason = match.invalidReason;
  return timestamp;
}
