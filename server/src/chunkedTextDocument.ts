/**
 * An LSP text document that keeps its text in chunks. The stock document keeps one string, and
 * after every keystroke that string is three joined pieces: the next read of it (the parser's, or
 * the next edit's) copies the whole document, several milliseconds for a 5 MB plan. Here an edit
 * rebuilds only the chunk it falls in, and the whole text is joined only when someone asks for it.
 * Positions, offsets and line counts behave as the stock document's do for the same text (a
 * property test holds them to it).
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
// The last start at or before an offset finds the chunk an offset falls in.
import { computeLineStarts, lineOfOffset } from './core/model/lines';

/** Chunks are cut to about this many characters; an edit copies at most a chunk or two. */
const CHUNK_SIZE = 16 * 1024;

export class ChunkedTextDocument implements TextDocument {
  private chunks: readonly string[];
  /** Offset of each chunk's first character. */
  private chunkStarts: number[];
  private length: number;
  /**
   * Offset of each line's first character, as the stock document counts lines, except that lines
   * from `shiftFrom` on are still to be moved by `shiftBy`: typing on one line moves every line
   * after it, and keystrokes on the same line add up their moves instead of each rewriting tens of
   * thousands of offsets. Read through {@link lineStart}.
   */
  private lineOffsets: number[];
  private shiftFrom = 0;
  private shiftBy = 0;
  private joined: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
    /** Tests cut small chunks, so short texts span many. */
    private readonly chunkSize = CHUNK_SIZE,
  ) {
    this.chunks = cut(content, chunkSize);
    this.chunkStarts = startsOf(this.chunks);
    this.length = content.length;
    this.lineOffsets = computeLineStarts(content);
    this.joined = content;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineOffsets.length;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    return this.joined ?? this.keepJoined(this.chunks.join(''));
  }

  /**
   * A function that returns this version's whole text when called, even after later edits: the
   * chunks of a version are never changed, only replaced.
   */
  textOfThisVersion(): () => string {
    if (this.joined !== undefined) {
      const text = this.joined;
      return () => text;
    }
    const chunks = this.chunks;
    let text: string | undefined;
    return () => {
      if (text === undefined) {
        text = chunks.join('');
        // Still this version: the document keeps the joined text too, so it is not joined twice.
        if (this.chunks === chunks) this.keepJoined(text);
      }
      return text;
    };
  }

  /** Keeps the whole text, with the chunks as views of it so the two do not hold it twice. */
  private keepJoined(text: string): string {
    this.joined = text;
    this.chunks = cut(text, this.chunkSize);
    this.chunkStarts = startsOf(this.chunks);
    return text;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineAt(clamped);
    const lineStart = this.lineStart(line);
    return { line, character: this.beforeLineEnd(clamped, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineStart = this.lineStart(position.line);
    if (position.character <= 0) return lineStart;
    const next = this.lineEndOffset(position.line);
    return this.beforeLineEnd(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const index = Math.min(line, this.lineOffsets.length - 1);
    const start = this.lineStart(index);
    const end = line >= this.lineOffsets.length ? this.length : this.beforeLineEnd(this.lineEndOffset(index), start);
    return { start: { line: index, character: 0 }, end: { line: index, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineOffsets.length) return '';
    const next = this.lineEndOffset(line);
    return this.slice(this.beforeLineEnd(next, this.lineStart(line)), next);
  }

  /** Where the next line starts (the text's end for the last line). */
  private lineEndOffset(line: number): number {
    return line + 1 < this.lineOffsets.length ? this.lineStart(line + 1) : this.length;
  }

  private lineStart(line: number): number {
    return this.lineOffsets[line]! + (line >= this.shiftFrom ? this.shiftBy : 0);
  }

  /** The line holding `offset`: the last line starting at or before it. */
  private lineAt(offset: number): number {
    let low = 0;
    let high = this.lineOffsets.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStart(middle) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Moves the lines still to be moved. */
  private settleShift(): void {
    if (this.shiftBy !== 0) for (let i = this.shiftFrom; i < this.lineOffsets.length; i++) this.lineOffsets[i] = this.lineOffsets[i]! + this.shiftBy;
    this.shiftBy = 0;
  }

  /** Applies changes in order, as the stock document's update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.replace(change.range, change.text);
      else this.replaceAll(change.text);
    }
    this.currentVersion = version;
  }

  private replaceAll(text: string): void {
    this.chunks = cut(text, this.chunkSize);
    this.chunkStarts = startsOf(this.chunks);
    this.length = text.length;
    this.lineOffsets = computeLineStarts(text);
    this.shiftBy = 0;
    this.joined = text;
  }

  private replace(range: Range, text: string): void {
    let start = this.offsetAt(range.start);
    let end = this.offsetAt(range.end);
    if (end < start) [start, end] = [end, start];
    // The lines the edit touches are counted again, from the start of the first one (one earlier
    // when that line follows a lone `\r`, which a `\n` typed at its start would join) to the end of
    // the last one.
    let firstLine = this.lineAt(start);
    if (firstLine > 0 && this.charCodeAt(this.lineStart(firstLine) - 1) === 13) firstLine--;
    const lastLine = this.lineAt(end);
    const regionStart = this.lineStart(firstLine);
    const regionEnd = this.lineEndOffset(lastLine);
    const before = this.slice(regionStart, start);
    const after = this.slice(end, regionEnd);
    this.replaceChars(start, end, text);

    const delta = text.length - (end - start);
    const region = before + text + after;
    // The region's own line starts after its first, moved to where the region starts.
    const added = computeLineStarts(region).slice(1);
    for (let i = 0; i < added.length; i++) added[i] = added[i]! + regionStart;
    // Each line of the region ends with a break except the text's last line, after which there is no line start to replace.
    const removed = lastLine + 1 < this.lineOffsets.length ? lastLine - firstLine + 1 : lastLine - firstLine;
    // The lines after the region move by `delta`: added to the move still pending when it starts
    // at the same line (typing on, on one line), else the pending move is made first.
    const movedFrom = firstLine + 1 + added.length;
    if (this.shiftBy !== 0 && !(removed === added.length && this.shiftFrom === movedFrom)) this.settleShift();
    replaceRun(this.lineOffsets, firstLine + 1, removed, added);
    if (delta !== 0) {
      if (this.shiftBy === 0) this.shiftFrom = movedFrom;
      this.shiftBy += delta;
    }
  }

  /** Replaces `[start, end)` in the chunks, rebuilding only the chunks it touches. */
  private replaceChars(start: number, end: number, text: string): void {
    const first = this.chunkAt(start);
    const last = this.chunkAt(end);
    const head = this.chunks[first]!.slice(0, start - this.chunkStarts[first]!);
    const tail = this.chunks[last]!.slice(end - this.chunkStarts[last]!);
    const middle = head + text + tail;
    const pieces = middle.length > 2 * this.chunkSize ? cut(middle, this.chunkSize) : middle.length > 0 ? [middle] : [];
    const chunks = this.chunks.slice(0, first).concat(pieces, this.chunks.slice(last + 1));
    this.chunks = chunks.length > 0 ? chunks : [''];
    this.chunkStarts = startsOf(this.chunks);
    this.length += text.length - (end - start);
    this.joined = undefined;
  }

  /** Index of the chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    const index = lineOfOffset(this.chunkStarts, offset);
    // An offset at a chunk boundary belongs to the chunk it starts, except at the very end.
    return Math.min(index, this.chunks.length - 1);
  }

  private charCodeAt(offset: number): number {
    const index = this.chunkAt(offset);
    return this.chunks[index]!.charCodeAt(offset - this.chunkStarts[index]!);
  }

  private slice(start: number, end: number): string {
    if (end <= start) return '';
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const first = this.chunkAt(start);
    const last = this.chunkAt(end - 1);
    if (first === last) return this.chunks[first]!.slice(start - this.chunkStarts[first]!, end - this.chunkStarts[first]!);
    let text = this.chunks[first]!.slice(start - this.chunkStarts[first]!);
    for (let i = first + 1; i < last; i++) text += this.chunks[i]!;
    return text + this.chunks[last]!.slice(0, end - this.chunkStarts[last]!);
  }

  /** `offset` moved back over the line ending it sits after, but not before `lineStart`. */
  private beforeLineEnd(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart) {
      const code = this.charCodeAt(at - 1);
      if (code !== 10 && code !== 13) break;
      at--;
    }
    return at;
  }
}

/** The text in chunks of `size` characters (views of it, not copies). */
function cut(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
  return chunks;
}

function startsOf(chunks: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const chunk of chunks) {
    starts.push(at);
    at += chunk.length;
  }
  return starts;
}

/** Replaces `count` values of `values` at `at` with `added`, in place. */
function replaceRun(values: number[], at: number, count: number, added: readonly number[]): void {
  if (count === added.length) {
    for (let i = 0; i < added.length; i++) values[at + i] = added[i]!;
    return;
  }
  const rest = values.splice(at + count);
  values.length = at;
  for (const value of added) values.push(value);
  for (const value of rest) values.push(value);
}
