/**
 * Runs the extension-host suite inside VS Code Server (code-server, prepared by test/e2e/editor),
 * for machines that cannot download the desktop VS Code. The workbench, opened in headless Chromium
 * with `extensionDevelopmentPath` and `extensionTestsPath` in its address (its `payload` parameter), starts the extension host
 * in test mode; when the tests end, the workbench reports the exit code by calling
 * `window.codeAutomationExit`, which is exposed to it here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWorkbench, type Workbench } from '../e2e/editor/browser';
import { extensionHostLog, startCodeServer, type RunningCodeServer } from '../e2e/editor/codeServer';
import { prepareEditor } from '../e2e/editor/prepareEditor';
import { OUTPUT_MARKER } from './suite/output';

export interface CodeServerRunOptions {
  extensionDevelopmentPath: string;
  /** The bundled suite module (exports run()). */
  extensionTestsPath: string;
  workspace: string;
  /** A scratch folder for the editor's user data and extensions. */
  stateDir: string;
  timeoutMs?: number;
}


/** Runs the suite and resolves to its exit code (0 when every test passed). */
export async function runInCodeServer(options: CodeServerRunOptions): Promise<number> {
  await prepareEditor();
  const dirs = { userDataDir: path.join(options.stateDir, 'user-data'), extensionsDir: path.join(options.stateDir, 'extensions') };
  let server: RunningCodeServer | undefined;
  let workbench: Workbench | undefined;
  let reportExit: (code: number) => void = () => undefined;
  let suiteSpoke = false;
  const pageErrors: string[] = [];
  const exited = new Promise<number>((resolve) => (reportExit = resolve));
  try {
    server = await startCodeServer({ folder: options.workspace, ...dirs });
    // Files on the server's machine are addressed as vscode-remote://<the server's address>/<path>.
    const remote = (file: string): string => `vscode-remote://${new URL(server!.url).host}${path.resolve(file)}`;
    workbench = await openWorkbench(server.url, options.workspace, {
      // The web workbench takes its launch arguments as a JSON list of pairs in `payload`.
      query: {
        payload: JSON.stringify([
          ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
          ['extensionTestsPath', remote(options.extensionTestsPath)],
        ]),
      },
      beforeLoad: async (page) => {
        page.on('console', (message) => {
          const text = message.text();
          const at = text.indexOf(OUTPUT_MARKER);
          if (at >= 0) {
            suiteSpoke = true;
            console.log(text.slice(at + OUTPUT_MARKER.length).replace(/\s*$/, ''));
          } else if (message.type() === 'error') pageErrors.push(text);
          if (at < 0 && process.env.EXECPLAN_VSCODE_DEBUG === '1') console.log(`[page ${message.type()}] ${message.text()}`);
        });
        await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
        await page.exposeFunction('codeAutomationLog', () => undefined);
      },
    });
    const timeoutMs = options.timeoutMs ?? 600_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), timeoutMs)));
    const code = await Promise.race([exited, timedOut]).finally(() => clearTimeout(timer));
    if (code === -1) {
      console.error(`the extension-host suite did not finish within ${timeoutMs / 1000} s`);
      return 1;
    }
    // A suite that failed before mocha printed anything (it did not load, say) left its error here.
    if (code !== 0 && !suiteSpoke) console.error(`the suite printed nothing; the workbench's last errors:\n${pageErrors.slice(-5).join('\n')}`);
    return code;
  } catch (error) {
    const log = extensionHostLog(dirs.userDataDir);
    if (log) console.error(`extension host log:\n${log}`);
    throw error;
  } finally {
    await workbench?.close();
    await server?.stop();
    if (fs.existsSync(options.stateDir)) fs.rmSync(options.stateDir, { recursive: true, force: true });
  }
}
