import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT, makeScratch, removeScratch, runCli } from './cliProcess';

const PROJECT = path.join(FIXTURES, 'cli/project');

describe('execplan-lint: usage, version and bad input (exit status 2)', function () {
  this.timeout(60_000);

  it('--version prints the package version and exits 0', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const run = await runCli([flag], { cwd: PROJECT });
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), version);
    }
  });

  it('--help lists every option and the exit statuses, and exits 0', async () => {
    const run = await runCli(['--help'], { cwd: PROJECT });
    assert.equal(run.status, 0);
    for (const option of ['--format', '--fix', '--profile', '--config', '--rule', '--max-warnings', '--quiet', '--no-color', '--version', '--help', 'sarif']) {
      assert.ok(run.stdout.includes(option), `help mentions ${option}`);
    }
    assert.match(run.stdout, /Exit status: 0/);
  });

  const badUsage: Array<[string, string[], RegExp]> = [
    ['an unknown option', ['--frobnicate'], /frobnicate/],
    ['an unknown format', ['--format', 'xml'], /--format must be one of stylish, json, sarif/],
    ['a --rule without a severity', ['--rule', 'EP001'], /--rule "EP001" must look like/],
    ['a --rule naming no rule', ['--rule', 'EP999:off'], /no rule is called EP999/],
    ['a --rule with an unknown severity', ['--rule', 'EP001:loud'], /severity must be one of/],
    ['a --max-warnings that is not a number', ['--max-warnings', 'many'], /--max-warnings must be a whole number/],
    ['an unknown --profile', ['--profile', 'nope'], /--profile "nope" is not a known profile/],
    ['a --config file that does not exist', ['--config', 'missing.json'], /cannot read the configuration file .*missing\.json: ENOENT/],
    ['a --config file with problems', ['--config', path.join(FIXTURES, 'cli/configs/invalid.yaml')], /invalid\.yaml:1:10: `profile` must be one of/],
    ['a path that names nothing', ['no/such/PLAN.md'], /no file, folder or matching files for "no\/such\/PLAN\.md"/],
    ['a glob that matches nothing', ['plans/*.txt'], /no file, folder or matching files for "plans\/\*\.txt"/],
  ];
  for (const [what, args, message] of badUsage) {
    it(`exits 2 with a clear message on stderr for ${what}`, async () => {
      const run = await runCli(args, { cwd: PROJECT });
      assert.equal(run.status, 2, `stdout: ${run.stdout}\nstderr: ${run.stderr}`);
      assert.match(run.stderr, /^execplan-lint: /);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }

  it('exits 2 for a file it cannot read (a link to nowhere)', async () => {
    const scratch = makeScratch();
    try {
      fs.symlinkSync(path.join(scratch, 'gone.md'), path.join(scratch, 'dangling-PLAN.md'));
      const run = await runCli(['dangling-PLAN.md'], { cwd: scratch });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /dangling-PLAN\.md/);
    } finally {
      removeScratch(scratch);
    }
  });
});
