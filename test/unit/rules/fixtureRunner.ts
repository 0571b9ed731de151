/**
 * Reads rule fixtures and their inline expectations, and lints them the way the editor would.
 *
 * Layout: `test/fixtures/rules/<CODE>/<case>.<profile>.md` (or `.md.in`, whose fake-credential markers
 * are filled in first); the profile in the file name is the configured profile for that file. Expectations sit next to the line they speak of:
 *
 *   <!-- expect EP012 EP030 -->   on a line of its own: findings of these rules start on the next
 *                                 line that is not itself an expectation;
 *   text <!-- expect EP030 -->    after content: findings start on this line;
 *   key: value # expect EP012     in the frontmatter (a YAML comment): on this line;
 *   <!-- expect EP011 line=1 -->  anywhere: on that (1-based) line, for lines that cannot hold a
 *                                 comment, such as the opening `---`.
 *
 * A fixture is compared for its folder's rule and every rule its expectations name, both ways: each
 * expected finding is reported and nothing else is. `<!-- fixture now=<RFC 3339> path=<path> -->`
 * sets the clock (default 2026-03-02T12:00:00Z) and the document path. A file without a profile in
 * its name (`case.md`) gets the profile detection picks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../../../server/src/core/model/index';
import type { PlanDocument } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import type { LintResult } from '../../../server/src/core/engine';
import type { LintConfig } from '../../../server/src/core/config';
import { fillFakeSecrets } from '../safety/fakeTokens';

export const FIXTURES_ROOT = path.resolve(__dirname, '../../fixtures/rules');
export const TEMPLATES_ROOT = path.resolve(__dirname, '../../fixtures/templates');
export const DEFAULT_NOW = '2026-03-02T12:00:00Z';

export interface Fixture {
  readonly file: string;
  readonly rule: string;
  readonly profile: string;
  readonly text: string;
}

export interface Expectation {
  readonly line: number;
  readonly rule: string;
}

const EXPECT_HTML = /<!--\s*expect\s+([^>]*?)\s*-->/g;
const EXPECT_YAML = /#\s*expect\s+((?:EP\d{3}[\s,]*)+)$/;
const FIXTURE_HEADER = /<!--\s*fixture\s+([^>]*?)\s*-->/;

/** The profile named by a fixture's file name (`case.plans-guide.md` -> `plans-guide`). */
export function profileOfFile(file: string): string {
  const parts = path.basename(file).replace(/\.in$/, '').split('.');
  return parts.length >= 3 ? parts[parts.length - 2]! : '';
}

export function listRuleFixtures(): Fixture[] {
  if (!fs.existsSync(FIXTURES_ROOT)) return [];
  const fixtures: Fixture[] = [];
  for (const rule of fs.readdirSync(FIXTURES_ROOT).sort()) {
    const folder = path.join(FIXTURES_ROOT, rule);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder).sort()) {
      if (!name.endsWith('.md') && !name.endsWith('.md.in')) continue;
      const file = path.join(folder, name);
      const raw = fs.readFileSync(file, 'utf8');
      // `.md.in` fixtures hold `@@fake:<kind>@@` markers for credentials, filled at test time so the
      // repository never holds anything that looks like a real secret.
      fixtures.push({ file, rule, profile: profileOfFile(name), text: name.endsWith('.in') ? fillFakeSecrets(raw) : raw });
    }
  }
  return fixtures;
}

/** Expected findings, read from the fixture's comments. */
export function readExpectations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const expectations: Expectation[] = [];
  let pending: string[] = [];
  let inFrontmatter = lines[0] === '---';
  lines.forEach((line, index) => {
    if (inFrontmatter && index > 0 && /^(?:---|\.\.\.)\s*$/.test(line)) inFrontmatter = false;
    const yaml = inFrontmatter ? EXPECT_YAML.exec(line) : null;
    if (yaml) for (const rule of codes(yaml[1]!)) expectations.push({ line: index, rule });
    const named: string[] = [];
    let anyExpectation = false;
    EXPECT_HTML.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = EXPECT_HTML.exec(line)) !== null) {
      anyExpectation = true;
      const at = /line=(\d+)/.exec(match[1]!);
      if (at) for (const rule of codes(match[1]!)) expectations.push({ line: Number(at[1]) - 1, rule });
      else named.push(...codes(match[1]!));
    }
    if (anyExpectation && line.replace(EXPECT_HTML, '').trim() === '') {
      pending.push(...named);
      return;
    }
    for (const rule of named) expectations.push({ line: index, rule });
    for (const rule of pending) expectations.push({ line: index, rule });
    pending = [];
  });
  return expectations;
}

function codes(list: string): string[] {
  return list.split(/[\s,]+/).filter((word) => /^EP\d{3}$/.test(word));
}

export function fixtureOptions(text: string): { now: Date; path?: string } {
  const header = FIXTURE_HEADER.exec(text)?.[1] ?? '';
  const now = /now=(\S+)/.exec(header)?.[1] ?? DEFAULT_NOW;
  const docPath = /path=(\S+)/.exec(header)?.[1];
  return { now: new Date(now), ...(docPath ? { path: docPath } : {}) };
}

export function lintFixture(text: string, profile: string, extra: LintConfig = {}): { plan: PlanDocument; result: LintResult } {
  const plan = parsePlan(text);
  const options = fixtureOptions(text);
  // A fixture without a profile in its name is checked the way an undeclared plan is: detected.
  const config: LintConfig = profile ? { profile, ...extra } : extra;
  const result = lint(plan, { config, now: options.now, path: options.path ?? `plans/fixture-PLAN.md` });
  return { plan, result };
}

/** `line:rule` keys, sorted, for comparing what was expected with what was reported. */
export function keys(items: ReadonlyArray<{ line: number; rule: string }>): string[] {
  return items.map((item) => `${item.line + 1}:${item.rule}`).sort();
}
