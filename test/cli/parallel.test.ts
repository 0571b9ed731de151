import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, copyFixture, parseJsonReport, removeScratch, runCli, writeFile } from './cliProcess';
import { threadCount } from '../../server/src/cli/workerPool';

const PLAN = fs.readFileSync(path.join(FIXTURES, 'cli/project/plans/missing-section-PLAN.md'), 'utf8');

describe('execplan-lint on several threads', function () {
  this.timeout(120_000);

  describe('how many threads check files', () => {
    it('the main thread alone for small runs, whatever the machine', () => {
      assert.equal(threadCount(undefined, 199, 16), 1);
    });

    it('one per core for large runs, the main thread among them, so a two-core machine checks on both cores', () => {
      assert.equal(threadCount(undefined, 2000, 2), 2);
      assert.equal(threadCount(undefined, 2000, 4), 4);
      assert.equal(threadCount(undefined, 2000, 1), 1);
    });

    it('at most eight, and not more than the files can keep busy', () => {
      assert.equal(threadCount(undefined, 100_000, 64), 8);
      assert.equal(threadCount(undefined, 200, 64), 4);
    });

    it('the number asked for with --concurrency, where 0 and 1 both mean the main thread alone', () => {
      assert.equal(threadCount(3, 10, 1), 3);
      assert.equal(threadCount(0, 5000, 8), 1);
      assert.equal(threadCount(1, 5000, 8), 1);
    });
  });

  it('gives the same output and exit status on its own threads as on one thread, with a configuration file per folder', async () => {
    const scratch = copyFixture('cli/project');
    try {
      // Enough plans for the automatic choice to use workers, spread over folders so the tail of
      // the run and the order of results across batches are both exercised.
      for (let i = 0; i < 230; i++) writeFile(scratch, `plans/team-${i % 7}/${String((i * 37) % 230).padStart(3, '0')}-PLAN.md`, PLAN.replace('A plan without its Decision Log', `Step ${i}`));
      // One folder turns the missing-section rule off; only its plans may lose that finding.
      writeFile(scratch, 'plans/team-3/.execplan.json', '{ "rules": { "EP001": "off" } }\n');

      const single = await runCli(['--format', 'json', '--concurrency', 'off'], { cwd: scratch });
      const automatic = await runCli(['--format', 'json'], { cwd: scratch });
      const twoWorkers = await runCli(['--format', 'json', '--concurrency', '2'], { cwd: scratch });
      assert.equal(single.status, 1);
      assert.equal(automatic.status, single.status);
      assert.equal(twoWorkers.status, single.status);
      assert.equal(automatic.stdout, single.stdout);
      assert.equal(twoWorkers.stdout, single.stdout);
      assert.equal(automatic.stderr, '');

      const report = parseJsonReport(single);
      assert.equal(report.summary.plans, 231);
      for (const file of report.files.filter((each) => each.kind === 'plan')) {
        const hasRequiredSection = file.messages.some((message) => message.ruleId === 'EP001');
        assert.equal(hasRequiredSection, !file.path.startsWith('plans/team-3/'), file.path);
      }

      const stylishSingle = await runCli(['--concurrency', 'off'], { cwd: scratch });
      const stylishAutomatic = await runCli([], { cwd: scratch });
      assert.equal(stylishAutomatic.stdout, stylishSingle.stdout);
    } finally {
      removeScratch(scratch);
    }
  });

  it('stops with status 2 on a broken configuration file in one folder, on threads as on one thread', async () => {
    const scratch = copyFixture('cli/project');
    try {
      for (let i = 0; i < 210; i++) writeFile(scratch, `plans/team-${i % 3}/${i}-PLAN.md`, PLAN);
      writeFile(scratch, 'plans/team-2/.execplan.json', '{ "rules": { "EP001": "sometimes" } }\n');
      const single = await runCli(['--concurrency', 'off'], { cwd: scratch });
      const automatic = await runCli([], { cwd: scratch });
      assert.equal(single.status, 2);
      assert.equal(automatic.status, 2);
      assert.equal(automatic.stderr, single.stderr);
      assert.match(automatic.stderr, /team-2\/\.execplan\.json/);
    } finally {
      removeScratch(scratch);
    }
  });
});
