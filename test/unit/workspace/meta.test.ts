/**
 * Keeps the workspace rules, their pages and their fixtures in step: each registry and lock rule has
 * a page stating its facts and at least one fixture line that expects it; no code clashes with a
 * plan rule's.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../server/src/core/rules/index';
import { LOCK_RULES, REGISTRY_RULES, WORKSPACE_RULES, workspaceRuleById } from '../../../server/src/core/workspace/index';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const FIXTURE_FILES = [
  'test/fixtures/workspace/registry/PLANS.md',
  'test/fixtures/workspace/locks/conflicts/.agent-locks.yaml',
  'test/fixtures/workspace/locks/nested/deeper/.agent-locks.yaml',
];

function pageFacts(id: string): Map<string, string> {
  const facts = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(REPO_ROOT, 'docs/rules', `${id}.md`), 'utf8').split('\n')) {
    const match = /^\|\s*([A-Za-z ]+?)\s*\|\s*(.*?)\s*\|$/.exec(line);
    if (match && match[1]) facts.set(match[1], match[2]!);
  }
  return facts;
}

describe('workspace rules: registry, pages and fixtures agree', () => {
  it('codes are unique, ordered, and apart from the plan rules', () => {
    const ids = WORKSPACE_RULES.map((rule) => rule.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
    const planIds = new Set(RULES.map((rule) => rule.id));
    const planNames = new Set(RULES.map((rule) => rule.name));
    for (const rule of WORKSPACE_RULES) {
      assert.ok(!planIds.has(rule.id), `${rule.id} is also a plan rule`);
      assert.ok(!planNames.has(rule.name), `${rule.name} is also a plan rule's name`);
      assert.match(rule.name, /^[a-z]+(?:-[a-z]+)*$/);
      assert.equal(workspaceRuleById(rule.name), rule);
    }
    assert.deepEqual(REGISTRY_RULES.map((rule) => rule.id), ['EP070', 'EP071', 'EP072']);
    assert.deepEqual(LOCK_RULES.map((rule) => rule.id), ['EP080', 'EP081', 'EP082', 'EP083']);
  });

  const expected = FIXTURE_FILES.map((file) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')).join('\n');
  for (const rule of WORKSPACE_RULES) {
    it(`${rule.id} has a page with its facts and the usual sections`, () => {
      const facts = pageFacts(rule.id);
      assert.equal(facts.get('Code'), rule.id);
      assert.equal(facts.get('Name'), `\`${rule.name}\``);
      assert.equal(facts.get('Default severity'), rule.defaultSeverity);
      assert.equal(facts.get('Fixable')?.startsWith('yes'), rule.fixable);
      const page = fs.readFileSync(path.join(REPO_ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
      for (const heading of ['## Why it matters', '## Bad', '## Good']) assert.ok(page.includes(heading), `${rule.id} page lacks ${heading}`);
    });

    it(`${rule.id} is expected by at least one fixture line`, () => {
      assert.match(expected, new RegExp(`expect\\s+${rule.id}\\b`));
    });
  }
});
