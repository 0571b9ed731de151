/**
 * Append a timestamped Progress entry: a new open item at the end of the Progress checklist (or a
 * new `###` entry where the profile writes entries as subheadings), with the cursor after it.
 */
import { LineKind } from '../../model/types';
import type { PlacedSection } from '../../model/types';
import { lineText } from '../../model/lookup';
import type { TextEdit } from '../../rules/types';
import type { EditClock } from './clock';
import { stamp } from './clock';
import type { EditOutcome } from './outcome';
import type { EditTarget } from './target';
import { progressName, progressSection } from './target';
import { itemShape, newItemText } from './progressShape';
import { insertLinesAfter } from './lineEdits';

const TITLE = 'Append timestamped Progress entry';
const REFUSE_NO_PROGRESS = (name: string): string => `This plan has no \`## ${name}\` section to append to; add the section first.`;
const HEADING_ENTRY_FIRST_LINE = '- ';

export { TITLE as APPEND_PROGRESS_TITLE };

export function appendProgressEntry(target: EditTarget, clock: EditClock): EditOutcome {
  const progress = progressSection(target);
  if (!progress) return { refused: REFUSE_NO_PROGRESS(progressName(target.profile)) };
  const { plan, profile } = target;
  const placed = progress.placed;
  const time = stamp(clock, profile.timestampFormats[0] ?? 'rfc3339');

  if (profile.progress.entries === 'headings') {
    const after = lastContentLine(placed);
    const lines = [...(after > placed.line ? [''] : []), `### ${time}`, HEADING_ENTRY_FIRST_LINE];
    return withCursor(insertLinesAfter(plan, after, lines), lines, after);
  }

  const shape = itemShape(profile);
  const items = placed.section.listItems;
  const outer = items.length > 0 ? Math.min(...items.map((item) => item.indent)) : 0;
  const last = [...items].reverse().find((item) => item.indent === outer);
  if (last) {
    const firstLine = lineText(plan, placed.line + last.line);
    const indent = firstLine.slice(0, last.indent).replace(/^\uFEFF/, '');
    const marker = /^[-*+]$/.test(last.marker) ? last.marker : '-';
    const lines = [indent + newItemText(shape, time, marker)];
    return withCursor(insertLinesAfter(plan, placed.line + last.endLine, lines), lines, placed.line + last.endLine);
  }
  // No list yet: start one after the section's last line of text, a blank line apart from prose.
  const after = lastContentLine(placed);
  const lines = [...(after > placed.line ? [''] : []), newItemText(shape, time)];
  return withCursor(insertLinesAfter(plan, after, lines), lines, after);
}

/** The document line of the section's last non-blank line (its heading when it has nothing else). */
function lastContentLine(placed: PlacedSection): number {
  const kinds = placed.section.lineKinds;
  for (let local = kinds.length - 1; local >= 0; local--) {
    if (kinds[local] !== LineKind.Blank) return placed.line + local;
  }
  return placed.line;
}

function withCursor(edit: TextEdit, lines: readonly string[], after: number): EditOutcome {
  const lastLine = lines[lines.length - 1]!;
  return { title: TITLE, edits: [edit], cursor: { line: after + lines.length, character: lastLine.length } };
}
