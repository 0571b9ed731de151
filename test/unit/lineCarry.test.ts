/**
 * Typing inside one line carries every other line's results over from the section before the
 * edit (safety scans, placeholders, timestamps, entries) and reads that line again. Whatever was
 * carried, the findings after each keystroke must equal a lint of a fresh parse of the same text.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePlan, updatePlan } from '../../server/src/core/model/index';
import type { PlanDocument } from '../../server/src/core/model/index';
import { lineEditOrigin } from '../../server/src/core/model/lineage';
import { lint } from '../../server/src/core/engine';
import type { LintOptions } from '../../server/src/core/config';
import { fakePrivateKey, fakeSecrets } from './safety/fakeTokens';

const NOW = new Date('2026-03-01T12:00:00Z');
const secrets = fakeSecrets(7).map((fake) => fake.line);
const key = fakePrivateKey(7, 4).text.split('\n');

/** Lines that give most rules something to say, and lines that change how their neighbours read. */
const LINES = [
  '## Progress', '## Surprises & Discoveries', '## Decision Log', '## Context and Orientation', '### References',
  '- [x] 2026-02-01T10:00:00Z - Shipped the export.', '- [ ] 2026-02-01 10:00 - zoneless time', '- 2026-13-45T99:00:00Z - impossible',
  '- 2026-02-02T10:00:00Z - Observation: cache misses. Evidence: `npm test` printed 3 failures.', '- 2026-02-02T10:00:00Z - Observation: no evidence here.',
  '- Decision: use CSV. Rationale: simple. Date/Author: 2026-02-01T10:00:00Z / a', '- Decision: no rationale given',
  '  Evidence: the log shows it', '  Rationale: written on a later line', 'Next Action: finish it', 'Status: IN_PROGRESS',
  'See https://api.vendor.io/v2/deploy for the API.', '- Source: https://api.vendor.io/v2/deploy', '- Retrieved: 2026-02-01T09:00:00Z',
  'Write to sam@acme.io or call +1 415 555 0100.', 'Fill in <Task Name> and <describe the goal>.', 'None yet.', '- None yet.',
  '- 2026-02-03T10:00:00Z - (Owner: alex) took over the export.', 'Author: kim', '- [x] 2026-02-03T11:00:00Z - Handed off the parser.',
  '```', '```bash', '<!--', '-->', '', '', 'plain text', '    indented code with token=abc',
  ...secrets.slice(0, 6), ...key,
];

/** What typing inserts: fragments that make or break a secret, a URL, a label, a placeholder, a time, a field. */
const TYPED = [
  'x', ' ', ':', '<', '>', '@', 'Evidence: ', 'Rationale: ', 'Retrieved: ', 'Source: ', 'https://docs.vendor.io/a', 'ghp_', 'AKIA',
  'password=hunter2hunter2', '-----END ', '-----BEGIN ', '2026-02-03T10:00:00Z', '2026-02-03 10:00', '2099-01-01T00:00:00Z', '<Owner>', 'none', 'jo@acme.io', '`',
  'Owner: ', 'Owner: lee ', 'handoff ',
];

const planArbitrary = fc
  .array(fc.constantFrom(...LINES), { minLength: 4, maxLength: 45 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => ['# PLAN: Carry', '', ...lines].join(eol) + eol));

const stepArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.constantFrom(...TYPED) });

function sameFindings(plan: PlanDocument, options: LintOptions): void {
  const incremental = lint(plan, options).findings;
  const fresh = lint(parsePlan(plan.text), options).findings;
  assert.deepEqual(incremental, fresh);
  // In document order, checked here apart from the engine, which may patch an earlier lint's sort.
  for (let i = 1; i < incremental.length; i++) {
    const [a, b] = [incremental[i - 1]!.range.start, incremental[i]!.range.start];
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), `finding ${i} is out of order`);
  }
}

describe('findings after typing inside one line', () => {
  for (const profile of ['ssot', 'openai'] as const) {
    it(`equal a fresh lint after every keystroke (${profile})`, function () {
      this.timeout(180_000);
      const options: LintOptions = { now: NOW, config: { profile } };
      let edits = 0;
      let carried = 0;
      fc.assert(
        fc.property(planArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }), (initial, steps) => {
          let text = initial;
          let plan = parsePlan(text);
          lint(plan, options);
          for (const step of steps) {
            // Keep the edit inside one line: start on a line and remove nothing past its end.
            const start = step.at % (text.length + 1);
            let end = start;
            while (end < text.length && end - start < step.remove && text[end] !== '\n' && text[end] !== '\r') end++;
            const next = text.slice(0, start) + step.insert + text.slice(end);
            plan = updatePlan(plan, next, [{ start, end, insertedLength: step.insert.length }]);
            text = next;
            if (plan.sections.some((placed) => lineEditOrigin(placed.section))) carried++;
            sameFindings(plan, options);
            edits++;
          }
        }),
        { numRuns: Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 300) },
      );
      assert.ok(edits >= 1000, `ran ${edits} edits`);
      // Most keystrokes must take the carried path, or this test would not be testing it.
      assert.ok(carried >= edits / 3, `${carried} of ${edits} edits carried results over`);
    });
  }

  it('finds a private key once typing into its body makes it whole', () => {
    const body = fakePrivateKey(11, 2).body;
    const text = ['# PLAN: Key', '', '## Context and Orientation', '', '-----BEGIN RSA PRIVATE KEY-----', body[0]!.slice(0, 20), '-----END RSA PRIVATE KEY-----', ''].join('\n');
    const options: LintOptions = { now: NOW, config: { profile: 'ssot' } };
    const before = parsePlan(text);
    const secretsOf = (plan: PlanDocument) => lint(plan, options).findings.filter((finding) => finding.ruleId === 'EP060');
    assert.equal(secretsOf(before).length, 0, 'a body this short is not a key');
    const at = text.indexOf(body[0]!.slice(0, 20)) + 20;
    const typed = body[0]!.slice(20) + body[1]!;
    const next = text.slice(0, at) + typed + text.slice(at);
    const after = updatePlan(before, next, [{ start: at, end: at, insertedLength: typed.length }]);
    assert.ok(after.sections.some((placed) => lineEditOrigin(placed.section)), 'the edit took the one-line path');
    const found = secretsOf(after);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.range.start.line, 5);
    assert.deepEqual(found, secretsOf(parsePlan(next)));
  });

  it('drops a missing heading space from the line typed into when headings come before it', () => {
    // The rule lists its heading reports before its missing-space ones, so its reports are not in line order.
    const text = '# PLAN: Spacing\n\n## Context and Orientation\n### Notes\nplain\n\n##x# Not a heading\n- item\n';
    const options: LintOptions = { now: NOW, config: { profile: 'ssot' } };
    const spacingOf = (plan: PlanDocument) => lint(plan, options).findings.filter((finding) => finding.ruleId === 'EP053').map((finding) => finding.range.start.line);
    const before = parsePlan(text);
    assert.deepEqual(spacingOf(before), [3, 6]);
    const at = text.indexOf('##x#');
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const after = updatePlan(before, next, [{ start: at, end: at, insertedLength: 1 }]);
    assert.ok(after.sections.some((placed) => lineEditOrigin(placed.section)), 'the edit took the one-line path');
    assert.deepEqual(spacingOf(after), [3]);
    assert.deepEqual(spacingOf(after), spacingOf(parsePlan(next)));
  });

  it('lets the section before the edit go once the edited plan is linted', () => {
    const text = '# PLAN: Go\n\n## Context and Orientation\n\nSee https://api.vendor.io/v2 for it.\n';
    const before = parsePlan(text);
    lint(before, { now: NOW });
    const at = text.indexOf('for it');
    const after = updatePlan(before, text.slice(0, at) + 'x' + text.slice(at), [{ start: at, end: at, insertedLength: 1 }]);
    const edited = after.sections.find((placed) => lineEditOrigin(placed.section));
    assert.ok(edited, 'the edit took the one-line path');
    lint(after, { now: NOW });
    // Kept any longer, the old section would keep the whole earlier text of the plan in memory.
    assert.equal(lineEditOrigin(edited.section), undefined);
  });

  it('keeps the findings of the other entries of a long section as they were', () => {
    const entries = Array.from({ length: 200 }, (_, i) => `- 2026-02-02T10:${String(i % 60).padStart(2, '0')}:00Z - Observation: finding ${i}.`);
    const text = ['# PLAN: Long', '', '## Surprises & Discoveries', '', ...entries, ''].join('\n');
    const options: LintOptions = { now: NOW, config: { profile: 'ssot' } };
    const before = parsePlan(text);
    const first = lint(before, options).findings.filter((finding) => finding.ruleId === 'EP041');
    assert.equal(first.length, 200, 'every entry lacks its evidence');

    const at = text.indexOf('finding 100.') + 'finding 100.'.length;
    const typed = ' Evidence: the log.';
    const next = text.slice(0, at) + typed + text.slice(at);
    const after = updatePlan(before, next, [{ start: at, end: at, insertedLength: typed.length }]);
    const second = lint(after, options).findings.filter((finding) => finding.ruleId === 'EP041');
    assert.equal(second.length, 199, 'the entry given its evidence is no longer reported');
    assert.ok(!second.some((finding) => finding.range.start.line === first[100]!.range.start.line));
    // The other entries' findings are the very objects reported before: nothing was checked again.
    assert.equal(second[0], first[0]);
    assert.equal(second[198], first[199]);
    assert.deepEqual(second, lint(parsePlan(next), options).findings.filter((finding) => finding.ruleId === 'EP041'));
  });
});
