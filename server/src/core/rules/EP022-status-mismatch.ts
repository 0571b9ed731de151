/**
 * EP022 status-mismatch: the frontmatter `status` and the Progress `Status:` agree, and a DONE plan
 * has no open Progress items and says what came out of it.
 */
import type { Rule } from './types';
import { checklistState, frontmatterStatus, headingRange, isContentLine, plainValue, progressStatusEntry, sectionLine, valueRangeOf } from '../profiles/planQueries';

export const statusMismatch: Rule = {
  id: 'EP022',
  name: 'status-mismatch',
  title: 'The plan\'s statuses disagree with each other or with its content',
  defaultSeverity: 'warning',
  tags: ['progress'],
  profiles: ['ssot'],
  fixable: true,
  check(context, report) {
    const progress = context.section('progress');
    const entry = progress ? progressStatusEntry(progress.placed.section) : undefined;
    const progressValue = entry ? plainValue(entry.value) : undefined;
    const field = context.plan.frontmatter?.fields.get('status');
    const fmValue = frontmatterStatus(context.plan);
    const statusRange = progress && entry ? context.toDocument(progress.placed, valueRangeOf(entry)) : field?.valueRange;

    if (progress && entry && progressValue && field && fmValue && progressValue.toUpperCase() !== fmValue.toUpperCase()) {
      report({
        range: context.toDocument(progress.placed, valueRangeOf(entry)),
        message: `Progress says \`Status: ${progressValue}\` but the frontmatter says \`status: ${fmValue}\`; make them agree.`,
        fixes: [
          { title: `Set frontmatter \`status\` to \`${progressValue}\``, edits: [{ range: field.valueRange, newText: progressValue }], safe: false },
          { title: `Set Progress \`Status:\` to \`${fmValue}\``, edits: [{ range: context.toDocument(progress.placed, valueRangeOf(entry)), newText: fmValue }], safe: false },
        ],
      });
    }

    const done = [progressValue, fmValue].some((value) => value?.toUpperCase() === 'DONE');
    if (!done || !statusRange) return;
    if (progress) {
      const { open, firstOpen } = checklistState(progress.placed.section);
      if (open > 0 && firstOpen) {
        report({
          range: statusRange,
          message: `The status is DONE but ${open} Progress item${open === 1 ? ' is' : 's are'} still open (first at line ${progress.placed.line + firstOpen.line + 1}). Tick what was done, or set the status back.`,
        });
      }
    }
    const outcomes = context.section('outcomes');
    const section = outcomes?.placed.section;
    let said = false;
    if (section) {
      for (let line = 1; line < section.lineStarts.length && !said; line++) {
        said = isContentLine(section, line) && !/^\s*(?:[-*]\s*)?(?:<[^>]*>|\(?none yet\.?\)?|nothing (?:shipped|yet)\.?)\s*$/i.test(sectionLine(section, line));
      }
    }
    if (!said) {
      report({
        range: outcomes ? headingRange(context, outcomes) : statusRange,
        message: 'The status is DONE but the outcomes are not written; record what shipped, what changed and what was learned under `## Outcomes & Retrospective`.',
      });
    }
  },
};
