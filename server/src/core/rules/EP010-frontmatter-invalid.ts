/** EP010 frontmatter-invalid: the frontmatter can be read as a YAML mapping. */
import type { Rule } from './types';

export const frontmatterInvalid: Rule = {
  id: 'EP010',
  name: 'frontmatter-invalid',
  title: 'The frontmatter is not valid YAML',
  defaultSeverity: 'error',
  tags: ['frontmatter'],
  fixable: false,
  check(context, report) {
    const frontmatter = context.plan.frontmatter;
    if (!frontmatter) return;
    for (const problem of frontmatter.problems) {
      if (problem.severity !== 'error') continue;
      report({ range: problem.range, message: problem.message });
    }
  },
};
