/**
 * Email addresses and phone numbers in plan text. Both are read by hand from an anchor character
 * (`@`, `+`, `(` or a digit at a boundary) over a bounded stretch, so the scan is linear on any line.
 */

import type { LineTrigger } from './lineFilter';

export type PersonalDataKind = 'email' | 'phone';

export interface PersonalDataMatch {
  readonly kind: PersonalDataKind;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

const MAX_LOCAL_PART = 64;
const MAX_DOMAIN = 253;
const MAX_PHONE_TEXT = 24;
const MAX_USERINFO = 256;
/** Endings that make `name@2x.png` a file name rather than an address. */
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'md', 'json', 'yaml', 'yml', 'css', 'scss', 'html', 'txt', 'lock', 'toml', 'py', 'rb', 'go', 'rs', 'java', 'sh', 'zip', 'gz', 'tgz', 'pdf', 'log']);

function isLocalChar(code: number): boolean {
  return isAlnum(code) || code === 0x2e || code === 0x5f || code === 0x25 || code === 0x2b || code === 0x2d;
}

function isDomainChar(code: number): boolean {
  return isAlnum(code) || code === 0x2e || code === 0x2d;
}

function isAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Email addresses in `text`. */
export function findEmails(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL_PART && isLocalChar(text.charCodeAt(start - 1))) start--;
    if (start === at || (start > 0 && isLocalChar(text.charCodeAt(start - 1)))) continue;
    if (isUrlUserinfo(text, start)) continue;
    while (text.charCodeAt(start) === 0x2e) start++;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2d)) end--;
    if (start >= at || !isValidDomain(text.slice(at + 1, end))) continue;
    found.push({ kind: 'email', start, end, value: text.slice(start, end) });
    at = end - 1;
  }
  return found;
}

/**
 * `https://user@host` and `postgres://user:password@host` name an account on a server, not a
 * mailbox: the part before `@` follows `//` with no space or slash in between.
 */
function isUrlUserinfo(text: string, start: number): boolean {
  let i = start;
  const limit = Math.max(0, start - MAX_USERINFO);
  while (i > limit) {
    const code = text.charCodeAt(i - 1);
    if (code === 0x2f /* / */) return text.charCodeAt(i - 2) === 0x2f;
    if (code === 32 || code === 9 || code === 0x40 /* @ */) return false;
    i--;
  }
  return false;
}

function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label.length === 0 || label.length > 63)) return false;
  const tld = labels[labels.length - 1]!.toLowerCase();
  return /^[a-z]{2,24}$/.test(tld) && !FILE_EXTENSIONS.has(tld);
}

/**
 * Every address has an `@`; every phone number found starts with `+`, or ends in three digits, a
 * separator and four digits. A line none of these matches holds neither. The `+` is a literal of
 * its own and the digits are spelled out: as one pattern, `\+\d|\d{3}[ .-]\d{4}` took three times
 * as long over a plan's text, most of it spent looking for the `+`.
 */
export const PERSONAL_DATA_PREFILTER: readonly LineTrigger[] = ['@', '+', /\d\d\d[ .-]\d\d\d\d/g];

const NORTH_AMERICAN = /^(?:\+?1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const INTERNATIONAL_GROUPED = /^\+\d{1,3}(?:[ .-]\(?\d{1,4}\)?){2,6}$/;
const INTERNATIONAL_COMPACT = /^\+\d{8,15}$/;

/** Phone numbers in `text`: international (`+44 20 ...`) or North American (`(415) 555-...`) forms. */
export function findPhones(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const opens = code === 0x2b /* + */ || code === 0x28 /* ( */ || isDigit(code);
    if (!opens || !isDigit(code === 0x2b || code === 0x28 ? text.charCodeAt(i + 1) : code)) continue;
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (isAlnum(before) || before === 0x2e || before === 0x2d || before === 0x2f || before === 0x3a || before === 0x2b || before === 0x5f) {
      continue;
    }
    let end = i + 1;
    while (end < text.length && end - i < MAX_PHONE_TEXT && isPhoneChar(text.charCodeAt(end))) end++;
    const after = text.charCodeAt(end);
    while (end > i && !isDigit(text.charCodeAt(end - 1))) end--;
    const candidate = text.slice(i, end);
    if ((end === i + MAX_PHONE_TEXT && isPhoneChar(after)) || isAlnum(text.charCodeAt(end))) {
      i = end;
      continue;
    }
    if (isPhoneNumber(candidate)) found.push({ kind: 'phone', start: i, end, value: candidate });
    i = Math.max(i, end - 1);
  }
  return found;
}

function isPhoneChar(code: number): boolean {
  return isDigit(code) || code === 32 || code === 0x2d || code === 0x2e || code === 0x28 || code === 0x29;
}

function isPhoneNumber(candidate: string): boolean {
  if (!(NORTH_AMERICAN.test(candidate) || INTERNATIONAL_GROUPED.test(candidate) || INTERNATIONAL_COMPACT.test(candidate))) return false;
  const digits = candidate.replace(/\D/g, '');
  // Real numbers may hold runs like 1234; only a number of one or two digits repeated is filler.
  if (digits.length < 10 || digits.length > 15 || new Set(digits).size <= 2) return false;
  return !isFictional(digits);
}

/** 555 exchange numbers are reserved for fiction and examples in North America. */
function isFictional(digits: string): boolean {
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length === 10 && national.slice(3, 6) === '555';
}
