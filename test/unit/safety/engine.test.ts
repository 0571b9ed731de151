/**
 * The safety rules through the real engine. These tests pass once SAFETY_RULES are in the registry
 * (server/src/core/rules/index.ts); the other safety tests run the rules through ./harness.ts.
 */
import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import { fakeSecrets } from './fakeTokens';

const NOW = new Date('2026-03-02T12:00:00Z');

describe('safety rules in the engine (needs SAFETY_RULES in the registry)', () => {
  it('reports a pasted token as an EP060 error with a safe redact fix, and a configured severity applies', () => {
    const github = fakeSecrets(31).find((fake) => fake.kind === 'github-token')!;
    const text = ['---', 'id: p', 'owner: agent-7', 'profile: codex-strict', '---', '# PLAN: x', '## Progress', `- token ${github.secret}`, ''].join('\n');
    const plan = parsePlan(text);
    const secrets = lint(plan, { now: NOW }).findings.filter((finding) => finding.ruleId === 'EP060');
    assert.equal(secrets.length, 1);
    assert.equal(secrets[0]!.severity, 'error');
    assert.equal(secrets[0]!.range.start.line, 7);
    assert.ok(!secrets[0]!.message.includes(github.secret));
    assert.equal(secrets[0]!.fixes?.[0]?.safe, true);
    const warned = lint(plan, { now: NOW, config: { rules: { secret: 'warning' } } }).findings.filter((finding) => finding.ruleId === 'EP060');
    assert.equal(warned[0]?.severity, 'warning');
  });

  it('passes rule options from the configuration to EP061', () => {
    const text = ['---', 'id: p', 'owner: agent-7', '---', '# PLAN: x', '## Context and Orientation', 'Ask sam@acme.io.', ''].join('\n');
    const plan = parsePlan(text);
    assert.equal(lint(plan, { now: NOW }).findings.filter((finding) => finding.ruleId === 'EP061').length, 1);
    const allowed = lint(plan, { now: NOW, config: { rules: { EP061: { options: { allow: ['acme.io'] } } } } });
    assert.equal(allowed.findings.filter((finding) => finding.ruleId === 'EP061').length, 0);
  });
});
