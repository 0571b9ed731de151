import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT, copyFixture, parseJsonReport, removeScratch, runCli, writeFile } from './cliProcess';

const PROJECT = path.join(FIXTURES, 'cli/project');
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');

describe('execplan-lint: what it checks and its exit status', function () {
  this.timeout(120_000);

  it('exits 0 and says so when nothing is wrong', async () => {
    const run = await runCli(['PLANS.md'], { cwd: path.join(FIXTURES, 'cli/clean') });
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /No problems found/);
  });

  it('exits 1 when a finding is at error level', async () => {
    const run = await runCli(['plans/missing-section-PLAN.md'], { cwd: PROJECT });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /EP001/);
  });

  it('without paths checks plan files, registries and the lock file under the current folder, not other Markdown', async () => {
    const report = parseJsonReport(await runCli(['--format', 'json'], { cwd: PROJECT }));
    const paths = report.files.map((file) => file.path);
    assert.deepEqual(paths, ['.agent-locks.yaml', 'PLANS.md', 'plans/missing-section-PLAN.md']);
  });

  it('a folder is searched for every Markdown file; files that are not plans are counted, not reported', async () => {
    const run = await runCli(['.'], { cwd: PROJECT });
    assert.ok(!run.stdout.includes('docs/notes.md'), run.stdout);
    assert.match(run.stdout, /Checked 4 files: 1 plan, 1 registry, 1 lock file; skipped 1 not a plan\./);
  });

  it('a file named on the command line that is not a plan gets one quiet line, not an error', async () => {
    const run = await runCli(['docs/notes.md'], { cwd: PROJECT });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^docs\/notes\.md: not checked: not a plan \(/m);
  });

  it('globs are matched from their fixed folders', async () => {
    const report = parseJsonReport(await runCli(['--format', 'json', 'plans/*.md', '*.yaml'], { cwd: PROJECT }));
    assert.deepEqual(report.files.map((file) => file.path), ['.agent-locks.yaml', 'plans/missing-section-PLAN.md']);
  });

  it('--rule turns a rule off or changes its severity, by code or by name', async () => {
    const before = parseJsonReport(await runCli(['--format', 'json', 'plans/missing-section-PLAN.md'], { cwd: PROJECT }));
    assert.ok(before.files[0]!.messages.some((message) => message.ruleId === 'EP001'));
    for (const flag of ['EP001:off', 'required-section:off']) {
      const after = parseJsonReport(await runCli(['--format', 'json', '--rule', flag, 'plans/missing-section-PLAN.md'], { cwd: PROJECT }));
      assert.ok(!after.files[0]!.messages.some((message) => message.ruleId === 'EP001'), flag);
      assert.equal(after.summary.errors, before.summary.errors - 1, flag);
    }
    const downgraded = parseJsonReport(await runCli(['--format', 'json', '--rule', 'EP001:warning', '--rule', 'EP070=error', 'plans/missing-section-PLAN.md'], { cwd: PROJECT }));
    assert.equal(downgraded.files[0]!.messages.find((message) => message.ruleId === 'EP001')!.severity, 'warning');
  });

  it('--config uses the given file instead of looking for one', async () => {
    const report = parseJsonReport(await runCli(['--format', 'json', '--config', path.join(FIXTURES, 'cli/configs/required-section-off.json'), 'plans/missing-section-PLAN.md'], { cwd: PROJECT }));
    assert.ok(!report.files[0]!.messages.some((message) => message.ruleId === 'EP001'));
  });

  it('a configuration file found beside the plans applies, and --rule overrides it', async () => {
    const scratch = copyFixture('cli/project');
    try {
      writeFile(scratch, '.execplan.json', '{ "rules": { "EP001": "off" } }\n');
      const fromFile = parseJsonReport(await runCli(['--format', 'json', 'plans/missing-section-PLAN.md'], { cwd: scratch }));
      assert.ok(!fromFile.files[0]!.messages.some((message) => message.ruleId === 'EP001'));
      const overridden = parseJsonReport(await runCli(['--format', 'json', '--rule', 'EP001:error', 'plans/missing-section-PLAN.md'], { cwd: scratch }));
      assert.ok(overridden.files[0]!.messages.some((message) => message.ruleId === 'EP001'));
    } finally {
      removeScratch(scratch);
    }
  });

  it('--profile checks every plan with the named dialect', async () => {
    const report = parseJsonReport(await runCli(['--format', 'json', '--profile', 'openai', 'plans/missing-section-PLAN.md'], { cwd: PROJECT }));
    const required = report.files[0]!.messages.filter((message) => message.ruleId === 'EP001');
    assert.ok(required.length > 0);
    assert.ok(required.every((message) => /\(openai profile\)/.test(message.message)), JSON.stringify(required));
  });

  it('--quiet shows errors only and drops the notices about files that are not plans', async () => {
    const run = await runCli(['--quiet', 'plans/missing-section-PLAN.md', 'docs/notes.md'], { cwd: PROJECT });
    assert.equal(run.status, 1);
    assert.match(run.stdout, / error /);
    assert.ok(!/ (warning|hint|info) /.test(run.stdout), run.stdout);
    assert.ok(!run.stdout.includes('not checked'), run.stdout);
  });

  it('--max-warnings fails a run with more warnings than allowed, and passes one within it', async () => {
    const cwd = path.join(FIXTURES, 'cli/warnings');
    const plain = await runCli([], { cwd });
    assert.equal(plain.status, 0, 'warnings alone do not fail a run');
    const over = await runCli(['--max-warnings', '1'], { cwd });
    assert.equal(over.status, 1);
    assert.match(over.stderr, /2 warnings found, more than --max-warnings 1/);
    assert.equal((await runCli(['--max-warnings', '2'], { cwd })).status, 0);
  });

  it('checks registries against the plans on disk and the lock file against its rules', async () => {
    const registry = parseJsonReport(await runCli(['--format', 'json', 'PLANS.md'], { cwd: path.join(FIXTURES, 'workspace/registry') }));
    const codes = registry.files[0]!.messages.map((message) => message.ruleId);
    for (const code of ['EP070', 'EP071', 'EP072']) assert.ok(codes.includes(code), `${code} in ${codes.join(',')}`);
    const locks = parseJsonReport(await runCli(['--format', 'json', '.agent-locks.yaml'], { cwd: path.join(FIXTURES, 'workspace/locks/conflicts') }));
    assert.deepEqual([...new Set(locks.files[0]!.messages.map((message) => message.ruleId))].sort(), ['EP080', 'EP081', 'EP082', 'EP083']);
  });

  it('honours .gitignore and never reads node_modules or .git', async () => {
    const scratch = copyFixture('cli/project');
    try {
      writeFile(scratch, '.gitignore', 'generated/\n*.tmp.md\n');
      const stray = fs.readFileSync(path.join(PROJECT, 'plans/missing-section-PLAN.md'));
      for (const relative of ['generated/plans/old-PLAN.md', 'plans/draft.tmp.md', 'node_modules/pkg/PLAN.md', '.git/PLAN.md', 'docs/nested/keep/.gitignore']) {
        writeFile(scratch, relative, relative.endsWith('.gitignore') ? 'local-PLAN.md\n' : stray);
      }
      writeFile(scratch, 'docs/nested/keep/local-PLAN.md', stray);
      writeFile(scratch, 'docs/nested/keep/kept-PLAN.md', stray);
      const report = parseJsonReport(await runCli(['--format', 'json', '.'], { cwd: scratch }));
      const paths = report.files.map((file) => file.path);
      assert.deepEqual(
        paths.filter((file) => file.endsWith('.md')),
        ['PLANS.md', 'docs/nested/keep/kept-PLAN.md', 'docs/notes.md', 'plans/missing-section-PLAN.md'],
      );
    } finally {
      removeScratch(scratch);
    }
  });

  it('skips a file over the size limit with a message saying so', async () => {
    const scratch = copyFixture('cli/project');
    try {
      writeFile(scratch, 'plans/huge-PLAN.md', '# PLAN: Huge\n\n' + 'x'.repeat(5 * 1024 * 1024 + 1) + '\n');
      const run = await runCli(['plans/huge-PLAN.md'], { cwd: scratch });
      assert.equal(run.status, 0);
      assert.match(run.stdout, /plans\/huge-PLAN\.md: skipped: 5\.0 MB is over the 5\.0 MB size limit/);
      assert.match(run.stdout, /skipped 1 too large/);
    } finally {
      removeScratch(scratch);
    }
  });

  it('does not follow a symbolic link out of the folder it searches', async () => {
    const scratch = copyFixture('cli/project');
    const outside = copyFixture('cli/project');
    try {
      fs.symlinkSync(path.join(outside, 'plans'), path.join(scratch, 'linked-plans'));
      const run = await runCli(['--format', 'json', '.'], { cwd: scratch });
      const report = parseJsonReport(run);
      assert.ok(!report.files.some((file) => file.path.startsWith('linked-plans/')), JSON.stringify(report.files.map((file) => file.path)));
      assert.match(run.stderr, /skipped linked-plans: a symbolic link that leads out of the folder searched/);
    } finally {
      removeScratch(scratch);
      removeScratch(outside);
    }
  });

  it('gives the same output, sorted by path, on one thread and on worker threads', async () => {
    const scratch = copyFixture('cli/project');
    try {
      const plan = fs.readFileSync(path.join(PROJECT, 'plans/missing-section-PLAN.md'), 'utf8');
      // Names in an order unlike the sorted one, across folders, so a wrong order shows.
      for (let i = 0; i < 40; i++) writeFile(scratch, `plans/${String.fromCharCode(122 - (i % 26))}${i}/step-${(i * 7) % 40}-PLAN.md`, plan.replace('A plan without its Decision Log', `Step ${i}`));
      const single = await runCli(['--format', 'json', '--concurrency', 'off'], { cwd: scratch });
      const parallel = await runCli(['--format', 'json', '--concurrency', '3'], { cwd: scratch });
      assert.equal(single.status, 1);
      assert.equal(parallel.stdout, single.stdout);
      const paths = parseJsonReport(single).files.map((file) => file.path);
      assert.equal(paths.length, 43);
      assert.deepEqual(paths, [...paths].sort());
      const stylishSingle = await runCli(['--concurrency', '0'], { cwd: scratch });
      const stylishParallel = await runCli(['--concurrency', '4'], { cwd: scratch });
      assert.equal(stylishParallel.stdout, stylishSingle.stdout);
    } finally {
      removeScratch(scratch);
    }
  });

  it('prints no progress when stderr is not a terminal', async () => {
    const run = await runCli(['.'], { cwd: PROJECT });
    assert.equal(run.stderr, '');
  });

  // The corpus lives beside the repository in CI and on developer machines; there is nothing to check without it.
  if (fs.existsSync(CORPUS)) it('checks the shared corpus of real plans and prints a summary', async () => {
    const run = await runCli([CORPUS], { cwd: REPO_ROOT });
    assert.ok(run.status === 0 || run.status === 1, `status ${run.status}; stderr: ${run.stderr}`);
    assert.match(run.stdout, /Checked \d+ files: \d+ plans?, \d+ registr(y|ies), \d+ lock files?/);
  });
});
