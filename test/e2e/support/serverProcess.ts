/**
 * The ExecPlan language server processes of one end-to-end run, found through /proc: a node process
 * whose command line runs the `dist/server.js` of the extension installed in this run's extensions
 * folder. That folder is a fresh temporary one, so nothing outside this run's code-server matches.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ServerProcess {
  pid: number;
  /** The command line, its arguments joined by spaces. */
  commandLine: string;
}

/** The extensions folder of a session, given the workspace folder it shows (both live under one root; see session.ts). */
export function extensionsDirOf(workspaceFolder: string): string {
  return path.join(path.dirname(workspaceFolder), 'extensions');
}

/** The absolute path of the installed extension's `dist/server.js` in an extensions folder. */
export function installedServerScript(extensionsDir: string): string {
  const installed = fs
    .readdirSync(extensionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('execplan-tools.execplan-'))
    .map((entry) => path.join(extensionsDir, entry.name, 'dist', 'server.js'))
    .filter((file) => fs.existsSync(file));
  if (installed.length !== 1) throw new Error(`expected one installed ExecPlan extension in ${extensionsDir}, found ${JSON.stringify(installed)}`);
  return installed[0]!;
}

function readArgs(pid: number): string[] {
  try {
    // A zombie (killed, not yet reaped by its parent) has an empty command line: it is not counted.
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((arg) => arg.length > 0);
  } catch {
    return []; // gone meanwhile, or not ours to read
  }
}

/** The live node processes running this server script, by pid. */
export function serverProcesses(serverScript: string): ServerProcess[] {
  const wanted = new Set([path.resolve(serverScript)]);
  try {
    wanted.add(fs.realpathSync(serverScript));
  } catch {
    // the script is gone: match the path as given
  }
  const found: ServerProcess[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const args = readArgs(pid);
    if (args.length < 2 || !/node/i.test(path.basename(args[0]!))) continue;
    if (!args.slice(1).some((arg) => wanted.has(arg))) continue;
    found.push({ pid, commandLine: args.join(' ') });
  }
  return found.sort((a, b) => a.pid - b.pid);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the server processes satisfy the check; returns them. On time out, throws with
 * what was last seen.
 */
export async function waitForServerProcesses(
  serverScript: string,
  check: (processes: ServerProcess[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<ServerProcess[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const processes = serverProcesses(serverScript);
    if (check(processes)) return processes;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms; server processes: ${JSON.stringify(processes)}`);
    await sleep(100);
  }
}

/** Kills one server process with SIGKILL (it must be one of this script's) and waits until it is gone. */
export async function killServerProcess(serverScript: string, pid: number, timeoutMs = 10_000): Promise<void> {
  if (!serverProcesses(serverScript).some((found) => found.pid === pid)) {
    throw new Error(`pid ${pid} is not a server process of ${serverScript}`);
  }
  process.kill(pid, 'SIGKILL');
  await waitForServerProcesses(serverScript, (processes) => !processes.some((found) => found.pid === pid), `end of pid ${pid}`, timeoutMs);
}
