/**
 * `password = value`, `API_TOKEN: value`, `"client_secret": "value"`: a value assigned to a name
 * that says it is secret. The name is found with one small pattern and the rest is read by hand,
 * character by character, so the cost is linear whatever the line holds.
 */
import { characterClassCount, shannonEntropy } from './entropy';
import { isPlaceholderValue, isReferenceToSecret, isUuid } from './placeholders';
import { hitLines, mergeAscending } from '../model/lines';
import type { LineSearch } from './lineFilter';

export interface KeywordAssignment {
  /** The name the value is assigned to (never secret itself). */
  readonly key: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

const KEYWORD = /password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential/gi;

/** What may follow the keyword inside the name and still name the secret itself (`api_key_value`). */
const SECRET_SUFFIXES = new Set(['', '_key', '-key', 'key', '_value', '-value', 'value', '_string', '_b64', '_base64']);

const MAX_NAME = 64;
const MAX_SPACES = 4;
const MIN_VALUE = 8;
const MAX_VALUE = 256;
const MIN_ENTROPY = 3.0;

function isNameChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x2d || code === 0x2e;
}

function isQuote(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x60;
}

/** A value that ends unquoted at white space or at punctuation that closes an expression. */
function endsUnquotedValue(code: number): boolean {
  return code === 32 || code === 9 || isQuote(code) || code === 0x2c || code === 0x3b || code === 0x29 || code === 0x7d || code === 0x5d || code === 0x3c || code === 0x3e;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  const limit = Math.min(text.length, at + MAX_SPACES);
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

const KEYWORD_ANYWHERE = new RegExp(KEYWORD.source, 'i');

/** How each secret-naming word of {@link KEYWORD} ends (`api_key`, `access-key` and `private key` all end in `key`). */
const KEYWORD_ENDINGS = ['password', 'passwd', 'passphrase', 'pwd', 'secret', 'token', 'key', 'credential'];

/** The last three characters of a name, lower-cased, as one number. */
function tailOf(text: string, end: number): number {
  return ((text.charCodeAt(end - 3) | 0x20) << 16) | ((text.charCodeAt(end - 2) | 0x20) << 8) | (text.charCodeAt(end - 1) | 0x20);
}

/** The tails of every name {@link findKeywordAssignments} accepts: a keyword's ending, then one of the suffixes. */
const SECRET_NAME_TAILS: ReadonlySet<number> = new Set(KEYWORD_ENDINGS.flatMap((word) => [...SECRET_SUFFIXES].map((suffix) => tailOf(word + suffix, word.length + suffix.length))));

/**
 * Finds the lines that can hold a secret-named assignment: an `=` or `:` right after a name that
 * holds a secret-naming word. The operators are found by native search, which is much cheaper than
 * searching for the words (they start with common letters) or any pattern over the whole text.
 */
export const secretNameSearch: LineSearch = {
  isIn(text) {
    return assignmentAt(text, '=', 0) >= 0 || assignmentAt(text, ':', 0) >= 0;
  },
  linesIn(text, lineStarts) {
    const equals = operatorLines(text, lineStarts, '=');
    const colons = operatorLines(text, lineStarts, ':');
    if (equals.length === 0) return colons;
    return colons.length === 0 ? equals : mergeAscending(equals, colons);
  },
};

function operatorLines(text: string, lineStarts: readonly number[], operator: '=' | ':'): number[] {
  const first = assignmentAt(text, operator, 0);
  return first < 0 ? [] : hitLines(lineStarts, (from) => assignmentAt(text, operator, from), first);
}

/** The first `operator` at or after `from` that can end a secret-named assignment, or -1. */
function assignmentAt(text: string, operator: '=' | ':', from: number): number {
  for (let at = text.indexOf(operator, from); at >= 0; at = text.indexOf(operator, at + 1)) {
    if ((operator === '=' || colonMayAssign(text, at)) && namesSecretBefore(text, at)) return at;
  }
  return -1;
}

/**
 * A colon YAML or JSON would read as an assignment (white space, a quote or `=` after it), or one
 * right after a name ending in `key` (AWS's pattern takes `secret_access_key:VALUE`). Most colons of
 * a plan are inside times and URLs and fail both at once.
 */
function colonMayAssign(text: string, colon: number): boolean {
  const after = text.charCodeAt(colon + 1);
  if (after === 32 || after === 9 || after === 0x3d || isQuote(after)) return true;
  const end = nameEndBefore(text, colon);
  const last = text.charCodeAt(end - 1) | 0x20;
  return last === 0x79;
}

/** Where the name before an operator ends: back over the spaces and the closing quote {@link readAssignment} allows. */
function nameEndBefore(text: string, operator: number): number {
  let end = operator;
  const spacesFrom = Math.max(0, operator - MAX_SPACES);
  while (end > spacesFrom && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end > 0 && isQuote(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * True when the name an assignment at `operator` would have holds a secret-naming word. The word
 * starts at most {@link MAX_NAME} characters before the name's end, so no more of the name is read.
 */
function namesSecretBefore(text: string, operator: number): boolean {
  const end = nameEndBefore(text, operator);
  // The name must end with a secret-naming word and one of its suffixes, whose last three letters are
  // few; most names before a colon (`Date`, `Status`, `Owner`) are ruled out without being read.
  if (end < 3 || !SECRET_NAME_TAILS.has(tailOf(text, end))) return false;
  let start = end;
  const nameFrom = Math.max(0, end - MAX_NAME);
  while (start > nameFrom && isNameChar(text.charCodeAt(start - 1))) start--;
  return start < end && KEYWORD_ANYWHERE.test(text.slice(start, end));
}

/** Words joined by dashes or underscores read as prose or an enum value, not a credential. */
function isWordLike(value: string): boolean {
  return /^[A-Za-z]{1,40}(?:[-_. ][A-Za-z]{1,40}){0,8}$/.test(value) && !(value.length >= 20 && shannonEntropy(value) >= 4);
}

/** A value random enough to be a credential rather than a word, a name or a sentence. */
export function looksLikeCredential(value: string): boolean {
  // Cheapest tests first: this runs for every secret-named word on every keystroke.
  if (value.length < MIN_VALUE || characterClassCount(value) < 2 || shannonEntropy(value) < MIN_ENTROPY) return false;
  return !(isPlaceholderValue(value) || isReferenceToSecret(value) || isUuid(value) || isWordLike(value));
}

/** Every secret-named assignment in `text` whose value looks like a real credential. */
export function findKeywordAssignments(text: string): KeywordAssignment[] {
  const found: KeywordAssignment[] = [];
  if (text.indexOf('=') < 0 && text.indexOf(':') < 0) return found;
  KEYWORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  let resumeAt = 0;
  while ((match = KEYWORD.exec(text)) !== null) {
    if (match.index < resumeAt) continue;
    let nameStart = match.index;
    while (nameStart > 0 && match.index - nameStart < MAX_NAME && isNameChar(text.charCodeAt(nameStart - 1))) nameStart--;
    let nameEnd = match.index + match[0].length;
    while (nameEnd < text.length && nameEnd - match.index < MAX_NAME && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
    const suffix = text.slice(match.index + match[0].length, nameEnd).toLowerCase();
    if (!SECRET_SUFFIXES.has(suffix)) continue;
    const assignment = readAssignment(text, nameEnd);
    if (!assignment) continue;
    const value = text.slice(assignment.valueStart, assignment.valueEnd);
    if (!looksLikeCredential(value)) continue;
    found.push({ key: text.slice(nameStart, nameEnd), ...assignment });
    resumeAt = assignment.valueEnd;
    KEYWORD.lastIndex = Math.max(KEYWORD.lastIndex, assignment.valueEnd);
  }
  return found;
}

/** After a name: optional closing quote, `=`, `:`, `:=` or `=>`, then the value, quoted or not. */
function readAssignment(text: string, nameEnd: number): { valueStart: number; valueEnd: number } | undefined {
  let i = nameEnd;
  if (isQuote(text.charCodeAt(i))) i++;
  i = skipSpaces(text, i);
  const first = text.charCodeAt(i);
  if (first === 0x3d /* = */) {
    if (text.charCodeAt(i + 1) === 0x3d) return undefined; // a comparison, not an assignment
    i += text.charCodeAt(i + 1) === 0x3e ? 2 : 1;
  } else if (first === 0x3a /* : */) {
    i += text.charCodeAt(i + 1) === 0x3d ? 2 : 1;
    // `key:value` without a space is a scheme or a path, not YAML.
    if (i < text.length && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9 && !isQuote(text.charCodeAt(i))) return undefined;
  } else {
    return undefined;
  }
  i = skipSpaces(text, i);
  const quote = text.charCodeAt(i);
  if (isQuote(quote)) {
    const valueStart = i + 1;
    const close = text.indexOf(text[i]!, valueStart);
    if (close < 0 || close - valueStart > MAX_VALUE) return undefined;
    return { valueStart, valueEnd: close };
  }
  const valueStart = i;
  let valueEnd = i;
  const limit = Math.min(text.length, i + MAX_VALUE + 1);
  while (valueEnd < limit && !endsUnquotedValue(text.charCodeAt(valueEnd))) valueEnd++;
  if (valueEnd - valueStart > MAX_VALUE) return undefined;
  // Sentence punctuation after an unquoted value belongs to the prose.
  while (valueEnd > valueStart && (text.charCodeAt(valueEnd - 1) === 0x2e || text.charCodeAt(valueEnd - 1) === 0x3a)) valueEnd--;
  return { valueStart, valueEnd };
}
