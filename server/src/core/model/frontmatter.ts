/**
 * Reads the YAML frontmatter at the top of a plan with the `yaml` package. YAML here is data only:
 * nothing is evaluated, custom tags stay unresolved strings, aliases are refused (they are how
 * "billion laughs" documents explode), and size and nesting are capped before parsing starts.
 */
import { isMap, isScalar, parseDocument, visit } from 'yaml';
import type { Frontmatter, FrontmatterField, FrontmatterProblem, Range } from './types';
import { computeLineStarts, lineContentEnd, lineOfOffset } from './lines';
import { readFlatFields } from './flatFrontmatter';
import type { FlatField } from './flatFrontmatter';

/** Frontmatter larger than this is reported, not parsed. */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;
/** Deeper nesting than this is reported, not parsed. */
export const MAX_FRONTMATTER_DEPTH = 64;

const OPEN = /^---([A-Za-z]*)[ \t]*$/;

/** Where the frontmatter block is, before it is parsed. */
export interface FrontmatterBlock {
  readonly endLine: number;
  /** Offset just past the closing fence's line ending. */
  readonly bodyStartOffset: number;
  readonly closed: boolean;
  readonly language: string;
  /** Offset range of the YAML text inside the fences. */
  readonly rawStart: number;
  readonly rawEnd: number;
}

/** Finds a frontmatter block at the top of `text`, or undefined when the text does not open with `---`. */
export function locateFrontmatter(text: string): FrontmatterBlock | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEnd = lineContentEnd(text, bom);
  const open = OPEN.exec(text.slice(bom, firstEnd));
  if (!open) return undefined;
  const rawStart = nextLineStart(text, firstEnd);
  let line = 1;
  let start = rawStart;
  while (start < text.length) {
    const end = lineContentEnd(text, start);
    if (isClosingLine(text, start, Math.min(end, start + CLOSE_READ))) {
      return { endLine: line, bodyStartOffset: nextLineStart(text, end), closed: true, language: open[1]!, rawStart, rawEnd: start };
    }
    line++;
    start = nextLineStart(text, end);
    if (start === end) break;
  }
  return { endLine: 0, bodyStartOffset: 0, closed: false, language: open[1]!, rawStart, rawEnd: text.length };
}

/** How much of a line is read for a closing fence. */
const CLOSE_READ = 16;

/**
 * True when `text` from `start` to `end` is a closing fence: `---` or `...`, then only spaces and
 * tabs. Read by character: the block's every line is asked, and a pattern per line cost more.
 */
function isClosingLine(text: string, start: number, end: number): boolean {
  const mark = text.charCodeAt(start);
  if ((mark !== 0x2d && mark !== 0x2e) || end - start < 3 || text.charCodeAt(start + 1) !== mark || text.charCodeAt(start + 2) !== mark) return false;
  for (let at = start + 3; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function nextLineStart(text: string, contentEnd: number): number {
  if (text.charCodeAt(contentEnd) === 13 && text.charCodeAt(contentEnd + 1) === 10) return contentEnd + 2;
  return contentEnd < text.length ? contentEnd + 1 : contentEnd;
}

/**
 * Frontmatter the `yaml` package read, kept by its text since most edits leave it alone. Flat
 * frontmatter is not kept the same way: the quick reader reads it again for less than a kept result
 * costs, as every kept result outlives a young-generation collection or two and makes each of them
 * slower. Only the last one read is kept, so a plan parsed twice in a row holds one copy of it
 * (the language server's open plans took 6.40x their text without it, 5.97x with it).
 */
const packageReadCache = new Map<string, Omit<Frontmatter, 'startLine' | 'endLine' | 'closed'>>();
const CACHE_LIMIT = 64;
let lastQuickRead: Parsed | undefined;

/** Parses the located block. */
export function parseFrontmatter(text: string, block: FrontmatterBlock): Frontmatter {
  const raw = text.slice(block.rawStart, block.rawEnd);
  const parsed = (block.closed ? readQuicklyOnce(raw, block.language) : undefined) ?? readKept(raw, block);
  return { startLine: 0, endLine: block.endLine, closed: block.closed, ...parsed };
}

function readQuicklyOnce(raw: string, language: string): Parsed | undefined {
  if (lastQuickRead !== undefined && lastQuickRead.raw === raw && lastQuickRead.language === language) return lastQuickRead;
  const parsed = readQuickly(raw, language);
  if (parsed) lastQuickRead = parsed;
  return parsed;
}

function readKept(raw: string, block: FrontmatterBlock): Parsed {
  const key = block.language + '\u0000' + (block.closed ? 'c' : 'o') + raw;
  let parsed = packageReadCache.get(key);
  if (!parsed) {
    parsed = block.closed ? readYaml(raw, block.language, false) : unclosed(raw, block.language);
    if (packageReadCache.size >= CACHE_LIMIT) packageReadCache.delete(packageReadCache.keys().next().value!);
    packageReadCache.set(key, parsed);
  }
  return parsed;
}

type Parsed = Omit<Frontmatter, 'startLine' | 'endLine' | 'closed'>;

function unclosed(raw: string, language: string): Parsed {
  const problem: FrontmatterProblem = {
    message: 'The frontmatter opened by `---` on the first line is never closed; add a `---` line after the last field.',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 + language.length } },
    severity: 'error',
  };
  return { raw, language, data: undefined, fields: new Map(), problems: [problem] };
}

/**
 * Reads the YAML between the fences. Flat frontmatter goes through the quick reader; the `yaml`
 * package reads the rest, and reads everything when `quick` is false (the tests compare the two).
 */
export function readYaml(raw: string, language: string, quick = true): Parsed {
  const quickly = quick ? readQuickly(raw, language) : undefined;
  if (quickly) return quickly;
  // Line starts are found only for frontmatter the quick reader leaves to the package.
  let starts: number[] | undefined;
  /** Frontmatter text starts on document line 1. */
  const rangeOf = (from: number, to: number): Range => {
    starts ??= computeLineStarts(raw);
    const a = lineOfOffset(starts, from);
    const b = lineOfOffset(starts, to);
    return { start: { line: a + 1, character: from - starts[a]! }, end: { line: b + 1, character: to - starts[b]! } };
  };
  const whole = (): Range => {
    // The whole text up to its last character, not into the line ending after it (`\r\n` is two).
    let contentEnd = raw.length;
    while (contentEnd > 0 && (raw.charCodeAt(contentEnd - 1) === 10 || raw.charCodeAt(contentEnd - 1) === 13)) contentEnd--;
    return rangeOf(0, contentEnd);
  };
  const fail = (message: string): Parsed => ({ raw, language, data: undefined, fields: new Map(), problems: [{ message, range: whole(), severity: 'error' }] });

  if (!isYamlLanguage(language)) {
    const problem: FrontmatterProblem = {
      message: `Frontmatter in \`${language}\` is not read (only YAML is, and nothing in a plan is ever run); use \`---\` with YAML fields.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 + language.length } },
      severity: 'error',
    };
    return { raw, language, data: undefined, fields: new Map(), problems: [problem] };
  }
  if (raw.length > MAX_FRONTMATTER_BYTES) {
    return fail(`The frontmatter is ${raw.length} characters long; frontmatter over ${MAX_FRONTMATTER_BYTES} is not read.`);
  }
  if (nestingDepth(raw) > MAX_FRONTMATTER_DEPTH) {
    return fail(`The frontmatter nests deeper than ${MAX_FRONTMATTER_DEPTH} levels and is not read.`);
  }

  let doc;
  try {
    doc = parseDocument(raw, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'silent' });
  } catch (error) {
    return fail(`The frontmatter could not be read as YAML: ${(error as Error).message}`);
  }
  const problems: FrontmatterProblem[] = [];
  for (const error of doc.errors) problems.push({ message: yamlMessage(error.message), range: rangeOf(error.pos[0], error.pos[1]), severity: 'error' });
  for (const warning of doc.warnings) problems.push({ message: yamlMessage(warning.message), range: rangeOf(warning.pos[0], warning.pos[1]), severity: 'warning' });

  let alias: [number, number] | undefined;
  // An alias is written `*name`: without a `*` there is none to look for.
  if (raw.includes('*')) visit(doc, {
    Alias(_key, node) {
      alias = node.range ? [node.range[0], node.range[1]] : [0, 0];
      return visit.BREAK;
    },
  });
  if (alias) {
    problems.push({ message: 'YAML aliases (`*name`) are not allowed in frontmatter; write the value out.', range: rangeOf(alias[0], alias[1]), severity: 'error' });
    return { raw, language, data: undefined, fields: new Map(), problems };
  }

  const contents = doc.contents;
  if (isMap(contents)) {
    const pairs: PairAt[] = [];
    for (const pair of contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      let value: unknown;
      try {
        value = isScalar(pair.value) ? pair.value.value : pair.value && typeof pair.value === 'object' && 'toJSON' in pair.value ? (pair.value as { toJSON(): unknown }).toJSON() : null;
      } catch {
        value = null;
      }
      const valueNode = pair.value as { range?: [number, number, number] } | null;
      const [keyStart, keyEnd] = pair.key.range;
      const [valueStart, valueEnd] = valueNode?.range ?? [keyEnd, keyEnd];
      pairs.push({ key: String(pair.key.value), value, keyStart, keyEnd, valueStart, valueEnd });
    }
    return { raw, language, ...assemble(pairs, rangeOf), problems };
  }
  if (contents !== null && !(isScalar(contents) && (contents.value === null || contents.value === ''))) {
    problems.push({ message: 'The frontmatter is not a list of `key: value` fields.', range: whole(), severity: 'error' });
  }
  return { raw, language, data: undefined, fields: new Map(), problems };
}

/** Flat frontmatter in YAML read by the quick reader, or undefined when it is for the package. */
function readQuickly(raw: string, language: string): Parsed | undefined {
  if (!isYamlLanguage(language) || raw.length > MAX_FRONTMATTER_BYTES) return undefined;
  const flat = readFlatFields(raw);
  return flat && { raw, language, ...assemble(flat, flatRangeOf(flat)), problems: [] };
}

function isYamlLanguage(language: string): boolean {
  return language === '' || language.toLowerCase() === 'yaml' || language.toLowerCase() === 'yml';
}

/**
 * Ranges of quick fields, each of which lies on one line the reader has placed: no search for the
 * line of an offset. `assemble` asks for each field's key, then its value.
 */
function flatRangeOf(fields: readonly FlatField[]): (from: number, to: number) => Range {
  let index = 0;
  return (from, to) => {
    // The field whose line holds `from`: the one asked about now, or the next.
    while (index < fields.length - 1 && fields[index + 1]!.lineStart <= from) index++;
    const { line, lineStart } = fields[index]!;
    return { start: { line: line + 1, character: from - lineStart }, end: { line: line + 1, character: to - lineStart } };
  };
}

/** A top-level field as offsets into the frontmatter text. */
interface PairAt {
  readonly key: string;
  readonly value: unknown;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

function assemble(pairs: readonly PairAt[], rangeOf: (from: number, to: number) => Range): { data: Record<string, unknown>; fields: Map<string, FrontmatterField> } {
  const fields = new Map<string, FrontmatterField>();
  const data: Record<string, unknown> = {};
  for (const pair of pairs) {
    const keyRange = rangeOf(pair.keyStart, pair.keyEnd);
    const valueRange = pair.valueStart === pair.keyEnd && pair.valueEnd === pair.keyEnd ? { start: keyRange.end, end: keyRange.end } : rangeOf(pair.valueStart, pair.valueEnd);
    if (!fields.has(pair.key)) fields.set(pair.key, { key: pair.key, value: pair.value, keyRange, valueRange });
    // Assigning `__proto__` would set the object's prototype; that one key is defined as a field
    // instead. Every other key is assigned, which is much cheaper than defining it.
    if (pair.key === '__proto__') Object.defineProperty(data, pair.key, { value: pair.value, enumerable: true, writable: true, configurable: true });
    else data[pair.key] = pair.value;
  }
  return { data, fields };
}

/** Deepest bracket or indentation nesting, counted without parsing. */
function nestingDepth(raw: string): number {
  let depth = 0;
  let max = 0;
  let lineIndent = 0;
  let atLineStart = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) {
      atLineStart = true;
      lineIndent = 0;
      continue;
    }
    if (atLineStart) {
      if (c === 32 || c === 45 /* - */) {
        lineIndent++;
        continue;
      }
      atLineStart = false;
      max = Math.max(max, depth + (lineIndent >> 1));
    }
    if (c === 91 || c === 123) max = Math.max(max, ++depth + (lineIndent >> 1));
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!.trim();
  return `Frontmatter YAML: ${first.endsWith('.') ? first : first + '.'}`;
}
