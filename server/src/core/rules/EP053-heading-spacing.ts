/**
 * EP053 heading-spacing: a heading has a blank line before and after it, and a space after its `#`s
 * (`##Progress` is not a heading at all). Comment-only lines count as blank, since directives sit
 * right above the line they speak of.
 */
import { LineKind } from '../model/types';
import type { Section } from '../model/types';
import type { Report, Reporter, Rule } from './types';
import { isCommentOnly, sectionLine } from '../profiles/planQueries';

const NO_SPACE = /^ {0,3}(#{2,6})(?=[^#\s])/;

export const headingSpacing: Rule = {
  id: 'EP053',
  name: 'heading-spacing',
  title: 'A heading is not set off by blank lines',
  defaultSeverity: 'hint',
  tags: ['formatting'],
  fixable: true,
  checkSection(context, report) {
    const section = context.section;
    const heading = section.heading;
    if (heading && !heading.setext) checkAround(section, 0, report);
    for (const subheading of section.subheadings) if (!subheading.setext) checkAround(section, subheading.line, report);
    missingSpace(section, report);
  },
  carrySection(context, origin, previous) {
    const { section } = context;
    const { line } = origin;
    // A line next to a heading decides whether the heading is set off (a comment-only line counts as blank).
    if (isHeadingLine(section, line - 1) || isHeadingLine(section, line + 1)) return undefined;
    // Typing inside a line keeps every line's kind, so only the edited line can gain or lose a `##`
    // with no space. The reports are not in line order (headings first), so the line's are filtered out.
    const fresh: Report[] = [];
    if (section.lineKinds[line] === LineKind.Text) missingSpaceOn(sectionLine(section, line), line, (found) => void fresh.push(found));
    const kept = previous.filter((found) => found.range.start.line !== line);
    return fresh.length === 0 && kept.length === previous.length ? previous : [...kept, ...fresh];
  },
  check(context, report) {
    // The line before a top-level heading belongs to the previous section.
    for (let i = 1; i < context.sections.length; i++) {
      const entry = context.sections[i]!;
      const heading = entry.placed.section.heading;
      const previous = context.sections[i - 1]!.placed.section;
      if (!heading || heading.setext || previous.lineStarts.length === 0) continue;
      const before = previous.lineStarts.length - 1;
      if (isBlank(previous, before) || previous.lineKinds[before] === LineKind.Heading) continue;
      report({
        range: context.toDocument(entry.placed, headingRange(entry.placed.section, 0)),
        message: 'Put a blank line before this heading so every Markdown reader sees it as one.',
        fixes: [{ title: 'Insert a blank line before the heading', edits: [{ range: context.toDocument(entry.placed, point(0, 0)), newText: context.plan.eol }], safe: true }],
      });
    }
  },
};

/** The blank lines before and after the heading on local `line`. */
function checkAround(section: Section, line: number, report: Reporter): void {
  const last = section.lineStarts.length - 1;
  if (line > 0 && !isBlank(section, line - 1) && section.lineKinds[line - 1] !== LineKind.Heading) {
    report({ range: headingRange(section, line), message: 'Put a blank line before this heading so every Markdown reader sees it as one.', fixes: [{ title: 'Insert a blank line before the heading', edits: [{ range: point(line, 0), newText: eolOf(section) }], safe: true }] });
  }
  if (line < last && !isBlank(section, line + 1) && section.lineKinds[line + 1] !== LineKind.Heading) {
    const end = sectionLine(section, line).length;
    report({ range: headingRange(section, line), message: 'Put a blank line after this heading.', fixes: [{ title: 'Insert a blank line after the heading', edits: [{ range: point(line, end), newText: eolOf(section) }], safe: true }] });
  }
}

/** The line ending a fix inserts; looked up only when there is something to fix. */
function eolOf(section: Section): string {
  return section.text.includes('\r\n') ? '\r\n' : '\n';
}

function missingSpace(section: Section, report: Reporter): void {
  const { text, lineStarts, lineKinds } = section;
  for (let line = 0; line < lineStarts.length; line++) {
    if (lineKinds[line] === LineKind.Text && opensWithTwoHashes(text, lineStarts[line]!)) missingSpaceOn(sectionLine(section, line), line, report);
  }
}

function missingSpaceOn(content: string, line: number, report: Reporter): void {
  const match = NO_SPACE.exec(content);
  if (!match) return;
  const after = match.index + match[0].length;
  report({
    range: { start: { line, character: after - match[1]!.length }, end: { line, character: after } },
    message: `\`${match[1]}\` needs a space after it to be a heading; as written this line is plain text.`,
    fixes: [{ title: `Insert a space after \`${match[1]}\``, edits: [{ range: point(line, after), newText: ' ' }], safe: true }],
  });
}

function isHeadingLine(section: Section, line: number): boolean {
  const kind = section.lineKinds[line];
  return kind === LineKind.Heading || kind === LineKind.SetextUnderline;
}

/** Up to three spaces, then `##`: the start {@link NO_SPACE} needs, checked without cutting the line out. */
function opensWithTwoHashes(text: string, start: number): boolean {
  let at = start;
  while (at < start + 3 && text.charCodeAt(at) === 32) at++;
  return text.charCodeAt(at) === 35 && text.charCodeAt(at + 1) === 35;
}

/** Blank as a reader sees it: white space only (also inside an open block) or only a comment. */
function isBlank(section: Section, line: number): boolean {
  if (section.lineKinds[line] === LineKind.Blank) return true;
  const text = sectionLine(section, line);
  return text.trim() === '' || isCommentOnly(text);
}

function headingRange(section: Section, line: number) {
  const text = sectionLine(section, line);
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
}

function point(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}
