/**
 * The model's most numerous items, stored compactly: a range on one line is kept as three numbers
 * and built as a {@link Range} only when read. A plan holds tens of thousands of these, and three
 * objects per range were half of the memory a parsed plan took.
 */
import type { CheckboxState, Entry, Heading, Link, LinkKind, ListItem, Range, Timestamp, TimestampFormat } from './types';

/** A range within one line, as a fresh object (callers may keep or change it). */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export class TimestampNode implements Timestamp {
  declare readonly invalidReason?: string;

  constructor(
    readonly line: number,
    readonly startCharacter: number,
    readonly endCharacter: number,
    readonly raw: string,
    readonly format: TimestampFormat,
    readonly epochMs: number | undefined,
    readonly hasZone: boolean,
    readonly inCode: boolean,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.startCharacter, this.endCharacter);
  }

  /** The same timestamp on another line. */
  atLine(line: number): TimestampNode {
    const moved = new TimestampNode(line, this.startCharacter, this.endCharacter, this.raw, this.format, this.epochMs, this.hasZone, this.inCode);
    if (this.invalidReason) (moved as { invalidReason?: string }).invalidReason = this.invalidReason;
    return moved;
  }
}

export class EntryNode implements Entry {
  constructor(
    readonly line: number,
    readonly key: string,
    readonly value: string,
    readonly keyStart: number,
    readonly keyEnd: number,
    readonly valueStart: number,
    readonly indent: number,
    readonly bulleted: boolean,
  ) {}

  get keyRange(): Range {
    return lineRange(this.line, this.keyStart, this.keyEnd);
  }

  get valueRange(): Range {
    return lineRange(this.line, this.valueStart, this.valueStart + this.value.length);
  }

  /** The same entry on another line. */
  atLine(line: number): EntryNode {
    return new EntryNode(line, this.key, this.value, this.keyStart, this.keyEnd, this.valueStart, this.indent, this.bulleted);
  }
}

export class ListItemNode implements ListItem {
  declare readonly checkbox?: CheckboxState;
  /** Column of the `[ ]` box; -1 when there is none. */
  checkboxStart = -1;
  endLine: number;

  constructor(
    readonly line: number,
    readonly indent: number,
    readonly marker: string,
    readonly ordered: boolean,
    readonly text: string,
    readonly textStart: number,
    readonly textEnd: number,
  ) {
    this.endLine = line;
  }

  get textRange(): Range {
    return lineRange(this.line, this.textStart, this.textEnd);
  }

  get checkboxRange(): Range | undefined {
    return this.checkboxStart < 0 ? undefined : lineRange(this.line, this.checkboxStart, this.checkboxStart + 3);
  }

  /** The same item on another line, ending at `endLine`. */
  atLine(line: number, endLine: number): ListItemNode {
    const moved = new ListItemNode(line, this.indent, this.marker, this.ordered, this.text, this.textStart, this.textEnd);
    moved.endLine = endLine;
    if (this.checkbox) {
      (moved as { checkbox?: CheckboxState }).checkbox = this.checkbox;
      moved.checkboxStart = this.checkboxStart;
    }
    return moved;
  }
}

export class LinkNode implements Link {
  constructor(
    readonly line: number,
    readonly startCharacter: number,
    readonly endCharacter: number,
    readonly url: string,
    readonly kind: LinkKind,
    readonly inCode: boolean,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.startCharacter, this.endCharacter);
  }

  /** The same link on another line. */
  atLine(line: number): LinkNode {
    return new LinkNode(line, this.startCharacter, this.endCharacter, this.url, this.kind, this.inCode);
  }
}

export class HeadingNode implements Heading {
  constructor(
    readonly level: number,
    readonly text: string,
    readonly line: number,
    readonly setext: boolean,
    /** Where the heading starts on its first line (after indentation). */
    readonly startCharacter: number,
    /** Its last line (the underline for setext headings) and where that line's content ends. */
    readonly endLine: number,
    readonly endCharacter: number,
    /** The text's columns on the first line. */
    readonly textStart: number,
    readonly textEnd: number,
  ) {}

  get range(): Range {
    return { start: { line: this.line, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }

  get textRange(): Range {
    return lineRange(this.line, this.textStart, this.textEnd);
  }
}
