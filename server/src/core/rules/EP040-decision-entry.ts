/** EP040 decision-entry: each Decision Log entry carries the fields its profile asks for. */
import type { Rule } from './types';
import { carryEntries, checkEntries } from '../profiles/entryChecks';

export const decisionEntry: Rule = {
  id: 'EP040',
  name: 'decision-entry',
  title: 'A Decision Log entry lacks a field its profile asks for',
  defaultSeverity: 'warning',
  tags: ['entries'],
  profiles: ['ssot', 'openai', 'agdd'],
  fixable: false,
  sections: ['decision-log'],
  checkSection(context, report) {
    if (!context.profile.decision) return;
    checkEntries(context.section, context.profile.decision, 'decision', report);
  },
  carrySection(context, origin, previous) {
    if (!context.profile.decision) return previous;
    return carryEntries(context.section, origin.line, previous, context.profile.decision, 'decision');
  },
};
