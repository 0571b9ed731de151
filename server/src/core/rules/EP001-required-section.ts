/**
 * EP001 required-section: every section the profile marks MUST is present. A plan whose sections all
 * belong to a subset the profile accepts as complete (ssot's Minimal Template) is held to that
 * subset's MUST sections only.
 */
import type { PlanContext, Rule } from './types';
import type { SectionSpec } from '../profiles/types';
import { insertSectionEdit } from '../features/sectionPlacement';
import { afterBom, appendedSectionParses, titleRange } from '../profiles/planQueries';

export const requiredSection: Rule = {
  id: 'EP001',
  name: 'required-section',
  title: 'A section the profile requires is missing',
  defaultSeverity: 'error',
  tags: ['structure'],
  fixable: true,
  check(context, report) {
    // Most plans have every MUST section; what a report needs is worked out only when one is missing.
    if (!context.profile.sections.some((spec) => spec.level === 'must' && !context.section(spec.key))) return;
    const anchor = titleRange(context);
    const subset = followedSubset(context);
    const scope = subset ? ` (${context.profile.id} profile, ${subset.label})` : ` (${context.profile.id} profile)`;
    for (const spec of context.profile.sections) {
      if (spec.level !== 'must' || context.section(spec.key)) continue;
      if (subset && !subset.keys.includes(spec.key)) continue;
      const { edit, placement } = insertSectionEdit(context, spec);
      const where = placement.before ? `before \`## ${placement.before}\`` : placement.after ? `after \`## ${placement.after}\`` : 'at the end';
      report({
        range: anchor,
        message: `Missing required section \`## ${spec.name}\`${scope}: ${spec.purpose} Add it ${where}.`,
        // Added at the end of a plan that ends inside an unclosed block, the section would not be one (EP052 reports the fence).
        ...(placement.before === undefined && !appendedSectionParses(context.plan, edit.newText, spec.name) ? {} : { fixes: [{ title: `Insert section \`## ${spec.name}\` ${where}`, edits: [afterBom(context.plan, edit)], safe: true }] }),
        data: { section: spec.key },
      });
    }
  },
};

/** The subset the plan follows: every recognised section belongs to it and at least one does. */
function followedSubset(context: PlanContext) {
  const present = context.sections.filter((entry) => entry.spec).map((entry) => (entry.spec as SectionSpec).key);
  if (present.length === 0) return undefined;
  return context.profile.subsets?.find((subset) => present.every((key) => subset.keys.includes(key)));
}
