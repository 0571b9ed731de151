/**
 * Finds bare URLs (`https://x`, `ftp://x`, `mailto:a@b`) in a line the way GitHub-flavoured
 * autolinking reads them: the scheme must not be glued to a word before it, the URL runs to white
 * space or `<`, and trailing punctuation and closing brackets it did not open are not part of it. One
 * pass over the line with no regular expression, so each URL costs about its own length.
 */

export interface BareUrl {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

const SCHEMES = ['https', 'http', 'ftp'];
const MAX_SCHEME_LENGTH = 5;
/** Longest URL read; the rest of a longer run is left alone. */
const MAX_URL_LENGTH = 2048;

export function findBareUrls(line: string): BareUrl[] {
  const found: BareUrl[] = [];
  let from = 0;
  // Next occurrences, searched again only once passed, so a long line is read a bounded number of times.
  let slash = -2;
  let mail = -2;
  for (;;) {
    if (slash !== -1 && slash < from) slash = line.indexOf('://', from);
    if (mail !== -1 && mail < from) mail = line.indexOf('mailto:', from);
    if (slash < 0 && mail < 0) break;
    if (mail >= 0 && (slash < 0 || mail < slash)) {
      const url = mailtoAt(line, mail);
      if (url) found.push(url);
      from = url ? url.end : mail + 7;
      continue;
    }
    const url = schemeUrlAt(line, slash);
    if (url) found.push(url);
    from = url ? url.end : slash + 3;
  }
  return found;
}

function schemeUrlAt(line: string, slash: number): BareUrl | undefined {
  let start = slash;
  // Look back no further than the longest scheme and one more character.
  while (start > 0 && slash - start <= MAX_SCHEME_LENGTH && isSchemeChar(line.charCodeAt(start - 1))) start--;
  const known = SCHEMES.find((name) => slash - start >= name.length && holdsFolded(line, slash - name.length, name));
  if (!known) return undefined;
  start = slash - known.length;
  if (start > 0 && !mayPrecede(line.charCodeAt(start - 1))) return undefined;
  const hostStart = slash + 3;
  if (!isHostChar(line.charCodeAt(hostStart))) return undefined;
  const end = urlEnd(line, hostStart);
  if (end <= hostStart) return undefined;
  return { start, end, url: line.slice(start, end) };
}

/** True when `text` holds `word` (lower-case letters) at `at`, in any case: a scheme's letters, say. */
export function holdsFolded(text: string, at: number, word: string): boolean {
  if (at < 0 || text.length < at + word.length) return false;
  // Only letters turn into lower-case letters when 0x20 is set.
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(at + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

function mailtoAt(line: string, at: number): BareUrl | undefined {
  if (at > 0 && !mayPrecede(line.charCodeAt(at - 1))) return undefined;
  const end = urlEnd(line, at + 7);
  const address = line.slice(at + 7, end);
  const sign = address.indexOf('@');
  if (sign <= 0 || sign === address.length - 1) return undefined;
  return { start: at, end, url: line.slice(at, end) };
}

/**
 * Where the URL that continues at `from` ends: at white space or `<`, at a closing bracket that
 * no bracket inside the URL opened, and before trailing punctuation.
 */
function urlEnd(line: string, from: number): number {
  const limit = Math.min(line.length, from + MAX_URL_LENGTH);
  let end = from;
  let parens = 0;
  let squares = 0;
  let braces = 0;
  for (; end < limit; end++) {
    const code = line.charCodeAt(end);
    if (!isUrlChar(code)) break;
    if (code === 0x28) parens++;
    else if (code === 0x5b) squares++;
    else if (code === 0x7b) braces++;
    else if (code === 0x29 && --parens < 0) break;
    else if (code === 0x5d && --squares < 0) break;
    else if (code === 0x7d && --braces < 0) break;
  }
  while (end > from && isTrailingPunctuation(line.charCodeAt(end - 1))) end--;
  return end;
}

function isUrlChar(code: number): boolean {
  // Not white space, control characters, `<`, `>`, `"` or a backtick.
  return code > 0x20 && code !== 0x7f && code !== 0x3c && code !== 0x3e && code !== 0x22 && code !== 0x60 && code !== 0xa0 && code !== 0x3000;
}

function isTrailingPunctuation(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f || code === 0x27 || code === 0x2a || code === 0x5f || code === 0x7e;
}

/**
 * A URL starts after white space or punctuation, but not after a word character, `_`, a backtick
 * (it is code then) or `$+=^|~`, as autolinking in rendered Markdown has it.
 */
function mayPrecede(code: number): boolean {
  if (code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000) return true;
  if (code === 0x3c || code === 0x3e) return true;
  return (code >= 0x21 && code <= 0x23) || (code >= 0x25 && code <= 0x2a) || (code >= 0x2c && code <= 0x2f) || code === 0x3a || code === 0x3b || code === 0x3f || code === 0x40 || (code >= 0x5b && code <= 0x5d) || code === 0x7b || code === 0x7d;
}

function isSchemeChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isWordChar(code: number): boolean {
  return isSchemeChar(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

function isHostChar(code: number): boolean {
  return isWordChar(code) || code === 0x5b /* [ for IPv6 */ || code > 0x7f;
}
