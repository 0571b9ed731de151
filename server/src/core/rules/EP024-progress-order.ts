/** EP024 progress-order: Progress entries run oldest first; a time that goes backwards is reported. */
import type { Timestamp } from '../model/types';
import type { Rule } from './types';
import { topLevelItems } from '../profiles/planQueries';

export const progressOrder: Rule = {
  id: 'EP024',
  name: 'progress-order',
  title: 'Progress entries are not in time order',
  defaultSeverity: 'warning',
  tags: ['progress', 'timestamps'],
  fixable: false,
  sections: ['progress'],
  checkSection(context, report) {
    const section = context.section;
    // Order needs two timed entries; a Progress without times has nothing to compare.
    if (section.timestamps.length < 2) return;
    const wanted = new Set<number>();
    if (context.profile.progress.entries === 'headings') {
      for (const heading of section.subheadings) if (heading.level === 3) wanted.add(heading.line);
    } else {
      for (const item of topLevelItems(section)) wanted.add(item.line);
    }
    // The timestamps themselves are kept: their ranges are built only for the few that are reported.
    const entries: Array<Timestamp & { readonly epochMs: number }> = [];
    for (const stamp of section.timestamps) {
      if (!wanted.has(stamp.line) || stamp.inCode || stamp.epochMs === undefined) continue;
      wanted.delete(stamp.line);
      entries.push(stamp as Timestamp & { readonly epochMs: number });
    }
    const backwards: number[] = [];
    for (let i = 1; i < entries.length; i++) if (entries[i]!.epochMs < entries[i - 1]!.epochMs) backwards.push(i);
    if (backwards.length === 0) return;
    if (backwards.length === entries.length - 1 && entries.length >= 3) {
      report({ range: entries[1]!.range, message: 'Progress runs newest first; write entries oldest first and add new ones at the bottom, so the log reads in the order the work happened.' });
      return;
    }
    for (const i of backwards) {
      report({
        range: entries[i]!.range,
        message: `\`${entries[i]!.raw}\` is earlier than the entry above it (\`${entries[i - 1]!.raw}\`); keep Progress in time order, or correct the time.`,
      });
    }
  },
};
