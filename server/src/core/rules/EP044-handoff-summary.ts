/**
 * EP044 handoff-summary: a Handoff Summary holds what the next agent needs to resume: Timestamp,
 * Status and Next Action always; once work has started (its status is past DRAFT) also what is
 * done, key decisions, blockers and evidence pointers.
 */
import type { Rule } from './types';
import { isContentLine, plainValue } from '../profiles/planQueries';

const PARTS: ReadonlyArray<{ label: string; pattern: RegExp; once?: 'started' }> = [
  { label: '`Timestamp:`', pattern: /^timestamp$/ },
  { label: '`Status:`', pattern: /^status$/ },
  { label: '`Next Action:`', pattern: /^next\s*action$/ },
  { label: 'what is done', pattern: /done|completed/, once: 'started' },
  { label: 'key decisions', pattern: /decision/, once: 'started' },
  { label: 'blockers or risks', pattern: /blocker|risk/, once: 'started' },
  { label: 'evidence pointers', pattern: /evidence/, once: 'started' },
];

export const handoffSummary: Rule = {
  id: 'EP044',
  name: 'handoff-summary',
  title: 'The Handoff Summary lacks part of the snapshot',
  defaultSeverity: 'warning',
  tags: ['entries', 'handoff'],
  profiles: ['ssot'],
  fixable: false,
  sections: ['handoff'],
  checkSection(context, report) {
    const section = context.section;
    const heading = section.heading;
    if (!heading) return;
    let content = false;
    for (let line = 1; line < section.lineStarts.length && !content; line++) content = isContentLine(section, line);
    if (!content) return;
    const keys = section.entries.map((entry) => entry.key.replace(/[*_]/g, '').trim().toLowerCase());
    const status = section.entries.find((entry) => !entry.bulleted && entry.key.trim().toLowerCase() === 'status');
    const started = !status || plainValue(status.value).toUpperCase() !== 'DRAFT';
    const missing = PARTS.filter((part) => (started || !part.once) && !keys.some((key) => part.pattern.test(key))).map((part) => part.label);
    if (missing.length === 0) return;
    report({
      range: heading.textRange,
      message: `The Handoff Summary lacks ${missing.join(', ')}. Give each its own line (\`Key decisions:\` followed by bullets, for example) so the next session can resume without re-reading everything.`,
      data: { missing },
    });
  },
};
