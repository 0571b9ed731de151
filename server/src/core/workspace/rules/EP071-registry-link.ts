/** EP071 registry-link: each registry entry links to a plan file that exists. */
import type { RegistryRule } from '../types';
import { isExternalTarget } from '../registry';
import { resolveLink } from '../registryLinks';

export const registryLink: RegistryRule = {
  id: 'EP071',
  name: 'registry-link',
  title: 'A registry link does not resolve to an existing plan file',
  defaultSeverity: 'error',
  tags: ['registry', 'links'],
  fixable: false,
  check(context, report) {
    for (const entry of context.registry.entries) {
      const link = entry.link;
      if (!link || isExternalTarget(link.target)) continue;
      const resolution = resolveLink(link.target, context.path, context.existingPaths, context.knownPlanPaths);
      if (resolution.path) continue;
      const tried = resolution.tried.map((path) => `\`${path}\``).join(' or ');
      report({
        range: link.range,
        message: `\`${link.target}\` does not resolve to a plan file${tried ? ` (looked for ${tried})` : ''}; fix the link or remove the entry.`,
        data: { target: link.target },
      });
    }
  },
};
