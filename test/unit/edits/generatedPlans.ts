/** fast-check generators of plan texts: LF or CRLF, with or without a BOM, frontmatter and a final newline. */
import fc from 'fast-check';
import { PROFILES } from '../../../server/src/core/profiles/index';

const TIMES = ['2026-03-01T09:00:00Z', '2026-03-01 10:00', '2026-03-01 11:00 UTC', '2026-03-01 12:00Z', '2026-02-30T10:00:00Z'];

const body = fc.constantFrom(
  [] as string[],
  ['Some prose about the work.'],
  ['Status: IN_PROGRESS', 'Next Action: Write the serializer.', '', '- [ ] 2026-03-01T10:00:00Z - Write it (Owner: agent-7)'],
  ['- [x] (2026-03-01 09:00Z) Read the code.', '- [ ] Write the serializer.'],
  ['- None.'],
  ['<Describe the goal.>'],
  ['- 2026-03-01T11:00:00Z - Decision: keep it small.', '  Rationale: less to review.'],
  ['### Sub heading', 'text under it'],
);

const frontmatter = fc.option(
  fc.record({
    status: fc.constantFrom('IN_PROGRESS', 'in progress', 'DONE', undefined),
    updated: fc.constantFrom('2026-03-01T09:00:00Z', '"2026-03-01T09:00:00Z"', "'2026-03-01T09:00:00Z' # hand-set", '', undefined),
    created: fc.constantFrom('2026-03-01T08:00:00Z', undefined),
    profile: fc.constantFrom('codex-strict', 'repo-native', undefined),
  }),
  { nil: undefined },
);

export interface GeneratedPlan {
  readonly text: string;
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  readonly finalNewline: boolean;
  readonly hasUpdated: boolean;
}

/** A plan built from a profile's headings (some renamed, some missing, shuffled) and sample bodies. */
export const generatedPlan: fc.Arbitrary<GeneratedPlan> = fc
  .record({
    profile: fc.constantFrom(...PROFILES),
    pick: fc.array(fc.nat(40), { maxLength: 8 }),
    bodies: fc.array(body, { minLength: 8, maxLength: 8 }),
    spacing: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    title: fc.constantFrom('# PLAN: Generated plan', '# Generated plan', undefined),
    time: fc.constantFrom(...TIMES),
    frontmatter,
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map((parts) => {
    const lines: string[] = [];
    const fm = parts.frontmatter;
    if (fm) {
      lines.push('---', 'id: generated');
      if (fm.status) lines.push(`status: ${fm.status}`);
      if (fm.created) lines.push(`created: ${fm.created}`);
      if (fm.updated !== undefined) lines.push(`updated:${fm.updated ? ' ' + fm.updated : ''}`);
      if (fm.profile) lines.push(`profile: ${fm.profile}`);
      lines.push('---', '');
    }
    if (parts.title) lines.push(parts.title, '');
    const sections = parts.profile.sections;
    const used = new Set<number>();
    parts.pick.forEach((pick, index) => {
      const at = pick % sections.length;
      if (used.has(at)) return;
      used.add(at);
      const spec = sections[at]!;
      const name = pick % 5 === 0 && spec.aliases.length > 0 ? spec.aliases[0]! : spec.name;
      lines.push(`## ${name}`);
      if (parts.spacing[index]) lines.push('');
      lines.push(...parts.bodies[index]!.map((line) => line.replace('2026-03-01T10:00:00Z', parts.time)), '');
    });
    let text = lines.join(parts.eol);
    if (!parts.finalNewline) text = text.replace(/(\r?\n)+$/, '');
    else if (!text.endsWith(parts.eol)) text += parts.eol;
    return {
      text: (parts.bom ? '\uFEFF' : '') + text,
      eol: parts.eol,
      bom: parts.bom,
      finalNewline: parts.finalNewline,
      hasUpdated: fm?.updated !== undefined,
    };
  });
