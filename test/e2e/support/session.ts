/**
 * One real editor for the whole end-to-end run: code-server with the freshly packaged extension
 * installed, and Chromium showing a temporary copy of test/fixtures/e2e-workspace. Starting them
 * costs most of a run, so the scenarios share them; each scenario works on its own copy of a fixture
 * file and closes its editors afterwards, which keeps them independent of one another.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openWorkbench, type Workbench } from '../editor/browser';
import { extensionHostLog, extensionOutputLogs, installExtension, startCodeServer, type RunningCodeServer } from '../editor/codeServer';
import { prepareEditor } from '../editor/prepareEditor';
import { repoRoot, vsixPath } from './vsix';

export const FIXTURE_WORKSPACE = path.join(repoRoot, 'test', 'fixtures', 'e2e-workspace');

export interface EditorSession {
  page: Page;
  /** The temporary workspace folder the editor shows. */
  folder: string;
  /** The absolute path of a file in the workspace, given its workspace-relative path. */
  file(relativePath: string): string;
  /** Extension host log and the extensions' output channels, for a failure report. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts the shared editor. `copies` maps a workspace-relative target path to the fixture file
 * (relative to the fixture workspace) it starts as, or to null for an empty file; they are written before the editor starts, so
 * quick open finds them at once.
 */
export async function startSession(copies: Record<string, string | null>, log: (line: string) => void): Promise<EditorSession> {
  await prepareEditor({ log });
  const vsix = vsixPath();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-e2e-'));
  const folder = path.join(root, 'workspace');
  const dirs = { userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') };
  fs.cpSync(FIXTURE_WORKSPACE, folder, { recursive: true });
  for (const [target, source] of Object.entries(copies)) {
    fs.mkdirSync(path.dirname(path.join(folder, target)), { recursive: true });
    if (source === null) fs.writeFileSync(path.join(folder, target), '');
    else fs.copyFileSync(path.join(FIXTURE_WORKSPACE, source), path.join(folder, target));
  }

  let server: RunningCodeServer | undefined;
  let workbench: Workbench | undefined;
  const stop = async (): Promise<void> => {
    await workbench?.close();
    await server?.stop();
    if (process.env.EXECPLAN_E2E_KEEP === '1') log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await installExtension(vsix, dirs);
    log(`installed ${path.relative(repoRoot, vsix) || vsix} (${Math.round(fs.statSync(vsix).size / 1024)} KiB) into code-server`);
    server = await startCodeServer({ folder, ...dirs });
    workbench = await openWorkbench(server.url, folder, { viewport: { width: 1280, height: 800 } });
    log(`workbench open at ${server.url} on a copy of test/fixtures/e2e-workspace`);
  } catch (error) {
    const hostLog = extensionHostLog(dirs.userDataDir);
    await stop();
    if (hostLog) log(`extension host log:\n${hostLog}`);
    throw error;
  }
  const page = workbench.page;
  return {
    page,
    folder,
    file: (relativePath) => path.join(folder, relativePath),
    logs: () => [extensionHostLog(dirs.userDataDir), extensionOutputLogs(dirs.userDataDir)].filter(Boolean).join('\n\n'),
    stop,
  };
}
