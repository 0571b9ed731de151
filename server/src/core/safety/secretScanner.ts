/**
 * Finds credentials in a section or a line. What it returns never holds a secret's value: only its
 * kind, its place and its masked form.
 */
import type { Range, Section } from '../model/types';
import { maskSecret } from './mask';
import { findKeywordAssignments, secretNameSearch } from './keywordAssignments';
import { SECRET_DETECTORS, URL_CREDENTIALS } from './secretDetectors';
import type { SecretDetector } from './secretDetectors';
import { shannonEntropy } from './entropy';
import { forEachWindow, lineCount, lineRange, sectionLine } from './sectionLines';
import { anyMatches, linesMatching } from './lineFilter';
import { LiteralSet } from '../model/literalSet';
import type { LineTrigger } from './lineFilter';
import { memoizeBySection } from './sectionMemo';
import { replaceLineResults } from '../model/lineage';
import type { LineEditOrigin } from '../model/lineage';

export interface SecretMatch {
  /** Where the secret's value is (what the redact fix replaces). */
  readonly range: Range;
  /** Stable detector id (`github-token`, `keyword-assignment`, ...). */
  readonly detector: string;
  /** What a person calls it (`GitHub token`). */
  readonly kind: string;
  /** The secret masked: prefix and last four characters at most. */
  readonly masked: string;
}

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const PEM_BEGIN_MARK = '-----BEGIN';
const PEM_END_MARK = '-----END ';
const PEM_KIND = 'private key (PEM)';
/** How many lines a private key block may span before the scan gives up on finding its end. */
const MAX_PEM_LINES = 120;
const MIN_PEM_BODY = 64;
const DATA_URI = /data:[\w.+/-]{1,80};base64,/g;
const KEYWORD_DETECTOR = 'keyword-assignment';
/** A line with more credentials than this is reported for the first ones only, which keeps the overlap checks cheap. */
const MAX_PER_LINE = 32;

/**
 * The AWS secret key's pattern needs `secret_access_key` in any case, so the words that name a
 * secret already find its lines; its short hints would only add searches.
 */
const FOUND_BY_SECRET_NAMES = new Set(['aws-secret-access-key']);

/**
 * A line can hold a credential only if it holds one of these: a detector's hint, the `@` that closes
 * a URL's credentials (that detector's own hint, `://`, is on every link), a PEM marker, or a word
 * that names a secret (every keyword assignment has one).
 */
const LINE_PREFILTER: readonly LineTrigger[] = [
  new LiteralSet([...SECRET_DETECTORS.filter((detector) => !FOUND_BY_SECRET_NAMES.has(detector.id)).flatMap((detector) => detector.hints), PEM_BEGIN_MARK]),
  secretNameSearch,
  '@',
];

/**
 * Every credential in the section, in local coordinates. Kept with the section, so an edit elsewhere
 * in the plan does not scan it again.
 */
export const scanSectionForSecrets = memoizeBySection((section: Section): readonly SecretMatch[] => {
  const found: SecretMatch[] = [];
  const count = lineCount(section);
  let nextUnread = 0;
  for (const line of linesMatching(section, LINE_PREFILTER)) {
    // The lines of a private key already reported hold nothing else worth reporting.
    if (line < nextUnread) continue;
    const text = sectionLine(section, line);
    const pem = text.indexOf(PEM_BEGIN_MARK) >= 0 ? findPemBlock(section, line, text, count) : undefined;
    if (!pem) {
      scanLine(text, line, found, []);
      continue;
    }
    found.push(pem.match);
    if (pem.lastLine > line) nextUnread = pem.lastLine + 1;
    else scanLine(text, line, found, [[pem.match.range.start.character, pem.match.range.end.character]]);
  }
  return found;
}, carrySecretsOver);

/**
 * After typing inside one line, only that line's credentials can differ, unless a private key block
 * is near: a block spans lines, so there the whole section is scanned again.
 */
function carrySecretsOver(previous: readonly SecretMatch[], section: Section, origin: LineEditOrigin): readonly SecretMatch[] | undefined {
  const { line } = origin;
  const text = sectionLine(section, line);
  if (mentionsPem(text) || mentionsPem(sectionLine(origin.previous, line)) || pemBeginsBefore(section, line)) return undefined;
  for (const match of previous) if (match.range.start.line !== match.range.end.line) return undefined;
  return replaceLineResults(previous, line, scanLineForSecrets(text, line), (match) => match.range.start.line);
}

function mentionsPem(text: string): boolean {
  return text.includes(PEM_BEGIN_MARK) || text.includes(PEM_END_MARK);
}

/** True when a BEGIN marker sits on one of the lines before `line` that a block starting there could reach. */
function pemBeginsBefore(section: Section, line: number): boolean {
  for (let before = Math.max(0, line - MAX_PEM_LINES); before < line; before++) if (sectionLine(section, before).includes(PEM_BEGIN_MARK)) return true;
  return false;
}

/** False when no line of `text` can hold a credential, so none needs scanning. */
export function mayHoldSecrets(text: string): boolean {
  return anyMatches(text, LINE_PREFILTER);
}

/** Every credential on one line (for text outside sections, such as the frontmatter). */
export function scanLineForSecrets(text: string, line: number): SecretMatch[] {
  const found: SecretMatch[] = [];
  if (anyMatches(text, LINE_PREFILTER)) scanLine(text, line, found, []);
  return found;
}

/** `taken` holds the character ranges of what was already found on this line. */
function scanLine(text: string, line: number, found: SecretMatch[], taken: Array<[number, number]>): void {
  forEachWindow(text, (slice, offset, from, to) => {
    const excluded = dataUriRanges(slice);
    const accept = (start: number, end: number, detector: string, kind: string, masked: string): void => {
      if (start < from || start >= to || taken.length >= MAX_PER_LINE) return;
      if (overlapsSorted(excluded, start, end) || overlapsAny(taken, offset + start, offset + end)) return;
      taken.push([offset + start, offset + end]);
      found.push({ range: lineRange(line, offset + start, offset + end), detector, kind, masked });
    };
    for (const detector of SECRET_DETECTORS) runDetector(detector, slice, accept);
    runDetector(URL_CREDENTIALS, slice, accept);
    for (const assignment of findKeywordAssignments(slice)) {
      const value = slice.slice(assignment.valueStart, assignment.valueEnd);
      accept(assignment.valueStart, assignment.valueEnd, KEYWORD_DETECTOR, `value of \`${assignment.key}\``, maskSecret(value));
    }
  });
}

type Accept = (start: number, end: number, detector: string, kind: string, masked: string) => void;

function runDetector(detector: SecretDetector, text: string, accept: Accept): void {
  if (!detector.hints.some((hint) => text.indexOf(hint) >= 0)) return;
  const pattern = detector.pattern;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const secret = match[detector.secretGroup] ?? '';
    // The secret group closes the match, so its last occurrence in the match is the group itself.
    const start = match.index + match[0].lastIndexOf(secret);
    if (secret.length > 0 && detector.accepts(secret, match)) {
      accept(start, start + secret.length, detector.id, detector.kind, maskSecret(secret, detector.visiblePrefix(secret)));
    }
  }
}

function dataUriRanges(text: string): Array<[number, number]> {
  if (text.indexOf('data:') < 0) return [];
  const ranges: Array<[number, number]> = [];
  DATA_URI.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DATA_URI.exec(text)) !== null) {
    let end = match.index + match[0].length;
    while (end < text.length && isBase64Char(text.charCodeAt(end))) end++;
    ranges.push([match.index, end]);
    DATA_URI.lastIndex = end;
  }
  return ranges;
}

function isBase64Char(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2b || code === 0x2f || code === 0x3d;
}

/** `ranges` sorted by start and disjoint, as {@link dataUriRanges} returns them. */
function overlapsSorted(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo]![0] < end;
}

function overlapsAny(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  for (const [a, b] of ranges) if (start < b && a < end) return true;
  return false;
}

/**
 * A private key block that starts on `line`: the BEGIN marker, then at most {@link MAX_PEM_LINES}
 * lines to its END marker (or the same line, for keys pasted with `\n` escapes). The reported range
 * is the key's body, which the redact fix replaces.
 */
function findPemBlock(section: Section, line: number, text: string, count: number): { match: SecretMatch; lastLine: number } | undefined {
  const begin = PEM_BEGIN.exec(text.length > 8192 ? text.slice(0, 8192) : text);
  if (!begin) return undefined;
  const bodyStart = begin.index + begin[0].length;
  const sameLineEnd = text.indexOf(PEM_END_MARK, bodyStart);
  if (sameLineEnd >= 0) {
    const body = text.slice(bodyStart, sameLineEnd);
    if (!isRealPemBody(body)) return undefined;
    return { match: pemMatch(lineRange(line, bodyStart, sameLineEnd), body), lastLine: line };
  }
  const limit = Math.min(count, line + 1 + MAX_PEM_LINES);
  let body = '';
  for (let next = line + 1; next < limit; next++) {
    const current = sectionLine(section, next);
    const end = current.indexOf(PEM_END_MARK);
    if (end >= 0) {
      body += current.slice(0, end);
      if (!isRealPemBody(body) || next === line + 1) return undefined;
      const lastBody = sectionLine(section, next - 1);
      const firstBody = sectionLine(section, line + 1);
      const indent = firstBody.length - firstBody.trimStart().length;
      const range: Range = { start: { line: line + 1, character: indent }, end: { line: next - 1, character: lastBody.length } };
      return { match: pemMatch(range, body), lastLine: next };
    }
    body += current;
  }
  return undefined;
}

function pemMatch(range: Range, body: string): SecretMatch {
  const compact = body.replace(/\\n|\s/g, '');
  return { range, detector: 'private-key', kind: PEM_KIND, masked: maskSecret(compact) };
}

/** Base64 of real length, not `...`, `<REDACTED>` or a row of `x`. */
function isRealPemBody(body: string): boolean {
  const compact = body.replace(/\\n|\s/g, '');
  if (compact.length < MIN_PEM_BODY) return false;
  const lower = compact.toLowerCase();
  if (lower.includes('...') || lower.includes('…') || lower.includes('<') || lower.includes('redacted') || lower.includes('xxxx')) return false;
  return shannonEntropy(compact) >= 4;
}
