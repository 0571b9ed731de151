/**
 * EP012 frontmatter-value: each frontmatter field the profile knows holds a value of its kind: one
 * of the allowed values, an RFC 3339 time, a date, or text.
 */
import type { Rule } from './types';
import type { FieldSpec } from '../profiles/types';
import { findTimestamps } from '../model/timestamps';
import { formatTimestamp } from '../features/timeFormat';

export const frontmatterValue: Rule = {
  id: 'EP012',
  name: 'frontmatter-value',
  title: 'A frontmatter field has a value of the wrong kind',
  defaultSeverity: 'error',
  tags: ['frontmatter'],
  profiles: ['ssot', 'magsag'],
  fixable: true,
  check(context, report) {
    const frontmatter = context.plan.frontmatter;
    if (!frontmatter?.data) return;
    for (const spec of context.profile.frontmatter) {
      const field = frontmatter.fields.get(spec.key);
      if (!field) continue;
      const problem = checkValue(spec, field.value);
      if (!problem) continue;
      report({
        range: field.valueRange.start.line === field.valueRange.end.line && field.valueRange.start.character === field.valueRange.end.character ? field.keyRange : field.valueRange,
        message: `\`${spec.key}\` ${problem.message}`,
        ...(problem.replacement !== undefined
          ? { fixes: [{ title: `Set \`${spec.key}\` to \`${problem.replacement}\``, edits: [{ range: field.valueRange, newText: problem.replacement }], safe: true }] }
          : {}),
      });
    }
  },
};

interface ValueProblem {
  readonly message: string;
  readonly replacement?: string;
}

const EXAMPLE_TIME = '2025-11-22T14:00:00Z';

function checkValue(spec: FieldSpec, value: unknown): ValueProblem | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return { message: `is empty: ${spec.description}` };
  if (typeof value === 'object') return { message: `must be a single value, not a ${Array.isArray(value) ? 'list' : 'mapping'}: ${spec.description}` };
  const text = String(value).trim();
  switch (spec.kind) {
    case 'enum': {
      const values = spec.values ?? [];
      if (values.includes(text)) return undefined;
      const wanted = text.toUpperCase().replace(/[\s-]+/g, '_');
      const close = values.find((candidate) => candidate.toUpperCase().replace(/[\s-]+/g, '_') === wanted);
      return { message: `is \`${text}\`, which is not one of ${values.join(', ')}.`, ...(close ? { replacement: close } : {}) };
    }
    case 'timestamp': {
      const stamp = findTimestamps(text)[0];
      const whole = stamp && stamp.start === 0 && stamp.end === text.length;
      if (whole && stamp.format === 'rfc3339' && !stamp.invalidReason) return undefined;
      if (whole && stamp.invalidReason) return { message: `is \`${text}\`, which is not a real time (${stamp.invalidReason}); write an RFC 3339 time like ${EXAMPLE_TIME}.` };
      const fixed = whole && stamp.hasZone && stamp.epochMs !== undefined ? formatTimestamp(new Date(stamp.epochMs), 'rfc3339') : undefined;
      const zoneNote = whole && !stamp.hasZone ? ' It names no time zone, so it cannot be converted safely; add `Z` for UTC or an offset.' : '';
      return { message: `is \`${text}\`, which is not an RFC 3339 time; write it like ${EXAMPLE_TIME}.${zoneNote}`, ...(fixed && stamp.hasZone && isUtc(text) ? { replacement: fixed } : {}) };
    }
    case 'date': {
      if (/^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d{4}-\d{2}-\d{2}T/.test(text)) {
        const stamp = findTimestamps(text)[0];
        return stamp?.invalidReason ? { message: `is \`${text}\`, which is not a real date (${stamp.invalidReason}).` } : undefined;
      }
      return { message: `is \`${text}\`; write a date like 2025-11-03.` };
    }
    case 'string':
      return undefined;
  }
}

/** Only UTC times are rewritten by the fix; an offset would be converted to UTC, which changes how it reads. */
function isUtc(text: string): boolean {
  return /(?:Z|UTC)$/i.test(text.trim());
}
