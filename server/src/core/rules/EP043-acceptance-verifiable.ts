/**
 * EP043 acceptance-verifiable: each acceptance criterion says how to check it (`Verify:` with a
 * command) and what to expect (`Expected:`), so "done" is observable rather than a claim.
 */
import type { Rule } from './types';
import { entryFields, isContentLine, isNothingYet, topLevelItems } from '../profiles/planQueries';

const EXAMPLE = '`- Criterion: ...` with `Verify: `npm test`` and `Expected: ...` lines';

export const acceptanceVerifiable: Rule = {
  id: 'EP043',
  name: 'acceptance-verifiable',
  title: 'An acceptance criterion has no command or expected result',
  defaultSeverity: 'warning',
  tags: ['entries', 'validation'],
  profiles: ['ssot'],
  fixable: false,
  sections: ['validation'],
  checkSection(context, report) {
    const section = context.section;
    const heading = section.heading;
    const items = topLevelItems(section).filter((item) => !isNothingYet(item.text));
    if (items.length === 0) {
      let content = false;
      for (let line = 1; line < section.lineStarts.length && !content; line++) content = isContentLine(section, line);
      if (content && heading) {
        report({ range: heading.textRange, message: `No acceptance criterion here names a command and an expected result; write each one as ${EXAMPLE}.` });
      }
      return;
    }
    for (const item of items) {
      const fields = entryFields(section, item);
      const missing = ['Verify', 'Expected'].filter((field) => !fields.has(field.toLowerCase()));
      if (missing.length === 0) continue;
      report({
        range: item.textRange,
        message: `This criterion has no ${missing.map((field) => `\`${field}:\``).join(' or ')} line; write it as ${EXAMPLE}.`,
        data: { missing },
      });
    }
  },
};
