/**
 * EP023 progress-timestamp: Progress entries carry the time they were written (every entry, or only
 * finished ones in the Cookbook dialect; in the Plans guide each `###` entry heading is a time).
 */
import type { Rule } from './types';
import { isNothingYet, itemHasTimestamp, topLevelItems } from '../profiles/planQueries';

export const progressTimestamp: Rule = {
  id: 'EP023',
  name: 'progress-timestamp',
  title: 'A Progress entry has no timestamp',
  defaultSeverity: 'warning',
  tags: ['progress', 'timestamps'],
  fixable: false,
  sections: ['progress'],
  checkSection(context, report) {
    const shape = context.profile.progress;
    const section = context.section;
    if (shape.itemTimestamps === 'none') return;
    if (shape.entries === 'headings') {
      for (const heading of section.subheadings) {
        if (heading.level !== 3 || itemHasTimestamp(section, heading.line)) continue;
        report({ range: heading.textRange, message: `Progress entry \`### ${heading.text}\` has no time; start each entry with a heading like \`${shape.example}\`.` });
      }
      return;
    }
    // One text for every entry: a Progress of thousands of untimed lines should not build thousands of copies.
    const message = `This Progress entry has no timestamp; write it like \`${shape.example}\` so the pace of the work can be read from the plan.`;
    for (const item of topLevelItems(section)) {
      // The timestamp test is a table lookup; most entries pass it before their text is read.
      if (itemHasTimestamp(section, item.line) || isNothingYet(item.text)) continue;
      if (shape.itemTimestamps === 'done' && item.checkbox !== 'done') continue;
      report({ range: item.textRange, message });
    }
  },
};
