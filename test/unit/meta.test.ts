/**
 * Keeps the rule registry, the rule pages, the fixture folders and the README's rule table in step:
 * every registered rule has a page, fixtures for each profile it applies to, and a README row that
 * agree with it; no page, folder or row names a rule that is not registered.
 */
import { strict as assert } from 'node:assert';
import { SIZE_RULE_ID } from '../../server/src/documentChecker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { PROFILES } from '../../server/src/core/profiles/index';
import { WORKSPACE_RULES } from '../../server/src/core/workspace/index';
import { FIXTURES_ROOT, lintFixture, listRuleFixtures } from './rules/fixtureRunner';

const repoRoot = path.resolve(__dirname, '../..');
const docsRoot = path.join(repoRoot, 'docs/rules');
/** Plan rules run per document; workspace rules (registries, lock files) have pages and README rows too. */
const ALL_RULES = [...RULES, ...WORKSPACE_RULES];
const registered = new Set(ALL_RULES.map((rule) => rule.id));
const SIZE_NOTICE_ID = SIZE_RULE_ID;

/** The `| Key | value |` rows at the top of a rule page. */
function pageFacts(id: string): Map<string, string> {
  const facts = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(docsRoot, `${id}.md`), 'utf8').split('\n')) {
    const match = /^\|\s*([A-Za-z ]+?)\s*\|\s*(.*?)\s*\|$/.exec(line);
    if (match && match[1]) facts.set(match[1], match[2]!);
  }
  return facts;
}

function readmeRows(): Map<string, string[]> {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Rules'));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n').slice(1)) {
    if (line.startsWith('## ')) break;
    const match = /^\| \[(EP\d{3})\]\(docs\/rules\/(EP\d{3})\.md\) \|(.*)\|$/.exec(line);
    if (!match) continue;
    assert.equal(match[1], match[2], `README row ${match[1]} links to the page of ${match[2]}`);
    rows.set(match[1]!, match[3]!.split('|').map((cell) => cell.trim()));
  }
  return rows;
}

describe('rule registry, docs, fixtures and README agree', () => {
  it('codes are unique, stable in form and in order; names are unique kebab-case', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
    for (const rule of ALL_RULES) {
      assert.match(rule.id, /^EP\d{3}$/);
      assert.match(rule.name, /^[a-z]+(?:-[a-z]+)*$/);
    }
    assert.equal(new Set(ALL_RULES.map((rule) => rule.name)).size, ALL_RULES.length);
  });

  it('every rule names only known profiles', () => {
    const known = new Set<string>(PROFILES.map((profile) => profile.id));
    for (const rule of RULES) for (const profile of rule.profiles ?? []) assert.ok(known.has(profile), `${rule.id} names unknown profile ${profile}`);
  });

  for (const rule of ALL_RULES) {
    it(`${rule.id} has a page that states its name, profiles, severity and fixability`, () => {
      assert.ok(fs.existsSync(path.join(docsRoot, `${rule.id}.md`)), `docs/rules/${rule.id}.md is missing`);
      const facts = pageFacts(rule.id);
      assert.equal(facts.get('Code'), rule.id);
      assert.equal(facts.get('Name'), `\`${rule.name}\``);
      const profiles = (rule as { readonly profiles?: readonly string[] }).profiles;
      // Plan rules must state their profiles; a workspace rule's page may, and then it must be right.
      if (facts.has('Profiles') || RULES.some((planRule) => planRule.id === rule.id)) assert.equal(facts.get('Profiles'), profiles ? profiles.join(', ') : 'all');
      assert.equal(facts.get('Default severity'), rule.defaultSeverity);
      assert.equal(facts.get('Fixable')?.startsWith('yes'), rule.fixable, `Fixable row: ${facts.get('Fixable')}`);
      const page = fs.readFileSync(path.join(docsRoot, `${rule.id}.md`), 'utf8');
      for (const heading of ['## Why it matters', '## Bad', '## Good']) assert.ok(page.includes(heading), `${rule.id} page lacks ${heading}`);
    });
  }

  for (const rule of RULES) {
    it(`${rule.id} has fixtures for every profile it applies to`, () => {
      const folder = path.join(FIXTURES_ROOT, rule.id);
      assert.ok(fs.existsSync(folder), `test/fixtures/rules/${rule.id}/ is missing`);
      const covered = new Set(fs.readdirSync(folder).filter((name) => /\.md(?:\.in)?$/.test(name)).map((name) => name.replace(/\.in$/, '').split('.').slice(-2)[0]));
      const wanted = rule.profiles ?? PROFILES.map((profile) => profile.id);
      assert.deepEqual(wanted.filter((profile) => !covered.has(profile)), []);
    });
  }

  it('a rule emits fixes exactly when it says it is fixable (judged on all fixtures)', () => {
    const withFixes = new Set<string>();
    for (const fixture of listRuleFixtures()) {
      for (const finding of lintFixture(fixture.text, fixture.profile).result.findings) if (finding.fixes?.length) withFixes.add(finding.ruleId);
    }
    for (const rule of RULES) {
      if (withFixes.has(rule.id)) assert.ok(rule.fixable, `${rule.id} emits fixes but says it is not fixable`);
      else assert.ok(!rule.fixable, `${rule.id} says it is fixable but no fixture shows a fix`);
    }
  });

  it('the README rule table has one row per rule, matching the registry', () => {
    const rows = readmeRows();
    assert.deepEqual([...rows.keys()], ALL_RULES.map((rule) => rule.id));
    for (const rule of ALL_RULES) {
      const [name, severity, fixable, what] = rows.get(rule.id)!;
      assert.deepEqual([name, severity, fixable, what], [rule.name, rule.defaultSeverity, rule.fixable ? 'yes' : 'no', rule.title]);
    }
  });

  it('no page or fixture folder names a rule that is not registered', () => {
    const pages = fs.readdirSync(docsRoot).filter((name) => /^EP\d{3}\.md$/.test(name)).map((name) => name.slice(0, 5));
    // EP000 is the size notice, not a rule: it has a page (diagnostics link to it) but no registry entry.
    assert.deepEqual(pages.filter((id) => !registered.has(id) && id !== SIZE_NOTICE_ID), []);
    const folders = fs.readdirSync(FIXTURES_ROOT).filter((name) => /^EP\d{3}$/.test(name));
    assert.deepEqual(folders.filter((id) => !registered.has(id)), []);
  });
});
