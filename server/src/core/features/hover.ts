/**
 * Hover texts: what a section is for and whether this profile requires it, what a timestamp means
 * in UTC and local time and how long ago it was, what a status value means, and which rule an
 * inline directive names. Plain data (Markdown text and a range); the server turns it into LSP.
 */
import type { PlacedSection, PlanDocument, Position, Range, Timestamp } from '../model/types';
import { lineText } from '../model/lookup';
import { findTimestamps } from '../model/timestamps';
import type { LintResult } from '../engine';
import type { SectionSpec } from '../profiles/types';
import { ruleById, ruleDocsUrl } from '../rules/index';

export interface PlanHover {
  readonly markdown: string;
  readonly range: Range;
}

export interface HoverOptions {
  readonly now: Date;
  /** Minutes east of UTC for "local time"; defaults to this machine's offset at that time. */
  readonly offsetMinutes?: number;
}

const LEVEL_TEXT: Record<SectionSpec['level'], string> = {
  must: 'Required (MUST)',
  should: 'Recommended (SHOULD)',
  conditional: 'Required only in some cases',
  optional: 'Optional (MAY)',
};
const CONDITION_TEXT: Record<string, string> = {
  'multi-agent': 'Required (MUST) when more than one agent works on the plan; otherwise leave it out.',
  handoff: 'Required (MUST) when the work is handed to another agent or session; recommended otherwise.',
};
const UNKNOWN_SECTION = (heading: string, profile: string): string => `\`${heading}\` is not one of the sections the **${profile}** profile knows, so no rule checks its place or contents.`;
const WRITTEN_AS = (name: string): string => `Recognised as **${name}**; the profile writes the heading \`## ${name}\`.`;
const UNKNOWN_RULE = (code: string): string => `No rule \`${code}\` is registered, so this directive has no effect for it.`;
const DIRECTIVE = /^execplan-(?:disable|enable)(?:-next-line|-line|-file)?\b/i;
const RULE_TOKEN = /\b(EP\d{3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)\b/g;
const STATUS_KEYS = new Set(['status']);
const STATUS_MEANINGS: Record<string, string> = {
  DRAFT: 'The plan is being written; no work has started against it yet.',
  IN_PROGRESS: 'Work is under way: follow the Next Action and keep the living sections current.',
  ACTIVE: 'Work is under way: follow the next step and keep the living sections current.',
  BLOCKED: 'Work cannot continue until something outside the plan changes; say what in Progress or the Surprises.',
  BLOCKING: 'Work cannot continue until something outside the plan changes.',
  PAUSED: 'Work stopped on purpose and can resume from the recorded next step.',
  DONE: 'The work is finished and its acceptance was verified; only the retrospective changes now.',
  COMPLETED: 'The work is finished; only the retrospective changes now.',
  COMPLETE: 'The work is finished; only the retrospective changes now.',
  ABANDONED: 'The work was stopped for good; the plan stays as a record of what was learned and why.',
  LIVING: 'The document is kept up to date as things change.',
};
const STATUS_NOT_ALLOWED = (value: string, profile: string, allowed: readonly string[]): string =>
  `\`${value}\` is not a status the ${profile} profile uses. It allows: ${allowed.map((item) => `\`${item}\``).join(', ')}.`;
const NO_ZONE = 'It names no time zone, so it is read as UTC; add `Z` or an offset such as `+09:00` to make it unambiguous.';
const UNITS: ReadonlyArray<readonly [number, string]> = [
  [365 * 24 * 3600_000, 'year'],
  [30 * 24 * 3600_000, 'month'],
  [7 * 24 * 3600_000, 'week'],
  [24 * 3600_000, 'day'],
  [3600_000, 'hour'],
  [60_000, 'minute'],
];

export function planHover(plan: PlanDocument, result: LintResult, position: Position, options: HoverOptions): PlanHover | undefined {
  const frontmatter = plan.frontmatter;
  if (frontmatter && position.line > frontmatter.startLine && position.line < Math.max(frontmatter.endLine, frontmatter.startLine + 1)) {
    return frontmatterHover(plan, result, position, options);
  }
  let entry: LintResult['sections'][number] | undefined;
  for (const candidate of result.sections) if (candidate.placed.line <= position.line) entry = candidate;
  if (!entry) return undefined;
  const placed = entry.placed;
  const local = position.line - placed.line;
  const section = placed.section;
  const profile = result.profile.profile;

  if (section.heading && local === section.heading.line && section.heading.level === 2) {
    const range = shift(section.heading.range, placed.line);
    if (!entry.spec) return { markdown: UNKNOWN_SECTION(section.heading.text, profile.label), range };
    return { markdown: sectionText(entry.spec, section.heading.text, profile.label), range };
  }

  const stamp = section.timestamps.find((candidate) => candidate.line === local && within(candidate.range, local, position.character));
  if (stamp) {
    return { markdown: describeTimestamp(stamp, options.now, options.offsetMinutes), range: shift(stamp.range, placed.line) };
  }

  const status = section.entries.find((candidate) => candidate.line === local && STATUS_KEYS.has(candidate.key.toLowerCase()) && within(candidate.valueRange, local, position.character));
  if (status && status.value) {
    return { markdown: describeStatus(status.value, profile.statusValues, profile.label), range: shift(status.valueRange, placed.line) };
  }

  return directiveHover(plan, placed, local, position);
}

function sectionText(spec: SectionSpec, written: string, profileLabel: string): string {
  const level = spec.level === 'conditional' && spec.condition ? (CONDITION_TEXT[spec.condition] ?? LEVEL_TEXT.conditional) : `${LEVEL_TEXT[spec.level]} in the ${profileLabel} profile.`;
  const lines = [`**${spec.name}**${spec.living ? ' · living section, keep it current as work proceeds' : ''}`, '', spec.purpose, '', level];
  if (written !== spec.name) lines.push('', WRITTEN_AS(spec.name));
  return lines.join('\n');
}

function frontmatterHover(plan: PlanDocument, result: LintResult, position: Position, options: HoverOptions): PlanHover | undefined {
  const profile = result.profile.profile;
  for (const field of plan.frontmatter!.fields.values()) {
    if (field.keyRange.start.line !== position.line) continue;
    if (within(field.keyRange, position.line, position.character)) {
      const spec = profile.frontmatter.find((candidate) => candidate.key === field.key);
      if (!spec) return undefined;
      const values = spec.values ? `\n\nOne of: ${spec.values.map((value) => `\`${value}\``).join(', ')}.` : '';
      return { markdown: `**${spec.key}**${spec.required ? ' (required)' : ''}\n\n${spec.description}${values}`, range: field.keyRange };
    }
    if (!within(field.valueRange, position.line, position.character)) continue;
    const text = lineText(plan, position.line);
    const stamp = findTimestamps(text).find((match) => position.character >= match.start && position.character <= match.end);
    if (stamp) {
      const range = { start: { line: position.line, character: stamp.start }, end: { line: position.line, character: stamp.end } };
      return { markdown: describeTimestamp(stamp, options.now, options.offsetMinutes), range };
    }
    if (field.key === 'status' && typeof field.value === 'string') {
      return { markdown: describeStatus(field.value, profile.statusValues, profile.label), range: field.valueRange };
    }
  }
  return undefined;
}

function directiveHover(plan: PlanDocument, placed: PlacedSection, local: number, position: Position): PlanHover | undefined {
  const comment = placed.section.comments.find((candidate) => candidate.line === local && within(candidate.range, local, position.character));
  if (!comment || !DIRECTIVE.test(comment.text)) return undefined;
  const text = lineText(plan, position.line);
  const start = comment.range.start.character;
  const inside = text.slice(start, comment.range.end.character);
  RULE_TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = RULE_TOKEN.exec(inside)) !== null) {
    const from = start + match.index;
    const to = from + match[0].length;
    if (position.character < from || position.character > to) continue;
    const code = match[1]!;
    if (/^execplan-/i.test(code)) return undefined;
    const range = { start: { line: position.line, character: from }, end: { line: position.line, character: to } };
    const rule = ruleById(code);
    if (!rule) return { markdown: UNKNOWN_RULE(code), range };
    const markdown = [`**${rule.id}** \`${rule.name}\` · default ${rule.defaultSeverity}${rule.fixable ? ' · fixable' : ''}`, '', rule.title, '', `[Rule documentation](${ruleDocsUrl(rule.id)})`].join('\n');
    return { markdown, range };
  }
  return undefined;
}

function within(range: Range, line: number, character: number): boolean {
  return range.start.line === line && character >= range.start.character && character <= range.end.character;
}

function shift(range: Range, by: number): Range {
  return { start: { line: range.start.line + by, character: range.start.character }, end: { line: range.end.line + by, character: range.end.character } };
}

/** What a status value means, and whether the profile allows it. */
export function describeStatus(value: string, allowed: readonly string[], profileLabel: string): string {
  const normalized = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const meaning = STATUS_MEANINGS[normalized];
  const lines = [`**Status: ${value.trim()}**`];
  if (meaning) lines.push('', meaning);
  const known = allowed.some((item) => item.toUpperCase().replace(/[\s-]+/g, '_') === normalized);
  if (!known && allowed.length > 0) lines.push('', STATUS_NOT_ALLOWED(value.trim(), profileLabel, allowed));
  return lines.join('\n');
}

/** A timestamp in UTC and local time, and how long ago (or ahead) it is. */
export function describeTimestamp(stamp: Pick<Timestamp, 'raw' | 'epochMs' | 'hasZone' | 'invalidReason'>, now: Date, offsetMinutes?: number): string {
  if (stamp.epochMs === undefined) return `\`${stamp.raw}\` is not a real time${stamp.invalidReason ? `: ${stamp.invalidReason}` : '.'}`;
  const moment = new Date(stamp.epochMs);
  const offset = offsetMinutes ?? -moment.getTimezoneOffset();
  const lines = [
    `**${stamp.raw}**`,
    '',
    `UTC: ${clock(moment, 0)} UTC  `,
    `Local: ${clock(moment, offset)} (UTC${offsetText(offset)})  `,
    relative(stamp.epochMs, now.getTime()),
  ];
  if (!stamp.hasZone) lines.push('', NO_ZONE);
  return lines.join('\n');
}

/** "3 hours ago", "in 2 days", "just now". */
export function relative(epochMs: number, nowMs: number): string {
  const delta = nowMs - epochMs;
  const size = Math.abs(delta);
  for (const [unit, name] of UNITS) {
    if (size >= unit) {
      const count = Math.floor(size / unit);
      const amount = `${count} ${name}${count === 1 ? '' : 's'}`;
      return delta >= 0 ? `${amount} ago` : `in ${amount}`;
    }
  }
  return 'just now';
}

function clock(moment: Date, offsetMinutes: number): string {
  const shifted = new Date(moment.getTime() + offsetMinutes * 60_000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}
