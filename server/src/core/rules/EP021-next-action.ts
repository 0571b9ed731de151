/** EP021 next-action: Progress names exactly one `Next Action:`, the single smallest safe step. */
import type { Rule } from './types';
import { checklistState, headingRange, insertLineEdit, nextActionEntries, progressStatusEntry, sectionLine } from '../profiles/planQueries';
import { scanLineForSecrets } from '../safety/secretScanner';

const PLACEHOLDER = '<single smallest safe step>';

export const nextAction: Rule = {
  id: 'EP021',
  name: 'next-action',
  title: 'Progress has no single `Next Action:`',
  defaultSeverity: 'error',
  tags: ['progress'],
  profiles: ['ssot'],
  fixable: true,
  check(context, report) {
    const progress = context.section('progress');
    if (!progress || !context.profile.progress.statusLines) return;
    const section = progress.placed.section;
    const actions = nextActionEntries(section);
    if (actions.length === 0) {
      const status = progressStatusEntry(section);
      const heading = section.heading;
      const line = status ? status.line + 1 : heading ? heading.range.end.line + 1 : 0;
      const step = firstOpenStep(section) ?? PLACEHOLDER;
      report({
        range: headingRange(context, progress),
        message: `\`## ${progress.title}\` has no \`Next Action:\` line. Add one naming the single smallest safe step, e.g. \`Next Action: ${step}\`.`,
        fixes: [{ title: `Add \`Next Action: ${step}\``, edits: [insertLineEdit(context, progress.placed, line, `Next Action: ${step}`)], safe: false }],
      });
      return;
    }
    for (const entry of actions) {
      if (entry.value.trim() === '') {
        report({ range: context.toDocument(progress.placed, entry.keyRange), message: '`Next Action:` is empty; name the single smallest safe step to take next.' });
      }
    }
    for (const extra of actions.slice(1)) {
      report({
        range: context.toDocument(progress.placed, extra.keyRange),
        message: `Progress has ${actions.length} \`Next Action:\` lines; keep one (the single next step) so a resuming agent does not have to choose.`,
      });
    }
  },
};

/** The text of the first open Progress item, without its timestamp and owner. */
function firstOpenStep(section: Parameters<typeof nextActionEntries>[0]): string | undefined {
  const item = checklistState(section).firstOpen;
  if (!item) return undefined;
  const text = sectionLine(section, item.line).slice(item.textRange.start.character);
  const step = text
    .replace(/^\(?\[?\d{4}-\d{2}-\d{2}[T ]?[\d:]*(?:Z|[+-]\d{2}:?\d{2}| ?UTC)?\]?\)?\s*[-\u2013\u2014:]?\s*/, '')
    .replace(/\s*\((?:Owner|Author):[^)]*\)\s*$/, '')
    .trim();
  // Never copy a credential into a suggestion (or into the plan a second time).
  return step && !step.startsWith('<') && scanLineForSecrets(step, 0).length === 0 ? step : undefined;
}
