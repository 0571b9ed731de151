/**
 * EP011 frontmatter-field: the frontmatter has every field the profile requires. The fix adds a
 * missing field with a value derived from the plan (id from the file name, status from Progress,
 * owner from the first Owner, times from the clock); review the values, so the fix is not "safe".
 */
import type { PlanContext, Rule } from './types';
import type { FieldSpec } from '../profiles/types';
import { formatTimestamp } from '../features/timeFormat';
import { planStatus, sectionLine, titleRange } from '../profiles/planQueries';

export const frontmatterField: Rule = {
  id: 'EP011',
  name: 'frontmatter-field',
  title: 'A frontmatter field the profile requires is missing',
  defaultSeverity: 'error',
  tags: ['frontmatter'],
  profiles: ['ssot'],
  fixable: true,
  check(context, report) {
    const required = context.profile.frontmatter.filter((field) => field.required);
    if (required.length === 0) return;
    const { plan } = context;
    const frontmatter = plan.frontmatter;
    const eol = plan.eol;
    if (!frontmatter) {
      const lines = required.map((field) => `${field.key}: ${suggestedValue(context, field)}`);
      const at = { line: 0, character: plan.hasBom ? 1 : 0 };
      report({
        range: titleRange(context),
        message: `The plan has no frontmatter; the ${context.profile.id} profile needs ${required.map((field) => `\`${field.key}\``).join(', ')} between \`---\` lines at the top.`,
        fixes: [{ title: `Add frontmatter with ${required.map((field) => field.key).join(', ')}`, edits: [{ range: { start: at, end: at }, newText: ['---', ...lines, '---', ''].join(eol) }], safe: false }],
      });
      return;
    }
    if (!frontmatter.closed || !frontmatter.data) return;
    const opening = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const at = { line: frontmatter.endLine, character: 0 };
    for (const field of required) {
      if (frontmatter.fields.has(field.key)) continue;
      const value = suggestedValue(context, field);
      report({
        range: opening,
        message: `The frontmatter is missing \`${field.key}\`: ${field.description}${field.values ? ` One of ${field.values.join(', ')}.` : ''}`,
        fixes: [{ title: `Add \`${field.key}: ${value}\` to the frontmatter`, edits: [{ range: { start: at, end: at }, newText: `${field.key}: ${value}${eol}` }], safe: false }],
        data: { field: field.key },
      });
    }
  },
};

function suggestedValue(context: PlanContext, field: FieldSpec): string {
  switch (field.key) {
    case 'id':
      return idFromPath(context.path);
    case 'status': {
      const status = planStatus(context)?.toUpperCase();
      return status && field.values?.includes(status) ? status : (field.values?.[0] ?? 'DRAFT');
    }
    case 'owner':
      return firstOwner(context) ?? 'unassigned';
    case 'profile':
      return field.values?.[0] ?? '';
  }
  if (field.kind === 'timestamp') return formatTimestamp(context.now, 'rfc3339');
  if (field.kind === 'date') return formatTimestamp(context.now, 'date');
  return field.values?.[0] ?? '""';
}

function idFromPath(path: string | undefined): string {
  const base = (path ?? '').split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '').replace(/[-_]?PLAN$/i, '');
  const id = stem.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return id || 'plan';
}

function firstOwner(context: PlanContext): string | undefined {
  const progress = context.section('progress');
  if (!progress) return undefined;
  const section = progress.placed.section;
  for (const item of section.listItems) {
    const match = /\((?:Owner|Author):[ \t]*([^)\s][^)]*)\)/.exec(sectionLine(section, item.line));
    if (match && !match[1]!.trim().startsWith('<')) return match[1]!.trim();
  }
  return undefined;
}
