import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkFiles } from '../../../server/src/workspace/walker';

function write(root: string, relative: string, text = '# x\n'): void {
  fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  fs.writeFileSync(path.join(root, relative), text);
}

async function walk(root: string, options: { maxFiles?: number } = {}): Promise<string[]> {
  const result = await walkFiles({ root, include: (relative) => relative.endsWith('.md'), ...options });
  return result.files.map((file) => path.relative(root, file).split(path.sep).join('/'));
}

describe('the workspace walker', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-walk-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('returns files sorted by path, honouring nested .gitignore files and negations', async () => {
    write(root, '.gitignore', 'build/\n*.draft.md\n!keep.draft.md\n');
    for (const file of ['z.md', 'a/b.md', 'build/out.md', 'notes.draft.md', 'keep.draft.md', 'docs/.gitignore', 'docs/private/x.md', 'docs/public/y.md']) {
      write(root, file, file.endsWith('.gitignore') ? 'private/\n' : '# x\n');
    }
    assert.deepEqual(await walk(root), ['a/b.md', 'docs/public/y.md', 'keep.draft.md', 'z.md']);
  });

  it('reads the .gitignore files above the folder, up to the top of the repository', async () => {
    fs.mkdirSync(path.join(root, '.git'));
    write(root, '.gitignore', 'packages/app/generated/\n');
    write(root, 'packages/app/generated/old.md');
    write(root, 'packages/app/src.md');
    assert.deepEqual(await walk(path.join(root, 'packages/app')), ['src.md']);
  });

  it('never enters node_modules or .git', async () => {
    write(root, 'node_modules/pkg/readme.md');
    write(root, '.git/info.md');
    write(root, 'plan.md');
    assert.deepEqual(await walk(root), ['plan.md']);
  });

  it('reads linked files inside the folder, never enters linked folders, never follows links that leave it', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-walk-outside-'));
    try {
      write(outside, 'secret.md');
      write(root, 'real/plan.md');
      fs.symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
      fs.symlinkSync(root, path.join(root, 'real/loop'));
      fs.symlinkSync(outside, path.join(root, 'escape'));
      fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'secret-link.md'));
      fs.symlinkSync(path.join(root, 'real/plan.md'), path.join(root, 'plan-link.md'));
      const result = await walkFiles({ root, include: (relative) => relative.endsWith('.md') });
      const files = result.files.map((file) => path.relative(root, file).split(path.sep).join('/'));
      assert.deepEqual(files, ['plan-link.md', 'real/plan.md']);
      assert.deepEqual([...result.skippedLinks].sort(), ['escape', 'secret-link.md']);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('stops at the file cap and says the result was cut short', async () => {
    for (let i = 0; i < 10; i++) write(root, `p${i}.md`);
    const result = await walkFiles({ root, include: () => true, maxFiles: 4 });
    assert.equal(result.files.length, 4);
    assert.equal(result.truncated, true);
  });

  it('stops when cancelled', async () => {
    for (let i = 0; i < 5; i++) write(root, `d${i}/p.md`);
    const result = await walkFiles({ root, include: () => true, isCancelled: () => true });
    assert.equal(result.cancelled, true);
    assert.equal(result.files.length, 0);
  });
});
