/**
 * Reads a plan registry: a PLANS.md (or an index page) whose "Active Plans" and "Completed Plans"
 * sections list plans, one list item each. Two entry shapes are recognised:
 *
 *   - [2026-03-02] Title – plans/export-PLAN.md – Owner(s) – in-progress     (active or completed)
 *   - [2026-03-02] `export-PLAN.md` – summary                                 (completed)
 *
 * Parts are separated by an en dash, an em dash or a spaced hyphen. Anything else in those
 * sections is kept as an entry of unknown shape so EP070 can point at it.
 */
import type { PlanDocument, Range } from '../model/types';
import { normalizeHeading } from '../profiles/match';

export type RegistryList = 'active' | 'completed';
export type EntryShape = 'full' | 'completed-summary' | 'unknown';

/** The statuses an active entry may carry, as the registry convention spells them. */
export const ACTIVE_STATUSES = ['in-progress', 'blocking', 'paused'] as const;
/** Statuses a completed entry written in the full shape may carry. */
export const COMPLETED_STATUSES = ['completed', 'done', 'abandoned', 'superseded'] as const;

export interface RegistryLink {
  /** The link target as written, without any `#fragment`. */
  readonly target: string;
  readonly range: Range;
}

export interface RegistryEntry {
  readonly list: RegistryList;
  readonly shape: EntryShape;
  /** Document line of the list item. */
  readonly line: number;
  /** The item's text range (first line). */
  readonly range: Range;
  readonly text: string;
  readonly date?: { readonly text: string; readonly valid: boolean; readonly range: Range };
  readonly title?: string;
  readonly link?: RegistryLink;
  readonly owners?: string;
  readonly status?: { readonly text: string; readonly range: Range };
  /** Number of parts after the date. */
  readonly partCount: number;
}

export interface Registry {
  readonly entries: readonly RegistryEntry[];
  /** Lists found, with the line of their heading. */
  readonly lists: ReadonlyArray<{ readonly list: RegistryList; readonly line: number }>;
}

const LIST_HEADINGS: ReadonlyMap<string, RegistryList> = new Map([
  [normalizeHeading('Active Plans'), 'active'],
  [normalizeHeading('Completed Plans'), 'completed'],
]);
const TRAILING_COMMENT = /\s*<!--.*?-->\s*$/;
const DATE = /^\[(\d{4}-\d{2}-\d{2}|[Y]{4}-MM-DD)\]\s*/;
const DASH_SEPARATOR = /\s+[–—]\s+/;
const HYPHEN_SEPARATOR = /\s+-\s+/;
const CODE_LINK = /^`([^`]+)`$/;
const MARKDOWN_LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/;
const WEB_ADDRESS = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const BARE_PATH = /^(?:\.{0,2}\/)?[\w.@~-][\w./@~-]*\.(?:md|markdown)(?:#[\w-]*)?$/i;

export function parseRegistry(plan: PlanDocument): Registry {
  const entries: RegistryEntry[] = [];
  const lists: Array<{ list: RegistryList; line: number }> = [];
  for (const placed of plan.sections) {
    const heading = placed.section.heading;
    const list = heading ? LIST_HEADINGS.get(normalizeHeading(heading.text)) : undefined;
    if (!list) continue;
    lists.push({ list, line: placed.line });
    const items = placed.section.listItems;
    const topIndent = Math.min(...items.map((item) => item.indent));
    for (const item of items) {
      if (item.indent !== topIndent) continue;
      const line = placed.line + item.line;
      const offset = item.textRange.start.character;
      const range: Range = { start: { line, character: offset }, end: { line, character: item.textRange.end.character } };
      // An HTML comment after an entry is an annotation, not part of its status.
      const text = item.text.replace(TRAILING_COMMENT, '');
      entries.push(parseEntry(list, text, line, offset, range));
    }
  }
  return { entries, lists };
}

function parseEntry(list: RegistryList, text: string, line: number, offset: number, range: Range): RegistryEntry {
  const at = (from: number, to: number): Range => ({ start: { line, character: offset + from }, end: { line, character: offset + to } });
  const dateMatch = DATE.exec(text);
  const date = dateMatch ? { text: dateMatch[1]!, valid: isRealDate(dateMatch[1]!), range: at(1, 1 + dateMatch[1]!.length) } : undefined;
  const restStart = dateMatch ? dateMatch[0].length : 0;
  const rest = text.slice(restStart);
  const parts = splitParts(rest, restStart);
  const base = { list, line, range, text, ...(date ? { date } : {}), partCount: parts.length };

  if (parts.length >= 4) {
    const [title, link, owners, status] = parts.slice(-4) as [Part, Part, Part, Part];
    const parsedLink = readLink(link, at);
    return {
      ...base,
      shape: 'full',
      title: parts.length > 4 ? parts.slice(0, -3).map((part) => part.text).join(' – ') : title.text,
      ...(parsedLink ? { link: parsedLink } : {}),
      owners: owners.text,
      status: { text: status.text, range: at(status.start, status.start + status.text.length) },
    };
  }
  if (parts.length === 2) {
    const parsedLink = readLink(parts[0]!, at);
    if (parsedLink) return { ...base, shape: 'completed-summary', link: parsedLink, title: parts[1]!.text };
  }
  const anyLink = findLink(rest, restStart, at);
  return { ...base, shape: 'unknown', ...(anyLink ? { link: anyLink } : {}) };
}

interface Part {
  readonly text: string;
  /** Offset of the part in the item text. */
  readonly start: number;
}

function splitParts(rest: string, base: number): Part[] {
  const separator = DASH_SEPARATOR.test(rest) ? DASH_SEPARATOR : HYPHEN_SEPARATOR;
  const parts: Part[] = [];
  const global = new RegExp(separator.source, 'g');
  let start = 0;
  for (let match = global.exec(rest); match; match = global.exec(rest)) {
    parts.push(trimmedPart(rest.slice(start, match.index), base + start));
    start = match.index + match[0].length;
  }
  parts.push(trimmedPart(rest.slice(start), base + start));
  return parts.filter((part) => part.text !== '');
}

function trimmedPart(text: string, start: number): Part {
  const lead = text.length - text.trimStart().length;
  return { text: text.trim(), start: start + lead };
}

function readLink(part: Part, at: (from: number, to: number) => Range): RegistryLink | undefined {
  const code = CODE_LINK.exec(part.text);
  if (code) return link(code[1]!, part.start + 1, at);
  const markdown = MARKDOWN_LINK.exec(part.text);
  if (markdown) return link(markdown[1]!, part.start + part.text.indexOf(markdown[1]!, markdown.index), at);
  if (BARE_PATH.test(part.text) || WEB_ADDRESS.test(part.text)) return link(part.text, part.start, at);
  return undefined;
}

function findLink(rest: string, base: number, at: (from: number, to: number) => Range): RegistryLink | undefined {
  const markdown = MARKDOWN_LINK.exec(rest);
  if (markdown) return link(markdown[1]!, base + rest.indexOf(markdown[1]!, markdown.index), at);
  const code = /`([^`]+\.(?:md|markdown))`/i.exec(rest);
  if (code) return link(code[1]!, base + code.index + 1, at);
  return undefined;
}

function link(raw: string, start: number, at: (from: number, to: number) => Range): RegistryLink {
  const target = raw.split('#')[0]!;
  return { target, range: at(start, start + raw.length) };
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for link targets that are not files in the workspace (web addresses, mail, anchors). */
export function isExternalTarget(target: string): boolean {
  return target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target);
}
