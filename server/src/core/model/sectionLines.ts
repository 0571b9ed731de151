/**
 * Line access for the section builder: where each line starts and ends in the section text, which
 * line holds an offset, and each line's inline code spans, computed once and only when asked.
 */
import { kindOf } from './blockScanner';
import { codeSpans } from './inline';
import { lineOfOffset } from './lines';
import { EMPTY_LIST } from '../emptyList';

const NO_SPANS: ReadonlyArray<[number, number]> = EMPTY_LIST;

export class SectionLines {
  /** One LineKind per line. */
  readonly kinds: Uint8Array;
  /** Spans of the lines asked about that have a backtick; made on the first such line. */
  private spans: Map<number, ReadonlyArray<[number, number]>> | undefined;
  /** The last backtick search: from where, and what it found (-1: none after that point). */
  private tickFrom = Number.POSITIVE_INFINITY;
  private tickAt = -1;

  constructor(
    readonly text: string,
    readonly starts: readonly number[],
    /** The scanner's packed line classes; taken over and turned into kinds in place. */
    packed: Uint8Array,
  ) {
    for (let i = 0; i < packed.length; i++) packed[i] = kindOf(packed[i]!);
    this.kinds = packed;
  }

  get count(): number {
    return this.starts.length;
  }

  /** Offset where `line` starts; the text's length past the last line. */
  startOf(line: number): number {
    return line < this.starts.length ? this.starts[line]! : this.text.length;
  }

  /** Offset where `line`'s content ends, before its line ending. */
  contentEnd(line: number): number {
    const start = this.starts[line]!;
    let end = this.startOf(line + 1);
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  content(line: number): string {
    return this.text.slice(this.starts[line]!, this.contentEnd(line));
  }

  /** The line holding `offset`. */
  lineAt(offset: number): number {
    return lineOfOffset(this.starts, offset);
  }

  /** Inline code spans of `line`, in line columns. */
  codeSpans(line: number): ReadonlyArray<[number, number]> {
    const start = this.starts[line]!;
    const end = this.contentEnd(line);
    // Most lines have no backtick; one remembered search answers for every line up to the next one.
    if (!(this.tickFrom <= start && (this.tickAt < 0 || this.tickAt >= start))) {
      this.tickFrom = start;
      this.tickAt = this.text.indexOf('`', start);
    }
    if (this.tickAt < 0 || this.tickAt >= end) return NO_SPANS;
    this.spans ??= new Map();
    let spans = this.spans.get(line);
    if (!spans) {
      spans = codeSpans(this.text.slice(start, end));
      this.spans.set(line, spans);
    }
    return spans;
  }
}
