/**
 * Draws the extension's icon, images/icon.png (128x128), from the SVG below, rendered by headless
 * Chromium so the picture needs no image tool beyond what the end-to-end tests use.
 *
 *   npx tsx test/e2e/tools/drawIcon.ts
 *
 * The picture: a plan page with a checklist (two items done, one open) and an arrow at the open
 * item, the Next Action. Change the SVG and run the script again to redraw it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../editor/browser';
import { chromiumPath } from '../editor/prepareEditor';

const SIZE = 128;
const OUTPUT = path.resolve(__dirname, '..', '..', '..', 'images', 'icon.png');

const PAGE_COLOR = '#f7f9fc';
const INK = '#1f3b57';
const DONE = '#2e9e6a';
const NEXT = '#f2a516';

/** One checklist row: a box (ticked or not) and a line of text. */
function row(y: number, done: boolean, textWidth: number): string {
  const box = `<rect x="38" y="${y - 7}" width="14" height="14" rx="3" fill="none" stroke="${done ? DONE : INK}" stroke-width="3"/>`;
  const tick = done ? `<path d="M41 ${y} l3.5 3.5 l7-8" fill="none" stroke="${DONE}" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>` : '';
  const text = `<rect x="60" y="${y - 3}" width="${textWidth}" height="6" rx="3" fill="${done ? '#9fb0c2' : INK}"/>`;
  return box + tick + text;
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b5f8c"/>
      <stop offset="1" stop-color="#173a5c"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <path d="M28 18 h56 l16 16 v76 a4 4 0 0 1 -4 4 h-68 a4 4 0 0 1 -4 -4 v-88 a4 4 0 0 1 4 -4 z" fill="${PAGE_COLOR}"/>
  <path d="M84 18 v12 a4 4 0 0 0 4 4 h12 z" fill="#c9d5e3"/>
  <rect x="36" y="32" width="34" height="7" rx="3.5" fill="${INK}"/>
  ${row(56, true, 30)}
  ${row(76, true, 24)}
  ${row(96, false, 28)}
  <path d="M10 96 h14" stroke="${NEXT}" stroke-width="7" stroke-linecap="round"/>
  <path d="M20 87 l10 9 l-10 9" fill="none" stroke="${NEXT}" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    await page.locator('svg').screenshot({ path: OUTPUT, omitBackground: true });
    console.log(`wrote ${OUTPUT} (${fs.statSync(OUTPUT).size} bytes)`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
