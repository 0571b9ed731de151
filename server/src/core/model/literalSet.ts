/**
 * Finds any of a fixed set of literals (token prefixes, markers) with the engine's native string
 * search instead of one pattern of many alternatives. A pattern such as `AKIA|ghp_|sk-|eyJ|…`
 * must try its alternatives at nearly every character of ordinary text, because its first
 * characters are common letters; the literals here are looked up by a few rare characters instead,
 * which ordinary text seldom holds, so most of the text is passed over by a native scan.
 */
import { hitLines, mergeAscending } from './lines';

/**
 * How often characters occur in plan text, per thousand, as counted over real plans and rounded
 * into tiers; characters not listed are rarer still. Timestamps and lists make `-`, `:` and digits
 * far commoner in a busy plan than their share of prose suggests.
 */
const FREQUENCY_TIERS: ReadonlyArray<readonly [string, number]> = [
  [' ', 130],
  ['e', 90],
  ['tanisor', 50],
  ['cldpu-\n0123456789:', 25],
  ['mhg`.f/vywb,', 12],
  ['*kx#ASPICTDREM)(O"', 4],
  ['_L[]UjNG;FqWHBK<>\\z|V&Y+={}Z\'XJQ@~?%$!', 1],
];
const RAREST = 0.3;

function frequency(character: string): number {
  for (const [characters, perThousand] of FREQUENCY_TIERS) if (characters.includes(character)) return perThousand;
  return RAREST;
}

/**
 * What a search costs per thousand characters of text, in rough nanoseconds. Two characters are
 * searched inside the engine, which stops briefly at each occurrence of the first; one character
 * is found by a faster scan but returns to the caller at each occurrence, which costs more per
 * stop. Every search also costs a call per section searched.
 */
function searchCost(anchor: string): number {
  return 60 + frequency(anchor[0]!) * (anchor.length === 1 ? 30 : 10);
}

interface Member {
  readonly word: string;
  /** Where the anchor first sits in the word. */
  readonly offset: number;
}

interface Anchor {
  /** What the native search looks for: one or two characters of each member word. */
  readonly text: string;
  readonly members: readonly Member[];
}

/**
 * The searches that find every word, chosen greedily: each round takes the one or two characters
 * that cost least per word not yet found, so rare characters win and words share a search where
 * they can (all GitLab prefixes start with `gl`).
 */
function chooseAnchors(words: readonly string[]): Anchor[] {
  const left = new Set(words);
  const anchors: Anchor[] = [];
  while (left.size > 0) {
    let best: { text: string; words: string[]; perWord: number } | undefined;
    for (const word of left) {
      for (let at = 0; at < word.length; at++) {
        for (const length of [1, 2]) {
          if (at + length > word.length) continue;
          const text = word.slice(at, at + length);
          const found = [...left].filter((other) => other.includes(text));
          const perWord = searchCost(text) / found.length;
          if (!best || perWord < best.perWord) best = { text, words: found, perWord };
        }
      }
    }
    const { text, words: found } = best!;
    anchors.push({ text, members: found.map((word) => ({ word, offset: word.indexOf(text) })) });
    for (const word of found) left.delete(word);
  }
  return anchors;
}

export class LiteralSet {
  private readonly anchors: readonly Anchor[];

  constructor(words: readonly string[]) {
    for (const word of words) {
      if (word.length === 0 || word.includes('\n')) throw new Error(`A literal to search for must be one non-empty line: ${JSON.stringify(word)}`);
    }
    this.anchors = chooseAnchors([...new Set(words)]);
  }

  /** True when `text` holds any of the words. */
  isIn(text: string): boolean {
    return this.anchors.some((anchor) => nextWord(text, anchor, 0) >= 0);
  }

  /** Lines of `text` (starting at `lineStarts`) that hold any of the words, ascending, each once. */
  linesIn(text: string, lineStarts: readonly number[]): number[] {
    let lines: number[] = [];
    for (const anchor of this.anchors) {
      // Most searches find nothing; those make no callback and no list.
      const first = nextWord(text, anchor, 0);
      if (first < 0) continue;
      const found = hitLines(lineStarts, (from) => nextWord(text, anchor, from), first);
      lines = lines.length === 0 ? found : mergeAscending(lines, found);
    }
    return lines;
  }
}

/**
 * Where the first word found by `anchor` at or after `from` starts, or -1. A word cannot hold a
 * line break, so one found from an anchor at or after a line's start starts on that line too.
 */
function nextWord(text: string, anchor: Anchor, from: number): number {
  for (let at = text.indexOf(anchor.text, from); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
    const start = wordAt(text, at, anchor.members);
    if (start >= 0) return start;
  }
  return -1;
}

/** Where a member word sharing the anchor found at `at` starts, or -1 when none is there. */
function wordAt(text: string, at: number, members: readonly Member[]): number {
  for (const { word, offset } of members) {
    const start = at - offset;
    if (start >= 0 && text.startsWith(word, start)) return start;
  }
  return -1;
}
