/**
 * Completion inside a plan: after `## ` the sections the plan still lacks (the one that belongs at
 * the cursor first, then the rest in profile order), frontmatter keys and their values, the
 * profile's status values after `Status: `, and the message intents after `Intent: `.
 */
import type { PlanDocument, Position, Range } from '../model/types';
import { lineText } from '../model/lookup';
import type { LintResult } from '../engine';
import type { Profile, SectionSpec } from '../profiles/types';
import { formatTimestamp } from './timeFormat';
import { describeStatus } from './hover';

export type PlanCompletionKind = 'section' | 'field' | 'value';

export interface PlanCompletion {
  readonly label: string;
  readonly kind: PlanCompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Replaces `range`. */
  readonly newText: string;
  readonly range: Range;
  readonly sortText: string;
  readonly preselect?: boolean;
}

export interface CompletionOptions {
  readonly now: Date;
}

const LEVEL_DETAIL: Record<SectionSpec['level'], string> = {
  must: 'required section',
  should: 'recommended section',
  conditional: 'section required in some cases',
  optional: 'optional section',
};
const BELONGS_HERE = ' · belongs here';
const INTENTS: ReadonlyArray<readonly [string, string]> = [
  ['REQUEST', 'Asks the other agent to do something; say what proves it is done.'],
  ['NOTIFY', 'Tells the other agent something it should know; no answer is needed.'],
  ['BLOCK', 'Says work is stopped until the other agent acts; name what unblocks it.'],
];
const TIMESTAMP_DETAIL = 'the current time';
const SECTION_PREFIX = /^( {0,3}##[ \t]+)([^#\s][^#]*|)$/;
const STATUS_PREFIX = /^(\s*(?:[-*+][ \t]+)?(?:\*\*|__)?status(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*)(\S*)$/i;
const INTENT_PREFIX = /^(\s*(?:[-*+][ \t]+)?(?:\*\*|__)?intent(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*)(\S*)$/i;
const FIELD_KEY_PREFIX = /^([A-Za-z_][\w-]*)?$/;
const FIELD_VALUE_PREFIX = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(\S*)$/;

export function planCompletions(plan: PlanDocument, result: LintResult, position: Position, options: CompletionOptions): PlanCompletion[] {
  const line = lineText(plan, position.line);
  const before = line.slice(0, position.character);
  const profile = result.profile.profile;
  const frontmatter = plan.frontmatter;
  if (frontmatter && position.line > frontmatter.startLine && (!frontmatter.closed || position.line < frontmatter.endLine)) {
    return frontmatterCompletions(plan, profile, position, before, line, options);
  }
  const section = SECTION_PREFIX.exec(before);
  if (section) return sectionCompletions(plan, result, position, section[1]!.length, line, options);
  const status = STATUS_PREFIX.exec(before);
  if (status) {
    const range = lineRest(position.line, status[1]!.length, line);
    const lead = spaceAfter(status[1]!);
    return profile.statusValues.map((value, index) => ({
      label: value,
      kind: 'value' as const,
      documentation: describeStatus(value, profile.statusValues, profile.label),
      newText: lead + value,
      range,
      sortText: order(index),
    }));
  }
  const intent = INTENT_PREFIX.exec(before);
  if (intent) {
    const range = lineRest(position.line, intent[1]!.length, line);
    const lead = spaceAfter(intent[1]!);
    return INTENTS.map(([value, meaning], index) => ({ label: value, kind: 'value' as const, documentation: meaning, newText: lead + value, range, sortText: order(index) }));
  }
  return [];
}

function sectionCompletions(plan: PlanDocument, result: LintResult, position: Position, textStart: number, line: string, options: CompletionOptions): PlanCompletion[] {
  const profile = result.profile.profile;
  const present = new Set<string>();
  let previousIndex = -1;
  let nextIndex = profile.sections.length;
  for (const entry of result.sections) {
    if (!entry.spec || entry.placed.line === position.line) continue;
    present.add(entry.spec.key);
    const index = profile.sections.indexOf(entry.spec);
    if (entry.placed.line < position.line) previousIndex = Math.max(previousIndex, index);
    else nextIndex = Math.min(nextIndex, index);
  }
  const missing = profile.sections.filter((spec) => !present.has(spec.key));
  const here = missing.filter((spec) => {
    const index = profile.sections.indexOf(spec);
    return index > previousIndex && index < nextIndex;
  });
  const ordered = [...here, ...missing.filter((spec) => !here.includes(spec))];
  const range = lineRest(position.line, textStart, line);
  const withBody = sectionBodyIsEmpty(plan, position.line);
  const now = formatTimestamp(options.now, profile.timestampFormats[0] ?? 'rfc3339');
  return ordered.map((spec, index) => {
    const belongs = here.includes(spec);
    const body = spec.template.replace(/\$\{now\}/g, now).split('\n').join(plan.eol);
    return {
      label: spec.name,
      kind: 'section' as const,
      detail: LEVEL_DETAIL[spec.level] + (belongs ? BELONGS_HERE : ''),
      documentation: spec.purpose,
      newText: withBody ? `${spec.name}${plan.eol}${body}${plan.eol}` : spec.name,
      range,
      sortText: order(index),
      ...(index === 0 && belongs ? { preselect: true } : {}),
    };
  });
}

function frontmatterCompletions(plan: PlanDocument, profile: Profile, position: Position, before: string, line: string, options: CompletionOptions): PlanCompletion[] {
  const fields = plan.frontmatter!.fields;
  const valuePrefix = FIELD_VALUE_PREFIX.exec(before);
  if (valuePrefix) {
    const spec = profile.frontmatter.find((candidate) => candidate.key === valuePrefix[1]);
    if (!spec) return [];
    const start = before.length - valuePrefix[2]!.length;
    const range = lineRest(position.line, start, line);
    const lead = spaceAfter(before.slice(0, start));
    if (spec.kind === 'enum' && spec.values) {
      return spec.values.map((value, index) => ({
        label: value,
        kind: 'value' as const,
        ...(spec.key === 'status' ? { documentation: describeStatus(value, profile.statusValues, profile.label) } : { documentation: spec.description }),
        newText: lead + value,
        range,
        sortText: order(index),
      }));
    }
    if (spec.kind === 'timestamp' || spec.kind === 'date') {
      const stamp = formatTimestamp(options.now, spec.kind === 'date' ? 'date' : (profile.timestampFormats[0] ?? 'rfc3339'));
      return [{ label: stamp, kind: 'value', detail: TIMESTAMP_DETAIL, documentation: spec.description, newText: lead + stamp, range, sortText: order(0) }];
    }
    return [];
  }
  if (!FIELD_KEY_PREFIX.test(before)) return [];
  const range = lineRest(position.line, 0, line);
  return profile.frontmatter
    .filter((spec) => !fields.has(spec.key) || fields.get(spec.key)!.keyRange.start.line === position.line)
    .map((spec, index) => ({
      label: spec.key,
      kind: 'field' as const,
      detail: spec.required ? 'required' : 'optional',
      documentation: spec.description + (spec.values ? `\n\nOne of: ${spec.values.map((value) => `\`${value}\``).join(', ')}.` : ''),
      newText: `${spec.key}: `,
      range,
      sortText: order(index),
    }));
}

/** A heading typed on a line with nothing under it yet gets the section's template as well. */
function sectionBodyIsEmpty(plan: PlanDocument, line: number): boolean {
  for (let next = line + 1; next < plan.lineCount; next++) {
    const text = lineText(plan, next);
    if (text.trim() === '') continue;
    return /^ {0,3}#{1,2}[ \t]/.test(text);
  }
  return true;
}

function lineRest(line: number, start: number, text: string): Range {
  return { start: { line, character: start }, end: { line, character: text.trimEnd().length < start ? start : text.trimEnd().length } };
}

/** Completing right after a colon adds the space the value needs. */
function spaceAfter(prefix: string): string {
  return /[ \t]$/.test(prefix) ? '' : ' ';
}

function order(index: number): string {
  return String(index).padStart(4, '0');
}
