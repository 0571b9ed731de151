/**
 * Reading a section's lines without joining its text. Typing inside a line of a 600 KB section
 * would otherwise build a new 600 KB string on every keystroke, and the first reader of it would
 * copy all of it (measured at about half a millisecond, more than the rest of the keystroke). So a
 * section made by typing inside lines keeps the text it started from and the lines typed over, and
 * joins them only when something reads `text` as a whole. Line readers go through
 * {@link sectionLine}, which never joins.
 */
import type { Section } from './types';
import { lineContentEnd } from './lines';

/** Typed-over lines kept apart before the text is joined; past this the new section is joined at once. */
export const MAX_TYPED_LINES = 64;

interface TypedOver {
  /** The flat text the typing started from; line edits keep the number of lines and their endings. */
  readonly base: string;
  /** Line starts in `base`. */
  readonly baseStarts: readonly number[];
  /** Local line → its content now, without its line ending. */
  readonly lines: ReadonlyMap<number, string>;
  /** The length of the text once joined. */
  readonly length: number;
}

/**
 * Where a section keeps its typed-over lines: a hidden property rather than a weak table, because
 * every line read asks for it and, on the far commoner flat section, a missing property costs
 * next to nothing.
 */
const TYPED = Symbol('typedOver');
type Carrier = Section & { [TYPED]?: TypedOver | undefined };

function typedOf(section: Section): TypedOver | undefined {
  return (section as Carrier)[TYPED];
}

/** True while the section's text is kept as the lines typed over, not yet joined. */
export function isTypedOver(section: Section): boolean {
  return typedOf(section) !== undefined;
}

/** The text of local line `line`, without its line ending ('' past the section's end). Never joins the text. */
export function sectionLine(section: Section, line: number): string {
  const typed = typedOf(section);
  if (typed) {
    const own = typed.lines.get(line);
    if (own !== undefined) return own;
    return lineOf(typed.base, typed.baseStarts, line);
  }
  return lineOf(section.text, section.lineStarts, line);
}

function lineOf(text: string, starts: readonly number[], line: number): string {
  const start = starts[line];
  return start === undefined ? '' : text.slice(start, contentEnd(text, starts, line));
}

/** Where a line's content ends: before the line ending the next line's start tells, read without a scan. */
function contentEnd(text: string, starts: readonly number[], line: number): number {
  const start = starts[line]!;
  const next = starts[line + 1];
  if (next === undefined) return lineContentEnd(text, start);
  // A line followed by another ends where that one starts, less its `\n`, `\r\n` or `\r`.
  if (next - 2 >= start && text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13) return next - 2;
  return next - 1;
}

/** The length of the section's text, known without joining it. */
export function sectionLength(section: Section): number {
  return typedOf(section)?.length ?? section.text.length;
}

/** Where local line `line`'s content ends in the section's text (before its line ending). */
export function sectionLineEnd(section: Section, line: number): number {
  const start = section.lineStarts[line];
  if (start === undefined) return section.text.length;
  const typed = typedOf(section);
  if (typed) return start + sectionLine(section, line).length;
  return contentEnd(section.text, section.lineStarts, line);
}

/**
 * Builds the section `fields` describe, whose text is `old`'s with the content of local line
 * `line` replaced by `content`. The text is joined when first read as a whole, or at once when
 * too many lines were typed over since the text was last flat.
 */
export function withTypedLine(fields: Omit<Section, 'text'>, old: Section, line: number, content: string): Section {
  const previous = typedOf(old);
  const lines = new Map(previous?.lines);
  lines.set(line, content);
  const length = sectionLength(old) + content.length - sectionLine(old, line).length;
  let pending: TypedOver | undefined = previous ? { base: previous.base, baseStarts: previous.baseStarts, lines, length } : { base: old.text, baseStarts: old.lineStarts, lines, length };
  if (lines.size > MAX_TYPED_LINES) return { ...fields, text: joined(pending) };
  let text: string | undefined;
  const section: Section = {
    get text(): string {
      if (text === undefined) {
        text = joined(pending!);
        // The older text is let go once the new one is whole.
        pending = undefined;
        (section as Carrier)[TYPED] = undefined;
      }
      return text;
    },
    ...fields,
  };
  // Not enumerable, so copying a section's fields never copies it.
  Object.defineProperty(section, TYPED, { value: pending, writable: true });
  return section;
}

function joined({ base, baseStarts, lines }: TypedOver): string {
  const order = [...lines.keys()].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const line of order) {
    const start = baseStarts[line]!;
    parts.push(base.slice(from, start), lines.get(line)!);
    from = lineContentEnd(base, start);
  }
  parts.push(base.slice(from));
  return parts.join('');
}
