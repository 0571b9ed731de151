/**
 * Finds any of a fixed set of literals (token prefixes, markers) with the engine's native string
 * search instead of one pattern of many alternatives. A pattern such as `AKIA|ghp_|sk-|eyJ|…`
 * must try its alternatives at nearly every character of ordinary text, because its first
 * characters are common letters; each literal here is looked up by its rarest character instead,
 * which ordinary text seldom holds, so most of the text is passed over by a native scan.
 */
import { ascendingDistinct, lineOfOffset } from './lines';

/**
 * Characters of plan text from commonest to rarest, as counted over real plans; characters not
 * listed count as rarer than all of them. Timestamps and lists make `-`, `:` and digits far commoner
 * in a busy plan than their share of prose suggests, so they sit with the common letters.
 */
const COMMONEST_FIRST = ' etanisorcldpu-\n0123456789:mhg`.f/vywb,*kx#ASPICTDREM)(O"_L[]UjNG;Fq6W4H>\\BK<z|V&8Y+={}Z7\'XJQ@~?%$!';

function rarity(character: string): number {
  const rank = COMMONEST_FIRST.indexOf(character);
  return rank < 0 ? COMMONEST_FIRST.length : rank;
}

interface Member {
  readonly word: string;
  /** Where the anchor sits in the word. */
  readonly offset: number;
}

interface Anchor {
  /** What the native search looks for: a word's rarest character and the one after it, if any. */
  readonly text: string;
  readonly members: readonly Member[];
}

/** Characters this rare are looked up alone: few places hold them, so checking each costs little. */
const ALONE_FROM = rarity('_');

/**
 * Two characters are searched inside the engine, which stops only at the first one; a single
 * character is found by a faster scan but returns to the caller at each occurrence. So a word is
 * anchored on its rarest character together with the next one, unless that character is rare
 * enough to be looked up alone (which lets words share the search) or is the word's last.
 */
function anchorOf(word: string): Member & { readonly anchor: string } {
  let best = 0;
  for (let i = 1; i < word.length; i++) if (rarity(word[i]!) > rarity(word[best]!)) best = i;
  const length = rarity(word[best]!) >= ALONE_FROM ? 1 : 2;
  return { word, offset: best, anchor: word.slice(best, best + length) };
}

export class LiteralSet {
  private readonly anchors: readonly Anchor[];

  constructor(words: readonly string[]) {
    const byAnchor = new Map<string, Member[]>();
    for (const word of new Set(words)) {
      if (word.length === 0 || word.includes('\n')) throw new Error(`A literal to search for must be one non-empty line: ${JSON.stringify(word)}`);
      const { anchor, offset } = anchorOf(word);
      const members = byAnchor.get(anchor);
      if (members) members.push({ word, offset });
      else byAnchor.set(anchor, [{ word, offset }]);
    }
    this.anchors = [...byAnchor].map(([text, members]) => ({ text, members }));
  }

  /** True when `text` holds any of the words. */
  isIn(text: string): boolean {
    for (const anchor of this.anchors) {
      for (let at = text.indexOf(anchor.text); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
        if (wordAt(text, at, anchor.members) >= 0) return true;
      }
    }
    return false;
  }

  /** Lines of `text` (starting at `lineStarts`) that hold any of the words, ascending, each once. */
  linesIn(text: string, lineStarts: readonly number[]): number[] {
    let lines: number[] | undefined;
    let searches = 0;
    for (const anchor of this.anchors) {
      const before = lines?.length ?? 0;
      let at = text.indexOf(anchor.text);
      while (at >= 0) {
        const start = wordAt(text, at, anchor.members);
        if (start < 0) {
          at = text.indexOf(anchor.text, at + 1);
          continue;
        }
        const line = lineOfOffset(lineStarts, start);
        (lines ??= []).push(line);
        // After a hit the search resumes at the next line: one hit a line is enough.
        const next = lineStarts[line + 1];
        if (next === undefined) break;
        at = text.indexOf(anchor.text, next);
      }
      if ((lines?.length ?? 0) > before) searches++;
    }
    if (!lines) return [];
    // Each anchor's lines are ascending; only hits from several anchors need sorting.
    return searches > 1 ? ascendingDistinct(lines) : lines;
  }
}

/** Where a member word sharing the anchor found at `at` starts, or -1 when none is there. */
function wordAt(text: string, at: number, members: readonly Member[]): number {
  for (const { word, offset } of members) {
    const start = at - offset;
    if (start >= 0 && text.startsWith(word, start)) return start;
  }
  return -1;
}
