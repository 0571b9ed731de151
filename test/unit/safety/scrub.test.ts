import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import { scrubSecrets } from '../../../server/src/core/safety/scrub';
import { fakeSecrets } from './fakeTokens';

describe('messages never quote a credential', () => {
  it('masks every kind of fake credential inside a sentence', () => {
    for (const secret of fakeSecrets(7)) {
      if (secret.line.includes('\n')) continue;
      const message = `Add one naming the step, e.g. \`Next Action: ${secret.line}\`.`;
      const scrubbed = scrubSecrets(message);
      assert.ok(!scrubbed.includes(secret.secret), `${secret.kind} survived: ${scrubbed}`);
      assert.ok(scrubbed.startsWith('Add one naming the step'), 'the rest of the message is kept');
    }
  });

  it('leaves messages without credentials unchanged', () => {
    const message = 'Missing required section `## Decision Log` (ssot profile). Add it after `## Progress`.';
    assert.equal(scrubSecrets(message), message);
  });

  it('keeps a Progress item holding a token out of every finding the engine reports', () => {
    const token = fakeSecrets(11).find((secret) => secret.kind === 'github-token')!.secret;
    const text = ['---', 'id: x', 'status: IN_PROGRESS', 'owner: a', 'created: 2026-01-01T00:00:00Z', 'updated: 2026-01-01T00:00:00Z', 'profile: codex-strict', '---', '', '# PLAN: t', '', '## Progress', 'Status: IN_PROGRESS', '', `- [ ] 2026-01-01T00:00:00Z - rotate ${token} (Owner: a)`, ''].join('\n');
    const { findings } = lint(parsePlan(text), { now: new Date('2026-01-02T00:00:00Z') });
    assert.ok(findings.some((finding) => finding.ruleId === 'EP021'), 'the plan lacks a Next Action');
    for (const finding of findings) {
      assert.ok(!finding.message.includes(token), `${finding.ruleId}: ${finding.message}`);
      for (const fix of finding.fixes ?? []) assert.ok(!fix.title.includes(token), `${finding.ruleId} fix: ${fix.title}`);
    }
  });
});
