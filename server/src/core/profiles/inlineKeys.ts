/**
 * Field names written inside a line: `Evidence:` in `- found it (Evidence: log.txt)`, `**Author**:`.
 * A key is one to three words, the first capitalised, set off before by white space, one of
 * `(;,|*_` or the line start, and followed by a colon and then white space or the line end.
 *
 * Lines are read from each colon backwards rather than by trying a pattern at every character:
 * most characters of an entry are not near a colon, and this runs on every line of every entry.
 * Read left to right with the leftmost match winning, the rule gives the same keys.
 */

const STAR = 42;
/** At most this many words make a key (`Acceptance/Test`, `Next Action`, `Date/Author`). */
const MAX_KEY_WORDS = 3;

/** Adds the keys found in `text[start, end)` (one line, without its ending) to `into`, in lower case. */
export function addInlineKeys(text: string, start: number, end: number, into: Set<string>): void {
  for (let colon = text.indexOf(':', start); colon >= 0 && colon < end; colon = text.indexOf(':', colon + 1)) {
    if (colon + 1 < end && !isSpace(text.charCodeAt(colon + 1))) continue;
    const keyEnd = keyEndBefore(text, start, colon);
    if (keyEnd < 0) continue;
    const keyStart = leftmostKeyStart(text, start, keyEnd);
    if (keyStart >= 0) into.add(text.slice(keyStart, keyEnd).toLowerCase());
  }
}

/**
 * Where the key ends for a colon at `colon`: before white space, then optionally a run of `*` and
 * more white space (the closing emphasis of `**Key** :`). -1 when no letter ends a key there.
 */
function keyEndBefore(text: string, start: number, colon: number): number {
  let at = colon - 1;
  while (at >= start && isSpace(text.charCodeAt(at))) at--;
  if (at >= start && text.charCodeAt(at) === STAR) {
    while (at >= start && text.charCodeAt(at) === STAR) at--;
    while (at >= start && isSpace(text.charCodeAt(at))) at--;
  }
  return at >= start && isLetter(text.charCodeAt(at)) ? at + 1 : -1;
}

/**
 * The earliest start of a key ending at `keyEnd`: the key is the last one to three words (runs of
 * letters joined by single ` /&-` characters), its first word capitalised and set off before.
 * Earlier starts are preferred, as a left-to-right reading would find them first. -1 when none fits.
 */
function leftmostKeyStart(text: string, start: number, keyEnd: number): number {
  // Word starts from the last word backwards; at most three, so no array is needed.
  let last = -1;
  let middle = -1;
  let first = -1;
  let wordEnd = keyEnd;
  for (let words = 0; words < MAX_KEY_WORDS; words++) {
    let wordStart = wordEnd - 1;
    while (wordStart > start && isLetter(text.charCodeAt(wordStart - 1))) wordStart--;
    if (words === 0) last = wordStart;
    else if (words === 1) middle = wordStart;
    else first = wordStart;
    // Another word before this one needs a single separator and a letter before it.
    if (wordStart - 2 < start || !isSeparator(text.charCodeAt(wordStart - 1)) || !isLetter(text.charCodeAt(wordStart - 2))) break;
    wordEnd = wordStart - 1;
  }
  if (first >= 0 && opensKey(text, start, first)) return first;
  if (middle >= 0 && opensKey(text, start, middle)) return middle;
  return opensKey(text, start, last) ? last : -1;
}

/** A key may start here: a capital letter at the line start or after one of the opening characters. */
function opensKey(text: string, start: number, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 65 || code > 90) return false;
  return at === start || isOpener(text.charCodeAt(at - 1));
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** ` `, `/`, `&`, `-`: what joins the words of a key. */
function isSeparator(code: number): boolean {
  return code === 32 || code === 47 || code === 38 || code === 45;
}

/** White space or one of `(;,|*_`: what may stand right before a key. */
function isOpener(code: number): boolean {
  return code === 40 || code === 59 || code === 44 || code === 124 || code === STAR || code === 95 || isSpace(code);
}

/** The characters a regular expression's `\s` matches. */
export function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
