/** EP054 over-planning: the Plans guide's anti-pattern of more than 50 detailed steps before starting. */
import type { Rule } from './types';

const DEFAULT_MAX_STEPS = 50;

export const overPlanning: Rule = {
  id: 'EP054',
  name: 'over-planning',
  title: 'Too many execution steps planned up front',
  defaultSeverity: 'warning',
  tags: ['content'],
  profiles: ['plans-guide'],
  fixable: false,
  sections: ['execution-steps'],
  checkSection(context, report) {
    if (!context.section.heading) return;
    const configured = context.options['maxSteps'];
    const max = typeof configured === 'number' && configured > 0 ? configured : (context.profile.maxSteps ?? DEFAULT_MAX_STEPS);
    const steps = context.section.listItems.length;
    if (steps <= max) return;
    report({
      range: context.section.heading.textRange,
      message: `\`## ${context.section.heading.text}\` lists ${steps} steps (more than ${max}). Plan 5 to 10 high-level steps and refine each as you learn; detail written before starting goes stale.`,
    });
  },
};
