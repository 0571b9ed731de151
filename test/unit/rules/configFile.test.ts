import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { findConfigFile, parseConfigText } from '../../../server/src/core/configFile';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';

const files = (entries: Record<string, string>) => (path: string): string | undefined => entries[path];

describe('configuration files', () => {
  it('finds the nearest file walking up from the plan, JSON or YAML', () => {
    const read = files({
      '/repo/.execplan.yaml': 'profile: openai\n',
      '/repo/docs/plans/.execplan.json': '{ "profile": "agdd" }',
    });
    assert.equal(findConfigFile('/repo/docs/plans/a-PLAN.md', read).config.profile, 'agdd');
    assert.equal(findConfigFile('/repo/docs/other/b-PLAN.md', read).path, '/repo/.execplan.yaml');
    assert.deepEqual(findConfigFile('/elsewhere/c-PLAN.md', read), { config: {}, problems: [] });
  });

  it('walks Windows paths and stops at the given folder', () => {
    const read = files({ 'C:\\repo\\.execplan.yml': 'profile: magsag\n', 'C:\\.execplan.yml': 'profile: openai\n' });
    assert.equal(findConfigFile('C:\\repo\\plans\\x.md', read).config.profile, 'magsag');
    assert.equal(findConfigFile('C:\\work\\plans\\x.md', read, 'C:\\work').path, undefined);
  });

  it('reads severities and options by code or name, and freshness into EP025', () => {
    const { config, problems } = parseConfigText('rules:\n  EP005: off\n  frontmatter-value: warning\n  EP054: { options: { maxSteps: 80 } }\nfreshness:\n  staleAfterHours: 48\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { EP005: 'off', EP012: 'warning', EP054: { options: { maxSteps: 80 } }, EP025: { options: { staleAfterHours: 48 } } });
  });

  it('reports each invalid setting at its place and keeps the valid ones', () => {
    const { config, problems } = parseConfigText('profile: cobol\nrules:\n  EP999: off\n  EP005: loud\n  EP007: hint\ncolour: blue\n');
    assert.deepEqual(config, { rules: { EP007: 'hint' } });
    assert.deepEqual(problems.map((problem) => problem.range.start.line), [0, 2, 3, 5]);
    assert.match(problems[0]!.message, /`profile` must be one of auto, ssot, openai/);
    assert.match(problems[3]!.message, /Unknown setting `colour`/);
  });

  it('turns a syntax error into one problem and the defaults', () => {
    const { config, problems } = parseConfigText('{ "profile": "ssot", }}', '.execplan.json');
    assert.deepEqual(config, {});
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /\.execplan\.json is not valid JSON/);
  });

  it('refuses YAML aliases instead of expanding them', () => {
    const { config, problems } = parseConfigText('base: &b { EP005: off }\nrules: *b\n');
    assert.deepEqual(config, {});
    assert.match(problems[0]!.message, /alias/);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseConfigText(text);
        assert.ok(Array.isArray(result.problems));
      }),
      { numRuns: 300 },
    );
  });

  it('applies to the engine: a rule turned off is silent, a severity is applied, options reach the rule', () => {
    const plan = parsePlan('# PLAN: Config\n\n## Notes\nText.\n');
    const now = new Date('2026-03-02T12:00:00Z');
    const base = lint(plan, { config: { profile: 'ssot' }, now }).findings;
    assert.ok(base.some((finding) => finding.ruleId === 'EP005' && finding.severity === 'hint'));
    const off = lint(plan, { config: { profile: 'ssot', rules: { EP005: 'off' } }, now }).findings;
    assert.ok(!off.some((finding) => finding.ruleId === 'EP005'));
    const raised = lint(plan, { config: { profile: 'ssot', rules: { 'unknown-section': 'error' } }, now }).findings;
    assert.equal(raised.find((finding) => finding.ruleId === 'EP005')?.severity, 'error');

    const steps = Array.from({ length: 12 }, (_, i) => `- [ ] Step ${i + 1}`).join('\n');
    const guide = parsePlan(`# Steps ExecPlan\n\n## Execution Steps\n${steps}\n`);
    const strict = lint(guide, { config: { profile: 'plans-guide', rules: { EP054: { options: { maxSteps: 10 } } } }, now }).findings;
    assert.equal(strict.filter((finding) => finding.ruleId === 'EP054').length, 1);
    assert.equal(lint(guide, { config: { profile: 'plans-guide' }, now }).findings.filter((finding) => finding.ruleId === 'EP054').length, 0);
  });

  it('reads a rule under its code, its name or its lower-case code, in every lint that shares the settings', () => {
    const plan = parsePlan('# PLAN: Config\n\n## Notes\nText.\n');
    const now = new Date('2026-03-02T12:00:00Z');
    const severityOf = (rules: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>): string | undefined =>
      lint(plan, { config: { profile: 'ssot', rules }, now }).findings.find((finding) => finding.ruleId === 'EP005')?.severity;
    assert.equal(severityOf({ ep005: 'error' }), 'error');
    assert.equal(severityOf({ 'unknown-section': 'warning' }), 'warning');
    // The code wins over the name, and the name over the lower-case code.
    assert.equal(severityOf({ ep005: 'error', 'unknown-section': 'info', EP005: 'warning' }), 'warning');
    assert.equal(severityOf({ ep005: 'error', 'unknown-section': 'info' }), 'info');
    const shared = { EP005: 'off' as const };
    assert.equal(severityOf(shared), undefined);
    assert.equal(severityOf(shared), undefined);
    assert.equal(severityOf({ EP005: 'error' }), 'error');
  });
});

describe('configuration of workspace rules', () => {
  it('accepts registry and lock-file rules by code or name, and still rejects unknown codes', () => {
    const { config, problems } = parseConfigText('{"rules":{"EP071":"off","registry-status":"error","EP999":"off"}}', '.execplan.json');
    assert.deepEqual(config.rules, { EP071: 'off', EP072: 'error' });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /`EP999` is not a rule code/);
  });
});
