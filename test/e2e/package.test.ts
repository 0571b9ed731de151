/**
 * The packaged extension (`npm run package`, which npm run test:e2e runs first) holds what the editor
 * loads and nothing else: no sources, tests, source maps or node_modules; every file the manifest
 * names is in it; it stays small.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipEntries } from './support/zipEntries';
import { repoRoot, vsixPath } from './support/vsix';

/** A bound with room for the features still to come; today's package is about a third of it. */
const MAX_VSIX_BYTES = 1024 * 1024;

/** vsce writes these three under lower-case or .txt names. */
const RENAMED: Record<string, string> = {
  'README.md': 'readme.md',
  'CHANGELOG.md': 'changelog.md',
  LICENSE: 'LICENSE.txt',
};

const REQUIRED = ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/client.js', 'dist/server.js', 'images/icon.png'];
const ALLOWED = [/^package\.json$/, /^readme\.md$/, /^changelog\.md$/, /^LICENSE\.txt$/, /^dist\/(client|server)\.js$/, /^images\/icon\.png$/, /^snippets\/[^/]+\.code-snippets$/, /^syntaxes\/[^/]+\.json$/, /^schemas\/[^/]+\.json$/];
const VSIX_METADATA = ['[Content_Types].xml', 'extension.vsixmanifest'];

interface Manifest {
  main: string;
  icon: string;
  contributes: {
    snippets?: { path: string }[];
    grammars?: { path: string }[];
    jsonValidation?: { url: string }[];
    yamlValidation?: { url: string }[];
  };
}

function normalize(relative: string): string {
  return path.posix.normalize(relative.replace(/^\.\//, ''));
}

describe('the packaged .vsix', function () {
  let vsix: string;
  let files: string[];

  before(function () {
    vsix = vsixPath();
    const entries = zipEntries(vsix).map((entry) => entry.name);
    for (const metadata of VSIX_METADATA) assert.ok(entries.includes(metadata), `${metadata} is missing`);
    files = entries.filter((name) => !VSIX_METADATA.includes(name)).map((name) => {
      assert.ok(name.startsWith('extension/'), `${name} is outside extension/`);
      return name.slice('extension/'.length);
    }).sort();
    console.log(`      ${path.basename(vsix)}: ${fs.statSync(vsix).size} bytes, ${files.length} files: ${files.join(', ')}`);
  });

  it('holds the manifest, README, CHANGELOG, LICENSE, both bundles and the icon', function () {
    for (const required of REQUIRED) assert.ok(files.includes(required), `${required} is not in the package`);
  });

  it('holds nothing but the bundles, snippets, grammars, schemas, icon and documents', function () {
    const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
    assert.deepEqual(unexpected, [], 'files that do not belong in the package');
  });

  it('holds every file its manifest names (main, icon, snippets, grammars, schemas)', function () {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
    const named = [
      manifest.main,
      manifest.icon,
      ...(manifest.contributes.snippets ?? []).map((entry) => entry.path),
      ...(manifest.contributes.grammars ?? []).map((entry) => entry.path),
      ...[...(manifest.contributes.jsonValidation ?? []), ...(manifest.contributes.yamlValidation ?? [])]
        .map((entry) => entry.url)
        .filter((url) => !/^[a-z]+:/i.test(url)),
    ].map(normalize);
    const missing = [...new Set(named)].filter((file) => !files.includes(file));
    assert.deepEqual(missing, [], 'files the manifest names but the package lacks');
  });

  it(`stays under ${MAX_VSIX_BYTES / 1024} KiB`, function () {
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_VSIX_BYTES, `${path.basename(vsix)} is ${size} bytes`);
  });

  it('has a 128x128 PNG icon', function () {
    const icon = fs.readFileSync(path.join(repoRoot, 'images', 'icon.png'));
    assert.equal(icon.toString('latin1', 1, 4), 'PNG');
    // The IHDR chunk right after the 8-byte signature holds the width and height.
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  });

  it('lists the same files with `vsce ls` as it holds', function () {
    const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [repoRoot] })), 'vsce');
    const result = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(result.status, 0, `vsce ls failed:\n${result.stdout}${result.stderr}`);
    const listed = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean).map((file) => RENAMED[file] ?? file).sort();
    assert.deepEqual(listed, files);
  });
});
