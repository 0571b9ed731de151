/** The finding that stands in for a rule that threw, so one broken rule never stops a check. */
import type { Finding } from './rules/types';

export function ruleFailureFinding(rule: { readonly id: string; readonly name: string }, error: unknown, subject: 'document' | 'file'): Finding {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    severity: 'error',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `Rule ${rule.id} (${rule.name}) failed on this ${subject}: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
  };
}
