/**
 * A quick reader for the frontmatter most plans write: one `key: value` field a line, with plain
 * words for values or a one-line list of plain words (`tags: [a, b]`). The `yaml` package reads
 * every other frontmatter, and this reader gives up on the first line it is not sure of, so YAML's
 * meaning is never guessed: a value it keeps is one that YAML's core schema reads as that same
 * string. The `yaml` package costs about as much for eight fields as parsing 2 KB of Markdown;
 * this reader costs a few microseconds. A property test holds its results equal to the package's.
 */

import { lineContentEnd } from './lines';

/** One field as offsets into the frontmatter text, the form the `yaml` package's nodes give. */
export interface RawField {
  readonly key: string;
  readonly value: string | string[];
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** A quick field also says which line of the frontmatter it is on and where that line starts. */
export interface FlatField extends RawField {
  readonly line: number;
  readonly lineStart: number;
}

/**
 * Keys YAML's core schema reads as something other than a string. A quick key starts with a
 * letter or `_`, so of the plain words that are not strings only these can be one.
 */
const NOT_A_STRING_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Plain words YAML's core schema reads as something other than a string. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters that give a plain value's first character a YAML meaning (quotes, tags, anchors, ...). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
/** The first characters of the words {@link NOT_A_STRING} matches; a word starting otherwise is a string. */
const NOT_A_STRING_STARTS = '~nNtTfF0123456789+-.';
/** Longest key read; YAML refuses implicit keys over 1,024 characters, so longer ones are left for it to report. */
const MAX_KEY_LENGTH = 1000;

/**
 * The fields of `raw`, or undefined when any line is not a quick field, a blank line or a
 * comment, or when a key repeats (YAML reports that, so the package must see it).
 */
export function readFlatFields(raw: string): FlatField[] | undefined {
  const fields: FlatField[] = [];
  const keys = new Set<string>();
  let line = 0;
  for (let start = 0; start < raw.length; line++) {
    const end = lineContentEnd(raw, start);
    const ending = raw.charCodeAt(end);
    // A lone `\r` is left to the package, like everything else this reader is not sure of.
    if (ending === 13 && raw.charCodeAt(end + 1) !== 10) return undefined;
    const field = readLine(raw, start, end, line);
    if (field === undefined) return undefined;
    if (field !== null) {
      if (keys.has(field.key)) return undefined;
      keys.add(field.key);
      fields.push(field);
    }
    start = end + (ending === 13 ? 2 : 1);
  }
  return fields.length > 0 ? fields : undefined;
}

/**
 * A field, null for a blank or comment line, undefined for anything else. A field is a key (a
 * letter or `_`, then letters, digits, `_` and `-`), a colon, spaces and a value.
 */
function readLine(raw: string, start: number, end: number, line: number): FlatField | null | undefined {
  if (start === end) return null;
  const first = raw.charCodeAt(start);
  if (first === 35 /* # */) return safeText(raw, start, end) ? null : undefined;
  if (!isKeyStart(first)) return undefined;
  let keyEnd = start + 1;
  while (keyEnd < end && isKeyPart(raw.charCodeAt(keyEnd))) keyEnd++;
  if (raw.charCodeAt(keyEnd) !== 58 /* : */ || raw.charCodeAt(keyEnd + 1) !== 32) return undefined;
  const key = raw.slice(start, keyEnd);
  if (key.length > MAX_KEY_LENGTH || NOT_A_STRING_KEYS.has(key)) return undefined;
  let valueStart = keyEnd + 2;
  while (valueStart < end && raw.charCodeAt(valueStart) === 32) valueStart++;
  let valueEnd = end;
  while (valueEnd > valueStart && raw.charCodeAt(valueEnd - 1) === 32) valueEnd--;
  if (valueStart >= valueEnd || !safeText(raw, valueStart, valueEnd)) return undefined;
  const text = raw.slice(valueStart, valueEnd);
  const value = text.charCodeAt(0) === 91 /* [ */ ? flowWords(text) : plainWord(text, false) ? text : undefined;
  if (value === undefined) return undefined;
  return { key, value, keyStart: start, keyEnd, valueStart, valueEnd, line, lineStart: start };
}

function isKeyStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isKeyPart(code: number): boolean {
  return isKeyStart(code) || (code >= 48 && code <= 57) || code === 45;
}

/** `[a, b, c]` with plain words only; undefined for anything else. */
function flowWords(text: string): string[] | undefined {
  if (text.charCodeAt(text.length - 1) !== 93 /* ] */) return undefined;
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return inner === '' ? [] : undefined;
  const words: string[] = [];
  for (const part of inner.split(',')) {
    const word = part.trim();
    if (!plainWord(word, true)) return undefined;
    words.push(word);
  }
  return words;
}

/**
 * True when `word` is a plain value YAML reads as exactly this string: no indicator first, no
 * comment or mapping inside, not a null, boolean or number, and in a list no list punctuation.
 */
function plainWord(word: string, inList: boolean): boolean {
  if (word === '' || INDICATORS.includes(word[0]!)) return false;
  if (word.includes(': ') || word.includes(' #') || word.endsWith(':')) return false;
  if (inList && (/[[\]{},]/.test(word) || word.includes(':'))) return false;
  return !(NOT_A_STRING_STARTS.includes(word[0]!) && NOT_A_STRING.test(word));
}

/** No tab, control character, line separator or byte order mark, which YAML treats apart. */
function safeText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || (c >= 127 && c < 160) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
    if (c >= 0xd800 && c <= 0xdfff) return false;
  }
  return true;
}
