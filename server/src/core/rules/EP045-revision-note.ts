/**
 * EP045 revision-note: a revision of the plan records what changed and why. ssot revision entries
 * carry `Changes:` and their evidence; Cookbook revision notes give a reason, not only the change.
 */
import type { Rule } from './types';
import { entryFields, isContentLine, sectionLine, topLevelItems } from '../profiles/planQueries';

const NOTE_LINE = /^\s*(?:[-*+]\s+)?(?:plan\s+)?revision note\b/i;
const REASON = /\b(?:because|so that|since|due to|reason|why|in order to|as a result|after (?:\w+ing|finding|learning)|to (?:resolve|address|fix|make|keep|reflect|record|capture|provide|let|allow|avoid|match|align|clarify|cover|include|support|prevent|ensure|answer|document))\b/i;

export const revisionNote: Rule = {
  id: 'EP045',
  name: 'revision-note',
  title: 'A revision note does not say what changed and why',
  defaultSeverity: 'warning',
  tags: ['entries'],
  profiles: ['ssot', 'openai'],
  fixable: false,
  checkSection(context, report) {
    const section = context.section;
    if (context.profile.id === 'ssot') {
      if (context.spec?.key !== 'revisions') return;
      for (const item of topLevelItems(section)) {
        const fields = entryFields(section, item);
        const missing = [fields.has('changes') ? '' : '`Changes:` (what changed)', ['evidence', 'rationale', 'reason', 'why'].some((key) => fields.has(key)) ? '' : '`Evidence:` (why)'].filter(Boolean);
        if (missing.length === 0) continue;
        report({ range: item.textRange, message: `This revision entry lacks ${missing.join(' and ')}; a meaning change to the plan records what changed and the evidence behind it.` });
      }
      return;
    }
    const inNotes = context.spec?.key === 'revisions';
    // A note is a paragraph or list item: its wrapped lines are read together.
    let start = -1;
    let text = '';
    const finish = (end: number): void => {
      if (start >= 0 && !REASON.test(text)) {
        const first = sectionLine(section, start);
        const last = sectionLine(section, end);
        report({
          range: { start: { line: start, character: first.length - first.trimStart().length }, end: { line: end, character: last.trimEnd().length } },
          message: 'This revision note says what changed but not why; add the reason (for example "... because the benchmark showed ..."), so a later reader can judge the change.',
        });
      }
      start = -1;
      text = '';
    };
    for (let line = 1; line < section.lineStarts.length; line++) {
      const current = sectionLine(section, line);
      const content = isContentLine(section, line) && !/^\s*#/.test(current);
      const startsItem = /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(current);
      if (!content || (startsItem && start >= 0)) finish(line - 1);
      if (!content) continue;
      if (start < 0) {
        if (!(inNotes || NOTE_LINE.test(current))) continue;
        start = line;
      }
      if (text.length < 4000) text += ' ' + current;
    }
    finish(section.lineStarts.length - 1);
  },
};
