/**
 * More of what a person does in the workbench, on top of browser.ts: closing editors, reading the
 * Problems panel for one file, the light bulb's quick fixes, the suggestion list and the Outline view.
 *
 * The selectors are those of VS Code 1.100 (code-server 4.100.3).
 */
import type { Locator, Page } from 'playwright-core';
import { focusEditor, problemsPanelRows, runCommand, visibleEditorLines } from './browser';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function openTabs(page: Page): Locator {
  return page.locator('.part.editor .tabs-container .tab');
}

/**
 * Closes every editor, throwing away unsaved changes, so the next scenario starts from an empty
 * editor area (Close All would stop at a "Save changes?" dialog for a modified file).
 */
export async function closeAllEditors(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await openTabs(page).count()) === 0) return;
    await runCommand(page, 'View: Revert and Close Editor');
  }
  throw new Error(`editors stayed open: ${JSON.stringify(await openTabs(page).allInnerTexts())}`);
}

/**
 * The Problems panel's rows for one file: its header row ("N problems in file NAME ...") and the
 * problem rows under it, up to the next file's header. Empty when the panel lists nothing for it.
 */
export async function problemsPanelRowsForFile(page: Page, fileName: string): Promise<string[]> {
  const rows = await problemsPanelRows(page);
  const header = new RegExp(`problems? in file ${escapeRegExp(fileName)}\\b`);
  const anyHeader = /problems? in file /;
  const start = rows.findIndex((row) => header.test(row));
  if (start < 0) return [];
  const end = rows.findIndex((row, index) => index > start && anyHeader.test(row));
  return rows.slice(start, end < 0 ? rows.length : end);
}

/** Closes the bottom panel (Problems, Output...) if it is open, giving the editor its room back. */
export async function closePanel(page: Page): Promise<void> {
  if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Hide Panel');
}

/**
 * Opens the quick-fix menu at the cursor with Ctrl+. (what the light bulb opens) and returns the
 * titles it offers.
 */
export async function openQuickFixMenu(page: Page, timeoutMs = 10_000): Promise<string[]> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  // With nothing to offer the editor says so in a small message at the cursor instead.
  const nothing = page.locator('.monaco-editor-overlaymessage', { hasText: /code actions/i });
  // On a loaded machine the first Ctrl+. has, rarely, answered "No code actions available" while
  // the squiggle was showing; a person presses it again, and so does this helper, once, saying so.
  for (let attempt = 1; ; attempt++) {
    await focusEditor(page);
    await page.keyboard.press('Control+.');
    await rows.first().or(nothing.first()).waitFor({ state: 'visible', timeout: timeoutMs });
    if (!(await nothing.first().isVisible())) break;
    const message = (await nothing.first().innerText()).trim();
    if (attempt >= 2) throw new Error(`Ctrl+. shows "${message}" twice`);
    console.log(`      note: the first Ctrl+. showed "${message}"; pressing it again`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/**
 * Picks the quick fix whose title contains the text from the open menu with the keyboard (the arrow
 * keys, then Enter), as the menu expects: it covers the page with a layer that takes mouse clicks.
 */
export async function pickQuickFix(page: Page, title: string): Promise<void> {
  const row = page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  for (let step = 0; step < 30; step++) {
    if (((await row.getAttribute('class')) ?? '').split(/\s+/).includes('focused')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
}

/**
 * Asks for suggestions at the cursor (Ctrl+Space) and accepts the one whose label is exactly
 * `label` with Tab, as a person does after typing a snippet prefix.
 */
export async function acceptSuggestion(page: Page, label: string, timeoutMs = 10_000): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+Space');
  const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
  const wanted = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) }).first();
  try {
    await wanted.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const shown = (await rows.locator('.label-name').allInnerTexts()).map((text) => text.trim());
    await page.keyboard.press('Escape');
    throw new Error(`the suggestion list does not offer "${label}"; it shows: ${JSON.stringify(shown)}`);
  }
  // Move the selection onto the wanted row with the arrow keys, then Tab accepts it.
  for (let step = 0; step < 50; step++) {
    if (((await wanted.getAttribute('class')) ?? '').split(/\s+/).includes('focused')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Tab');
  await page.locator('.editor-widget.suggest-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * Shows the Outline view (Explorer: Focus on Outline View) and returns the labels of its symbol rows
 * top to bottom, once it shows at least one. When several extensions give symbols for a file the
 * view groups them under a row per extension, which has no symbol icon and is left out.
 */
export async function outlineLabels(page: Page, timeoutMs = 20_000): Promise<string[]> {
  await runCommand(page, 'Explorer: Focus on Outline View');
  const rows = page.locator('.outline-pane .monaco-list-row');
  await rows.filter({ has: page.locator('[class*="codicon-symbol-"]') }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  const labels = await rows.evaluateAll((elements: any[]) =>
    elements
      .filter((element) => element.querySelector('[class*="codicon-symbol-"]') !== null)
      .map((element) => ({
        index: Number(element.getAttribute('data-index') ?? 0),
        label: String(element.querySelector('.label-name')?.textContent ?? element.textContent ?? ''),
      }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.label.replace(/\s+/g, ' ').trim()),
  );
  return labels.filter((label) => label.length > 0);
}

/**
 * Waits until the active editor shows a line that is exactly `text` (or matches it, for a regular
 * expression): the editor renders a moment after typing or an edit. Resolves to that line.
 */
export async function waitForEditorLine(page: Page, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const matches = (line: string): boolean => (typeof text === 'string' ? line === text : text.test(line));
  for (;;) {
    const lines = await visibleEditorLines(page);
    const found = lines.find(matches);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`the editor does not show a line ${String(text)}; it shows ${JSON.stringify(lines)}`);
    await page.waitForTimeout(100);
  }
}

/** The DOM id of the status bar item that shows the text (each extension item has a stable one). */
export async function statusBarItemId(page: Page, text: string | RegExp): Promise<string> {
  const item = page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
  await item.waitFor({ state: 'visible' });
  const id = await item.getAttribute('id');
  if (!id) throw new Error(`the status bar item showing ${String(text)} has no id`);
  return id;
}

/** Waits until no visible status bar item has this DOM id. */
export async function waitForStatusBarItemGone(page: Page, id: string, timeoutMs = 20_000): Promise<void> {
  await page.locator(`.part.statusbar [id="${id.replace(/"/g, '\\"')}"]`).waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Whether the active editor shows an error squiggle anywhere on screen. */
export async function waitForErrorSquiggle(page: Page, timeoutMs = 20_000): Promise<void> {
  await page
    .locator('.editor-group-container.active .monaco-editor .view-overlays .squiggly-error, .editor-group-container.active .monaco-editor .squiggly-error')
    .first()
    .waitFor({ state: 'attached', timeout: timeoutMs });
}
