/** Shared by the entry rules: an entry of a living section has its timestamp and its fields. */
import type { ListItem, Section } from '../model/types';
import { firstAtOrAfterLine, replaceLineResults } from '../model/lineage';
import type { EntryShape } from './types';
import type { Report, Reporter } from '../rules/types';
import { entryFields, hasField, isNothingYet, itemHasTimestamp, topLevelItems } from './planQueries';

export function checkEntries(section: Section, shape: EntryShape, noun: string, report: Reporter): void {
  for (const item of topLevelItems(section)) checkEntry(section, item, shape, noun, report);
}

/**
 * The entry reports after typing inside `line`: the other entries' reports carried over, the edited
 * entry checked again. An entry is read from its own lines only, and its report sits on its first line.
 */
export function carryEntries(section: Section, line: number, previous: readonly Report[], shape: EntryShape, noun: string): readonly Report[] {
  const item = itemHolding(topLevelItems(section), line);
  if (!item) return previous;
  const fresh: Report[] = [];
  checkEntry(section, item, shape, noun, (found) => fresh.push(found));
  return replaceLineResults(previous, item.line, fresh, (found) => found.range.start.line);
}

/** The item whose lines hold `line`, if any (items in line order, none inside another). */
function itemHolding(items: readonly ListItem[], line: number): ListItem | undefined {
  const item = items[firstAtOrAfterLine(items, line + 1) - 1];
  return item && item.endLine >= line ? item : undefined;
}

function checkEntry(section: Section, item: ListItem, shape: EntryShape, noun: string, report: Reporter): void {
  if (isNothingYet(item.text)) return;
  const fields = shape.fields.length > 0 ? entryFields(section, item) : undefined;
  // Most entries are complete; the lists the message needs are built only for the ones that are not.
  let missing: string[] | undefined;
  if (fields) {
    for (const field of shape.fields) if (!hasField(fields, field)) (missing ??= []).push(field);
  }
  const needsTime = shape.timestamp && !itemHasTimestamp(section, item.line);
  if (!missing && !needsTime) return;
  const found = missing ?? [];
  const parts = [...(needsTime ? ['its timestamp'] : []), ...found.map((field) => `\`${field}:\``)];
  report({
    range: item.textRange,
    message: `This ${noun} entry lacks ${list(parts)}. Write it as ${shape.example}.`,
    data: { missing: found },
  });
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
