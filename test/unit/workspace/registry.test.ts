import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../../../server/src/core/model/index';
import { declaredPlanStatus, lintRegistry, parseRegistry, registryLinkCandidates } from '../../../server/src/core/workspace/index';
import { classifyDocument } from '../../../server/src/core/classify';
import { expectedByLine, foundByLine } from './expectations';

const ROOT = path.resolve(__dirname, '../../fixtures/workspace/registry');
const read = (relative: string): string => fs.readFileSync(path.join(ROOT, relative), 'utf8');

/** What the adapters do: test each link candidate on disk, read each linked plan's status. */
function lintFixtureRegistry(relative: string, text = read(relative), config = {}) {
  const plan = parsePlan(text);
  const registry = parseRegistry(plan);
  const existingPaths = new Set(registryLinkCandidates(registry, relative).filter((candidate) => fs.existsSync(path.join(ROOT, candidate))));
  const knownPlanPaths = ['plans/export-PLAN.md', 'plans/billing-PLAN.md', 'plans/audit-PLAN.md'];
  for (const known of knownPlanPaths) existingPaths.add(known);
  const planStatuses = new Map(knownPlanPaths.map((known) => [known, declaredPlanStatus(parsePlan(read(known)))!]));
  return lintRegistry({ plan, path: relative, existingPaths, knownPlanPaths, planStatuses, config });
}

describe('plan registries (EP070-EP072)', () => {
  it('is recognised as a registry, not as a plan', () => {
    const classification = classifyDocument(parsePlan(read('PLANS.md')), 'PLANS.md');
    assert.equal(classification.kind, 'registry');
  });

  it('reports exactly the entries the fixture marks, on their lines', () => {
    const text = read('PLANS.md');
    assert.deepEqual(foundByLine(lintFixtureRegistry('PLANS.md', text)), expectedByLine(text));
  });

  it('reads both entry shapes, with their links and statuses', () => {
    const registry = parseRegistry(parsePlan(read('PLANS.md')));
    const first = registry.entries[0]!;
    assert.equal(first.shape, 'full');
    assert.equal(first.list, 'active');
    assert.equal(first.link?.target, 'plans/export-PLAN.md');
    assert.equal(first.status?.text, 'in-progress');
    const completed = registry.entries.find((entry) => entry.list === 'completed')!;
    assert.equal(completed.shape, 'completed-summary');
    assert.equal(completed.link?.target, 'billing-PLAN.md');
  });

  it('points a broken link at the link text and says where it looked', () => {
    const findings = lintFixtureRegistry('PLANS.md').filter((finding) => finding.ruleId === 'EP071');
    const text = read('PLANS.md').split('\n');
    const first = findings[0]!;
    const line = text[first.range.start.line]!;
    assert.equal(line.slice(first.range.start.character, first.range.end.character), 'plans/import-contacts-PLAN.md');
    assert.match(first.message, /looked for `plans\/import-contacts-PLAN\.md`/);
  });

  it('says which status the plan declares when the registry disagrees', () => {
    const mismatch = lintFixtureRegistry('PLANS.md').filter((finding) => finding.ruleId === 'EP072');
    assert.ok(mismatch.some((finding) => /`plans\/billing-PLAN\.md` as `in-progress`, but the plan says `DONE`/.test(finding.message)), JSON.stringify(mismatch));
    assert.ok(mismatch.some((finding) => /`plans\/export-PLAN\.md` as completed, but the plan says `IN_PROGRESS`/.test(finding.message)), JSON.stringify(mismatch));
  });

  it('follows the configured severity and can be turned off by code or name', () => {
    const asErrors = lintFixtureRegistry('PLANS.md', undefined, { rules: { EP070: 'error' } }).filter((finding) => finding.ruleId === 'EP070');
    assert.ok(asErrors.length > 0 && asErrors.every((finding) => finding.severity === 'error'));
    const off = lintFixtureRegistry('PLANS.md', undefined, { rules: { 'registry-link': 'off' } });
    assert.equal(off.filter((finding) => finding.ruleId === 'EP071').length, 0);
  });

  it('finds nothing in a registry whose entries are well formed and agree with their plans', () => {
    const text = [
      '# Plans',
      '',
      '## Active Plans',
      '',
      '- [2026-03-01] Export reports as CSV – plans/export-PLAN.md – agent-7 – in-progress',
      '',
      '## Completed Plans',
      '',
      '- [2026-02-20] `billing-PLAN.md` – Billing export shipped.',
      '',
    ].join('\n');
    assert.deepEqual(lintFixtureRegistry('PLANS.md', text), []);
  });

  it('ignores the entry template inside a fenced block', () => {
    const text = ['# Plans', '', '## Active Plans', '', '```markdown', '- [YYYY-MM-DD] Title – Link – Owner(s) – Status', '```', ''].join('\n');
    assert.equal(parseRegistry(parsePlan(text)).entries.length, 0);
  });
});
