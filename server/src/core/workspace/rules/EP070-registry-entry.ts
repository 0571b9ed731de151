/** EP070 registry-entry: each entry of a registry's Active / Completed Plans follows the entry format. */
import type { RegistryRule } from '../types';
import { ACTIVE_STATUSES, COMPLETED_STATUSES } from '../registry';
import type { RegistryEntry } from '../registry';

const FULL_FORMAT = '`- [YYYY-MM-DD] Title – Link – Owner(s) – Status`';
const SUMMARY_FORMAT = '`` - [YYYY-MM-DD] `file.md` – summary ``';

export const registryEntry: RegistryRule = {
  id: 'EP070',
  name: 'registry-entry',
  title: 'A registry entry does not follow the entry format',
  defaultSeverity: 'warning',
  tags: ['registry'],
  fixable: false,
  check(context, report) {
    for (const entry of context.registry.entries) {
      const problem = entryProblem(entry);
      if (problem) report({ range: problem.range ?? entry.range, message: problem.message });
    }
  },
};

function expectedFormat(entry: RegistryEntry): string {
  return entry.list === 'active' ? FULL_FORMAT : `${FULL_FORMAT} or ${SUMMARY_FORMAT}`;
}

function entryProblem(entry: RegistryEntry): { message: string; range?: RegistryEntry['range'] } | undefined {
  const list = entry.list === 'active' ? 'Active Plans' : 'Completed Plans';
  if (!entry.date) return { message: `This ${list} entry has no \`[YYYY-MM-DD]\` date; write it as ${expectedFormat(entry)}.` };
  if (!entry.date.valid) return { message: `\`${entry.date.text}\` is not a real date; use \`YYYY-MM-DD\`.`, range: entry.date.range };
  if (entry.shape === 'unknown') {
    return { message: `This ${list} entry has ${entry.partCount} part${entry.partCount === 1 ? '' : 's'} after the date; write it as ${expectedFormat(entry)}.` };
  }
  if (entry.shape === 'completed-summary' && entry.list === 'active') {
    return { message: `Active Plans entries name owner and status too; write it as ${FULL_FORMAT}.` };
  }
  if (entry.shape === 'full') {
    if (!entry.link) return { message: 'The second part of the entry should be the link to the plan file (a path, `file.md` or a Markdown link).' };
    const status = entry.status!;
    const allowed: readonly string[] = entry.list === 'active' ? ACTIVE_STATUSES : COMPLETED_STATUSES;
    if (!allowed.includes(status.text.toLowerCase())) {
      return { message: `\`${status.text}\` is not a status for ${list}; use one of ${allowed.map((word) => `\`${word}\``).join(', ')}.`, range: status.range };
    }
  }
  return undefined;
}
