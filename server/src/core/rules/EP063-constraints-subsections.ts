/**
 * EP063 constraints-subsections: Constraints & Safety declares Allowed Scope, Approval-Required
 * Operations, Forbidden Operations and Secrets & PII, each filled in rather than left as template.
 */
import type { Section } from '../model/types';
import type { Report, Rule } from './types';
import { CONSTRAINT_SUBSECTIONS, isTemplateBody, proseOutsideSubsections, regionLines, subsectionsOf } from '../safety/subsections';
import { memoizeBySection } from '../safety/sectionMemo';

/** Prose past this many characters is not searched for declarations. */
const MAX_PROSE = 20_000;

const missingMessage = (names: readonly string[]): string =>
  `Constraints & Safety does not declare ${names.map((name) => `\`### ${name}\``).join(', ')}. ` +
  'Add each as a `###` subsection so an executor knows what it may touch, what it must ask about, what it must never do, and how secrets stay out.';

const templateMessage = (name: string, purpose: string): string =>
  `\`### ${name}\` still holds template text. Write ${purpose}, or \`- None\` if there are none.`;

/** The findings for one Constraints & Safety section, in its local lines; kept with the section. */
const reportsFor = memoizeBySection((section: Section): readonly Report[] => {
  const reports: Report[] = [];
  const missing: string[] = [];
  // The spec's Minimal Template lets a short plan say all four in prose; that counts too.
  const prose = proseOutsideSubsections(section).join('\n').toLowerCase().slice(0, MAX_PROSE);
  for (const spec of CONSTRAINT_SUBSECTIONS) {
    const regions = subsectionsOf(section, spec.key);
    if (regions.length === 0) {
      if (!spec.proseSignals.test(prose)) missing.push(spec.name);
      continue;
    }
    const region = regions[0]!;
    if (isTemplateBody(regionLines(section, region.bodyStart, region.bodyEnd))) {
      reports.push({ range: region.heading.range, message: templateMessage(spec.name, spec.purpose), data: { subsection: spec.key } });
    }
  }
  if (missing.length > 0 && section.heading) {
    reports.push({ range: section.heading.range, message: missingMessage(missing), data: { missing } });
  }
  return reports;
});

export const constraintsSubsections: Rule = {
  id: 'EP063',
  name: 'constraints-subsections',
  title: 'Constraints & Safety lacks a declared subsection',
  defaultSeverity: 'warning',
  tags: ['safety', 'governance'],
  profiles: ['ssot'],
  fixable: false,
  check(context, report) {
    const entry = context.section('constraints');
    if (!entry) return;
    for (const local of reportsFor(entry.placed.section)) report({ ...local, range: context.toDocument(entry.placed, local.range) });
  },
};
