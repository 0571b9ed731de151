/**
 * EP007 template-placeholder: template text left in a plan: `<Task Name>`-style placeholders, and a
 * "None yet." line left beside real entries.
 */
import { LineKind } from '../model/types';
import type { ListItem, Section } from '../model/types';
import type { Report, Reporter, Rule } from './types';
import { memoizeBySection } from '../safety/sectionMemo';
import { itemsOnLine, replaceLineResults, rereadLine } from '../model/lineage';
import { codeSpans, insideSpans } from '../model/inline';
import { isNothingYet, sectionLine, topLevelItems } from '../profiles/planQueries';

const ANGLE = /<([^<>\n]{1,80})>/g;
const HTML_TAG = /^\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?$/;
const HTML_TAGS = new Set(
  'a abbr b br code dd del details div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q s samp small span strong sub summary sup table tbody td th thead tr tt u ul var'.split(' '),
);
/** Placeholders a plan is told to keep (secrets are redacted this way). */
const KEPT = /^(?:redacted|secret|token|api[_-]?key)$/i;
const MAX_LINE = 4000;

export const templatePlaceholder: Rule = {
  id: 'EP007',
  name: 'template-placeholder',
  title: 'Template text is left in the plan',
  defaultSeverity: 'warning',
  tags: ['content'],
  fixable: true,
  checkSection(context, report) {
    const section = context.section;
    for (const placeholder of placeholdersIn(section)) report(placeholder);
    // Only a "none yet" item is ever reported, so a section without one needs no further reading.
    const leftovers = nothingYetItemsIn(section);
    if (leftovers.length === 0) return;
    const real = topLevelItems(section).length > leftovers.length || hasProse(section);
    if (!real) return;
    for (const item of leftovers) {
      const end = item.endLine + 1 < section.lineStarts.length ? { line: item.endLine + 1, character: 0 } : { line: item.endLine, character: sectionLine(section, item.endLine).length };
      report({
        range: item.textRange,
        message: `"${item.text}" is left over from the template, but this section has entries now. Remove the line.`,
        fixes: [{ title: `Remove the line "${item.text}"`, edits: [{ range: { start: { line: item.line, character: 0 }, end }, newText: '' }], safe: true }],
      });
    }
  },
};

/**
 * The section's "none yet" items, kept with it: a long section has thousands of entries, and
 * after typing inside a line only an item that starts on that line can have changed.
 */
const nothingYetItemsIn = memoizeBySection(
  (section: Section): readonly ListItem[] => topLevelItems(section).filter((item) => isNothingYet(item.text)),
  (previous, section, { line }) => {
    const fresh = itemsOnLine(topLevelItems(section), line).filter((item) => isNothingYet(item.text));
    return replaceLineResults(previous, line, fresh, (item) => item.line);
  },
);

/** The placeholders of a section, kept with it; after typing inside a line only that line is read again. */
const placeholdersIn = memoizeBySection(
  (section: Section): readonly Report[] => {
    const found: Report[] = [];
    const { text, lineStarts } = section;
    const collect = (report: Report): void => void found.push(report);
    // Only a line holding `<` can hold a placeholder: jump from one `<` to the next instead of reading every line.
    let line = 0;
    for (let at = text.indexOf('<'); at >= 0; ) {
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= at) line++;
      const nextLine = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
      placeholdersOnLine(section, line, collect);
      at = text.indexOf('<', nextLine);
    }
    return found;
  },
  (previous, section, { line }) => rereadLine(previous, line, (found) => placeholdersOnLine(section, line, found)),
);

function placeholdersOnLine(section: Section, line: number, report: Reporter): void {
  if (!isCodeKind(section.lineKinds[line]!)) reportPlaceholders(sectionLine(section, line), line, report);
}

function reportPlaceholders(text: string, line: number, report: Reporter): void {
  if (text.length > MAX_LINE) return;
  let spans: ReturnType<typeof codeSpans> | undefined;
  ANGLE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ANGLE.exec(text)) !== null) {
    if (!isPlaceholder(text, match.index, match[1]!)) continue;
    // Code spans are found only for a line that has a placeholder candidate.
    spans ??= codeSpans(text);
    if (insideSpans(spans, match.index)) continue;
    report({
      range: { start: { line, character: match.index }, end: { line, character: match.index + match[0].length } },
      message: `\`${match[0]}\` is template text; replace it with the real ${match[1]!.replace(/\.{3}|…/g, '').trim() || 'content'}.`,
    });
  }
}

// HTML lines are read too: to CommonMark a line such as `<Describe the goal.>` is an HTML block.
function isCodeKind(kind: number): boolean {
  return kind === LineKind.FenceOpen || kind === LineKind.FenceBody || kind === LineKind.FenceClose || kind === LineKind.IndentedCode;
}

function isPlaceholder(text: string, at: number, inner: string): boolean {
  // Inside a path, a quoted string or an assignment it is usage syntax (`/sessions/<id>`, `"<id>"`).
  if (at > 0 && /[\w<\-/"'=:.{\[]/.test(text[at - 1]!)) return false;
  if (/^\s/.test(inner) || inner.startsWith('!--') || inner.startsWith('=')) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(inner) || inner.includes('@')) return false;
  const tag = HTML_TAG.exec(inner);
  if (tag && HTML_TAGS.has(tag[1]!.toLowerCase())) return false;
  if (KEPT.test(inner.trim())) return false;
  return /^(?:[A-Za-z]|\.{3}|…)/.test(inner);
}

/** True when the section has a paragraph line that is not a list item and not "none yet". */
function hasProse(section: Section): boolean {
  for (let line = 1; line < section.lineStarts.length; line++) {
    if (section.lineKinds[line] !== LineKind.Text) continue;
    const text = sectionLine(section, line).trim();
    if (text && !isNothingYet(text) && !text.startsWith('<!--')) return true;
  }
  return false;
}
