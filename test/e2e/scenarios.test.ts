/**
 * The extension in a real VS Code (code-server in Chromium), driven as a person drives it: the
 * keyboard, the command palette, the light bulb, the Outline view. Each scenario prints what it saw.
 *
 * Runs after `npm run package` (npm run test:e2e does both). Screenshots of failures go to
 * test-results/e2e/; with EXECPLAN_E2E_UPDATE_DOCS=1 the two README pictures in docs/images/ are
 * refreshed from this run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  goToLine,
  hoverAt,
  notificationTexts,
  openFile,
  problemsPanelRows,
  problemsCount,
  runCommand,
  saveActiveEditor,
  screenshot,
  setEditorText,
  statusBarTexts,
  typeInEditor,
  visibleEditorLines,
  waitForNotification,
  waitForProblems,
  waitForStatusBarText,
} from './editor/browser';
import {
  acceptSuggestion,
  closeAllEditors,
  closePanel,
  openQuickFixMenu,
  outlineLabels,
  pickQuickFix,
  problemsPanelRowsForFile,
  statusBarItemId,
  waitForEditorLine,
  waitForErrorSquiggle,
  waitForStatusBarItemGone,
} from './editor/workbench';
import type { Page } from 'playwright-core';
import { extensionsDirOf, installedServerScript, killServerProcess, serverProcesses, waitForServerProcesses } from './support/serverProcess';
import { startSession, type EditorSession } from './support/session';
import { ssotStandardTemplate } from './support/snippets';
import { repoRoot } from './support/vsix';

/** Each scenario's own file, copied from a fixture before the editor starts. */
const FILES = {
  problems: 'plans/01-problems-PLAN.md',
  status: 'plans/02-status-PLAN.md',
  quickFix: 'plans/03-quick-fix-PLAN.md',
  bump: 'plans/04-bump-PLAN.md',
  snippet: 'plans/05-snippet-PLAN.md',
  outline: 'plans/06-outline-PLAN.md',
  notAPlanFirst: 'plans/07-plan-before-readme-PLAN.md',
  notAPlan: 'README.md',
  serverRestart: 'plans/08-server-restart-PLAN.md',
  serverGivesUp: 'plans/09-server-gives-up-PLAN.md',
} as const;

const COPIES: Record<string, string | null> = {
  [FILES.problems]: 'plans/with-problems-PLAN.md',
  [FILES.status]: 'plans/tracked-PLAN.md',
  [FILES.quickFix]: 'plans/missing-section-PLAN.md',
  [FILES.bump]: 'plans/tracked-PLAN.md',
  [FILES.snippet]: null,
  [FILES.outline]: 'plans/tracked-PLAN.md',
  [FILES.notAPlanFirst]: 'plans/tracked-PLAN.md',
  [FILES.serverRestart]: 'plans/with-problems-PLAN.md',
  [FILES.serverGivesUp]: 'plans/with-problems-PLAN.md',
};

const DOCS_IMAGES = path.join(repoRoot, 'docs', 'images');

const print = (line: string): void => console.log(`      ${line}`);
const checked = (line: string): void => print(`checked: ${line}`);

/** The 1-based number of the first line of the file that starts with the text. */
function lineStartingWith(file: string, start: string): number {
  const index = fs.readFileSync(file, 'utf8').split('\n').findIndex((line) => line.startsWith(start));
  if (index < 0) throw new Error(`${file} has no line starting with ${JSON.stringify(start)}`);
  return index + 1;
}

/** Waits until the Problems panel's rows for the file satisfy the check; returns them. */
async function waitForPanelRows(page: Page, file: string, check: (rows: string[]) => boolean, timeoutMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await problemsPanelRowsForFile(page, path.basename(file));
    if (check(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`the Problems panel shows for ${path.basename(file)}: ${JSON.stringify(rows)}`);
    await page.waitForTimeout(200);
  }
}

/**
 * The file's text on disk once it satisfies the check: a save from the browser reaches the disk
 * through the server a moment after the editor shows the file as saved.
 */
async function waitForFileText(file: string, check: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (check(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The section the server-fault scenarios delete (and put back) to change a plan's problems. */
const PLAN_OF_WORK = '## Plan of Work\n\nRead the header, then map each column to a ledger field.\n\n';
const PLAN_OF_WORK_MISSING = 'Missing required section `## Plan of Work`';

/**
 * Whether the Problems rows are those of the whole plan with `## Plan of Work` missing or not: not
 * those of the empty document an edit that replaces the text passes through (every section missing).
 */
function rowsOfPlan(rows: string[], planOfWorkMissing: boolean): boolean {
  return (
    rows.some((row) => row.includes('Missing required section `## Decision Log`')) &&
    !rows.some((row) => row.includes('Missing required section `## Purpose / Big Picture`')) &&
    rows.some((row) => row.includes(PLAN_OF_WORK_MISSING)) === planOfWorkMissing
  );
}

/** The plan's text with its `## Plan of Work` section deleted. */
function withoutPlanOfWork(text: string): string {
  if (!text.includes(PLAN_OF_WORK)) throw new Error('the plan has no ## Plan of Work section as expected');
  return text.replace(PLAN_OF_WORK, '');
}

function updatedField(text: string): string | undefined {
  return /^updated:\s*(.+?)\s*$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, '');
}

/** Keeps a picture for the README when asked to (the run's copy stays in test-results/e2e/). */
function keepForDocs(shot: string, name: string): void {
  if (process.env.EXECPLAN_E2E_UPDATE_DOCS !== '1') return;
  fs.mkdirSync(DOCS_IMAGES, { recursive: true });
  fs.copyFileSync(shot, path.join(DOCS_IMAGES, name));
  print(`README picture updated: docs/images/${name}`);
}

describe('ExecPlan Tools in a real VS Code (code-server + Chromium)', function () {
  this.timeout(120_000);
  let session: EditorSession;
  let passed = 0;
  let failed = 0;

  before(async function () {
    this.timeout(900_000); // a cold cache builds the editor first
    session = await startSession(COPIES, print);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'passed') passed++;
    else if (test?.state === 'failed') {
      failed++;
      const shot = await screenshot(session.page, `failure-${test.title}`).catch(() => undefined);
      if (shot) print(`failure screenshot: ${path.relative(repoRoot, shot)}`);
      print(`status bar: ${JSON.stringify(await statusBarTexts(session.page).catch(() => []))}`);
      print(`notifications: ${JSON.stringify(await notificationTexts(session.page).catch(() => []))}`);
      print(`Problems panel: ${JSON.stringify((await problemsPanelRows(session.page).catch(() => [] as string[])).slice(0, 12))}`);
      const logFile = path.join(path.dirname(shot ?? path.join(repoRoot, 'test-results', 'e2e', 'x')), `failure-${test.title.replace(/[^\w.-]+/g, '-')}.log`);
      fs.writeFileSync(logFile, session.logs());
      print(`extension host and output logs: ${path.relative(repoRoot, logFile)}`);
    }
    await closePanel(session.page).catch(() => undefined);
    await closeAllEditors(session.page);
  });

  after(async function () {
    await session?.stop();
    console.log(`e2e: ${passed} passed, ${failed} failed`);
  });

  it('1. a plan with problems shows them in Problems and in the squiggle hover', async function () {
    const { page } = session;
    await openFile(page, FILES.problems);
    const planted = ['Missing required section `## Decision Log`', 'Missing required section `## Outcomes & Retrospective`'];
    const rows = await waitForPanelRows(page, FILES.problems, (found) => planted.every((text) => found.some((row) => row.includes(text))));
    checked(`Problems panel: ${JSON.stringify(rows)}`);
    // Only this file is open, so the status bar's counts are this file's: one per problem row.
    const counts = await problemsCount(page);
    assert.ok(counts.errors >= planted.length, `Problems count ${JSON.stringify(counts)}`);
    assert.equal(counts.errors + counts.warnings + counts.infos, rows.length - 1, `Problems count ${JSON.stringify(counts)} against the rows`);
    assert.match(rows[0]!, new RegExp(`^${rows.length - 1} problems? in file 01-problems-PLAN\\.md`));
    checked(`Problems count in the status bar: ${JSON.stringify(counts)}`);
    await waitForErrorSquiggle(page);
    const titleLine = lineStartingWith(session.file(FILES.problems), '# PLAN:');
    const hover = await hoverAt(page, titleLine, 4, { mouse: true });
    assert.match(hover, /Missing required section `## Decision Log`/);
    assert.match(hover, /EP001/);
    checked(`hover over the squiggle on line ${titleLine}: ${JSON.stringify(hover.split('\n').slice(0, 3).join(' | '))}`);
    const shot = await screenshot(page, 'readme-problems');
    keepForDocs(shot, 'problems-and-status.png');
    await page.keyboard.press('Escape');
  });

  it('2. the status bar shows the plan status and follows an edit of the Status line', async function () {
    const { page } = session;
    await openFile(page, FILES.status);
    const before = await waitForStatusBarText(page, 'IN_PROGRESS');
    checked(`status bar item for the plan: ${JSON.stringify(before)}`);
    const statusLine = lineStartingWith(session.file(FILES.status), 'Status: IN_PROGRESS');
    await goToLine(page, statusLine, 'Status: '.length + 1);
    await page.keyboard.press('Shift+End');
    await typeInEditor(page, 'BLOCKED');
    await waitForEditorLine(page, 'Status: BLOCKED');
    const after = await waitForStatusBarText(page, 'BLOCKED');
    assert.ok(!(await statusBarTexts(page)).some((text) => text.includes('IN_PROGRESS')), 'IN_PROGRESS is still shown');
    checked(`after typing "Status: BLOCKED" on line ${statusLine} the item reads ${JSON.stringify(after)}`);
  });

  it('3. the quick fix from Ctrl+. inserts the missing section and the problem goes away', async function () {
    const { page } = session;
    await openFile(page, FILES.quickFix);
    const missing = 'Missing required section `## Decision Log`';
    const before = await waitForPanelRows(page, FILES.quickFix, (found) => found.some((row) => row.includes(missing)));
    const errorsBefore = (await problemsCount(page)).errors;
    checked(`before: ${errorsBefore} error(s); Problems lists ${JSON.stringify(before)}`);
    await closePanel(page);
    const titleLine = lineStartingWith(session.file(FILES.quickFix), '# PLAN:');
    await goToLine(page, titleLine, 3);
    const offered = await openQuickFixMenu(page);
    checked(`Ctrl+. on the squiggle offers ${JSON.stringify(offered)}`);
    await pickQuickFix(page, 'Insert section `## Decision Log`');
    const counts = await waitForProblems(page, (found) => found.errors === errorsBefore - 1);
    const after = await problemsPanelRowsForFile(page, path.basename(FILES.quickFix));
    assert.ok(!after.some((row) => row.includes(missing)), `Problems still lists it: ${JSON.stringify(after)}`);
    checked(`after the fix: ${JSON.stringify(counts)}; Problems lists ${JSON.stringify(after)}`);
    await closePanel(page);
    await saveActiveEditor(page);
    const text = await waitForFileText(session.file(FILES.quickFix), (saved) => saved.includes('\n## Decision Log\n'));
    const decisionLog = text.indexOf('\n## Decision Log\n');
    assert.ok(decisionLog > 0, 'the saved file has no ## Decision Log');
    assert.ok(decisionLog < text.indexOf('\n## Outcomes & Retrospective\n'), 'the section is not before ## Outcomes & Retrospective');
    const headingLine = text.slice(0, decisionLog + 1).split('\n').length;
    await goToLine(page, headingLine, 1);
    assert.ok((await visibleEditorLines(page)).includes('## Decision Log'), 'the editor does not show ## Decision Log');
    checked(`## Decision Log inserted at line ${headingLine}, before ## Outcomes & Retrospective, and saved`);
  });

  it('4. ExecPlan: Bump Updated from the command palette changes updated: on disk after save', async function () {
    const { page } = session;
    const file = session.file(FILES.bump);
    const before = updatedField(fs.readFileSync(file, 'utf8'));
    assert.equal(before, '2026-03-02T11:30:00Z');
    await openFile(page, FILES.bump);
    await waitForStatusBarText(page, 'IN_PROGRESS');
    const started = Date.now();
    await runCommand(page, 'ExecPlan: Bump Updated');
    const shown = await waitForEditorLine(page, new RegExp(`^updated: (?!${before}$)`));
    checked(`after the command the editor shows ${JSON.stringify(shown)}`);
    await saveActiveEditor(page);
    const after = updatedField(await waitForFileText(file, (saved) => updatedField(saved) !== before));
    assert.ok(after && after !== before, `updated: is still ${after}`);
    const when = Date.parse(after);
    assert.ok(!Number.isNaN(when), `updated: ${after} is not a date`);
    // Written to the second (or minute): allow for the rounding and a little clock drift.
    assert.ok(when >= started - 61_000 && when <= Date.now() + 61_000, `updated: ${after} is not now`);
    checked(`updated: on disk went from ${before} to ${after}`);
  });

  it('5. a snippet typed by its prefix expands into a plan template that has no problems', async function () {
    const { page } = session;
    const template = ssotStandardTemplate();
    checked(`the ssot Standard template is the snippet "${template.name}" with prefix "${template.prefix}"`);
    await openFile(page, FILES.snippet);
    // An empty file named like a plan is checked as one: it is missing every section.
    const empty = await waitForProblems(page, (found) => found.errors > 0);
    checked(`the empty plan has problems: ${JSON.stringify(empty)}`);
    await typeInEditor(page, template.prefix);
    await acceptSuggestion(page, template.prefix);
    await page.keyboard.press('Escape'); // leave the snippet's tab stops as they are
    const counts = await waitForProblems(page, (found) => found.errors === 0 && found.warnings === 0 && found.infos === 0);
    checked(`after expanding it the Problems count is ${JSON.stringify(counts)}`);
    await saveActiveEditor(page);
    const text = await waitForFileText(session.file(FILES.snippet), (saved) => saved.includes('\n## '));
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    assert.ok(headings.length >= 8, `the expanded template has only ${headings.length} sections`);
    assert.ok(!text.split('\n').includes(template.prefix), 'the prefix is still in the file as typed');
    checked(`the saved file has ${text.split('\n').length} lines and ${headings.length} sections`);
  });

  it('6. the Outline view lists the Next Action first', async function () {
    const { page } = session;
    await openFile(page, FILES.outline);
    const labels = await outlineLabels(page);
    checked(`Outline rows: ${JSON.stringify(labels.slice(0, 6))}`);
    assert.equal(labels[0], 'Next Action: Add the CSV writer for the totals row.');
    // For the picture only: fold the file tree so the Outline gets the side bar's height.
    const folders = page.locator('.part.sidebar .pane-header', { hasText: /^\s*workspace\s*$/i }).first();
    const folded = await folders.click({ timeout: 3_000 }).then(() => true, () => false);
    await page.locator('.part.sidebar .monaco-list-row', { hasText: path.basename(FILES.problems) }).waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
    const shot = await screenshot(page, 'readme-outline');
    keepForDocs(shot, 'outline-next-action.png');
    if (folded) await folders.click();
  });

  it('7. a Markdown file that is not a plan gets no diagnostics and no status item', async function () {
    const { page } = session;
    await openFile(page, FILES.notAPlanFirst);
    const itemId = await statusBarItemId(page, 'IN_PROGRESS');
    checked(`a plan shows the status item (id ${itemId})`);
    await openFile(page, FILES.notAPlan);
    await waitForStatusBarItemGone(page, itemId);
    checked(`README.md hides it; the status bar shows ${JSON.stringify(await statusBarTexts(page))}`);
    const rows = await problemsPanelRowsForFile(page, 'README.md');
    assert.deepEqual(rows, [], `Problems lists for README.md: ${JSON.stringify(rows)}`);
    assert.equal(await page.locator('.editor-group-container.active .monaco-editor .squiggly-error, .editor-group-container.active .monaco-editor .squiggly-warning, .editor-group-container.active .monaco-editor .squiggly-info').count(), 0, 'README.md shows squiggles');
    checked('the Problems panel lists nothing for README.md and its editor shows no squiggle');
  });

  it('8. the server killed mid-session is restarted and diagnostics return', async function () {
    const { page } = session;
    const script = installedServerScript(extensionsDirOf(session.folder));
    await openFile(page, FILES.serverRestart);
    const planted = ['Missing required section `## Decision Log`', 'Missing required section `## Outcomes & Retrospective`'];
    await waitForPanelRows(page, FILES.serverRestart, (found) => planted.every((text) => found.some((row) => row.includes(text))));
    await closePanel(page);
    const before = await waitForProblems(page, (found) => found.errors >= planted.length);
    const [first, ...others] = await waitForServerProcesses(script, (found) => found.length > 0, 'server process');
    assert.deepEqual(others, [], `more than one server process: ${JSON.stringify([first, ...others])}`);
    checked(`before: Problems count ${JSON.stringify(before)}; one server process, pid ${first!.pid}: ${first!.commandLine}`);
    await killServerProcess(script, first!.pid);
    checked(`pid ${first!.pid} killed with SIGKILL and gone`);
    // The old server is dead, so only a new one can see this edit and report the section missing.
    await setEditorText(page, withoutPlanOfWork(fs.readFileSync(session.file(FILES.serverRestart), 'utf8')));
    const rows = await waitForPanelRows(page, FILES.serverRestart, (found) => rowsOfPlan(found, true), 30_000);
    await closePanel(page);
    const after = await waitForProblems(page, (found) => found.errors === before.errors + 1);
    checked(`after deleting ## Plan of Work: Problems count ${JSON.stringify(after)}; Problems lists ${JSON.stringify(rows.map((row) => row.split(' (')[0]))}`);
    const now = serverProcesses(script);
    assert.equal(now.length, 1, `server processes after the restart: ${JSON.stringify(now)}`);
    assert.notEqual(now[0]!.pid, first!.pid, 'the server has the pid of the killed one');
    checked(`a new server process runs: pid ${now[0]!.pid} (was ${first!.pid})`);
    print(`notifications: ${JSON.stringify(await notificationTexts(page))}`);
  });

  // Last: it leaves the extension without a language server.
  it('9. after repeated crashes the server stops with a clear message and leaves no process', async function () {
    this.timeout(180_000);
    const { page } = session;
    const script = installedServerScript(extensionsDirOf(session.folder));
    const file = session.file(FILES.serverGivesUp);
    const original = fs.readFileSync(file, 'utf8');
    const giveUp = /crash[\s\S]*restart/i;
    await openFile(page, FILES.serverGivesUp);
    const killed: number[] = [];
    let message: string | undefined;
    for (let round = 1; round <= 8 && message === undefined; round++) {
      const [server] = await waitForServerProcesses(script, (found) => found.length === 1 && !killed.includes(found[0]!.pid), 'new server process');
      // Before killing it, make sure this server has started and answers: it must see an edit
      // (delete the section in odd rounds, put it back in even ones) and report the plan's problems.
      const missing = round % 2 === 1;
      await setEditorText(page, missing ? withoutPlanOfWork(original) : original);
      await waitForPanelRows(page, FILES.serverGivesUp, (found) => rowsOfPlan(found, missing), 30_000);
      await closePanel(page);
      await killServerProcess(script, server!.pid);
      killed.push(server!.pid);
      // Then either the client starts a new server or it gives up and says so.
      const deadline = Date.now() + 20_000;
      for (;;) {
        message = (await notificationTexts(page)).find((text) => giveUp.test(text));
        if (message !== undefined || serverProcesses(script).some((found) => !killed.includes(found.pid))) break;
        if (Date.now() > deadline) throw new Error(`after killing pid ${server!.pid} no new server started and no notification says why: ${JSON.stringify(await notificationTexts(page))}`);
        await page.waitForTimeout(200);
      }
      checked(`round ${round}: killed server pid ${server!.pid} after it answered; ${message === undefined ? 'a new server started' : 'no new server'}`);
    }
    assert.ok(message !== undefined, `the client never gave up after killing ${JSON.stringify(killed)}`);
    const shown = await waitForNotification(page, giveUp);
    checked(`notification: ${JSON.stringify(shown)}`);
    await page.waitForTimeout(4_000);
    const left = serverProcesses(script);
    assert.deepEqual(left, [], `server processes left: ${JSON.stringify(left)}`);
    checked(`4 s later no server.js process of this code-server runs (killed ${killed.length} in this scenario: ${killed.join(', ')})`);
  });
});
