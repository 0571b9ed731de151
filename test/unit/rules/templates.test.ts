import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import { DEFAULT_NOW, TEMPLATES_ROOT, profileOfFile } from './fixtureRunner';

const now = new Date(DEFAULT_NOW);
const templates = fs.existsSync(TEMPLATES_ROOT) ? fs.readdirSync(TEMPLATES_ROOT).filter((name) => name.endsWith('.md')).sort() : [];

describe('filled-in seed templates', () => {
  it('cover every profile', () => {
    assert.deepEqual([...new Set(templates.map(profileOfFile))].sort(), ['agdd', 'magsag', 'openai', 'plans-guide', 'ssot']);
  });

  for (const name of templates) {
    const profile = profileOfFile(name);
    const text = fs.readFileSync(path.join(TEMPLATES_ROOT, name), 'utf8');

    it(`${name} gives no warnings or errors in the ${profile} profile`, () => {
      const result = lint(parsePlan(text), { config: { profile }, now, path: `plans/${name}` });
      const serious = result.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
      assert.deepEqual(serious.map((finding) => `${finding.range.start.line + 1}:${finding.ruleId} ${finding.message}`), []);
    });

    it(`${name} is recognised as ${profile} without configuration`, () => {
      assert.equal(lint(parsePlan(text), { now, path: `plans/${name}` }).profile.profile.id, profile);
    });

    it(`${name} without its Progress section is reported as incomplete`, () => {
      // Proves the template is really checked: the same text minus a required section is not clean.
      const lines = text.split('\n');
      const start = lines.findIndex((line) => /^## (Progress|Status|Progress Log)$/.test(line));
      const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
      const without = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
      const findings = lint(parsePlan(without), { config: { profile }, now, path: `plans/${name}` }).findings;
      assert.ok(findings.some((finding) => finding.ruleId === 'EP001' && finding.severity === 'error'), findings.map((finding) => finding.ruleId).join(' '));
    });
  }
});
