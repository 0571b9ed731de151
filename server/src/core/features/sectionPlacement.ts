/**
 * Where a missing section belongs, and the edit that inserts it: before the next section the
 * profile orders after it, else after the last one it orders before it, else at the end.
 */
import type { PlanContext, TextEdit } from '../rules/types';
import type { SectionSpec } from '../profiles/types';
import type { Position } from '../model/types';
import { formatTimestamp } from './timeFormat';
import { endsWithLineEnding, lineText } from '../model/lookup';

export interface Placement {
  /** Where the new section's heading line goes. */
  readonly position: Position;
  /** The present section it goes before, if any. */
  readonly before?: string;
  /** The present section it goes after, if any. */
  readonly after?: string;
}

export function placementFor(context: PlanContext, spec: SectionSpec): Placement {
  const order = context.profile.sections;
  const index = order.indexOf(spec);
  for (let i = index + 1; i < order.length; i++) {
    const present = context.section(order[i]!.key);
    if (present) {
      const previous = previousTitle(context, present.placed.line);
      return { position: { line: present.placed.line, character: 0 }, before: present.title, ...(previous ? { after: previous } : {}) };
    }
  }
  // Nothing the profile orders after it is present: go after the last section of the document.
  const last = context.sections[context.sections.length - 1];
  return { position: { line: context.plan.lineCount, character: 0 }, ...(last?.title ? { after: last.title } : {}) };
}

function previousTitle(context: PlanContext, line: number): string | undefined {
  let title: string | undefined;
  for (const entry of context.sections) {
    if (entry.placed.line >= line) break;
    if (entry.title) title = entry.title;
  }
  return title;
}

/** The text of a new section: heading and template, with `${now}` filled in the profile's format. */
export function sectionText(context: PlanContext, spec: SectionSpec, eol: string): string {
  const now = formatTimestamp(context.now, context.profile.timestampFormats[0] ?? 'rfc3339');
  const body = spec.template.replace(/\$\{now\}/g, now).split('\n').join(eol);
  return `## ${spec.name}${eol}${body}${eol}`;
}

/** The edit that inserts `spec` where it belongs, keeping a blank line on each side. */
export function insertSectionEdit(context: PlanContext, spec: SectionSpec): { edit: TextEdit; placement: Placement } {
  const placement = placementFor(context, spec);
  const { plan } = context;
  const eol = plan.eol;
  const text = sectionText(context, spec, eol);
  if (placement.position.line < plan.lineCount && placement.before !== undefined) {
    return { edit: { range: { start: placement.position, end: placement.position }, newText: text + eol }, placement };
  }
  // At the end: after the last line, whether or not the text ends with a line ending.
  const lastLine = plan.lineCount - 1;
  const lastLineText = lineText(plan, lastLine);
  const end = { line: lastLine, character: lastLineText.length };
  const endsWithEol = endsWithLineEnding(plan);
  const previousBlank = endsWithEol ? lineText(plan, lastLine - 1).trim() === '' : lastLineText.trim() === '';
  const lead = endsWithEol ? (previousBlank ? '' : eol) : previousBlank ? '' : eol + eol;
  return { edit: { range: { start: end, end }, newText: lead + text }, placement };
}

