/** EP006 title: a plan opens with one level-1 title, in the profile's form (ssot: `# PLAN: <Task Name>`). */
import type { Rule } from './types';
import { titleRange } from '../profiles/planQueries';

const PREFIX = /^(?:exec\s*plan|execution\s+plan|plan)\s*[:\-\u2013\u2014]\s*/i;

export const title: Rule = {
  id: 'EP006',
  name: 'title',
  title: 'The plan has no title, or not in the profile\'s form',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  check(context, report) {
    const titles = context.sections.filter((entry) => entry.level === 1);
    const first = titles[0];
    const example = context.profile.titleExample;
    if (!first) {
      report({ range: titleRange(context), message: `The plan has no title. Start it with a level-1 heading such as \`${example}\`.` });
      return;
    }
    const heading = first.placed.section.heading!;
    const range = context.toDocument(first.placed, heading.textRange);
    const earlier = context.sections.find((entry) => entry.level === 2 && entry.placed.line < first.placed.line);
    if (earlier) {
      report({ range, message: `The title comes after \`## ${earlier.title}\`; move \`# ${heading.text}\` to the top of the plan.` });
    }
    const pattern = context.profile.titlePattern;
    if (pattern && !pattern.test(heading.text)) {
      const renamed = `PLAN: ${heading.text.replace(PREFIX, '')}`;
      report({
        range,
        message: `The ${context.profile.id} title reads \`${example}\`; write \`# ${renamed}\`.`,
        fixes: [{ title: `Rename title to \`# ${renamed}\``, edits: [{ range, newText: renamed }], safe: false }],
      });
    }
    // One finding for the first extra H1 is enough to show the problem; the message counts the rest.
    for (const extra of titles.slice(1, 2)) {
      const extraHeading = extra.placed.section.heading!;
      const marker = context.toDocument(extra.placed, { start: extraHeading.range.start, end: { line: extraHeading.range.start.line, character: extraHeading.range.start.character + 1 } });
      report({
        range: context.toDocument(extra.placed, extraHeading.textRange),
        message: `\`# ${extra.title}\` is a second level-1 heading${titles.length > 2 ? ` (of ${titles.length - 1} after the title)` : ''}; a plan has one title. Make it \`## ${extra.title}\` if it is a section.`,
        ...(extraHeading.setext ? {} : { fixes: [{ title: `Make \`# ${extra.title}\` a level-2 heading`, edits: [{ range: marker, newText: '##' }], safe: false }] }),
      });
    }
  },
};
