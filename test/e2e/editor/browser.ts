/**
 * Driving the VS Code web workbench (served by code-server, see codeServer.ts) in Debian's Chromium
 * through playwright-core, as a person would: keyboard shortcuts, the command palette, quick open.
 *
 * The selectors are those of VS Code 1.100 (code-server 4.100.3).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { chromiumPath } from './prepareEditor';

/** Chromium flags for this machine: no sandbox as root, no GPU, and no traffic to outside hosts. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export interface Workbench {
  context: BrowserContext;
  page: Page;
  /** The address that was opened. */
  url: string;
  /** Chromium's temporary profile folder (removed by close()). */
  profileDir: string;
  /** Errors the page printed to its console (for diagnostics; VS Code prints some harmless ones). */
  consoleErrors: string[];
  /** Closes Chromium and removes its profile. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** How long to wait for the workbench (default 60 s). */
  timeoutMs?: number;
  viewport?: { width: number; height: number };
  /** Run with a window (needs a display, e.g. Xvfb). */
  headed?: boolean;
  /** More query parameters for the workbench address (e.g. extensionTestsPath). */
  query?: Record<string, string>;
  /** Called with the page before the workbench is loaded (e.g. to expose functions to it). */
  beforeLoad?: (page: Page) => Promise<void>;
}

const COMMAND_PALETTE_PLACEHOLDER = 'Type the name of a command to run.';
const QUICK_OPEN_PLACEHOLDER_START = 'Search files by name';

/** The root of the repository (this file is test/e2e/editor/browser.ts). */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Where screenshots go: `test-results/e2e/` in the repository, or env EXECPLAN_E2E_RESULTS. */
export function resultsDir(): string {
  return path.resolve(process.env.EXECPLAN_E2E_RESULTS?.trim() || path.join(repoRoot, 'test-results', 'e2e'));
}

/**
 * Starts headless Chromium with a fresh profile, opens `url/?folder=FOLDER` and waits until the
 * workbench shows its editor area and status bar with the Problems item.
 */
export async function openWorkbench(url: string, folder: string, options: OpenOptions = {}): Promise<Workbench> {
  const timeout = options.timeoutMs ?? 60_000;
  if (!fs.existsSync(chromiumPath())) {
    throw new Error(`Chromium not found at ${chromiumPath()}: apt-get install -y chromium (or set EXECPLAN_E2E_CHROMIUM)`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: !options.headed,
      args: [...CHROMIUM_ARGS],
      viewport: options.viewport ?? { width: 1400, height: 900 },
      timeout,
    });
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    const target = new URL(url);
    target.pathname = '/';
    target.searchParams.set('folder', path.resolve(folder));
    for (const [key, value] of Object.entries(options.query ?? {})) target.searchParams.set(key, value);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: target.origin }).catch(() => undefined);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await options.beforeLoad?.(page);
    await page.goto(target.toString(), { timeout });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
    await problemsItem(page).waitFor({ state: 'visible', timeout });
    return { context, page, url: target.toString(), profileDir: profile, consoleErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Quick input (command palette, quick open, go to line)

function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

function quickInputBox(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

function quickInputRows(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function visibleRowLabels(page: Page): Promise<string[]> {
  return (await quickInputRows(page).locator('.label-name').allInnerTexts()).map((text) => text.trim());
}

/** Picks a quick-input row: Enter when it has the focus, a click otherwise. */
async function pickRow(page: Page, row: Locator): Promise<void> {
  const focused = ((await row.getAttribute('class')) ?? '').split(/\s+/).includes('focused');
  if (focused) await page.keyboard.press('Enter');
  else await row.click();
}

async function openCommandPalette(page: Page): Promise<void> {
  const input = page.locator(`.quick-input-widget input[placeholder="${COMMAND_PALETTE_PLACEHOLDER}"]`);
  // F1 opens it as Ctrl+Shift+P does; if a quick input or a widget swallows the first key, try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  await input.waitFor({ state: 'visible', timeout: 5_000 });
}

/**
 * Runs a command from the command palette by its full title as the palette shows it
 * (for example `E2E Smoke: Write File`): F1, type the title, pick the row with exactly that label.
 * Resolves once the palette has closed (or given way to a quick pick the command opened).
 */
export async function runCommand(page: Page, title: string, options: { timeoutMs?: number } = {}): Promise<void> {
  const timeout = options.timeoutMs ?? 15_000;
  await openCommandPalette(page);
  await quickInputBox(page).fill(`>${title}`);
  const row = quickInputRows(page)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }) })
    .first();
  try {
    await row.waitFor({ state: 'visible', timeout });
  } catch {
    const shown = await visibleRowLabels(page);
    await page.keyboard.press('Escape');
    throw new Error(`command "${title}" is not in the command palette; it shows: ${JSON.stringify(shown)}`);
  }
  await pickRow(page, row);
  await page
    .locator(`.quick-input-widget input[placeholder="${COMMAND_PALETTE_PLACEHOLDER}"]`)
    .waitFor({ state: 'hidden', timeout });
}

/**
 * Opens a workspace file with quick open (Ctrl+P), given its path relative to the workspace folder,
 * and waits until its editor is active and focused.
 */
export async function openFile(page: Page, relativePath: string, options: { timeoutMs?: number } = {}): Promise<void> {
  const timeout = options.timeoutMs ?? 20_000;
  const normalized = relativePath.split(path.sep).join('/').replace(/^\.\//, '');
  const base = path.posix.basename(normalized);
  const dir = path.posix.dirname(normalized);
  const input = page.locator(`.quick-input-widget input[placeholder^="${QUICK_OPEN_PLACEHOLDER_START}"]`);
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(normalized);
  // A row's label is the file name and its description the folder (empty at the top level).
  let row = quickInputRows(page).filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(base)}\\s*$`) }),
  });
  if (dir !== '.') {
    row = row.filter({ has: page.locator('.label-description', { hasText: new RegExp(`(^|/)${escapeRegExp(dir)}\\s*$`) }) });
  }
  try {
    await row.first().waitFor({ state: 'visible', timeout });
  } catch {
    const shown = await visibleRowLabels(page);
    await page.keyboard.press('Escape');
    throw new Error(`quick open did not offer "${normalized}"; it shows: ${JSON.stringify(shown)}`);
  }
  await pickRow(page, row.first());
  await input.waitFor({ state: 'hidden', timeout });
  await activeTab(page, base).waitFor({ state: 'visible', timeout });
  await activeEditorInput(page).waitFor({ state: 'attached', timeout });
  await focusEditor(page);
}

function activeTab(page: Page, fileName: string): Locator {
  return page
    .locator('.editor-group-container.active .tabs-container .tab.active')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(fileName)}\\s*$`) }) });
}

function activeEditorInput(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor textarea.inputarea').first();
}

/** Puts the keyboard focus into the active text editor (without moving its cursor). */
export async function focusEditor(page: Page): Promise<void> {
  const inputArea = activeEditorInput(page);
  await inputArea.waitFor({ state: 'attached' });
  await inputArea.focus();
}

/**
 * Types into the active editor key by key, as a person would (`\n` presses Enter). The quiet user
 * settings of codeServer.ts turn off auto-closing, auto-indent and suggestions, so what is typed is
 * what lands in the document.
 */
export async function typeInEditor(page: Page, text: string, options: { delayMs?: number } = {}): Promise<void> {
  await focusEditor(page);
  await page.keyboard.type(text, { delay: options.delayMs ?? 0 });
}

/** Inserts text into the active editor at the cursor in one input event, like a paste (fast for long text). */
export async function insertInEditor(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.insertText(text);
}

/** Replaces the whole text of the active editor. */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.insertText(text);
}

/** The visible lines of the active editor, top to bottom (only what is rendered on screen). */
export async function visibleEditorLines(page: Page): Promise<string[]> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  const withTop = await lines.evaluateAll((elements: any[]) =>
    elements.map((element) => ({ top: parseFloat(element.style.top || '0'), text: String(element.textContent ?? '') })),
  );
  return withTop.sort((a, b) => a.top - b.top).map((line) => line.text.replace(/\u00a0/g, ' '));
}

/** Saves the active editor (Ctrl+S) and waits until its tab is no longer marked as modified. */
export async function saveActiveEditor(page: Page): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+S');
  await page.locator('.editor-group-container.active .tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
}

/** Moves the cursor of the active editor to a 1-based line and column (Ctrl+G). */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  const input = quickInputBox(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
  await page
    .locator('.part.statusbar .statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${column}\\b`) })
    .waitFor({ state: 'visible', timeout: 5_000 })
    .catch(() => undefined); // the item is absent when the editor status is hidden; the move happened anyway
  await focusEditor(page);
}

/**
 * Shows the hover at a 1-based line and column of the active editor and returns its text. By default
 * the hover is opened from the keyboard (Ctrl+K Ctrl+I) at the cursor, which does not depend on
 * pixels; with `mouse: true` the mouse is moved over that character instead, as a person would.
 */
export async function hoverAt(page: Page, line: number, column: number, options: { mouse?: boolean; timeoutMs?: number } = {}): Promise<string> {
  const timeout = options.timeoutMs ?? 10_000;
  await goToLine(page, line, column);
  if (options.mouse) {
    const cursor = page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first();
    const box = await cursor.boundingBox();
    if (!box) throw new Error('no cursor in the active editor');
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
  } else {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
  }
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
  await hover.waitFor({ state: 'visible', timeout });
  // The content is filled in as hover providers answer: wait until it stops changing.
  let previous = '';
  for (let i = 0; i < 20; i++) {
    const text = (await hover.innerText()).trim();
    if (text && text === previous) return text;
    previous = text;
    await page.waitForTimeout(100);
  }
  return previous;
}

/** Closes a hover, a suggestion list or a quick input that is open. */
export async function dismiss(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}

// ---------------------------------------------------------------------------------------------------
// Status bar, Problems, notifications

/** The texts of the visible status bar items, left to right (icons left out). */
export async function statusBarTexts(page: Page): Promise<string[]> {
  const texts = await page.locator('.part.statusbar .statusbar-item').allInnerTexts();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text.length > 0);
}

/** A locator for the status bar item that shows this text (a substring, or a regular expression). */
export function statusBarItem(page: Page, text: string | RegExp): Locator {
  return page.locator('.part.statusbar .statusbar-item', { hasText: text });
}

/** Waits until a status bar item shows the text; resolves to its full text. */
export async function waitForStatusBarText(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const item = statusBarItem(page, text).first();
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await item.innerText()).replace(/\s+/g, ' ').trim();
}

function problemsItem(page: Page): Locator {
  return page.locator('.part.statusbar [id="status.problems"]');
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * The problem counts of the whole workspace, read from the status bar's Problems item
 * (an error icon and its count, a warning icon and its count, and an info icon and count when shown).
 */
export async function problemsCount(page: Page): Promise<ProblemCounts> {
  const item = problemsItem(page);
  await item.waitFor({ state: 'visible' });
  return item.evaluate((element: any) => {
    const counts = { errors: 0, warnings: 0, infos: 0 };
    const label = element.querySelector('.statusbar-item-label') ?? element;
    let current: 'errors' | 'warnings' | 'infos' | undefined;
    for (const node of Array.from(label.childNodes) as any[]) {
      const classes = String(node.className ?? '');
      if (node.nodeType === 1 && classes.includes('codicon-error')) current = 'errors';
      else if (node.nodeType === 1 && classes.includes('codicon-warning')) current = 'warnings';
      else if (node.nodeType === 1 && classes.includes('codicon-info')) current = 'infos';
      else if (current) {
        const digits = /\d+/.exec(String(node.textContent ?? ''));
        if (digits) {
          counts[current] = Number(digits[0]);
          current = undefined;
        }
      }
    }
    return counts;
  });
}

/** Waits until the Problems counts satisfy the check (e.g. `(c) => c.errors === 2`); returns them. */
export async function waitForProblems(page: Page, check: (counts: ProblemCounts) => boolean, timeoutMs = 20_000): Promise<ProblemCounts> {
  const deadline = Date.now() + timeoutMs;
  let counts = await problemsCount(page);
  while (!check(counts)) {
    if (Date.now() > deadline) throw new Error(`Problems counts stayed at ${JSON.stringify(counts)}`);
    await page.waitForTimeout(100);
    counts = await problemsCount(page);
  }
  return counts;
}

/**
 * Opens the Problems panel (Ctrl+Shift+M) and returns its rows as screen readers get them, files and
 * problems alike, top to bottom (only the rows rendered: a long list is virtual). Focus stays in the panel.
 */
export async function problemsPanelRows(page: Page): Promise<string[]> {
  const panel = page.locator('.part.panel .markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible' });
  }
  const rows = panel.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  const labels = await rows.evaluateAll((elements: any[]) =>
    elements
      .map((element) => ({ index: Number(element.getAttribute('data-index') ?? 0), label: String(element.getAttribute('aria-label') ?? element.textContent ?? '') }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.label.trim()),
  );
  return labels.filter((label) => label.length > 0);
}

/** The messages of the notification toasts on screen. */
export async function notificationTexts(page: Page): Promise<string[]> {
  const texts = await page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
  return texts.map((text) => text.trim()).filter((text) => text.length > 0);
}

/** Waits until a notification toast shows the text; resolves to its message. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const message = page.locator('.notifications-toasts .notification-toast .notification-list-item-message', { hasText: text }).first();
  await message.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await message.innerText()).trim();
}

// ---------------------------------------------------------------------------------------------------
// Screenshots

/** Saves a PNG of the whole window to `test-results/e2e/<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = resultsDir();
  fs.mkdirSync(dir, { recursive: true });
  const safe = name.replace(/\.png$/i, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  const file = path.join(dir, `${safe}.png`);
  await page.screenshot({ path: file });
  return file;
}
