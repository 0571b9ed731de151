import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, copyFixture, parseJsonReport, removeScratch, runCli, writeFile } from './cliProcess';

const PLAN = path.join(FIXTURES, 'cli/project/plans/missing-section-PLAN.md');

describe('execplan-lint --fix', function () {
  this.timeout(60_000);
  let scratch: string;
  beforeEach(() => {
    scratch = copyFixture('cli/project');
  });
  afterEach(() => removeScratch(scratch));

  it('writes the fixed plan, says what it fixed, and the fixed problem is gone', async () => {
    const file = path.join(scratch, 'plans/missing-section-PLAN.md');
    const run = await runCli(['--fix', 'plans/missing-section-PLAN.md'], { cwd: scratch });
    assert.match(run.stdout, /^plans\/missing-section-PLAN\.md: fixed \d+ problems?$/m);
    assert.match(run.stdout, /EP001 Insert section `## Decision Log`/);
    assert.match(fs.readFileSync(file, 'utf8'), /^## Decision Log$/m);
    const again = parseJsonReport(await runCli(['--format', 'json', 'plans/missing-section-PLAN.md'], { cwd: scratch }));
    assert.ok(!again.files[0]!.messages.some((message) => message.ruleId === 'EP001'));
  });

  it('keeps the byte order mark and CRLF line endings', async () => {
    const crlf = '\uFEFF' + fs.readFileSync(PLAN, 'utf8').replace(/\r?\n/g, '\r\n');
    const file = writeFile(scratch, 'plans/windows-PLAN.md', crlf);
    await runCli(['--fix', 'plans/windows-PLAN.md'], { cwd: scratch });
    const fixed = fs.readFileSync(file);
    assert.notEqual(fixed.toString('utf8'), crlf, 'the file was fixed');
    assert.deepEqual([...fixed.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = fixed.toString('utf8');
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF line endings');
    assert.match(text, /\r\n## Decision Log\r\n/);
  });

  it('does not touch files that need no fix', async () => {
    const registry = path.join(scratch, 'PLANS.md');
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(registry, past, past);
    const before = fs.readFileSync(registry);
    const run = await runCli(['--fix', 'PLANS.md'], { cwd: scratch });
    assert.equal(run.status, 0, run.stdout);
    assert.deepEqual(fs.readFileSync(registry), before);
    assert.equal(fs.statSync(registry).mtimeMs, past.getTime());
    assert.ok(!run.stdout.includes('fixed'), run.stdout);
  });

  it('reports the fixes in JSON and counts them in the summary', async () => {
    const report = parseJsonReport(await runCli(['--fix', '--format', 'json', 'plans/missing-section-PLAN.md'], { cwd: scratch }));
    assert.ok((report.files[0]!.fixesApplied ?? []).some((title) => title.startsWith('EP001 ')));
    assert.ok((report.summary as unknown as { fixesApplied: number }).fixesApplied >= 1);
  });
});
