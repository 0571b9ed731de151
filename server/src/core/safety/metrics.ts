/** Safety metrics for the status bar and summaries: pure functions of a linted plan. */
import type { ResolvedSection } from '../rules/types';
import { forEachExternalDependency } from './externalUrls';

/**
 * The spec's External Dependency Count (target 0): how many distinct external URLs the plan relies
 * on outside See Also / References without a snapshot. Pass a `PlanContext` or a `LintResult`
 * (anything with the plan's resolved sections). It counts the same URLs EP062 reports, each once.
 */
export function externalDependencyCount(plan: { readonly sections: readonly ResolvedSection[] }): number {
  const urls = new Set<string>();
  forEachExternalDependency(plan, (links) => {
    for (const link of links) urls.add(link.normalized);
  });
  return urls.size;
}
