/** The JSON schemas contributed to the editor for `.execplan.json/.yaml` and `.agent-locks.yaml` agree with what the tools read. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { lintLockFile } from '../../../server/src/core/workspace/index';
import { parseConfigText } from '../../../server/src/core/configFile';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const LOCKS = path.join(REPO_ROOT, 'test/fixtures/workspace/locks');

function compile(name: string) {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', name), 'utf8')) as object);
}

describe('contributed JSON schemas', () => {
  it('the lock file schema accepts a lock file the rules find clean and rejects one with schema problems', () => {
    const validate = compile('agent-locks.schema.json');
    const clean = fs.readFileSync(path.join(LOCKS, 'clean/.agent-locks.yaml'), 'utf8');
    assert.deepEqual(lintLockFile({ text: clean, now: new Date('2026-03-02T12:00:00Z') }).findings, []);
    assert.ok(validate(parse(clean)), JSON.stringify(validate.errors));
    const broken = fs.readFileSync(path.join(LOCKS, 'conflicts/.agent-locks.yaml'), 'utf8');
    assert.equal(validate(parse(broken)), false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    assert.ok(paths.some((where) => where.startsWith('/locks/4')), JSON.stringify(validate.errors));
  });

  const configs: Array<[string, unknown]> = [
    ['a profile and rule severities', { profile: 'openai', rules: { EP001: 'off', 'frontmatter-invalid': 'warning' } }],
    ['a rule with options', { rules: { EP025: { severity: 'info', options: { staleAfterHours: 48 } } } }],
    ['freshness and plan patterns', { freshness: { staleAfterHours: 24 }, files: ['**/PLAN.md', 'work/**/*.md'] }],
  ];
  for (const [what, config] of configs) {
    it(`the config schema accepts ${what}, as the config reader does`, () => {
      const validate = compile('execplan-config.schema.json');
      assert.ok(validate(config), JSON.stringify(validate.errors));
      assert.deepEqual(parseConfigText(JSON.stringify(config), '.execplan.json').problems, []);
    });
  }

  it('the config schema accepts the workspace rules by code and name', () => {
    const validate = compile('execplan-config.schema.json');
    assert.ok(validate({ rules: { EP071: 'off', 'lock-overlap': 'warning' } }), JSON.stringify(validate.errors));
  });

  const badConfigs: Array<[string, unknown]> = [
    ['an unknown profile', { profile: 'nope' }],
    ['an unknown severity', { rules: { EP001: 'loud' } }],
    ['an unknown setting', { colour: 'blue' }],
  ];
  for (const [what, config] of badConfigs) {
    it(`the config schema rejects ${what}, as the config reader does`, () => {
      const validate = compile('execplan-config.schema.json');
      assert.equal(validate(config), false);
      assert.ok(parseConfigText(JSON.stringify(config), '.execplan.json').problems.length > 0);
    });
  }
});
