/**
 * The safety rules against their fixtures (inline expectations, the house format read by
 * test/unit/rules/fixtureRunner.ts), the project's sample plans, and the real plans in
 * ../shared/corpus when that folder is present.
 *
 * A fixture named `*.md.in` holds `@@fake:<detector>@@` markers where a credential goes; the test
 * puts a fake credential there at run time, so no well-formed token is stored in the repository.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyTextEdits } from '../../../server/src/core/features/applyEdits';
import type { TextEdit } from '../../../server/src/core/rules/types';
import { SAFETY_RULES } from '../../../server/src/core/rules/safetyRules';
import { keys, profileOfFile, readExpectations } from '../rules/fixtureRunner';
import { fillFakeSecrets } from './fakeTokens';
import { lintSafety } from './harness';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const RULES_ROOT = path.join(REPO_ROOT, 'test/fixtures/rules');
const SAFETY_IDS = new Set(SAFETY_RULES.map((rule) => rule.id));

function markdownFiles(folder: string, suffixes: readonly string[]): string[] {
  if (!fs.existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(full, suffixes));
    else if (suffixes.some((suffix) => entry.name.endsWith(suffix))) found.push(full);
  }
  return found.sort();
}

function safetyFindings(text: string, profile?: string) {
  return lintSafety(text, profile ? { profile } : {}).findings;
}

describe('safety rule fixtures', () => {
  const fixtures = [...SAFETY_IDS].flatMap((id) => markdownFiles(path.join(RULES_ROOT, id), ['.md', '.md.in']));

  it('every safety rule has fixtures', () => {
    for (const id of SAFETY_IDS) assert.ok(fixtures.some((file) => path.basename(path.dirname(file)) === id), `${id} has no fixture`);
  });

  for (const file of fixtures) {
    const name = path.relative(RULES_ROOT, file);
    const raw = fs.readFileSync(file, 'utf8');
    const text = file.endsWith('.in') ? fillFakeSecrets(raw) : raw;
    const profile = profileOfFile(file.replace(/\.in$/, ''));

    it(`${name}: reports exactly the safety findings its expectations name`, () => {
      const result = lintSafety(text, { profile });
      assert.equal(result.profileId, profile);
      const expected = readExpectations(text).filter((item) => SAFETY_IDS.has(item.rule));
      const reported = result.findings.map((finding) => ({ line: finding.range.start.line, rule: finding.ruleId }));
      const details = result.findings.map((finding) => `${finding.range.start.line + 1}:${finding.ruleId} ${finding.message}`).join('\n');
      assert.deepEqual(keys(reported), keys(expected), `reported:\n${details}`);
    });

    it(`${name}: after its safe fixes, nothing safely fixable is left`, () => {
      const { plan, findings } = lintSafety(text, { profile });
      const edits: TextEdit[] = findings.flatMap((finding) => finding.fixes?.filter((fix) => fix.safe).flatMap((fix) => fix.edits) ?? []);
      if (findings.some((finding) => finding.fixes?.some((fix) => fix.safe))) assert.ok(edits.length > 0);
      const fixed = applyTextEdits(plan, edits);
      const left = lintSafety(fixed, { profile }).findings.filter((finding) => finding.fixes?.some((fix) => fix.safe));
      assert.deepEqual(left.map((finding) => finding.message), []);
    });
  }
});

describe('sample plans and templates give no safety findings', () => {
  const samples = [...markdownFiles(path.join(REPO_ROOT, 'test/fixtures/plans'), ['.md']), ...markdownFiles(path.join(REPO_ROOT, 'test/fixtures/templates'), ['.md'])];
  it('there are sample plans to check', () => assert.ok(samples.length > 0));
  for (const file of samples) {
    it(path.relative(REPO_ROOT, file), () => {
      const findings = safetyFindings(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(findings.map((finding) => `${finding.range.start.line + 1}:${finding.ruleId} ${finding.message}`), []);
    });
  }
});

describe('real plans (../shared/corpus, when present) hold no secrets', () => {
  const corpus = path.resolve(REPO_ROOT, '../shared/corpus');
  for (const file of markdownFiles(corpus, ['.md'])) {
    it(path.basename(file), () => {
      const findings = safetyFindings(fs.readFileSync(file, 'utf8')).filter((finding) => finding.ruleId === 'EP060');
      // Only the masked form is ever printed.
      assert.deepEqual(findings.map((finding) => `${finding.range.start.line + 1}: ${finding.data?.['kind']} ${finding.data?.['masked']}`), []);
    });
  }
});
