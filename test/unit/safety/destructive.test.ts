import { strict as assert } from 'node:assert';
import { destructiveStep } from '../../../server/src/core/rules/EP065-destructive-step';
import { lintSafety } from './harness';

function constraints(approval: readonly string[], forbidden: readonly string[]): string[] {
  return [
    '## Constraints & Safety',
    '### Allowed Scope',
    '- `src/**`',
    '### Approval-Required Operations',
    ...(approval.length ? approval.map((line) => `- ${line}`) : ['- Dependency upgrades']),
    '### Forbidden Operations',
    ...(forbidden.length ? forbidden.map((line) => `- ${line}`) : ['- Exfiltration of secrets']),
    '### Secrets & PII',
    '- Use `<REDACTED>`.',
  ];
}

function plan(steps: readonly string[], approval: readonly string[] = [], forbidden: readonly string[] = [], profile = 'codex-strict'): string {
  return ['---', 'id: p', 'owner: agent-7', `profile: ${profile}`, '---', '# PLAN: Clean up', ...constraints(approval, forbidden), '## Concrete Steps', ...steps, ''].join('\n');
}

/** The text each finding covers, with the operation it names. */
function reported(text: string, profile?: string): string[] {
  const lines = text.split('\n');
  return lintSafety(text, { rules: [destructiveStep], ...(profile ? { profile } : {}) }).findings.map(
    (finding) => `${finding.data?.['operation']}: ${lines[finding.range.start.line]!.slice(finding.range.start.character, finding.range.end.character)}`,
  );
}

describe('EP065 destructive-step', () => {
  it('finds destructive commands in code blocks, indented code, inline code and command lines', () => {
    const text = plan([
      '```sh',
      'cd build && rm -rf dist/ node_modules/',
      'sudo rm -r -f /var/cache/app',
      'git push origin main --force',
      'git reset --hard HEAD~1; git clean -fdx',
      '```',
      '',
      '    terraform destroy -auto-approve',
      '',
      '1) Run `kubectl delete namespace preview` (cwd: repo root)',
      '2) docker system prune -af',
      '3) $ psql -c "DROP TABLE users;"',
      '- `dd if=/dev/zero of=/dev/sdb bs=1M`',
    ]);
    assert.deepEqual(reported(text), [
      'rm -rf: rm -rf dist/ node_modules/',
      'rm -rf: rm -r -f /var/cache/app',
      'git push --force: git push origin main --force',
      'git reset --hard: git reset --hard HEAD~1',
      'git clean -f: git clean -fdx',
      'terraform destroy: terraform destroy -auto-approve',
      'kubectl delete: kubectl delete namespace preview',
      'docker system prune: docker system prune -af',
      'DROP TABLE: DROP TABLE',
      'dd of=: dd if=/dev/zero of=/dev/sdb bs=1M',
    ]);
  });

  it('also reads Validation & Acceptance, SQL without WHERE, and force pushes by refspec', () => {
    const text = [
      ...plan([]).split('\n'),
      '## Validation & Acceptance',
      '- Verify: `psql -c "DELETE FROM sessions"` then `git push origin +main`',
      '- Verify: `psql -c "DELETE FROM sessions WHERE expired"`',
    ].join('\n');
    assert.deepEqual(reported(text), ['DELETE FROM without WHERE: DELETE FROM sessions', 'git push --force: git push origin +main']);
  });

  it('reads a command in any case, after a path, in quotes, or after an assignment', () => {
    const text = plan([
      '```sh',
      'SUDO /usr/bin/RM -RF /tmp/x',
      '"rm" -rf out',
      "'/bin/rm' -r -f cache",
      'docker-compose down -v',
      'mkfs.ext4 /dev/sdb',
      'x=1;Git push -f',
      '```',
      'Then run `/usr/local/bin/terraform destroy`.',
    ]);
    assert.deepEqual(reported(text), [
      'rm -rf: /usr/bin/RM -RF /tmp/x',
      'rm -rf: "rm" -rf out',
      "rm -rf: '/bin/rm' -r -f cache",
      'docker-compose down -v: docker-compose down -v',
      'mkfs: mkfs.ext4 /dev/sdb',
      'git push --force: Git push -f',
      'terraform destroy: /usr/local/bin/terraform destroy',
    ]);
  });

  it('is quiet about safe commands, comments, prose and negated mentions', () => {
    const text = plan([
      '```sh',
      'npm test && git push origin feature',
      'git rm --cached secrets.txt',
      '# rm -rf / would be a disaster',
      'rm build/report.txt',
      'git reset --soft HEAD~1',
      'kubectl get pods',
      '```',
      '```text',
      'rm -rf dist',
      '```',
      '- Never use `git push --force` on main.',
      '- We drop the table of contents from the report.',
      '- Do not run rm -rf on the repository.',
    ]);
    assert.deepEqual(reported(text), []);
  });

  it('accepts an operation the plan lists under Approval-Required Operations, by name, kind or in general', () => {
    const steps = ['```sh', 'rm -rf dist', 'git push --force-with-lease', 'terraform destroy', '```'];
    assert.deepEqual(reported(plan(steps, ['`rm -rf` of build output', 'Force pushes', 'Tearing down preview infrastructure'])), []);
    assert.deepEqual(reported(plan(steps, ['Any destructive operation'])), []);
    assert.deepEqual(reported(plan(steps, ['Force pushes'])), ['rm -rf: rm -rf dist', 'terraform destroy: terraform destroy']);
  });

  it('reports an operation the plan forbids, quoting the rule, even if approval is listed', () => {
    const text = plan(['```sh', 'git push -f origin main', '```'], ['Any destructive operation'], ['Force-pushing shared branches']);
    const { findings } = lintSafety(text, { rules: [destructiveStep] });
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /forbids it \("force-pushing shared branches" under Forbidden Operations\)/);
    assert.equal(findings[0]!.data?.['forbidden'], true);
  });

  it('reads "forbidden without approval" as an approval requirement', () => {
    const steps = ['```sh', 'rm -rf dist', '```'];
    assert.deepEqual(reported(plan(steps, [], ['Destructive deletes without explicit approval (e.g., `rm -rf`, dropping prod DBs)'])), []);
  });

  it('runs on every profile, with the lists wherever the plan keeps them', () => {
    const text = ['# Clean up', '## Concrete Steps', '- `git clean -fd`', '## Notes', '### Approval-Required Operations', '- git clean of untracked files'].join('\n');
    assert.deepEqual(reported(text, 'openai'), []);
    assert.deepEqual(reported(text.replace('- git clean of untracked files', '- deploys'), 'openai'), ['git clean -f: git clean -fd']);
  });

  it('says what the command does and where to list it', () => {
    const [finding] = lintSafety(plan(['- `rm -rf dist`']), { rules: [destructiveStep] }).findings;
    assert.ok(finding);
    assert.match(finding.message, /^`rm -rf` deletes files, but the plan does not list it under Approval-Required Operations\. Add it to `### Approval-Required Operations`/);
  });
});
