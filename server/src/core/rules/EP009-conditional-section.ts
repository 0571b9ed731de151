/**
 * EP009 conditional-section: sections the profile requires only in some situations. Inter-Agent
 * Messages once more than one agent writes the plan; Handoff Summary once the plan is BLOCKED or a
 * handoff is recorded.
 */
import type { Section } from '../model/types';
import type { PlanContext, Rule } from './types';
import { insertSectionEdit } from '../features/sectionPlacement';
import { afterBom, appendedSectionParses, planStatus, sectionLine, titleRange, topLevelItems, writerIds } from '../profiles/planQueries';
import { firstAtOrAfterLine, replaceLineResults } from '../model/lineage';
import { memoizeBySection } from '../safety/sectionMemo';

const HANDOFF = /\bhand(?:ed|ing)?[- ]?(?:off|over)\b/gi;

export const conditionalSection: Rule = {
  id: 'EP009',
  name: 'conditional-section',
  title: 'A section the situation requires is missing',
  defaultSeverity: 'warning',
  tags: ['structure'],
  profiles: ['ssot'],
  fixable: true,
  check(context, report) {
    for (const spec of context.profile.sections) {
      if (spec.level !== 'conditional' || context.section(spec.key)) continue;
      const reason = spec.condition === 'multi-agent' ? multiAgentReason(context) : spec.condition === 'handoff' ? handoffReason(context) : undefined;
      if (!reason) continue;
      const { edit, placement } = insertSectionEdit(context, spec);
      const where = placement.before ? `before \`## ${placement.before}\`` : placement.after ? `after \`## ${placement.after}\`` : 'at the end';
      report({
        range: titleRange(context),
        message: `Add \`## ${spec.name}\`: ${reason}. ${spec.purpose}`,
        // Added at the end of a plan that ends inside an unclosed block, the section would not be one (EP052 reports the fence).
        ...(placement.before === undefined && !appendedSectionParses(context.plan, edit.newText, spec.name) ? {} : { fixes: [{ title: `Insert section \`## ${spec.name}\` ${where}`, edits: [afterBom(context.plan, edit)], safe: true }] }),
        data: { section: spec.key },
      });
    }
  },
};

function multiAgentReason(context: PlanContext): string | undefined {
  const ids = [...writerIds(context)];
  return ids.length >= 2 ? `more than one agent writes this plan (${ids.slice(0, 4).join(', ')})` : undefined;
}

function handoffReason(context: PlanContext): string | undefined {
  const status = planStatus(context)?.toUpperCase();
  if (status === 'BLOCKED') return 'the plan is BLOCKED, so the next agent or session needs a snapshot to resume from';
  const progress = context.section('progress');
  if (!progress) return undefined;
  const line = handoffItemLine(progress.placed.section);
  return line < 0 ? undefined : `a handoff is recorded in Progress (line ${progress.placed.line + line + 1})`;
}

/** Per Progress section: the local line of its first top-level item that records a handoff, or -1. */
const handoffItemLine = memoizeBySection((section: Section): number => {
  const matched = handoffMatches(section);
  if (matched.length === 0) return -1;
  const items = topLevelItems(section);
  for (const line of matched) if (items[firstAtOrAfterLine(items, line)]?.line === line) return line;
  return -1;
});

/**
 * The lines that mention a handoff, in order. Cached with the section, so typing elsewhere in a
 * large plan does not read Progress again, and typing inside one of its lines reads that line only.
 * The pattern never spans a line ending, so one search of the section's text finds every line.
 */
const handoffMatches = memoizeBySection(
  (section: Section): readonly number[] => {
    const matched: number[] = [];
    const { text, lineStarts } = section;
    let line = 0;
    HANDOFF.lastIndex = 0;
    for (let match = HANDOFF.exec(text); match !== null; match = HANDOFF.exec(text)) {
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= match.index) line++;
      if (matched[matched.length - 1] !== line) matched.push(line);
    }
    return matched;
  },
  (previous, section, { line }) => {
    HANDOFF.lastIndex = 0;
    return replaceLineResults(previous, line, HANDOFF.test(sectionLine(section, line)) ? [line] : [], (matched) => matched);
  },
);
