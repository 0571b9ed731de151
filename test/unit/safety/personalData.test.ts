import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../server/src/core/features/applyEdits';
import { personalData } from '../../../server/src/core/rules/EP061-personal-data';
import { lintSafety } from './harness';

function plan(body: string, owner = 'agent-7'): string {
  return ['---', 'id: p', `owner: ${owner}`, '---', '# PLAN: Notify owners', '## Context and Orientation', body, ''].join('\n');
}

function found(body: string, options: Record<string, unknown> = {}, owner?: string): string[] {
  const text = plan(body, owner);
  const lines = text.split('\n');
  return lintSafety(text, { rules: [personalData], options: { EP061: options } }).findings.map((finding) =>
    lines[finding.range.start.line]!.slice(finding.range.start.character, finding.range.end.character),
  );
}

describe('EP061 personal-data', () => {
  it('reports email addresses of people, at the address', () => {
    assert.deepEqual(found('Ask jane.doe@acme-corp.io or (ops+oncall@acme.co.uk) before the deploy.'), ['jane.doe@acme-corp.io', 'ops+oncall@acme.co.uk']);
  });

  it('reports phone numbers in international and North American forms', () => {
    assert.deepEqual(found('Call +44 20 7123 4567 or (415) 867-2309, or +4915123456789.'), ['+44 20 7123 4567', '(415) 867-2309', '+4915123456789']);
  });

  it('leaves documentation domains, machine senders and the owner alone', () => {
    const body = [
      'Examples: alice@example.com, bob@mail.example.org, carol@example.net, dev@app.test, x@host.invalid, me@box.localhost.',
      'Bots: noreply@acme.io, no-reply@acme.io, 12345+octocat@users.noreply.github.com, git@github.com:org/repo.git.',
      'Owner: agent-7@acme.io.',
    ].join('\n');
    assert.deepEqual(found(body), []);
  });

  it('leaves the frontmatter owner address alone but not other addresses', () => {
    assert.deepEqual(found('Owner is lead@acme.io; reviewer is sam@acme.io.', {}, 'lead@acme.io'), ['sam@acme.io']);
  });

  it('reports an address or a number on the first or the last frontmatter line, at the value', () => {
    const spots = (frontmatter: string[]): Array<[number, string]> => {
      const text = ['---', ...frontmatter, '---', '# PLAN: x', '## Context and Orientation', 'Nothing personal.', ''].join('\n');
      const lines = text.split('\n');
      return lintSafety(text, { rules: [personalData] }).findings.map((finding) => [finding.range.start.line, lines[finding.range.start.line]!.slice(finding.range.start.character, finding.range.end.character)]);
    };
    assert.deepEqual(spots(['reviewer: sam@acme.io', 'id: p', 'status: ACTIVE']), [[1, 'sam@acme.io']]);
    assert.deepEqual(spots(['id: p', 'status: ACTIVE', 'escalation: +44 20 7123 4567']), [[3, '+44 20 7123 4567']]);
    assert.deepEqual(spots(['id: p', 'status: ACTIVE']), []);
  });

  it('is not fooled by versions, files, URLs, dates, timestamps or fictional numbers', () => {
    const body = [
      'npm i openclaw-studio@latest eslint@9.39.5 @types/node@20 logo@2x.png https://user@git.acme.io/repo',
      '2026-03-02T11:30:00Z, 2026-03-02 11:30, 10.0.0.1, v1.2.3, 1234567890123, 555-0100, (415) 555-0134, +1 415 555 0199.',
      'Invoice 2026-0001-0002, build 20260302.1130, port 8080-8090, ratio 3.14159265.',
    ].join('\n');
    assert.deepEqual(found(body), []);
  });

  it('honours the allow option (addresses and domains) and the phones switch', () => {
    const body = 'Mail sec@acme.io, a@partner.org, b@eu.partner.org or call +44 20 7123 4567.';
    assert.deepEqual(found(body, { allow: ['sec@acme.io', '@partner.org'] }), ['+44 20 7123 4567']);
    assert.deepEqual(found(body, { allow: ['acme.io', 'partner.org'], phones: false }), []);
    assert.deepEqual(found(body, { allow: ['+44 20 7123 4567'] }), ['sec@acme.io', 'a@partner.org', 'b@eu.partner.org']);
  });

  it('masks the value in its message and offers a redact fix that is not applied by fix-all', () => {
    const text = plan('Escalate to jane.doe@acme-corp.io.');
    const { plan: parsed, findings } = lintSafety(text, { rules: [personalData] });
    assert.equal(findings.length, 1);
    const finding = findings[0]!;
    assert.equal(finding.severity, 'info');
    assert.ok(!finding.message.includes('jane.doe'));
    assert.ok(finding.message.includes('j…@acme-corp.io'));
    assert.equal(finding.fixes![0]!.safe, false);
    const fixed = applyTextEdits(parsed, finding.fixes![0]!.edits);
    assert.ok(fixed.includes('Escalate to <REDACTED>.'));
    assert.deepEqual(lintSafety(fixed, { rules: [personalData] }).findings, []);
  });

  it('finds addresses in code blocks and far along long lines', () => {
    const long = `${'x '.repeat(6000)}jane@acme.io ${'y '.repeat(6000)}`;
    assert.deepEqual(found(['```', 'git config user.email "jane@acme.io"', '```', long].join('\n')), ['jane@acme.io', 'jane@acme.io']);
  });
});
