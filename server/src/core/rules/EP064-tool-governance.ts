/** EP064 tool-governance: Tooling Interface & Governance declares allowed tools, roots and approvals. */
import type { Section } from '../model/types';
import type { Rule } from './types';
import { declaresFilled, isTemplateLine, regionLines } from '../safety/subsections';
import type { ConstraintKey } from '../safety/subsections';
import type { PlanContext } from './types';
import { lineCount } from '../safety/sectionLines';
import { memoizeBySection } from '../safety/sectionMemo';

interface Aspect {
  readonly name: string;
  readonly signals: RegExp;
  readonly alsoDeclaredBy?: ConstraintKey;
}

/** What the section must speak of, and words that show it does. */
const ASPECTS: readonly Aspect[] = [
  { name: 'allowed tools', signals: /\b(?:tools?|mcp|commands?|cli|shell|terminal|servers?)\b/i },
  // Roots and approvals may equally be declared in Constraints & Safety's own subsections.
  { name: 'allowed roots', signals: /\b(?:roots?|director(?:y|ies)|folders?|paths?|working tree|workspace|repo|repository)\b|\*\*/i, alsoDeclaredBy: 'allowed-scope' },
  { name: 'required approvals', signals: /\b(?:approv|permission|consent|sign[- ]off|confirm|ask)|\bneeds? (?:a |an |the )?(?:person|human|maintainer|reviewer|review|owner|lead)/i, alsoDeclaredBy: 'approval-required' },
];

/** True when Constraints & Safety has a filled-in subsection for `key`. */
function declaredInConstraints(context: PlanContext, key: ConstraintKey): boolean {
  const constraints = context.section('constraints')?.placed.section;
  return constraints !== undefined && declaresFilled(constraints, key);
}

/** A declaration says what it must early; past this many characters the section is not searched. */
const MAX_SCANNED = 20_000;

/** What the section says on its own: nothing but template text, or which aspects its words leave out. */
interface OwnDeclarations {
  readonly templateOnly: boolean;
  readonly unsaid: readonly Aspect[];
}

/** Kept with the section, so an edit elsewhere does not read it again. */
const ownDeclarations = memoizeBySection((section: Section): OwnDeclarations => {
  const content = regionLines(section, 1, lineCount(section)).filter((line) => !isTemplateLine(line));
  if (content.length === 0) return { templateOnly: true, unsaid: ASPECTS };
  const text = content.join('\n').slice(0, MAX_SCANNED);
  return { templateOnly: false, unsaid: ASPECTS.filter((aspect) => !aspect.signals.test(text)) };
});

const templateMessage =
  'Tooling Interface & Governance still holds template text. Declare the tools and MCP servers the executor may use, the roots it may work in, and which actions need approval.';

const missingMessage = (missing: readonly string[]): string =>
  `Tooling Interface & Governance does not declare ${missing.join(' or ')} (nor does Constraints & Safety). Say which tools and MCP servers the executor may use, ` +
  'in which roots (directories), and which actions need a person\'s approval: default-deny what is not listed.';

export const toolGovernance: Rule = {
  id: 'EP064',
  name: 'tool-governance',
  title: 'Tooling Interface & Governance does not declare tools, roots and approvals',
  defaultSeverity: 'warning',
  tags: ['safety', 'governance'],
  profiles: ['ssot'],
  fixable: false,
  check(context, report) {
    const entry = context.section('tooling');
    const heading = entry?.placed.section.heading;
    if (!entry || !heading) return;
    const own = ownDeclarations(entry.placed.section);
    const range = context.toDocument(entry.placed, heading.range);
    if (own.templateOnly) {
      report({ range, message: templateMessage, data: { missing: ASPECTS.map((aspect) => aspect.name) } });
      return;
    }
    const missing = own.unsaid.filter((aspect) => !(aspect.alsoDeclaredBy && declaredInConstraints(context, aspect.alsoDeclaredBy))).map((aspect) => aspect.name);
    if (missing.length > 0) report({ range, message: missingMessage(missing), data: { missing } });
  },
};
