import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT, makeScratch, removeScratch } from './cliProcess';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * `npx execplan-lint` from the packed npm tarball: the package's files must hold the bin script and a
 * self-contained bundle. The tarball is unpacked where npm would install it and linked the way npm
 * links a bin, with no network and no other package present.
 */
describe('execplan-lint from the packed npm tarball', function () {
  this.timeout(180_000);
  let scratch: string;
  before(() => {
    scratch = makeScratch('execplan-pack-');
  });
  after(() => removeScratch(scratch));

  it('runs with npx after unpacking the tarball into node_modules', () => {
    const packed = execFileSync(NPM, ['pack', '--silent', '--pack-destination', scratch], { cwd: REPO_ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    const tarball = path.join(scratch, packed);
    assert.ok(fs.existsSync(tarball), `npm pack wrote ${tarball}`);
    const app = path.join(scratch, 'app');
    const installed = path.join(app, 'node_modules/execplan');
    fs.mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
    fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    fs.mkdirSync(path.join(app, 'node_modules/.bin'));
    fs.symlinkSync('../execplan/bin/execplan-lint.js', path.join(app, 'node_modules/.bin/execplan-lint'));
    fs.chmodSync(path.join(installed, 'bin/execplan-lint.js'), 0o755);

    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const env = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', NO_COLOR: '1' };
    assert.equal(execFileSync(NPX, ['--no-install', 'execplan-lint', '--version'], { cwd: app, env, encoding: 'utf8' }).trim(), version);

    fs.cpSync(path.join(FIXTURES, 'cli/clean'), path.join(app, 'project'), { recursive: true });
    const output = execFileSync(NPX, ['--no-install', 'execplan-lint', 'project/PLANS.md'], { cwd: app, env, encoding: 'utf8' });
    assert.match(output, /No problems found/);
  });
});
