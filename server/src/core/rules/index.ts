/**
 * The ordered registry of rules. Each rule lives in its own file named by code and name; adding a
 * rule is one file, one line here, one page under docs/rules/ and one fixture folder.
 */
import type { Rule } from './types';
import { requiredSection } from './EP001-required-section';
import { frontmatterInvalid } from './EP010-frontmatter-invalid';

export const RULES: readonly Rule[] = [requiredSection, frontmatterInvalid];

/** Where each rule's documentation page is published. */
export const RULE_DOCS_BASE = 'https://github.com/execplan-tools/execplan/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

export function ruleById(idOrName: string): Rule | undefined {
  return RULES.find((rule) => rule.id === idOrName || rule.name === idOrName);
}
