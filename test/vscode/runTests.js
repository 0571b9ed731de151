#!/usr/bin/env node
/**
 * `npm run test:vscode`: the extension-host suite (test/vscode/suite) in a real VS Code.
 *
 *   EXECPLAN_VSCODE_RUNNER=code-server  (default) VS Code Server from the npm registry, driven by
 *                                       Debian Chromium: works on machines without other network
 *                                       access (needs chromium, ripgrep, libkrb5-dev; see test/e2e/CI.md)
 *   EXECPLAN_VSCODE_RUNNER=electron     the desktop VS Code through @vscode/test-electron, which
 *                                       downloads VS Code (needs access to Microsoft's download servers
 *                                       and a display, e.g. xvfb-run)
 *
 * Expects dist/ to be built (the npm script builds first). The suite is bundled into
 * node_modules/.cache so that the extension host resolves mocha from the repository's node_modules.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');

const repoRoot = path.resolve(__dirname, '..', '..');
const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'e2e-workspace');
const bundle = path.join(repoRoot, 'node_modules', '.cache', 'execplan-vscode-tests', 'suite.js');

async function bundleSuite() {
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function runWithElectron(workspace, stateDir) {
  let testElectron;
  try {
    testElectron = require('@vscode/test-electron');
  } catch {
    throw new Error('@vscode/test-electron is not installed: npm install --save-dev @vscode/test-electron');
  }
  try {
    await testElectron.runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: bundle,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(stateDir, 'user-data')],
    });
    return 0;
  } catch (error) {
    console.error(`the desktop VS Code run failed (it downloads VS Code; use EXECPLAN_VSCODE_RUNNER=code-server where that is not possible): ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function runWithCodeServer(workspace, stateDir) {
  require('tsx/cjs'); // the code-server runner shares the TypeScript harness of test/e2e
  const { runInCodeServer } = require('./codeServerRunner.ts');
  return runInCodeServer({ extensionDevelopmentPath: repoRoot, extensionTestsPath: bundle, workspace, stateDir });
}

async function main() {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run `npm run build` first');
  await bundleSuite();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-vscode-'));
  const workspace = path.join(root, 'workspace');
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  const runner = (process.env.EXECPLAN_VSCODE_RUNNER || 'code-server').trim();
  console.log(`extension-host suite in ${runner === 'electron' ? 'the desktop VS Code' : 'VS Code Server (code-server)'}`);
  try {
    if (runner === 'electron') return await runWithElectron(workspace, path.join(root, 'state'));
    if (runner === 'code-server') return await runWithCodeServer(workspace, path.join(root, 'state'));
    throw new Error(`EXECPLAN_VSCODE_RUNNER must be code-server or electron, not ${runner}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    console.log(`extension-host suite ${code === 0 ? 'passed' : `failed (exit code ${code})`}`);
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
