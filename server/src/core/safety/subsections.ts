/**
 * The declarations inside Constraints & Safety (Allowed Scope, Approval-Required Operations,
 * Forbidden Operations, Secrets & PII) and how to tell a filled-in declaration from template text.
 */
import type { Heading, Section } from '../model/types';
import { lineCount, normalizeTitle, sectionLine } from './sectionLines';
import { memoizeBySection, memoizeByText } from './sectionMemo';

export type ConstraintKey = 'allowed-scope' | 'approval-required' | 'forbidden' | 'secrets';

export interface ConstraintSubsection {
  readonly key: ConstraintKey;
  /** Words that show prose outside any subsection declares the same thing (lower-case text). */
  readonly proseSignals: RegExp;
  /** The heading the spec writes. */
  readonly name: string;
  /** Other headings that mean the same (normalised: lower case, `and` for `&`, spaces for dashes). */
  readonly aliases: readonly string[];
  /** What belongs there, for messages. */
  readonly purpose: string;
}

export const CONSTRAINT_SUBSECTIONS: readonly ConstraintSubsection[] = [
  { key: 'allowed-scope', proseSignals: /\b(?:only|allowed|may (?:change|edit|touch)|scope|director(?:y|ies))\b/, name: 'Allowed Scope', aliases: ['allowed scope', 'scope', 'allowed', 'in scope', 'allowed operations', 'permitted operations'], purpose: 'the directories and environments the executor may touch' },
  { key: 'approval-required', proseSignals: /\bapprov|\bsign[- ]off\b|\bask (?:first|before)\b/, name: 'Approval-Required Operations', aliases: ['approval required operations', 'approval required', 'requires approval', 'operations requiring approval', 'needs approval', 'approvals', 'approval gates'], purpose: 'the operations the executor must stop and ask about' },
  { key: 'forbidden', proseSignals: /\b(?:forbidden|prohibited|never|must not|not allowed)\b/, name: 'Forbidden Operations', aliases: ['forbidden operations', 'forbidden', 'prohibited operations', 'prohibited', 'never allowed', 'not allowed'], purpose: 'the operations the executor must never run' },
  { key: 'secrets', proseSignals: /\b(?:secrets?|pii|personal data|credentials?|redact)/, name: 'Secrets & PII', aliases: ['secrets and pii', 'secrets', 'secrets and personal data', 'secrets and sensitive data', 'sensitive data', 'pii', 'secrets hygiene'], purpose: 'how secrets and personal data are kept out of the plan and logs' },
];

/** A heading's text normalised for comparison with the aliases above. */
export function comparableTitle(text: string): string {
  return normalizeTitle(text.replace(/-/g, ' '));
}

function matchesAlias(title: string, alias: string): boolean {
  return title === alias || title.startsWith(`${alias} `);
}

export const constraintKeyOf = memoizeByText((headingText: string): ConstraintKey | undefined => {
  const title = comparableTitle(headingText);
  return CONSTRAINT_SUBSECTIONS.find((spec) => spec.aliases.some((alias) => matchesAlias(title, alias)))?.key;
});

/** A subheading and the local lines of its body: `[bodyStart, bodyEnd)`. */
export interface SubsectionRegion {
  readonly heading: Heading;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** Every subsection of `section` whose heading names `key`. */
export function subsectionsOf(section: Section, key: ConstraintKey): SubsectionRegion[] {
  const regions: SubsectionRegion[] = [];
  const headings = section.subheadings;
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i]!;
    if (constraintKeyOf(heading.text) !== key) continue;
    regions.push({ heading, bodyStart: heading.line + 1, bodyEnd: regionEnd(section, i) });
  }
  return regions;
}

function regionEnd(section: Section, index: number): number {
  const heading = section.subheadings[index]!;
  for (let j = index + 1; j < section.subheadings.length; j++) {
    if (section.subheadings[j]!.level <= heading.level) return section.subheadings[j]!.line;
  }
  return lineCount(section);
}

/** Lines of the section (after its heading) that belong to no subheading: the section's own prose. */
export function proseOutsideSubsections(section: Section): string[] {
  const firstSubheading = section.subheadings[0]?.line ?? lineCount(section);
  return regionLines(section, 1, firstSubheading).filter((line) => !isTemplateLine(line));
}

/** The non-blank lines of a region, trimmed. */
export function regionLines(section: Section, start: number, end: number): string[] {
  const lines: string[] = [];
  for (let line = start; line < end; line++) {
    const text = sectionLine(section, line).trim();
    if (text.length > 0) lines.push(text);
  }
  return lines;
}

const LIST_LEAD = /^(?:[-*+]|\d{1,3}[.)])\s{1,4}(?:\[[ xX]\]\s{1,4})?/;
const LABEL = /^[A-Za-z][A-Za-z /&()-]{0,40}:\s{0,4}/;
const TEMPLATE_WORDS = new Set(['tbd', 'todo', 'fixme', 'tba', '...', '…']);

/** A line that is only template text: `<...>`, `- <allowed dirs>`, `- Allowed directories: <...>`, `TBD`. */
export function isTemplateLine(text: string): boolean {
  let rest = text.trim().replace(LIST_LEAD, '');
  rest = rest.replace(/^(?:\*\*|__)/, '').replace(LABEL, '').replace(/^(?:\*\*|__)\s{0,4}/, '');
  // Drop every `<...>` placeholder and see whether anything but punctuation remains.
  const stripped = rest.includes('<') ? rest.replace(/`?<[^<>]{0,200}>`?/g, '') : rest;
  if (onlyPunctuation(stripped)) return rest.length > 0 || text.trim().length > 0;
  const word = rest.trim().toLowerCase();
  return TEMPLATE_WORDS.has(word) || TEMPLATE_WORDS.has(word.endsWith('.') ? word.slice(0, -1) : word);
}

/** True when `text` holds nothing but white space and the punctuation template lines put around placeholders. */
function onlyPunctuation(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!TEMPLATE_PUNCTUATION.has(text[i]!) && !/\s/.test(text[i]!)) return false;
  return true;
}

const TEMPLATE_PUNCTUATION = new Set([...'.,;:|/+*`-']);

/** True when the lines say nothing beyond template text (or nothing at all). */
export function isTemplateBody(lines: readonly string[]): boolean {
  return lines.every((line) => isTemplateLine(line));
}

/** Per section, the answers of {@link declaresFilled} found so far. */
const filledAnswers = memoizeBySection((): Map<ConstraintKey, boolean> => new Map());

/** True when `section` has a subsection for `key` that says more than template text. */
export function declaresFilled(section: Section, key: ConstraintKey): boolean {
  const answers = filledAnswers(section);
  let filled = answers.get(key);
  if (filled === undefined) {
    filled = subsectionsOf(section, key).some((region) => !isTemplateBody(regionLines(section, region.bodyStart, region.bodyEnd)));
    answers.set(key, filled);
  }
  return filled;
}
