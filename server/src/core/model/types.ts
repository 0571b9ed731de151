/**
 * The plan model: what the core knows about a Markdown plan document.
 *
 * Positions follow LSP: zero-based lines, `character` in UTF-16 code units (which is what a
 * JavaScript string index counts). Everything inside a {@link Section} is *local*: line numbers
 * count from the section's first line, so an unchanged section can be reused at another place in
 * the document without being copied. {@link PlacedSection} says where a section stands now.
 */

/** A zero-based position, `character` in UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range between two positions. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** How a line was classified by the block scanner. */
export const enum LineKind {
  Blank = 0,
  Text = 1,
  Heading = 2,
  SetextUnderline = 3,
  FenceOpen = 4,
  FenceBody = 5,
  FenceClose = 6,
  IndentedCode = 7,
  Html = 8,
  ListItem = 9,
  Quote = 10,
  ThematicBreak = 11,
  TableRow = 12,
}

/** A Markdown heading (ATX `## x` or setext). */
export interface Heading {
  readonly level: number;
  /** Heading text without markers, trimmed; setext headings join their lines with a space. */
  readonly text: string;
  /** First line of the heading (for setext, the first text line). */
  readonly line: number;
  /** The whole heading line(s), from the first non-space character. */
  readonly range: Range;
  /** Just the heading text (for ATX headings; for setext the first text line). */
  readonly textRange: Range;
  readonly setext: boolean;
}

export type CheckboxState = 'open' | 'done';

/** A list item: bullet or ordered, with its checkbox when it has one. */
export interface ListItem {
  readonly line: number;
  /** Column of the list marker. */
  readonly indent: number;
  readonly marker: string;
  readonly ordered: boolean;
  readonly checkbox?: CheckboxState;
  /** Range of the `[ ]` / `[x]` box. */
  readonly checkboxRange?: Range;
  /** The item's text on its first line, after marker and checkbox. */
  readonly text: string;
  readonly textRange: Range;
  /** Last line that belongs to the item (continuation lines included). */
  readonly endLine: number;
}

/** A `Key: value` line such as `Status: DONE`, `- Decision: ...` or `**Evidence**: ...`. */
export interface Entry {
  readonly line: number;
  readonly key: string;
  readonly value: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
  /** Column where the line's content starts (after indentation). */
  readonly indent: number;
  /** True when the key follows a list marker on the same line. */
  readonly bulleted: boolean;
}

/** The recognised spellings of a date or time. */
export type TimestampFormat =
  /** `2025-11-22T14:00:00Z`, `2025-11-22T14:00:00+09:00`, fractions allowed. */
  | 'rfc3339'
  /** `2025-11-22T14:00Z`: ISO 8601 with a zone but without seconds. */
  | 'iso-minutes'
  /** `2025-11-22T14:00:00`: no zone, so ambiguous. */
  | 'iso-local'
  /** `2025-11-22 14:00 UTC` (agdd, magsag). */
  | 'date-time-utc'
  /** `2025-10-01 13:00Z` (the Cookbook). */
  | 'date-time-z'
  /** `2025-11-22 14:00:00+09:00`: a space instead of `T`, with an offset. */
  | 'date-time-offset'
  /** `2025-11-22 14:00`: no zone, ambiguous. */
  | 'date-time'
  /** `2025-11-22` alone. */
  | 'date'
  /** Template text such as `YYYY-MM-DD HH:MM` or `2025-XX-XX`. */
  | 'placeholder';

/** A date or time found in the text. */
export interface Timestamp {
  readonly line: number;
  readonly range: Range;
  readonly raw: string;
  readonly format: TimestampFormat;
  /** Milliseconds since the epoch; for zone-less forms read as UTC; undefined when not a real time. */
  readonly epochMs: number | undefined;
  /** True when the text names a zone (`Z`, an offset or `UTC`). */
  readonly hasZone: boolean;
  /** Why the value is not a real time (impossible date, placeholder); undefined when it is. */
  readonly invalidReason?: string;
  /** True when the timestamp sits inside inline code or a code block. */
  readonly inCode: boolean;
}

export type LinkKind = 'inline' | 'autolink' | 'bare' | 'definition';

/** A URL in the text: a Markdown link destination, an autolink, a bare URL or a definition. */
export interface Link {
  readonly line: number;
  readonly range: Range;
  readonly url: string;
  readonly kind: LinkKind;
  /** True inside inline code or a code block. */
  readonly inCode: boolean;
}

/** A fenced or indented code block. */
export interface CodeBlock {
  readonly kind: 'fenced' | 'indented';
  readonly startLine: number;
  /** Last line of the block (the closing fence when there is one). */
  readonly endLine: number;
  /** The fence's info string (`bash`, `md`, ...). */
  readonly info: string;
  /** The fence characters as written (three or more backticks or tildes). */
  readonly fence: string;
  readonly closed: boolean;
  /** A fence opened inside another open fence block's content cannot happen; this flags a fence line
   * found inside a fenced block that would close or open one with a different marker. */
  readonly containsFenceLikeLine: boolean;
}

/** An HTML comment (`<!-- ... -->`), kept for inline directives. */
export interface Comment {
  readonly line: number;
  readonly range: Range;
  readonly text: string;
}

/**
 * One part of the document: a level-1 or level-2 heading and everything up to the next one, or the
 * preamble before the first (no heading). Immutable and context-free: parsing `text` on its own
 * gives the same section, which is what lets an unchanged section be reused after an edit.
 */
export interface Section {
  /** The heading that opens the section; undefined for the preamble. */
  readonly heading?: Heading;
  readonly text: string;
  /** Offsets of line starts within `text`. */
  readonly lineStarts: readonly number[];
  /** One {@link LineKind} per line. */
  readonly lineKinds: Uint8Array;
  /** Headings inside the section (level 3 and deeper, and level 1-2 ones that are not top-level). */
  readonly subheadings: readonly Heading[];
  readonly listItems: readonly ListItem[];
  readonly entries: readonly Entry[];
  readonly timestamps: readonly Timestamp[];
  readonly links: readonly Link[];
  readonly codeBlocks: readonly CodeBlock[];
  readonly comments: readonly Comment[];
}

/** A section and where it starts in this version of the document. */
export interface PlacedSection {
  readonly line: number;
  /** Offset of the section's first character in the document text. */
  readonly offset: number;
  readonly section: Section;
}

/** A YAML error or warning in the frontmatter. */
export interface FrontmatterProblem {
  readonly message: string;
  readonly range: Range;
  readonly severity: 'error' | 'warning';
}

/** One top-level frontmatter field. */
export interface FrontmatterField {
  readonly key: string;
  /** The value as plain data (strings, numbers, booleans, arrays, objects); dates stay strings. */
  readonly value: unknown;
  readonly keyRange: Range;
  /** Range of the value's text (the whole line after the colon for block values). */
  readonly valueRange: Range;
}

/** The YAML block between `---` lines at the top of the document. */
export interface Frontmatter {
  /** Line of the opening `---` (0) to the closing one, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** True when a closing `---` (or `...`) was found. */
  readonly closed: boolean;
  /** The YAML text between the fences. */
  readonly raw: string;
  /** Language written after the opening fence (`---js`); empty for YAML. */
  readonly language: string;
  /** The parsed mapping; undefined when it is not a mapping or could not be read. */
  readonly data: Readonly<Record<string, unknown>> | undefined;
  readonly fields: ReadonlyMap<string, FrontmatterField>;
  readonly problems: readonly FrontmatterProblem[];
}

/** A parsed plan document, one per text version. */
export interface PlanDocument {
  readonly text: string;
  /** The document's dominant line ending, used when edits insert new lines. */
  readonly eol: '\n' | '\r\n';
  readonly hasBom: boolean;
  readonly lineCount: number;
  readonly frontmatter?: Frontmatter;
  /** First body line (after the frontmatter) and its offset. */
  readonly bodyStartLine: number;
  readonly bodyStartOffset: number;
  /** The preamble (no heading) first, then one section per level-1 or level-2 heading. */
  readonly sections: readonly PlacedSection[];
}
