/**
 * The plan's outline: first the Next Action (so it is one click away), then the sections as a tree.
 * "First" means first in the outline as editors sort it, by the start of each symbol's range.
 * Progress lists its open items and Decision Log its decisions, named by what was decided.
 */
import { LineKind } from '../model/types';
import type { Heading, ListItem, PlanDocument, Range } from '../model/types';
import { lineText } from '../model/lookup';
import type { LintResult } from '../engine';
import type { ResolvedSection } from '../rules/types';
import { planSummary } from './summary';
import { topLevelItems } from './metrics';

export type PlanSymbolKind = 'next-action' | 'title' | 'section' | 'subsection' | 'open-item' | 'decision';

export interface PlanSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: PlanSymbolKind;
  /** Everything the symbol covers (a section: its heading to its last non-blank line). */
  readonly range: Range;
  /** What the editor selects when the symbol is chosen. */
  readonly selectionRange: Range;
  readonly children: readonly PlanSymbol[];
}

const NEXT_ACTION_PREFIX = 'Next Action: ';
const NEXT_ACTION_EMPTY = '(empty)';
const OPEN_ITEMS = (count: number): string => (count === 1 ? '1 open item' : `${count} open items`);
const DECISIONS = (count: number): string => (count === 1 ? '1 decision' : `${count} decisions`);
/** Outline names are one line; long item texts are cut here. */
const MAX_NAME_LENGTH = 100;
const LEADING_STAMP = /^(?:\[[^\]]{4,40}\]|\(?\d{4}-\d{2}-\d{2}[^\s)]*(?:\s+\d{2}:\d{2}(?::\d{2})?(?:\s?UTC|Z)?)?\)?)\s*(?:[-–—:]\s*)?/;

export function planSymbols(plan: PlanDocument, result: LintResult): PlanSymbol[] {
  const symbols: PlanSymbol[] = [];
  const summary = planSummary(plan, result);
  for (const entry of result.sections) {
    const heading = entry.placed.section.heading;
    if (!heading) continue;
    symbols.push(sectionSymbol(plan, entry, heading, summary.status));
  }
  if (summary.nextAction) {
    const line = summary.nextAction.line;
    const selectionRange = lineRange(plan, line);
    // Editors sort the outline by where each symbol's range starts, so the Next Action's range opens
    // at the top of the document to come first. It is listed last so that an editor looking for the
    // symbol around the cursor (breadcrumbs) finds the enclosing section before it.
    symbols.push({
      name: NEXT_ACTION_PREFIX + (oneLine(summary.nextAction.text) || NEXT_ACTION_EMPTY),
      ...(summary.status ? { detail: summary.status } : {}),
      kind: 'next-action',
      range: { start: { line: 0, character: 0 }, end: selectionRange.end },
      selectionRange,
      children: [],
    });
  }
  return symbols;
}

function sectionSymbol(plan: PlanDocument, entry: ResolvedSection, heading: Heading, status: string | undefined): PlanSymbol {
  const base = entry.placed.line;
  const section = entry.placed.section;
  const lastLine = base + lastContentLine(entry);
  const range = { start: { line: base + heading.range.start.line, character: 0 }, end: { line: lastLine, character: lineText(plan, lastLine).length } };
  const selectionRange = shift(heading.textRange, base);
  const children: PlanSymbol[] = [];
  let detail: string | undefined;

  if (entry.spec?.key === 'progress') {
    const open = section.listItems.filter((item) => item.checkbox === 'open');
    for (const item of open) children.push(itemSymbol(plan, base, item, 'open-item', stripStamp(item.text)));
    const statusEntry = section.entries.find((found) => found.key.toLowerCase() === 'status' && !found.bulleted);
    detail = [statusEntry?.value || status, OPEN_ITEMS(open.length)].filter(Boolean).join(' · ');
  } else if (entry.spec?.key === 'decision-log') {
    const items = topLevelItems(section);
    for (const item of items) children.push(itemSymbol(plan, base, item, 'decision', decisionText(entry, item)));
    detail = DECISIONS(items.length);
  } else if (entry.spec && entry.spec.name !== heading.text) {
    detail = entry.spec.name;
  }

  const subsections = subsectionTree(plan, entry, lastLine);
  // Items and subsections together, in document order.
  const all = [...children, ...subsections].sort((a, b) => a.range.start.line - b.range.start.line);
  return {
    name: heading.text || entry.spec?.name || '#',
    ...(detail ? { detail } : {}),
    kind: heading.level === 1 ? 'title' : 'section',
    range,
    selectionRange,
    children: all,
  };
}

/** Level-3 and deeper headings nested by level under the section. */
function subsectionTree(plan: PlanDocument, entry: ResolvedSection, sectionEnd: number): PlanSymbol[] {
  const base = entry.placed.line;
  const headings = entry.placed.section.subheadings.filter((heading) => heading.level > 2);
  const roots: PlanSymbol[] = [];
  const stack: Array<{ level: number; children: PlanSymbol[] }> = [{ level: 2, children: roots }];
  headings.forEach((heading, index) => {
    let end = sectionEnd;
    for (let next = index + 1; next < headings.length; next++) {
      if (headings[next]!.level <= heading.level) {
        end = lastNonBlankBefore(plan, base + headings[next]!.line, base + heading.line);
        break;
      }
    }
    const children: PlanSymbol[] = [];
    const symbol: PlanSymbol = {
      name: heading.text || '#',
      kind: 'subsection',
      range: { start: { line: base + heading.line, character: 0 }, end: { line: end, character: lineText(plan, end).length } },
      selectionRange: shift(heading.textRange, base),
      children,
    };
    while (stack.length > 1 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    stack[stack.length - 1]!.children.push(symbol);
    stack.push({ level: heading.level, children });
  });
  return roots;
}

function itemSymbol(plan: PlanDocument, base: number, item: ListItem, kind: PlanSymbolKind, name: string): PlanSymbol {
  const end = base + item.endLine;
  return {
    name: oneLine(name) || item.text || '-',
    kind,
    range: { start: { line: base + item.line, character: 0 }, end: { line: end, character: lineText(plan, end).length } },
    selectionRange: shift(item.textRange, base),
    children: [],
  };
}

/** A decision is named by its `Decision:` value, else by the item's text without its timestamp. */
function decisionText(entry: ResolvedSection, item: ListItem): string {
  const decision = entry.placed.section.entries.find((found) => found.key.toLowerCase() === 'decision' && found.line >= item.line && found.line <= item.endLine);
  return decision?.value || stripStamp(item.text);
}

function stripStamp(text: string): string {
  return text.replace(LEADING_STAMP, '').trim() || text;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_NAME_LENGTH ? `${flat.slice(0, MAX_NAME_LENGTH - 1)}…` : flat;
}

/** The section's last non-blank line, local to the section. */
export function lastContentLine(entry: ResolvedSection): number {
  const kinds = entry.placed.section.lineKinds;
  for (let line = kinds.length - 1; line > 0; line--) {
    if (kinds[line] !== LineKind.Blank) return line;
  }
  return 0;
}

function lastNonBlankBefore(plan: PlanDocument, line: number, floor: number): number {
  let candidate = line - 1;
  while (candidate > floor && lineText(plan, candidate).trim() === '') candidate--;
  return Math.max(candidate, floor);
}

function lineRange(plan: PlanDocument, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: lineText(plan, line).length } };
}

function shift(range: Range, by: number): Range {
  return { start: { line: range.start.line + by, character: range.start.character }, end: { line: range.end.line + by, character: range.end.character } };
}
