/**
 * A self-check of the end-to-end harness, run by hand:   npx tsx test/e2e/editor/smoke.ts
 *
 * Prepares the editor (cached), packs a throwaway extension into a .vsix, installs it into a fresh
 * code-server, opens a temporary folder in Chromium and checks, as a person would see it: the
 * extension's status bar text, a command run from the palette writing a file, quick open, typing,
 * the Problems count, a hover and saving. It then stops everything and checks no process is left.
 * Set EXECPLAN_E2E_KEEP=1 to keep the temporary folder.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  goToLine,
  hoverAt,
  openFile,
  openWorkbench,
  problemsCount,
  problemsPanelRows,
  runCommand,
  saveActiveEditor,
  screenshot,
  statusBarTexts,
  typeInEditor,
  visibleEditorLines,
  waitForNotification,
  waitForProblems,
  waitForStatusBarText,
  type Workbench,
} from './browser';
import { extensionHostLog, installExtension, startCodeServer, type RunningCodeServer } from './codeServer';
import { prepareEditor } from './prepareEditor';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const WRITTEN_FILE = 'e2e-smoke.txt';
const WRITTEN_TEXT = 'written by the E2E smoke command\n';

const EXTENSION_JS = `'use strict';
const vscode = require('vscode');

function activate(context) {
  const item = vscode.window.createStatusBarItem('e2eSmoke.status', vscode.StatusBarAlignment.Left, 100);
  item.text = 'E2E-SMOKE';
  item.show();

  const diagnostics = vscode.languages.createDiagnosticCollection('e2e-smoke');
  const check = (document) => {
    const found = [];
    for (let line = 0; line < document.lineCount; line++) {
      const column = document.lineAt(line).text.indexOf('BAD');
      if (column >= 0) {
        const range = new vscode.Range(line, column, line, column + 3);
        found.push(new vscode.Diagnostic(range, 'E2E smoke: BAD found', vscode.DiagnosticSeverity.Error));
      }
    }
    diagnostics.set(document.uri, found);
  };
  vscode.workspace.textDocuments.forEach(check);

  context.subscriptions.push(
    item,
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((event) => check(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.delete(document.uri)),
    vscode.commands.registerCommand('e2eSmoke.writeFile', async () => {
      const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
      if (!folder) throw new Error('no workspace folder');
      const target = vscode.Uri.joinPath(folder.uri, ${JSON.stringify(WRITTEN_FILE)});
      await vscode.workspace.fs.writeFile(target, Buffer.from(${JSON.stringify(WRITTEN_TEXT)}, 'utf8'));
      vscode.window.showInformationMessage('E2E smoke wrote ${WRITTEN_FILE}');
    }),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
`;

/** Writes the throwaway extension and packs it with vsce; returns the .vsix path. */
async function buildSmokeExtension(dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'e2e-smoke',
    displayName: 'E2E Smoke',
    description: 'A throwaway extension that checks the end-to-end harness.',
    version: '0.0.1',
    publisher: 'execplan-e2e',
    license: 'MIT',
    repository: { type: 'git', url: 'https://example.invalid/e2e-smoke.git' },
    engines: { vscode: '^1.90.0' },
    main: './extension.js',
    activationEvents: ['onStartupFinished'],
    contributes: {
      commands: [{ command: 'e2eSmoke.writeFile', title: 'Write File', category: 'E2E Smoke' }],
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'extension.js'), EXTENSION_JS);
  fs.writeFileSync(path.join(dir, 'README.md'), '# E2E Smoke\n\nChecks the end-to-end test harness.\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT License\n\nPermission is hereby granted, free of charge, to use this throwaway test extension.\n');

  const vscePackage = require.resolve('@vscode/vsce/package.json', { paths: [repoRoot] });
  const vsceBin = path.join(path.dirname(vscePackage), 'vsce');
  const vsix = path.join(dir, 'e2e-smoke-0.0.1.vsix');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vsceBin, 'package', '--no-dependencies', '--out', vsix], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && fs.existsSync(vsix) ? resolve() : reject(new Error(`vsce package failed (exit ${code}):\n${output}`))));
  });
  return vsix;
}

/** Processes whose command line mentions the text (other than this one). */
function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (commandLine.includes(text)) found.push(`${entry} ${commandLine.slice(0, 160)}`);
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      if (Date.now() > deadline) throw new Error(`${file} was not written within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  let passed = 0;
  let failed = 0;
  const ok = (what: string): void => {
    passed++;
    console.log(`  ok  ${what}  (${elapsed()})`);
  };

  await prepareEditor();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-e2e-smoke-'));
  const folder = path.join(root, 'workspace');
  const dirs = { userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') };
  fs.mkdirSync(path.join(folder, 'docs', 'notes'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'other'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'docs', 'notes', 'PLAN.md'), '# Plan in docs/notes\n');
  fs.writeFileSync(path.join(folder, 'other', 'PLAN.md'), '# Plan in other\n');

  let server: RunningCodeServer | undefined;
  let workbench: Workbench | undefined;
  try {
    const vsix = await buildSmokeExtension(path.join(root, 'extension'));
    ok(`packed ${path.basename(vsix)}`);
    await installExtension(vsix, dirs);
    ok('installed it with --install-extension');
    server = await startCodeServer({ folder, ...dirs });
    ok(`code-server serves ${server.url}`);
    workbench = await openWorkbench(server.url, folder);
    const { page } = workbench;
    ok('workbench loaded in Chromium');

    await waitForStatusBarText(page, 'E2E-SMOKE');
    ok(`status bar shows E2E-SMOKE: ${JSON.stringify(await statusBarTexts(page))}`);

    await runCommand(page, 'E2E Smoke: Write File');
    const written = await waitForFile(path.join(folder, WRITTEN_FILE), 15_000);
    if (written !== WRITTEN_TEXT) throw new Error(`unexpected content: ${JSON.stringify(written)}`);
    ok(`the palette command wrote ${WRITTEN_FILE}`);
    await waitForNotification(page, `E2E smoke wrote ${WRITTEN_FILE}`);
    ok('its notification is shown');

    await openFile(page, 'docs/notes/PLAN.md');
    const planLines = await visibleEditorLines(page);
    if (planLines[0] !== '# Plan in docs/notes') throw new Error(`quick open opened the wrong file: ${JSON.stringify(planLines)}`);
    ok('quick open picks docs/notes/PLAN.md over other/PLAN.md');

    await openFile(page, WRITTEN_FILE);
    const before = await problemsCount(page);
    if (before.errors !== 0) throw new Error(`expected no errors yet, got ${JSON.stringify(before)}`);
    await goToLine(page, 2, 1);
    await typeInEditor(page, 'a BAD line');
    const after = await waitForProblems(page, (counts) => counts.errors === 1);
    ok(`typing made one error: ${JSON.stringify(after)}`);
    const hover = await hoverAt(page, 2, 4);
    if (!hover.includes('E2E smoke: BAD found')) throw new Error(`hover shows ${JSON.stringify(hover)}`);
    ok(`hover shows the diagnostic: ${JSON.stringify(hover.split('\n')[0])}`);
    await page.keyboard.press('Escape');
    const mouseHover = await hoverAt(page, 2, 4, { mouse: true });
    if (!mouseHover.includes('E2E smoke: BAD found')) throw new Error(`mouse hover shows ${JSON.stringify(mouseHover)}`);
    ok('the mouse hover shows it too');
    await page.keyboard.press('Escape');
    const rows = await problemsPanelRows(page);
    if (!rows.some((row) => row.includes('E2E smoke: BAD found'))) throw new Error(`Problems panel shows ${JSON.stringify(rows)}`);
    ok(`Problems panel lists it: ${JSON.stringify(rows)}`);
    await openFile(page, WRITTEN_FILE);
    await saveActiveEditor(page);
    const saved = fs.readFileSync(path.join(folder, WRITTEN_FILE), 'utf8');
    if (saved !== `${WRITTEN_TEXT}a BAD line`) throw new Error(`saved content: ${JSON.stringify(saved)}`);
    ok('Ctrl+S saved the typed text to disk');

    const shot = await screenshot(page, 'smoke');
    ok(`screenshot ${path.relative(repoRoot, shot)}`);
  } catch (error) {
    failed++;
    console.error(`  FAILED  ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    if (workbench) {
      const shot = await screenshot(workbench.page, 'smoke-failure').catch(() => undefined);
      if (shot) console.error(`  screenshot: ${shot}`);
      if (workbench.consoleErrors.length) console.error(`  browser console errors:\n${workbench.consoleErrors.slice(-10).join('\n')}`);
    }
    if (server) console.error(`  code-server output (tail):\n${server.output().split('\n').slice(-20).join('\n')}`);
    console.error(`  extension host log:\n${extensionHostLog(dirs.userDataDir) || '(none)'}`);
  } finally {
    await workbench?.close();
    await server?.stop();
  }

  const leftovers = [...processesMentioning(root), ...(workbench ? processesMentioning(workbench.profileDir) : [])];
  if (leftovers.length) {
    failed++;
    console.error(`  FAILED  processes left behind:\n${leftovers.join('\n')}`);
  } else {
    ok('no process left behind');
  }
  if (process.env.EXECPLAN_E2E_KEEP === '1') console.log(`  kept ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
  console.log(`smoke: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
