/**
 * Bump Updated: set the frontmatter `updated` field to now. Only that value changes: its quotes,
 * a trailing comment, the other fields and their order stay as written. A missing field is added
 * after `created` (or last), and a plan without frontmatter gets a block holding just `updated`.
 */
import type { Frontmatter, PlanDocument, TimestampFormat } from '../../model/types';
import { lineText } from '../../model/lookup';
import { findTimestamps } from '../../model/timestamps';
import type { TextEdit } from '../../rules/types';
import type { EditClock } from './clock';
import { stamp } from './clock';
import type { EditOutcome } from './outcome';
import { insertLinesAfter, insertLinesBefore } from './lineEdits';

const FIELD = 'updated';
const TITLE_SET = (value: string): string => `Set frontmatter \`updated\` to ${value}`;
const TITLE_ADD = (value: string): string => `Add frontmatter \`updated: ${value}\``;
const TITLE_CREATE = (value: string): string => `Add frontmatter with \`updated: ${value}\``;
const REFUSE_UNCLOSED = 'The frontmatter is never closed, so `updated` cannot be set safely; add the closing `---` line first.';
const REFUSE_LANGUAGE = (language: string): string => `The frontmatter is written in \`${language}\`, which is not read; only YAML frontmatter can be updated.`;
const REFUSE_DUPLICATES = (keys: readonly string[]): string =>
  `The frontmatter has duplicate keys (${keys.map((key) => `\`${key}\``).join(', ')}), so it is unclear which one to change; remove the duplicates first.`;
const REFUSE_UNREADABLE = (message: string): string => `The frontmatter cannot be read, so \`updated\` was left alone: ${message}`;
const REFUSE_NOT_SCALAR = '`updated` holds a list or a mapping, not a time; write it as a single value first.';

/** Spellings of a time that name their zone; an existing `updated` in one of them keeps its spelling. */
const ZONED_FORMATS: ReadonlySet<TimestampFormat> = new Set(['rfc3339', 'iso-minutes', 'date-time-utc', 'date-time-z', 'date-time-offset']);
/** A top-level `key:` line of a YAML mapping (quoted or plain key). */
// Plain keys take everything up to the colon (trimmed by the caller), so no two quantifiers compete.
const TOP_LEVEL_KEY = /^(?:"((?:[^"\\]|\\.)*)"[ \t]*|'((?:[^']|'')*)'[ \t]*|([^\s#'"\-?:,[\]{}&*!|>%@`][^:#]*|-[^\s:#][^:#]*)):(?:[ \t]|$)/;

export function bumpUpdated(plan: PlanDocument, clock: EditClock): EditOutcome {
  const frontmatter = plan.frontmatter;
  if (!frontmatter) {
    const value = stamp(clock, 'rfc3339');
    const block = ['---', `${FIELD}: ${value}`, '---'];
    // Keep the frontmatter a blank line apart from the body, as plans usually write it.
    if (lineText(plan, 0).replace(/^\uFEFF/, '').trim() !== '') block.push('');
    return { title: TITLE_CREATE(value), edits: [insertLinesBefore(plan, 0, block)] };
  }
  const refusal = refusalFor(frontmatter);
  if (refusal) return { refused: refusal };

  const field = frontmatter.fields.get(FIELD);
  if (!field) {
    const value = stamp(clock, 'rfc3339');
    const created = frontmatter.fields.get('created');
    const line = `${FIELD}: ${value}`;
    const edit = created ? insertLinesAfter(plan, created.valueRange.end.line, [line]) : insertLinesBefore(plan, frontmatter.endLine, [line]);
    return { title: TITLE_ADD(value), edits: [edit] };
  }
  if (field.value !== null && typeof field.value === 'object') return { refused: REFUSE_NOT_SCALAR };
  const edit = valueEdit(plan, field.keyRange.end.line, field.valueRange, clock);
  if (!edit) return { refused: REFUSE_NOT_SCALAR };
  const value = edit.newText.replace(/^\s+/, '');
  const unchanged = lineText(plan, edit.range.start.line).slice(edit.range.start.character, edit.range.end.character) === edit.newText;
  return { title: TITLE_SET(value), edits: unchanged ? [] : [edit] };
}

function refusalFor(frontmatter: Frontmatter): string | undefined {
  if (!frontmatter.closed) return REFUSE_UNCLOSED;
  if (frontmatter.language !== '' && !/^ya?ml$/i.test(frontmatter.language)) return REFUSE_LANGUAGE(frontmatter.language);
  const duplicates = duplicateKeys(frontmatter.raw);
  if (duplicates.length > 0) return REFUSE_DUPLICATES(duplicates);
  const error = frontmatter.problems.find((problem) => problem.severity === 'error');
  if (error) return REFUSE_UNREADABLE(error.message);
  return undefined;
}

/** Top-level keys written more than once, in the order they first repeat. */
export function duplicateKeys(raw: string): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const line of raw.split(/\r\n|\r|\n/)) {
    const match = TOP_LEVEL_KEY.exec(line);
    if (!match) continue;
    const key = match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3]!.trim();
    if (seen.has(key) && !repeated.includes(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}

/** The edit that writes now over the value on the key's line, or undefined for a multi-line value. */
function valueEdit(plan: PlanDocument, keyLine: number, valueRange: { start: { line: number; character: number }; end: { line: number; character: number } }, clock: EditClock): TextEdit | undefined {
  const text = lineText(plan, keyLine);
  const colon = text.indexOf(':', 0);
  if (colon < 0) return undefined;
  const sameLine = valueRange.start.line === keyLine && valueRange.end.line === keyLine && valueRange.start.character > colon;
  const written = sameLine ? text.slice(valueRange.start.character, valueRange.end.character) : '';
  if (written === '') {
    // An empty value (`updated:`, maybe with a comment): write the time right after the colon.
    const rest = text.slice(colon + 1);
    if (rest.trim() !== '' && !rest.trim().startsWith('#')) return undefined;
    const at = { line: keyLine, character: colon + 1 };
    return { range: { start: at, end: at }, newText: ` ${stamp(clock, 'rfc3339')}` };
  }
  const quote = /^(["'])(.*)\1$/s.exec(written);
  const inner = quote ? quote[2]! : written;
  const value = stamp(clock, formatToKeep(inner));
  return { range: valueRange, newText: quote ? `${quote[1]}${value}${quote[1]}` : value };
}

/** The existing spelling when it names a zone (so `2025-10-01 13:00Z` stays in that form), else RFC 3339. */
function formatToKeep(value: string): TimestampFormat {
  const found = findTimestamps(value.trim());
  const only = found.length === 1 && found[0]!.start === 0 && found[0]!.end === value.trim().length ? found[0] : undefined;
  return only && ZONED_FORMATS.has(only.format) ? only.format : 'rfc3339';
}
