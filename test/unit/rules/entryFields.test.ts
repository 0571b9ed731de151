import { strict as assert } from 'node:assert';
import { parsePlan, updatePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import type { Finding } from '../../../server/src/core/rules/types';
import { entryFields, normalizeField, sectionLine } from '../../../server/src/core/profiles/planQueries';
import { addInlineKeys } from '../../../server/src/core/profiles/inlineKeys';
import fc from 'fast-check';

const now = new Date('2026-03-01T00:00:00Z');

function findings(text: string, ruleId: string): Finding[] {
  return lint(parsePlan(text), { config: { profile: 'ssot' }, now }).findings.filter((finding) => finding.ruleId === ruleId);
}

function missingDecisionFields(entry: string): unknown {
  const found = findings(`# PLAN: Fields\n\n## Decision Log\n\n${entry}\n`, 'EP040');
  return found.map((finding) => finding.data?.['missing']);
}

describe('entry fields written inside a line', () => {
  it('are read after an opening parenthesis, a semicolon or emphasis', () => {
    assert.deepEqual(missingDecisionFields('- 2025-11-22T14:20:00Z - Decision: cache it (Rationale: speed; **Evidence**: `npm test`; Author: agent-1)'), []);
  });

  it('are read on the continuation lines of an entry, with space or emphasis before the colon', () => {
    const entry = ['- 2025-11-22T14:20:00Z - Decision: cache it', '  **Rationale** : speed', '  Evidence: `npm test`', '  Author: agent-1'].join('\n');
    assert.deepEqual(missingDecisionFields(entry), []);
  });

  it('need a colon followed by white space', () => {
    assert.deepEqual(missingDecisionFields('- 2025-11-22T14:20:00Z - Decision: cache it (Rationale:speed; Evidence: `npm test`; Author: agent-1)'), [['Rationale']]);
  });

  it('are not read inside a word', () => {
    assert.deepEqual(missingDecisionFields('- 2025-11-22T14:20:00Z - Decision: cache it, seeRationale: speed (Evidence: `npm test`; Author: agent-1)'), [['Rationale']]);
  });

  it('are read on a line after lines that hold no colon, and after a line too long to read', () => {
    const long = `  Notes ${'x'.repeat(2100)} Author: agent-9`;
    const entry = ['- 2025-11-22T14:20:00Z - Decision: cache it', '  a line without any field', long, '  nothing here either', '  Rationale: speed', '  Evidence: `npm test`', '  Author: agent-1'].join('\n');
    assert.deepEqual(missingDecisionFields(entry), []);
    const withoutAuthor = ['- 2025-11-22T14:20:00Z - Decision: cache it', long, '  Rationale: speed', '  Evidence: `npm test`'].join('\n');
    assert.deepEqual(missingDecisionFields(withoutAuthor), [['Author']]);
  });

  it('are the keys each of the entry\'s lines holds when read alone', () => {
    const pieces = ['Rationale: ', 'Evidence:', ' (Author: a)', ' To: b', '10:30:00Z', 'x:y', ' ', 'word', '**Owner**: c', '; Next Step: d', ':', '  '];
    const line = fc.tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.constantFrom('', ' ')).map(([parts, between]) => parts.join(between));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const body = lines.map((text, index) => (index === 0 ? `- Decision: ${text}` : `  ${text}`)).join(eol);
        const plan = parsePlan(`# PLAN: Fields${eol}${eol}## Decision Log${eol}${eol}${body}${eol}`);
        const section = plan.sections.find((placed) => placed.section.heading?.text === 'Decision Log')!.section;
        const item = section.listItems[0]!;
        const alone = new Set<string>();
        for (let at = item.line; at <= item.endLine; at++) {
          const content = sectionLine(section, at);
          addInlineKeys(content, 0, content.length, alone);
        }
        for (const entry of section.entries) if (entry.line >= item.line && entry.line <= item.endLine) alone.add(normalizeField(entry.key));
        assert.deepEqual([...entryFields(section, item)].sort(), [...alone].sort());
      }),
      { numRuns: 1500 },
    );
  });

  it('count the words before the colon as one key', () => {
    assert.deepEqual(missingDecisionFields('- 2025-11-22T14:20:00Z - Decision: cache it (Rationale: speed; Weak Evidence: none; Author: agent-1)'), [['Evidence']]);
  });
});

describe('a handoff recorded in Progress, across edits', () => {
  const plan = [
    '---',
    'status: IN_PROGRESS',
    '---',
    '# PLAN: Handoff',
    '',
    '## Progress',
    '',
    'Status: IN_PROGRESS',
    'Next Action: finish',
    '',
    '- [x] 2025-11-22T14:00:00Z - Wrote the parser (Owner: agent-1)',
    '- [x] 2025-11-22T15:00:00Z - Handed off to the next session (Owner: agent-1)',
    '',
    '## Outcomes & Retrospective',
    '',
    'Nothing yet.',
    '',
  ].join('\n');
  const handoffMessages = (findingsOfPlan: readonly Finding[]): string[] =>
    findingsOfPlan.filter((finding) => finding.ruleId === 'EP009' && finding.message.includes('Handoff Summary')).map((finding) => finding.message);

  it('is reported with its line, and still after an edit elsewhere moves it down', () => {
    const before = parsePlan(plan);
    const first = handoffMessages(lint(before, { now }).findings);
    assert.equal(first.length, 1);
    assert.ok(first[0]!.includes('(line 12)'), first[0]);
    const at = plan.indexOf('# PLAN');
    const edited = plan.slice(0, at) + 'Intro.\n\n' + plan.slice(at);
    const after = updatePlan(before, edited, [{ start: at, end: at, insertedLength: 'Intro.\n\n'.length }]);
    const messages = handoffMessages(lint(after, { now }).findings);
    assert.equal(messages.length, 1);
    assert.ok(messages[0]!.includes('(line 14)'), messages[0]);
  });

  it('is no longer reported once the Progress entry is edited away', () => {
    const before = parsePlan(plan);
    lint(before, { now });
    const from = plan.indexOf('Handed off to the next session');
    const to = from + 'Handed off'.length;
    const edited = plan.slice(0, from) + 'Passed' + plan.slice(to);
    const after = updatePlan(before, edited, [{ start: from, end: to, insertedLength: 'Passed'.length }]);
    assert.deepEqual(handoffMessages(lint(after, { now }).findings), []);
  });
});

describe('the agents a plan names as writers', () => {
  const writersReason = (progress: string[]): string[] =>
    findings(['# PLAN: Writers', '', '## Progress', '', ...progress, ''].join('\n'), 'EP009')
      .map((finding) => /more than one agent writes this plan \(([^)]*)\)/.exec(finding.message)?.[1])
      .filter((ids): ids is string => ids !== undefined);

  it('are read with white space on either side of the colon', () => {
    assert.deepEqual(writersReason(['- [x] 2025-11-22T14:00:00Z - Parser (Owner : agent-1)', '- [x] 2025-11-22T15:00:00Z - Writer (Author:\tagent-2)']), ['agent-1, agent-2']);
  });

  it('are not read from the words alone', () => {
    assert.deepEqual(writersReason(['- [x] 2025-11-22T14:00:00Z - To keep the Owner happy, agent-1 wrote it', '- [x] 2025-11-22T15:00:00Z - From agent-2 to agent-3 (Author: agent-2)']), []);
  });
});
