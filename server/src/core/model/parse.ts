/** Full parse of a plan document. */
import type { PlacedSection, PlanDocument } from './types';
import { detectEol } from './lines';
import { locateFrontmatter, parseFrontmatter } from './frontmatter';
import { scanSections } from './sections';
import { shareHead } from './lookup';

/** Parses `text` into a {@link PlanDocument}. Never throws on any input. */
export function parsePlan(text: string): PlanDocument {
  const block = locateFrontmatter(text);
  const frontmatter = block ? parseFrontmatter(text, block) : undefined;
  const bodyStartOffset = block?.closed ? block.bodyStartOffset : 0;
  const bodyStartLine = block?.closed ? block.endLine + 1 : 0;
  const { sections } = scanSections(text, bodyStartOffset, bodyStartLine, true);
  return assemble(text, frontmatter, bodyStartLine, bodyStartOffset, sections);
}

/** Puts a document together from its parts; shared by the full and the incremental parse. */
export function assemble(
  text: string,
  frontmatter: PlanDocument['frontmatter'],
  bodyStartLine: number,
  bodyStartOffset: number,
  sections: readonly PlacedSection[],
): PlanDocument {
  const last = sections[sections.length - 1];
  const bodyEndLine = last ? last.line + last.section.lineStarts.length : bodyStartLine;
  const code = text.charCodeAt(text.length - 1);
  // The empty line after a final line ending belongs to no section, and an empty text still has one line.
  const trailing = text.length === 0 || code === 10 || code === 13 ? 1 : 0;
  return {
    text,
    eol: detectEol(text),
    hasBom: text.charCodeAt(0) === 0xfeff,
    lineCount: bodyEndLine + trailing,
    ...(frontmatter ? { frontmatter } : {}),
    bodyStartLine,
    bodyStartOffset,
    sections,
  };
}

/**
 * The document after an edit inside one line of its body: line endings, byte order mark, line
 * count and frontmatter are as before (such an edit changes none of them), and the whole text is
 * read from `text` only when something asks for it.
 */
export function assembleAfterLineEdit(previous: PlanDocument, text: () => string, sections: readonly PlacedSection[]): PlanDocument {
  let whole: string | undefined;
  const plan: PlanDocument = {
    get text(): string {
      return (whole ??= text());
    },
    eol: previous.eol,
    hasBom: previous.hasBom,
    lineCount: previous.lineCount,
    ...(previous.frontmatter ? { frontmatter: previous.frontmatter } : {}),
    bodyStartLine: previous.bodyStartLine,
    bodyStartOffset: previous.bodyStartOffset,
    sections,
  };
  shareHead(plan, previous);
  return plan;
}
