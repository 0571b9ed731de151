/** EP062 external-url: an external URL outside See Also / References that no snapshot in the plan backs. */
import type { Report, Rule } from './types';
import { forEachExternalDependency } from '../safety/externalUrls';
import type { ExternalLink } from '../safety/externalUrls';
import { hiddenSlot } from '../hiddenSlot';

// One line in the Problems view: a plan can hold hundreds of these, and the rule's page explains the snapshot format.
const message = (host: string): string =>
  `External URL (${host}) with no snapshot in the plan: an executor may not reach it and it can change. Add a Research Snapshot (Retrieved:, Source:, Notes:) or move the link under \`## References\`.`;

export const externalUrl: Rule = {
  id: 'EP062',
  name: 'external-url',
  title: 'An external URL is not snapshotted in the plan',
  defaultSeverity: 'warning',
  tags: ['safety', 'self-containment'],
  // Self-containment is a requirement of the ssot spec and of the Cookbook's PLANS.md; the other
  // dialects do not ask for it, so there the count is shown as a metric only.
  profiles: ['ssot', 'openai'],
  fixable: false,
  check(context, _report, reportList) {
    forEachExternalDependency(context, (links, placed) => reportList(links, reportFor, placed));
  },
};

/**
 * One report per link, kept with it (a link lives as long as its section): on a keystroke the
 * plan's unchanged links are reported with the same objects, so their findings are kept too. A
 * hidden slot rather than a weak table, which a cold lint would add an entry to per link.
 */
const reportsOfLink = hiddenSlot<Report>('externalUrlReport');

function reportFor(link: ExternalLink): Report {
  let found = reportsOfLink.get(link);
  if (!found) {
    found = { range: link.range, message: message(link.host), data: { url: link.normalized } };
    reportsOfLink.set(link, found);
  }
  return found;
}
