/** Shared by the entry rules: an entry of a living section has its timestamp and its fields. */
import type { Section } from '../model/types';
import type { EntryShape } from './types';
import type { Reporter } from '../rules/types';
import { entryFields, hasField, isNothingYet, itemHasTimestamp, topLevelItems } from './planQueries';

export function checkEntries(section: Section, shape: EntryShape, noun: string, report: Reporter): void {
  for (const item of topLevelItems(section)) {
    if (isNothingYet(item.text)) continue;
    const fields = entryFields(section, item);
    const missing = shape.fields.filter((field) => !hasField(fields, field));
    const needsTime = shape.timestamp && !itemHasTimestamp(section, item.line);
    if (missing.length === 0 && !needsTime) continue;
    const parts = [...(needsTime ? ['its timestamp'] : []), ...missing.map((field) => `\`${field}:\``)];
    report({
      range: item.textRange,
      message: `This ${noun} entry lacks ${list(parts)}. Write it as ${shape.example}.`,
      data: { missing },
    });
  }
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
