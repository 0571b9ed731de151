/** EP072 registry-status: a registry entry's status agrees with the status the plan itself declares. */
import type { RegistryRule } from '../types';
import type { RegistryEntry } from '../registry';
import { resolveLink, statusCategory, statusesAgree } from '../registryLinks';
import type { StatusCategory } from '../registryLinks';

export const registryStatus: RegistryRule = {
  id: 'EP072',
  name: 'registry-status',
  title: "A registry entry's status disagrees with the plan's own status",
  defaultSeverity: 'warning',
  tags: ['registry', 'status'],
  fixable: false,
  check(context, report) {
    for (const entry of context.registry.entries) {
      if (!entry.link) continue;
      const registered = registryCategory(entry);
      if (!registered) continue;
      const resolved = resolveLink(entry.link.target, context.path, context.existingPaths, context.knownPlanPaths).path;
      if (!resolved) continue;
      const declared = context.planStatuses.get(resolved);
      const planCategory = declared === undefined ? undefined : statusCategory(declared);
      if (!declared || !planCategory || statusesAgree(registered.category, planCategory)) continue;
      report({
        range: entry.status?.range ?? entry.range,
        message: `The registry lists \`${resolved}\` as ${registered.says}, but the plan says \`${declared}\`; move the entry or update the plan.`,
        data: { plan: resolved, planStatus: declared },
      });
    }
  },
};

function registryCategory(entry: RegistryEntry): { category: StatusCategory; says: string } | undefined {
  if (entry.list === 'completed') {
    const category = entry.status ? statusCategory(entry.status.text) : 'done';
    return category === 'abandoned' ? { category, says: `\`${entry.status!.text}\`` } : { category: 'done', says: 'completed' };
  }
  if (!entry.status) return undefined;
  const category = statusCategory(entry.status.text);
  return category ? { category, says: `\`${entry.status.text}\`` } : undefined;
}
