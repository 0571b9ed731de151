/**
 * Starting and stopping the prepared code-server (see prepareEditor.ts), installing a .vsix into it and
 * reading its extension host logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { editorPaths, isEditorPrepared, type EditorPaths } from './prepareEditor';

/** The folders code-server keeps its state in; make fresh ones for each test run. */
export interface EditorDirs {
  userDataDir: string;
  extensionsDir: string;
}

export interface StartOptions extends EditorDirs {
  /** The workspace folder to open. */
  folder: string;
  /** A port on 127.0.0.1; by default a free one is picked. */
  port?: number;
  /** User settings written over {@link QUIET_SETTINGS} (and over what User/settings.json already holds). */
  settings?: Record<string, unknown>;
  /** How long to wait for the server to answer over HTTP (default 60 s). */
  startTimeoutMs?: number;
  /** Extra environment for the server (and so for the extension host and the extensions it runs). */
  env?: NodeJS.ProcessEnv;
}

export interface RunningCodeServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  port: number;
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Ends the server and every process it started (its process group), and waits until they are gone. */
  stop(): Promise<void>;
}

/** User settings that keep the workbench quiet and its behaviour the same from run to run. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'workbench.localHistory.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'window.confirmBeforeClose': 'never',
  'files.simpleDialog.enable': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'editor.minimap.enabled': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.formatOnSave': false,
  'editor.cursorBlinking': 'solid',
  'editor.wordBasedSuggestions': 'off',
  'editor.parameterHints.enabled': false,
  'editor.lightbulb.enabled': 'off',
  'editor.hover.delay': 300,
  'chat.commandCenter.enabled': false,
};

function requireEditor(): EditorPaths {
  if (!isEditorPrepared()) {
    throw new Error('code-server is not prepared: run `npx tsx test/e2e/editor/prepareEditor.ts` (or call prepareEditor()) first');
  }
  return editorPaths();
}

function dirArgs(dirs: EditorDirs): string[] {
  return ['--user-data-dir', path.resolve(dirs.userDataDir), '--extensions-dir', path.resolve(dirs.extensionsDir)];
}

/** Installs a packaged extension with `code-server --install-extension`. */
export async function installExtension(vsixPath: string, dirs: EditorDirs): Promise<string> {
  const editor = requireEditor();
  fs.mkdirSync(dirs.userDataDir, { recursive: true });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  const args = [editor.entry, ...dirArgs(dirs), '--install-extension', path.resolve(vsixPath)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsixPath} failed (exit ${code}):\n${output.trim()}`);
  }
  return output.trim();
}

/** Writes User/settings.json: quiet defaults, then what the file held, then the given settings. */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown> = {}): string {
  const file = path.join(userDataDir, 'User', 'settings.json');
  let existing: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed as Record<string, unknown>;
  } catch {
    // none yet (or not plain JSON): start from the defaults
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...QUIET_SETTINGS, ...existing, ...settings }, null, 2)}\n`);
  return file;
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Servers still running when this process exits (say, a test run that was interrupted) are ended too.
const running = new Set<number>();
let exitHookInstalled = false;
function trackForExit(pgid: number): void {
  running.add(pgid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const id of running) {
      try {
        process.kill(-id, 'SIGKILL');
      } catch {
        // gone
      }
    }
    running.clear();
  };
  process.on('exit', killAll);
  // The servers run in their own process groups, so a Ctrl+C in a terminal does not reach them.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAll();
      process.removeListener(signal, onSignal);
      // Let the default action (or another listener, such as a test runner's) take its course.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Starts code-server on 127.0.0.1 with the given folder, user data and extensions folders, and waits
 * until it serves HTTP. The server runs in its own process group; `stop()` ends the whole group.
 */
export async function startCodeServer(options: StartOptions): Promise<RunningCodeServer> {
  const editor = requireEditor();
  fs.mkdirSync(options.userDataDir, { recursive: true });
  fs.mkdirSync(options.extensionsDir, { recursive: true });
  writeUserSettings(options.userDataDir, options.settings);
  const attempts = options.port === undefined ? 3 : 1;
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await startOnPort(editor, options, port);
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error));
      // Another process may have taken the port between the check and the start: try a new one.
      if (!/EADDRINUSE/.test(lastError.message)) throw lastError;
    }
  }
  throw lastError ?? new Error('code-server did not start');
}

async function startOnPort(editor: EditorPaths, options: StartOptions, port: number): Promise<RunningCodeServer> {
  const args = [
    editor.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...dirArgs(options),
    path.resolve(options.folder),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // A password or a proxy setting from the caller's shell would change what the browser meets.
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.VSCODE_PROXY_URI;
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start (no pid)');
  trackForExit(pid);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.on('exit', () => {
    exited = true;
    resolve();
  }));

  const stop = async (): Promise<void> => {
    if (groupAlive(pid)) {
      killGroup(child, 'SIGTERM');
      const deadline = Date.now() + 10_000;
      while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
      if (groupAlive(pid)) killGroup(child, 'SIGKILL');
      const killDeadline = Date.now() + 5_000;
      while (groupAlive(pid) && Date.now() < killDeadline) await sleep(50);
    }
    if (!exited) await Promise.race([exitPromise, sleep(2_000)]);
    child.stdout?.destroy();
    child.stderr?.destroy();
    running.delete(pid);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before serving ${url}:\n${output.trim()}`);
    }
    const status = await httpStatus(`${url}/healthz`);
    if (status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer at ${url} in time:\n${output.trim()}`);
    }
    await sleep(150);
  }
  return { url, port, pid, output: () => output, stop };
}

function logFolders(userDataDir: string): string[] {
  const logsDir = path.join(userDataDir, 'logs');
  try {
    return fs.readdirSync(logsDir).sort().map((name) => path.join(logsDir, name));
  } catch {
    return [];
  }
}

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/**
 * The remote extension host logs (`<user-data-dir>/logs/<time>/exthost<N>/remoteexthost.log`) of every
 * session in this user-data-dir, each headed by its path; empty when there are none. Read them when an
 * extension does not activate.
 */
export function extensionHostLog(userDataDir: string): string {
  const parts: string[] = [];
  for (const session of logFolders(userDataDir)) {
    for (const file of filesUnder(session)) {
      if (path.basename(file) !== 'remoteexthost.log') continue;
      parts.push(`==> ${file}\n${fs.readFileSync(file, 'utf8').trimEnd()}`);
    }
  }
  return parts.join('\n\n');
}

/**
 * The output channels that extensions wrote (`exthost<N>/<extension id>/*.log`, `output_logging_*`),
 * each headed by its path: where a language client's and server's messages end up.
 */
export function extensionOutputLogs(userDataDir: string): string {
  const parts: string[] = [];
  for (const session of logFolders(userDataDir)) {
    for (const file of filesUnder(session)) {
      const relative = path.relative(session, file);
      if (!/^exthost\d*\//.test(relative) || path.basename(file) === 'remoteexthost.log') continue;
      parts.push(`==> ${file}\n${fs.readFileSync(file, 'utf8').trimEnd()}`);
    }
  }
  return parts.join('\n\n');
}
