/**
 * EP051 table-or-html: a plan that declares ssot's `profile: codex-strict` is prose first: no tables
 * and no HTML (comments, which carry directives, are fine). `profile: repo-native` allows both.
 */
import { LineKind } from '../model/types';
import type { Rule } from './types';
import { isCommentOnly, lineContentRange, sectionLine } from '../profiles/planQueries';

export const tableOrHtml: Rule = {
  id: 'EP051',
  name: 'table-or-html',
  title: 'A table or HTML in a codex-strict plan',
  defaultSeverity: 'warning',
  tags: ['formatting'],
  profiles: ['ssot'],
  fixable: false,
  checkSection(context, report) {
    if (context.variant !== 'codex-strict') return;
    const section = context.section;
    let previous: number = LineKind.Blank;
    for (let line = 0; line < section.lineStarts.length; line++) {
      let kind: number = section.lineKinds[line]!;
      if (kind === LineKind.Html && isCommentOnly(sectionLine(section, line))) kind = LineKind.Blank;
      if (kind !== previous && (kind === LineKind.TableRow || kind === LineKind.Html)) {
        report({
          range: lineContentRange(section, line),
          message:
            kind === LineKind.TableRow
              ? 'Tables are not used in codex-strict plans; write the rows as bullets or prose, or declare `profile: repo-native` in the frontmatter.'
              : 'HTML is not used in codex-strict plans; write it as Markdown prose or bullets, or declare `profile: repo-native` in the frontmatter.',
        });
      }
      previous = kind;
    }
  },
};
