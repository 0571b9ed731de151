/** EP062 external-url: an external URL outside See Also / References that no snapshot in the plan backs. */
import type { Rule } from './types';
import { findExternalDependencies } from '../safety/externalUrls';

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
  check(context, report) {
    for (const dependency of findExternalDependencies(context)) {
      report({ range: dependency.range, message: message(dependency.host), data: { url: dependency.normalized } });
    }
  },
};
