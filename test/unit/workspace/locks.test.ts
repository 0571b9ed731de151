import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintLockFile, MAX_LOCK_FILE_CHARS } from '../../../server/src/core/workspace/index';
import { scopeEscape, scopesOverlap } from '../../../server/src/core/workspace/lockPaths';
import { expectedByLine, foundByLine } from './expectations';

const ROOT = path.resolve(__dirname, '../../fixtures/workspace/locks');
const read = (relative: string): string => fs.readFileSync(path.join(ROOT, relative, '.agent-locks.yaml'), 'utf8');
const NOW = new Date('2026-03-02T12:00:00Z');

describe('the lock file (EP080-EP083)', () => {
  it('finds nothing in a well-formed lock file whose locks are current and apart', () => {
    assert.deepEqual(lintLockFile({ text: read('clean'), now: NOW }).findings, []);
  });

  it('reports exactly the lines the fixture marks: schema, expiry, overlap, escapes', () => {
    const text = read('conflicts');
    assert.deepEqual(foundByLine(lintLockFile({ text, now: NOW }).findings), expectedByLine(text));
  });

  it('names both owners and the earlier line when scopes overlap', () => {
    const overlap = lintLockFile({ text: read('conflicts'), now: NOW }).findings.filter((finding) => finding.ruleId === 'EP082');
    assert.match(overlap[0]!.message, /`src\/\*\*\/\*\.tsx` held by `backend-agent` overlaps `src\/components\/\*\*` held by `frontend-agent` \(line 8\)/);
  });

  it('uses the injected clock: a lock is expired only once its time has passed', () => {
    const before = lintLockFile({ text: read('conflicts'), now: new Date('2026-03-02T08:30:00Z') }).findings;
    assert.equal(before.filter((finding) => finding.ruleId === 'EP081').length, 0);
    const after = lintLockFile({ text: read('clean'), now: new Date('2026-03-02T14:00:00Z') }).findings;
    assert.deepEqual(after.map((finding) => finding.ruleId), ['EP081', 'EP081']);
  });

  it('counts `..` from where the lock file sits in the repository', () => {
    const text = read('nested/deeper');
    assert.deepEqual(foundByLine(lintLockFile({ text, now: NOW, depthBelowRoot: 2 }).findings), expectedByLine(text));
    const atRoot = lintLockFile({ text, now: NOW, depthBelowRoot: 0 }).findings.filter((finding) => finding.ruleId === 'EP083');
    assert.equal(atRoot.length, 2);
  });

  it('refuses an alias bomb with one clear finding instead of expanding it', () => {
    const { findings, lockFile } = lintLockFile({ text: read('alias-bomb'), now: NOW });
    assert.equal(lockFile.readable, false);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ruleId, 'EP080');
    assert.match(findings[0]!.message, /aliases/);
  });

  it('reports a huge lock file without parsing it', () => {
    const entry = '  - owner: agent\n    scope:\n      paths: ["src/**"]\n    acquired_at: 2026-03-02T10:00:00Z\n    expires_at: 2026-03-02T13:00:00Z\n';
    const text = 'version: 1\nlocks:\n' + entry.repeat(Math.ceil((MAX_LOCK_FILE_CHARS + 1) / entry.length));
    const started = Date.now();
    const { findings } = lintLockFile({ text, now: NOW });
    assert.ok(Date.now() - started < 5000, 'a huge lock file must not hang the check');
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /not read/);
  });

  it('reports deep nesting and YAML that is not a mapping', () => {
    const deep = 'version: 1\nlocks: ' + '['.repeat(40) + ']'.repeat(40) + '\n';
    assert.match(lintLockFile({ text: deep, now: NOW }).findings[0]!.message, /nests deeper/);
    const notMapping = lintLockFile({ text: read('not-a-mapping'), now: NOW }).findings;
    assert.equal(notMapping.length, 1);
    assert.match(notMapping[0]!.message, /must be a mapping/);
  });

  it('reports broken YAML at the place it breaks', () => {
    const findings = lintLockFile({ text: 'version: 1\nlocks:\n  - owner: "unclosed\n', now: NOW }).findings;
    assert.equal(findings[0]!.ruleId, 'EP080');
    assert.match(findings[0]!.message, /^Lock file YAML:/);
    assert.ok(findings[0]!.range.start.line >= 2);
  });

  it('can be configured off rule by rule', () => {
    const findings = lintLockFile({ text: read('conflicts'), now: NOW, config: { rules: { EP082: 'off', 'lock-outside-repo': 'off' } } }).findings;
    assert.ok(!findings.some((finding) => finding.ruleId === 'EP082' || finding.ruleId === 'EP083'));
    assert.ok(findings.some((finding) => finding.ruleId === 'EP081'));
  });
});

describe('lock scopes', () => {
  const overlapping: Array<[string, string]> = [
    ['src/**', 'src/a/b.ts'],
    ['src/components/**', 'src/**/*.tsx'],
    ['src/*.ts', 'src/index.ts'],
    ['src/', 'src/lib/x.ts'],
    ['src/lib', 'src/lib/x.ts'],
    ['docs/{api,guides}/**', 'docs/guides/intro.md'],
    ['**/*.md', 'docs/readme.md'],
    ['a*/x', 'ab*/x'],
    ['./src/**', 'src/a.ts'],
  ];
  const apart: Array<[string, string]> = [
    ['src/components/**', 'src/api/**'],
    ['src/*.ts', 'src/lib/x.ts'],
    ['docs/{api,guides}/**', 'docs/intro.md'],
    ['*.md', 'docs/readme.md'],
    ['a*.ts', 'b*.ts'],
  ];
  for (const [a, b] of overlapping) {
    it(`${a} and ${b} overlap (both ways)`, () => {
      assert.equal(scopesOverlap(a, b), true);
      assert.equal(scopesOverlap(b, a), true);
    });
  }
  for (const [a, b] of apart) {
    it(`${a} and ${b} do not overlap`, () => {
      assert.equal(scopesOverlap(a, b), false);
      assert.equal(scopesOverlap(b, a), false);
    });
  }
  it('tells the ways a scope leaves the repository', () => {
    assert.equal(scopeEscape('/etc/hosts', 0), 'absolute');
    assert.equal(scopeEscape('C:\\Users\\x', 0), 'absolute');
    assert.equal(scopeEscape('~/notes', 0), 'home');
    assert.equal(scopeEscape('src/../../x', 0), 'parent');
    assert.equal(scopeEscape('src/../lib/x', 0), undefined);
    assert.equal(scopeEscape('../x', 1), undefined);
  });
});
