import { strict as assert } from 'node:assert';
import { constraintsSubsections } from '../../../server/src/core/rules/EP063-constraints-subsections';
import { toolGovernance } from '../../../server/src/core/rules/EP064-tool-governance';
import { lintSafety } from './harness';

const FILLED_CONSTRAINTS = [
  '## Constraints & Safety',
  '### Allowed Scope',
  '- Allowed directories: `src/report/**`, `test/report/**`',
  '### Approval-Required Operations',
  '- Dependency upgrades',
  '### Forbidden Operations',
  '- Deleting report data',
  '### Secrets & PII',
  '- Never paste secrets into this plan or logs; use `<REDACTED>` placeholders.',
];

const FILLED_TOOLING = ['## Tooling Interface & Governance', 'Allowed tools: the shell in the repository root, `npm test`, `git diff`. No MCP servers. Pushing needs approval.'];

function plan(...sections: string[]): string {
  return ['---', 'id: p', 'owner: agent-7', 'profile: codex-strict', '---', '# PLAN: Export CSV', ...sections, ''].join('\n');
}

function messages(text: string, profile?: string): string[] {
  return lintSafety(text, { rules: [constraintsSubsections, toolGovernance], ...(profile ? { profile } : {}) }).findings.map((finding) => `${finding.ruleId} ${finding.message}`);
}

describe('EP063 constraints-subsections', () => {
  it('is quiet when all four subsections are filled in', () => {
    assert.deepEqual(messages(plan(...FILLED_CONSTRAINTS, ...FILLED_TOOLING)), []);
  });

  it('names the missing subsections in one finding on the section heading', () => {
    const text = plan('## Constraints & Safety', '### Allowed Scope', '- `src/**` only', '### Secrets & PII', '- Use placeholders.', ...FILLED_TOOLING);
    const { findings } = lintSafety(text, { rules: [constraintsSubsections] });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.range.start.line, text.split('\n').indexOf('## Constraints & Safety'));
    assert.match(findings[0]!.message, /`### Approval-Required Operations`, `### Forbidden Operations`/);
    assert.doesNotMatch(findings[0]!.message, /Allowed Scope|Secrets/);
  });

  it('reports a subsection left as template text, at its heading', () => {
    const text = plan(
      '## Constraints & Safety',
      '### Allowed Scope',
      '- Allowed directories: `<dir one>` / <dir two>;  <...>',
      '### Approval-Required Operations',
      '- <...>',
      '### Forbidden Operations',
      '- TBD',
      '### Secrets & PII',
      '- Never paste secrets into this plan or logs; use `<REDACTED>` placeholders.',
      ...FILLED_TOOLING,
    );
    const lines = text.split('\n');
    const { findings } = lintSafety(text, { rules: [constraintsSubsections] });
    assert.deepEqual(findings.map((finding) => lines[finding.range.start.line]), ['### Allowed Scope', '### Approval-Required Operations', '### Forbidden Operations']);
  });

  it('reports the minimal template placeholder as all four missing', () => {
    const findings = messages(plan('## Constraints & Safety', '<allowed/approval-required/forbidden + secrets rules>', ...FILLED_TOOLING));
    assert.equal(findings.length, 1);
    for (const name of ['Allowed Scope', 'Approval-Required Operations', 'Forbidden Operations', 'Secrets & PII']) assert.ok(findings[0]!.includes(name), name);
  });

  it('accepts other spellings of the subsection headings', () => {
    const text = plan('## Constraints and Safety', '### Scope', '- src only', '#### Approval required', '- deploys', '### Prohibited operations (MUST)', '- force pushes', '### Secrets and PII', '- none in logs', ...FILLED_TOOLING);
    assert.deepEqual(messages(text), []);
  });

  it('leaves a plan without the section to EP001, and other profiles alone', () => {
    assert.deepEqual(messages(plan(...FILLED_TOOLING)), []);
    assert.deepEqual(messages(plan('## Constraints & Safety', 'Be careful.', ...FILLED_TOOLING), 'openai'), []);
  });
});

describe('EP064 tool-governance', () => {
  it('is quiet when tools, roots and approvals are declared', () => {
    assert.deepEqual(messages(plan(...FILLED_CONSTRAINTS, ...FILLED_TOOLING)), []);
  });

  it('reports template text', () => {
    const findings = messages(plan(...FILLED_CONSTRAINTS, '## Tooling Interface & Governance', '<Declare allowed tools, MCP servers (if any), allowed roots, and required approvals.>'));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!, /^EP064 .*template text/);
  });

  const TEMPLATE_CONSTRAINTS = ['## Constraints & Safety', '### Allowed Scope', '- <...>', '### Approval-Required Operations', '- <...>', '### Forbidden Operations', '- force pushes', '### Secrets & PII', '- placeholders only'];
  const governance = (text: string): string[] => messages(text).filter((message) => message.startsWith('EP064'));

  it('names what is missing when neither section declares it', () => {
    const findings = governance(plan(...TEMPLATE_CONSTRAINTS, '## Tooling Interface & Governance', 'Allowed tools: `npm test` and `git diff`.'));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!, /allowed roots or required approvals/);
    assert.doesNotMatch(findings[0]!, /allowed tools/);
  });

  it('accepts roots and approvals declared under Constraints & Safety instead', () => {
    assert.deepEqual(governance(plan(...FILLED_CONSTRAINTS, '## Tooling Interface & Governance', 'Allowed tools: a text editor.')), []);
  });

  it('ignores template lines mixed with real ones', () => {
    const findings = governance(plan(...TEMPLATE_CONSTRAINTS, '## Tooling Interface & Governance', '- Tools: <list>', '- Roots: `src/**`', '- Approvals: <who>'));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!, /allowed tools or required approvals/);
  });
});
