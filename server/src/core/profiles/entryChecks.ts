/** Shared by the entry rules: an entry of a living section has its timestamp and its fields. */
import type { Section } from '../model/types';
import type { EntryShape } from './types';
import type { Reporter } from '../rules/types';
import { entryFields, hasField, isNothingYet, itemHasTimestamp, topLevelItems } from './planQueries';

export function checkEntries(section: Section, shape: EntryShape, noun: string, report: Reporter): void {
  for (const item of topLevelItems(section)) {
    if (isNothingYet(item.text)) continue;
    const fields = shape.fields.length > 0 ? entryFields(section, item) : undefined;
    // Most entries are complete; the lists the message needs are built only for the ones that are not.
    let missing: string[] | undefined;
    if (fields) {
      for (const field of shape.fields) if (!hasField(fields, field)) (missing ??= []).push(field);
    }
    const needsTime = shape.timestamp && !itemHasTimestamp(section, item.line);
    if (!missing && !needsTime) continue;
    const found = missing ?? [];
    const parts = [...(needsTime ? ['its timestamp'] : []), ...found.map((field) => `\`${field}:\``)];
    report({
      range: item.textRange,
      message: `This ${noun} entry lacks ${list(parts)}. Write it as ${shape.example}.`,
      data: { missing: found },
    });
  }
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
