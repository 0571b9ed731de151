/**
 * Reads `.agent-locks.yaml`, the file agents use to claim the paths they are editing. YAML is data
 * only here, as in frontmatter: size and nesting are capped before parsing, aliases are refused
 * (an alias bomb never expands), and the tree is read node by node so every value keeps its range.
 * Schema problems are collected here and reported by EP080.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Range } from '../model/types';

/** Lock files larger than this are reported, not parsed. */
export const MAX_LOCK_FILE_CHARS = 256 * 1024;
/** Deeper nesting than this is reported, not read. */
export const MAX_LOCK_FILE_DEPTH = 16;
/** More locks than this are reported and only the first ones are read. */
export const MAX_LOCKS = 2000;

export const LOCK_FILE_NAME = '.agent-locks.yaml';
export const SUPPORTED_LOCK_VERSION = 1;

const TOO_LARGE = (chars: number): string =>
  `This lock file is ${chars} characters long; lock files over ${MAX_LOCK_FILE_CHARS} characters are not read.`;
const TOO_DEEP = `This lock file nests deeper than ${MAX_LOCK_FILE_DEPTH} levels and is not read.`;
const ALIAS = 'YAML aliases (`*name`) are not allowed in the lock file; write each value out.';
const NOT_MAPPING = 'The lock file must be a mapping with `version`, `generated_at`, `ttl_seconds` and `locks`.';
const TOO_MANY_LOCKS = `Only the first ${MAX_LOCKS} locks are read.`;

/** A value read from the file, with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly range: Range;
}

export interface LockEntry {
  /** Position in the `locks` list, from 0. */
  readonly index: number;
  /** The whole list item. */
  readonly range: Range;
  readonly owner?: Located<string>;
  readonly paths: readonly Located<string>[];
  readonly acquiredAt?: Located<string>;
  readonly expiresAt?: Located<string>;
  readonly notes?: Located<string>;
}

export interface LockProblem {
  readonly message: string;
  readonly range: Range;
}

export interface LockFile {
  readonly text: string;
  /** Set when the file could be read as a lock mapping (possibly with schema problems). */
  readonly readable: boolean;
  readonly version?: Located<unknown>;
  readonly generatedAt?: Located<string>;
  readonly ttlSeconds?: Located<number>;
  readonly locks: readonly LockEntry[];
  /** YAML errors and schema problems, in file order. */
  readonly problems: readonly LockProblem[];
}

const TOP_LEVEL_KEYS = new Set(['version', 'generated_at', 'ttl_seconds', 'locks']);
const LOCK_KEYS = new Set(['owner', 'scope', 'acquired_at', 'expires_at', 'notes']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** True for an RFC 3339 date-time that names a real instant. */
export function isRfc3339(text: string): boolean {
  return RFC3339.test(text) && !Number.isNaN(Date.parse(text));
}

export function readLockFile(text: string): LockFile {
  const whole = wholeRange(text);
  const unreadable = (message: string, range: Range = whole): LockFile => ({ text, readable: false, locks: [], problems: [{ message, range }] });
  if (text.length > MAX_LOCK_FILE_CHARS) return unreadable(TOO_LARGE(text.length));
  if (indentDepth(text) > MAX_LOCK_FILE_DEPTH) return unreadable(TOO_DEEP);

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'silent' });
  const rangeOf = (from: number, to: number): Range => {
    const start = lineCounter.linePos(from);
    const end = lineCounter.linePos(Math.max(from, to));
    return { start: { line: start.line - 1, character: start.col - 1 }, end: { line: end.line - 1, character: end.col - 1 } };
  };
  const nodeRange = (node: unknown): Range => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? rangeOf(range[0], range[1]) : whole;
  };

  const problems: LockProblem[] = document.errors.map((error) => ({ message: `Lock file YAML: ${firstLine(error.message)}`, range: rangeOf(error.pos[0], error.pos[1]) }));
  if (problems.length > 0) return { text, readable: false, locks: [], problems };

  let alias: Range | undefined;
  let tooDeep = false;
  visit(document, {
    Alias(_key, node) {
      alias = nodeRange(node);
      return visit.BREAK;
    },
    Node(_key, _node, path) {
      if (path.length > MAX_LOCK_FILE_DEPTH * 2) {
        tooDeep = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (alias) return unreadable(ALIAS, alias);
  if (tooDeep) return unreadable(TOO_DEEP);

  const root = document.contents;
  if (!isMap(root)) return unreadable(NOT_MAPPING, root ? nodeRange(root) : whole);

  const reader = new NodeReader(nodeRange, problems);
  const top = reader.fields(root, TOP_LEVEL_KEYS, 'the lock file');
  const version = top.get('version');
  if (!version) problems.push({ message: 'The lock file has no `version`; add `version: 1`.', range: firstLineRange(text) });
  else if (!isScalar(version.node) || version.node.value !== SUPPORTED_LOCK_VERSION) {
    problems.push({ message: `\`version\` must be ${SUPPORTED_LOCK_VERSION}, the only lock file version this tool reads.`, range: nodeRange(version.node) });
  }
  const generatedAt = reader.timestamp(top.get('generated_at')?.node, 'generated_at', false);
  const ttlSeconds = reader.positiveInteger(top.get('ttl_seconds')?.node, 'ttl_seconds');
  const locksNode = top.get('locks');
  const locks: LockEntry[] = [];
  if (!locksNode) {
    problems.push({ message: 'The lock file has no `locks` list; write `locks: []` when nothing is locked.', range: firstLineRange(text) });
  } else if (!isSeq(locksNode.node)) {
    const empty = locksNode.node === null || (isScalar(locksNode.node) && locksNode.node.value === null);
    if (!empty) problems.push({ message: '`locks` must be a list of locks.', range: nodeRange(locksNode.node) });
  } else {
    const items = locksNode.node.items;
    if (items.length > MAX_LOCKS) problems.push({ message: TOO_MANY_LOCKS, range: nodeRange(locksNode.node) });
    items.slice(0, MAX_LOCKS).forEach((item, index) => {
      const entry = reader.lock(item, index);
      if (entry) locks.push(entry);
    });
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return {
    text,
    readable: true,
    ...(version ? { version: { value: isScalar(version.node) ? version.node.value : undefined, range: nodeRange(version.node) } } : {}),
    ...(generatedAt ? { generatedAt } : {}),
    ...(ttlSeconds ? { ttlSeconds } : {}),
    locks,
    problems,
  };
}

interface Field {
  readonly node: unknown;
  readonly keyRange: Range;
}

/** Reads typed values from YAML nodes, recording a schema problem for each value of the wrong shape. */
class NodeReader {
  constructor(
    private readonly rangeOf: (node: unknown) => Range,
    private readonly problems: LockProblem[],
  ) {}

  fields(map: YAMLMap, known: ReadonlySet<string>, where: string): Map<string, Field> {
    const fields = new Map<string, Field>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const keyRange = this.rangeOf(pair.key);
      if (key === undefined) {
        this.problems.push({ message: `Keys in ${where} must be plain names.`, range: keyRange });
        continue;
      }
      if (!known.has(key)) {
        this.problems.push({ message: `Unknown key \`${key}\` in ${where}; expected ${[...known].map((name) => `\`${name}\``).join(', ')}.`, range: keyRange });
        continue;
      }
      fields.set(key, { node: pair.value, keyRange });
    }
    return fields;
  }

  string(node: unknown, name: string, required: boolean, missingAt: Range): Located<string> | undefined {
    if (node === undefined) {
      if (required) this.problems.push({ message: `This lock has no \`${name}\`.`, range: missingAt });
      return undefined;
    }
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      this.problems.push({ message: `\`${name}\` must be a non-empty text value.`, range: this.rangeOf(node) });
      return undefined;
    }
    return { value: node.value, range: this.rangeOf(node) };
  }

  timestamp(node: unknown, name: string, required: boolean, missingAt?: Range): Located<string> | undefined {
    if (node === undefined) {
      if (required && missingAt) this.problems.push({ message: `This lock has no \`${name}\`.`, range: missingAt });
      return undefined;
    }
    const text = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
    if (text === undefined || !isRfc3339(text)) {
      this.problems.push({ message: `\`${name}\` must be an RFC 3339 date-time such as \`2026-03-02T10:30:00Z\`.`, range: this.rangeOf(node) });
      return undefined;
    }
    return { value: text, range: this.rangeOf(node) };
  }

  positiveInteger(node: unknown, name: string): Located<number> | undefined {
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value <= 0) {
      this.problems.push({ message: `\`${name}\` must be a whole number of seconds greater than 0.`, range: this.rangeOf(node) });
      return undefined;
    }
    return { value: node.value, range: this.rangeOf(node) };
  }

  lock(item: unknown, index: number): LockEntry | undefined {
    const range = this.rangeOf(item);
    if (!isMap(item)) {
      this.problems.push({ message: 'Each lock must be a mapping with `owner`, `scope.paths`, `acquired_at` and `expires_at`.', range });
      return undefined;
    }
    const head: Range = { start: range.start, end: range.start };
    const fields = this.fields(item, LOCK_KEYS, 'a lock');
    const owner = this.string(fields.get('owner')?.node, 'owner', true, head);
    const paths = this.scopePaths(fields.get('scope'), head);
    const acquiredAt = this.timestamp(fields.get('acquired_at')?.node, 'acquired_at', true, head);
    const expiresAt = this.timestamp(fields.get('expires_at')?.node, 'expires_at', true, head);
    const notesNode = fields.get('notes')?.node;
    const notes = notesNode === undefined ? undefined : this.string(notesNode, 'notes', false, head);
    if (acquiredAt && expiresAt && Date.parse(expiresAt.value) <= Date.parse(acquiredAt.value)) {
      this.problems.push({ message: '`expires_at` must be later than `acquired_at`.', range: expiresAt.range });
    }
    return {
      index,
      range,
      ...(owner ? { owner } : {}),
      paths,
      ...(acquiredAt ? { acquiredAt } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      ...(notes ? { notes } : {}),
    };
  }

  private scopePaths(scope: Field | undefined, head: Range): Located<string>[] {
    const missing = (): Located<string>[] => {
      this.problems.push({ message: 'This lock has no `scope.paths`: list the paths or globs it holds.', range: scope ? scope.keyRange : head });
      return [];
    };
    if (!scope || !isMap(scope.node)) return missing();
    const inner = this.fields(scope.node, new Set(['paths']), '`scope`');
    const list = inner.get('paths')?.node;
    if (!isSeq(list) || list.items.length === 0) return missing();
    const paths: Located<string>[] = [];
    for (const item of list.items) {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
        this.problems.push({ message: 'Each entry of `scope.paths` must be a path or glob in quotes or plain text.', range: this.rangeOf(item) });
        continue;
      }
      paths.push({ value: item.value, range: this.rangeOf(item) });
    }
    return paths;
  }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return line.endsWith('.') ? line : line + '.';
}

function wholeRange(text: string): Range {
  const lines = text.split(/\r\n|\r|\n/);
  const last = lines.length - 1;
  return { start: { line: 0, character: 0 }, end: { line: last, character: lines[last]!.length } };
}

function firstLineRange(text: string): Range {
  const end = text.search(/\r|\n/);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: end < 0 ? text.length : end } };
}

/** Deepest nesting by indentation and flow brackets, counted before any parsing. */
function indentDepth(text: string): number {
  let max = 0;
  let brackets = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (code === 32 || code === 45) {
        indent++;
        continue;
      }
      lineStart = false;
      max = Math.max(max, brackets + (indent >> 1));
    }
    if (code === 91 || code === 123) max = Math.max(max, ++brackets + (indent >> 1));
    else if ((code === 93 || code === 125) && brackets > 0) brackets--;
  }
  return max;
}

