import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { FIXTURES, REPO_ROOT, parseJsonReport, runCli } from './cliProcess';

const PROJECT = path.join(FIXTURES, 'cli/project');
const SARIF_SCHEMA_PATH = path.join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** The published SARIF 2.1.0 schema is written in draft-04 (its keywords read the same under Ajv's default draft) and has one pattern that is valid only without the regular expressions' `u` flag. */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  delete schema['$schema'];
  schema['$id'] = schema['id'];
  delete schema['id'];
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('execplan-lint output formats', function () {
  this.timeout(60_000);

  it('stylish: one block per file with line:column, severity, message and rule code, then a summary', async () => {
    const run = await runCli([], { cwd: PROJECT });
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n');
    const header = lines.indexOf('plans/missing-section-PLAN.md');
    assert.ok(header >= 0, run.stdout);
    assert.match(run.stdout, /\n {2}\d+:\d+ +error +Missing required section `## Decision Log`.* {2}EP001\n/);
    assert.match(run.stdout, /✖ \d+ problems? \(\d+ errors?, \d+ warnings?/);
    assert.match(run.stdout, /Checked 3 files: 1 plan, 1 registry, 1 lock file\./);
  });

  it('json: every file with its kind, counts and 1-based positions, and a summary that adds up', async () => {
    const run = await runCli(['--format', 'json'], { cwd: PROJECT });
    assert.equal(run.status, 1);
    const report = parseJsonReport(run);
    assert.deepEqual(report.files.map((file) => [file.path, file.kind]), [
      ['.agent-locks.yaml', 'lock'],
      ['PLANS.md', 'registry'],
      ['plans/missing-section-PLAN.md', 'plan'],
    ]);
    const plan = report.files[2]!;
    const missing = plan.messages.find((message) => message.ruleId === 'EP001')!;
    const text = fs.readFileSync(path.join(PROJECT, 'plans/missing-section-PLAN.md'), 'utf8').split('\n');
    assert.ok(missing.line >= 1 && missing.line <= text.length);
    assert.equal(report.summary.errors, report.files.reduce((sum, file) => sum + file.errorCount, 0));
    assert.equal(report.summary.files, 3);
  });

  it('sarif: a SARIF 2.1.0 log that the published schema accepts', async () => {
    const run = await runCli(['--format', 'sarif', '.', path.join(FIXTURES, 'workspace/locks/conflicts/.agent-locks.yaml')], { cwd: PROJECT });
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as Record<string, any>;
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0', runs: [{ results: [] }] }), false, 'the validator rejects a run without a tool');
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log['version'], '2.1.0');
  });

  it('sarif: rules carry their page and default level; results point at relative files with 1-based regions', async () => {
    const run = await runCli(['--format', 'sarif'], { cwd: PROJECT });
    const sarifRun = (JSON.parse(run.stdout) as { runs: any[] }).runs[0];
    const rules = sarifRun.tool.driver.rules as Array<{ id: string; name: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }>;
    const required = rules.find((rule) => rule.id === 'EP001')!;
    assert.equal(required.name, 'required-section');
    assert.match(required.helpUri, /docs\/rules\/EP001\.md$/);
    assert.equal(required.defaultConfiguration.level, 'error');
    for (const id of ['EP070', 'EP071', 'EP072', 'EP080', 'EP081', 'EP082', 'EP083']) assert.ok(rules.some((rule) => rule.id === id), `${id} is described`);
    const result = (sarifRun.results as any[]).find((item) => item.ruleId === 'EP001');
    assert.equal(rules[result.ruleIndex]!.id, 'EP001');
    assert.equal(result.level, 'error');
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'plans/missing-section-PLAN.md');
    assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
    const jsonRun = parseJsonReport(await runCli(['--format', 'json'], { cwd: PROJECT }));
    const sameFinding = jsonRun.files[2]!.messages.find((message) => message.ruleId === 'EP001')!;
    assert.equal(location.region.startLine, sameFinding.line);
    assert.equal(location.region.startColumn, sameFinding.column);
  });

  it('colours stylish output only when asked or on a terminal, and never with NO_COLOR or --no-color', async () => {
    const escape = '\u001b[';
    assert.ok(!(await runCli([], { cwd: PROJECT })).stdout.includes(escape), 'plain when stdout is not a terminal');
    assert.ok((await runCli(['--color'], { cwd: PROJECT })).stdout.includes(escape), '--color forces colour');
    assert.ok((await runCli([], { cwd: PROJECT, env: { FORCE_COLOR: '1' } })).stdout.includes(escape), 'FORCE_COLOR forces colour');
    assert.ok(!(await runCli(['--no-color'], { cwd: PROJECT, env: { FORCE_COLOR: '1' } })).stdout.includes(escape), '--no-color wins');
    assert.ok(!(await runCli([], { cwd: PROJECT, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout.includes(escape), 'NO_COLOR wins over FORCE_COLOR');
  });
});
