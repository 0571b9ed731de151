/**
 * The safety scanners keep their results with each section, and the editor reparses only what an
 * edit touches. Whatever was kept, linting the edited plan must report exactly what a fresh parse
 * of the same text reports: findings in untouched sections move with their lines, and plan-wide
 * facts (snapshots, the owner) still apply to every section.
 */
import { strict as assert } from 'node:assert';
import { parsePlan, updatePlan } from '../../../server/src/core/model/index';
import type { PlanDocument } from '../../../server/src/core/model/index';
import type { Finding } from '../../../server/src/core/rules/types';
import { fakeSecrets } from './fakeTokens';
import { lintSafety } from './harness';

const github = fakeSecrets(41).find((fake) => fake.kind === 'github-token')!;

const PLAN = [
  '---',
  'id: p',
  'owner: sam@acme.io',
  'profile: codex-strict',
  '---',
  '# PLAN: Rotate the deploy key',
  '## Progress',
  '- [x] 2026-03-01T10:00Z - Asked ops@acme.io for access.',
  '## Context and Orientation',
  'The deploy API is described at https://api.vendor.io/v2/deploy.',
  `Old key: ${github.secret}`,
  '## Research Snapshot',
  '- Source: https://api.vendor.io/v2/deploy',
  '## Concrete Steps',
  '```bash',
  'rm -rf build/',
  '```',
  'Call sam@acme.io or jo@acme.io when done.',
  '',
].join('\n');

/** The plan after inserting `text` at `offset`, parsed the way the editor does after that edit. */
function edit(previous: PlanDocument, offset: number, text: string): PlanDocument {
  const next = previous.text.slice(0, offset) + text + previous.text.slice(offset);
  return updatePlan(previous, next, [{ start: offset, end: offset, insertedLength: text.length }]);
}

/** What each finding says and covers, for comparing two lints of the same text. */
function summary(findings: readonly Finding[], text: string): string[] {
  const lines = text.split('\n');
  return findings.map((finding) => {
    const { start, end } = finding.range;
    const covered = start.line === end.line ? lines[start.line]!.slice(start.character, end.character) : `lines ${start.line}-${end.line}`;
    return `${finding.ruleId} ${start.line}:${start.character} ${covered} | ${finding.message}`;
  });
}

function assertSameAsFreshParse(edited: PlanDocument): string[] {
  const incremental = summary(lintSafety(edited).findings, edited.text);
  assert.deepEqual(incremental, summary(lintSafety(parsePlan(edited.text)).findings, edited.text));
  return incremental;
}

describe('safety findings after an edit', () => {
  it('match a fresh parse when lines are added above other sections, which move with their findings', () => {
    const before = parsePlan(PLAN);
    const first = lintSafety(before).findings;
    const added = '- [ ] 2026-03-01T11:00Z - Ask kim@acme.io again.\n';
    const after = edit(before, PLAN.indexOf('## Context and Orientation'), added);
    // The sections below the edit are the same objects, so their kept results are what is reported.
    assert.equal(after.sections.at(-1)!.section, before.sections.at(-1)!.section);

    const findings = assertSameAsFreshParse(after);
    assert.equal(findings.length, first.length + 1);
    assert.ok(findings.some((finding) => finding.startsWith('EP061 8:') && finding.includes('kim@acme.io')));
    const secretLine = after.text.split('\n').findIndex((line) => line.startsWith('Old key:'));
    assert.ok(findings.some((finding) => finding.startsWith(`EP060 ${secretLine}:9 `)));
  });

  it('match a fresh parse when a snapshot added in one section covers a URL in another', () => {
    const before = parsePlan(PLAN);
    const reportsUrl = (plan: PlanDocument): boolean => lintSafety(plan).findings.some((finding) => finding.ruleId === 'EP062');
    assert.ok(reportsUrl(before));
    const after = edit(before, PLAN.indexOf('## Concrete Steps'), '- Retrieved: 2026-03-01T09:00Z\n');
    assertSameAsFreshParse(after);
    assert.ok(!reportsUrl(after));
  });

  it('match a fresh parse when a link typed into a snapshot section turns its Source line into a snapshot of a URL used elsewhere', () => {
    // The snapshot's source starts as a documentation address, so the section has no link that needs its `Retrieved:` line yet.
    const text = PLAN.replace('- Source: https://api.vendor.io/v2/deploy', '- Source: https://api.example.com/v2/deploy\n- Retrieved: 2026-03-01T09:00Z');
    const before = parsePlan(text);
    const reportsUrl = (plan: PlanDocument): boolean => lintSafety(plan).findings.some((finding) => finding.ruleId === 'EP062');
    assert.ok(reportsUrl(before));
    const at = text.indexOf('api.example.com/v2');
    const after = updatePlan(before, text.slice(0, at) + 'api.vendor.io' + text.slice(at + 'api.example.com'.length), [{ start: at, end: at + 'api.example.com'.length, insertedLength: 'api.vendor.io'.length }]);
    assertSameAsFreshParse(after);
    assert.ok(!reportsUrl(after));
  });

  it('match a fresh parse when only the frontmatter owner changes which addresses are the plan\'s own', () => {
    const before = parsePlan(PLAN);
    const addresses = (plan: PlanDocument): number => lintSafety(plan).findings.filter((finding) => finding.ruleId === 'EP061').length;
    const after = edit(before, PLAN.indexOf('owner: ') + 'owner: '.length, 'jo@acme.io, ');
    assert.equal(after.sections.at(-1)!.section, before.sections.at(-1)!.section);
    assertSameAsFreshParse(after);
    assert.equal(addresses(after), addresses(before) - 1);
  });

  it('report a secret typed into a section that had none, and forget it once deleted', () => {
    const before = parsePlan(PLAN);
    const offset = PLAN.indexOf('The deploy API');
    const typed = edit(before, offset, `token ${github.secret} `);
    const secrets = (plan: PlanDocument): number => lintSafety(plan).findings.filter((finding) => finding.ruleId === 'EP060').length;
    assertSameAsFreshParse(typed);
    assert.equal(secrets(typed), secrets(before) + 1);
    const removed = updatePlan(typed, PLAN, [{ start: offset, end: offset + `token ${github.secret} `.length, insertedLength: 0 }]);
    assertSameAsFreshParse(removed);
    assert.equal(secrets(removed), secrets(before));
  });
});
