/**
 * Finds destructive commands in a section: lines of code blocks, inline code spans, and prose lines
 * that read as a command (`1) rm -rf dist`, `$ git push -f`). Memoised per section.
 */
import { LineKind } from '../model/types';
import type { Range, Section } from '../model/types';
import { codeSpans } from '../model/inline';
import { classifyCommand, commandWords, findSqlStatements } from './destructiveCommands';
import type { DestructiveOperation } from './destructiveCommands';
import { LINE_WINDOW, lineRange, sectionLine } from './sectionLines';
import { linesAtLeast, linesMatching } from './lineFilter';
import { mergeAscending } from '../model/lines';
import { memoizeBySection } from './sectionMemo';

export interface DestructiveStep {
  /** Local range of the command in its section. */
  readonly range: Range;
  readonly operation: DestructiveOperation;
}

/** Fence languages whose content is not run (samples of plans, output, diffs). */
const NOT_COMMANDS = new Set(['markdown', 'md', 'text', 'txt', 'plain', 'diff', 'patch', 'log', 'output', 'console-output', 'json']);
/** First words that make a prose line read as a command. */
const COMMAND_WORDS = new Set(['rm', 'git', 'terraform', 'tofu', 'pulumi', 'cdk', 'kubectl', 'oc', 'helm', 'docker', 'podman', 'docker-compose', 'dd', 'wipefs', 'shred', 'find', 'dropdb', 'redis-cli', 'aws', 'gsutil', 'sudo', '$']);
/** Before a command on the same line, these say it is not to be run. */
const NEGATION = /\b(?:never|not|don't|dont|avoid|forbid|prohibit|instead of|rather than|no)\b/i;
const LIST_LEAD = /^\s{0,12}(?:[-*+]|\d{1,3}[.)])\s{1,4}(?:\[[ xX]\]\s{1,4})?/;

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Words and separators (`;`, `&&`, `|`, parentheses) of a command line; quotes are kept on the words. */
function tokenize(text: string): Array<Token | 'separator'> {
  const tokens: Array<Token | 'separator'> = [];
  let start = -1;
  const flush = (end: number): void => {
    if (start >= 0) tokens.push({ text: text.slice(start, end), start, end });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9) {
      flush(i);
    } else if (code === 0x3b || code === 0x7c || code === 0x26 || code === 0x28 || code === 0x29 || code === 0x60) {
      flush(i);
      if (tokens[tokens.length - 1] !== 'separator') tokens.push('separator');
    } else if (start < 0) {
      start = i;
    }
  }
  flush(text.length);
  return tokens;
}

function unquote(word: string): string {
  return word.replace(/^["']+/, '').replace(/["']$/, '');
}

/** Destructive operations in one piece of command text; `offset` is where it starts in its line. */
function analyze(text: string, offset: number, line: number, isCode: boolean, out: DestructiveStep[]): void {
  const found: DestructiveStep[] = [];
  let segment: Token[] = [];
  const close = (): void => {
    if (segment.length === 0) return;
    const raw = segment.map((token) => unquote(token.text));
    const { words, skipped } = commandWords(raw);
    const operation = classifyCommand(words, raw.slice(skipped));
    if (operation && segment[skipped]) {
      found.push({ range: lineRange(line, offset + segment[skipped]!.start, offset + segment[segment.length - 1]!.end), operation });
    }
    segment = [];
  };
  for (const token of tokenize(text)) {
    if (token === 'separator') close();
    else segment.push(token);
  }
  close();
  for (const statement of findSqlStatements(text, isCode)) {
    const start = offset + statement.start;
    const end = offset + statement.end;
    if (!found.some((step) => start < step.range.end.character && step.range.start.character < end)) {
      found.push({ range: lineRange(line, start, end), operation: statement.operation });
    }
  }
  out.push(...found);
}

function fenceLanguage(section: Section, line: number): string {
  const block = section.codeBlocks.find((candidate) => candidate.startLine <= line && line <= candidate.endLine);
  if (!block || block.kind !== 'fenced') return '';
  return block.info.trim().split(/\s/)[0]!.toLowerCase();
}

/** Words that may introduce a command in prose (`Run git clean -fd`). */
const INTRODUCERS = new Set(['run', 'execute', 'then']);

function isCommandLike(text: string): boolean {
  const words = text.trimStart().split(/\s/, 2).map((word) => word.toLowerCase());
  const first = INTRODUCERS.has(words[0] ?? '') ? (words[1] ?? '') : (words[0] ?? '');
  return COMMAND_WORDS.has(first) || first.startsWith('mkfs');
}

function scanProseLine(text: string, line: number, out: DestructiveStep[]): void {
  const spans = codeSpans(text);
  let prose = text;
  for (const [start, end] of spans) {
    const ticks = /^`{1,16}/.exec(text.slice(start, end))?.[0].length ?? 1;
    const innerStart = start + ticks;
    const innerEnd = Math.max(innerStart, end - ticks);
    if (!NEGATION.test(text.slice(0, start))) analyze(text.slice(innerStart, innerEnd), innerStart, line, true, out);
    prose = prose.slice(0, start) + ' '.repeat(end - start) + prose.slice(end);
  }
  const lead = LIST_LEAD.exec(prose)?.[0].length ?? 0;
  const body = prose.slice(lead);
  if (isCommandLike(body)) analyze(body, lead, line, false, out);
  else findSqlStatements(body, false).forEach((statement) => out.push({ range: lineRange(line, lead + statement.start, lead + statement.end), operation: statement.operation }));
}

/**
 * A line can hold a destructive step only if it names a command {@link classifyCommand} knows as a
 * word of its own (after a path such as `/bin/`, or in quotes), or a destructive SQL keyword. Case
 * is ignored as the command reader ignores it; `K` also stands for the Kelvin sign, which lower-cases to `k`.
 */
const COMMAND_PREFILTER =
  /(?<![^\s;|&()`'"/])(?:rm|git|terraform|tofu|pulumi|cd[K\u212A]|[K\u212A]ubectl|oc|helm|doc[K\u212A]er(?:-compose)?|podman|dd|wipefs|shred|find|redis-cli|aws|gsutil)(?![^\s;|&()`'"])|m[K\u212A]fs|drop|truncate|delete|flush/gi;

/** Every destructive command in the section, in local coordinates. */
export const destructiveStepsIn = memoizeBySection((section: Section): readonly DestructiveStep[] => {
  const found: DestructiveStep[] = [];
  // Cutting a line at the window can make a command word of a longer word, so long lines are always read.
  for (const line of mergeAscending(linesMatching(section, [COMMAND_PREFILTER]), linesAtLeast(section, LINE_WINDOW))) {
    const kind = section.lineKinds[line];
    if (kind === LineKind.Blank || kind === LineKind.Heading || kind === LineKind.FenceOpen || kind === LineKind.FenceClose || kind === LineKind.Html) continue;
    // Commands longer than a window are not typed by hand; the window keeps the scan bounded.
    const text = sectionLine(section, line).slice(0, LINE_WINDOW);
    if (kind === LineKind.FenceBody || kind === LineKind.IndentedCode) {
      if (NOT_COMMANDS.has(fenceLanguage(section, line))) continue;
      const trimmed = text.trimStart();
      if (trimmed.startsWith('#') || trimmed.startsWith('--') || trimmed.startsWith('//')) continue;
      analyze(text, 0, line, true, found);
    } else {
      scanProseLine(text, line, found);
    }
  }
  return found;
});
