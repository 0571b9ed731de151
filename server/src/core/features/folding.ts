/**
 * Folding ranges: the frontmatter, each section and subsection, and every entry that runs over
 * several lines (a decision with its rationale, a message with its acceptance test, ...).
 */
import type { PlanDocument } from '../model/types';
import { lineText } from '../model/lookup';
import type { LintResult } from '../engine';
import { lastContentLine } from './symbols';

export interface PlanFoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  /** `comment` for the frontmatter block, which editors fold with "fold all block comments". */
  readonly kind?: 'comment' | 'region';
}

export function planFoldingRanges(plan: PlanDocument, result: LintResult): PlanFoldingRange[] {
  const ranges: PlanFoldingRange[] = [];
  const frontmatter = plan.frontmatter;
  if (frontmatter && frontmatter.endLine > frontmatter.startLine) ranges.push({ startLine: frontmatter.startLine, endLine: frontmatter.endLine, kind: 'comment' });

  for (const entry of result.sections) {
    const section = entry.placed.section;
    const base = entry.placed.line;
    const sectionEnd = base + lastContentLine(entry);
    if (section.heading && sectionEnd > base) ranges.push({ startLine: base, endLine: sectionEnd });

    const subheadings = section.subheadings;
    subheadings.forEach((heading, index) => {
      let end = sectionEnd;
      for (let next = index + 1; next < subheadings.length; next++) {
        if (subheadings[next]!.level <= heading.level) {
          end = lastNonBlank(plan, base + subheadings[next]!.line - 1, base + heading.line);
          break;
        }
      }
      if (end > base + heading.line) ranges.push({ startLine: base + heading.line, endLine: end });
    });

    for (const item of section.listItems) {
      if (item.endLine > item.line) ranges.push({ startLine: base + item.line, endLine: base + item.endLine });
    }
    for (const block of section.codeBlocks) {
      if (block.endLine > block.startLine) ranges.push({ startLine: base + block.startLine, endLine: base + block.endLine });
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function lastNonBlank(plan: PlanDocument, line: number, floor: number): number {
  let candidate = line;
  while (candidate > floor && lineText(plan, candidate).trim() === '') candidate--;
  return candidate;
}
