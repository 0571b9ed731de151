/**
 * Prepares a real VS Code (the build carried by the `code-server` npm package) for the end-to-end tests.
 *
 * Run by hand or from CI:   npx tsx test/e2e/editor/prepareEditor.ts
 * or from a test:           const editor = await prepareEditor();
 *
 * The prepared editor lives in a cache folder outside the repository, keyed by version:
 *   ${EXECPLAN_E2E_CACHE:-$HOME/.cache/execplan-e2e}/code-server-<version>/
 * A marker file is written there when every step has succeeded; while it exists (and names the same
 * Node ABI) all work is skipped, so a second run takes well under a second.
 *
 * The package's own postinstall cannot run on a machine that reaches only the npm registry and Debian
 * (it downloads ripgrep from elsewhere), so the steps are done here instead: install without scripts,
 * build the native modules with node-gyp against the local Node headers, use Debian's ripgrep.
 *
 * Needs Debian packages: chromium ripgrep libkrb5-dev (and python3 make g++ for node-gyp). With
 * EXECPLAN_E2E_APT=1 and running as root, missing ones are installed with apt-get.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

const MARKER = '.prepared.json';
const LOG_NAME = 'prepare.log';

/** Where a prepared editor is, as returned by {@link prepareEditor}. */
export interface EditorPaths {
  /** The code-server version. */
  version: string;
  /** The version folder inside the cache (holds the marker, the log and the package). */
  cacheDir: string;
  /** The unpacked and prepared code-server package. */
  packageDir: string;
  /** `<packageDir>/out/node/entry.js`: run it with `node`. */
  entry: string;
}

export interface PrepareOptions {
  /** Print progress lines (default true). */
  log?: (line: string) => void;
  /** Install missing Debian packages with apt-get (default: env EXECPLAN_E2E_APT=1 and running as root). */
  apt?: boolean;
}

/** The version folder in the cache; the base can be moved with env EXECPLAN_E2E_CACHE. */
export function editorCacheDir(): string {
  const base = process.env.EXECPLAN_E2E_CACHE?.trim() || path.join(os.homedir(), '.cache', 'execplan-e2e');
  return path.resolve(base, `code-server-${CODE_SERVER_VERSION}`);
}

/** The paths of the editor in the cache, whether or not it has been prepared. */
export function editorPaths(): EditorPaths {
  const cacheDir = editorCacheDir();
  const packageDir = path.join(cacheDir, 'code-server');
  return { version: CODE_SERVER_VERSION, cacheDir, packageDir, entry: path.join(packageDir, 'out', 'node', 'entry.js') };
}

interface Marker {
  version: string;
  nodeAbi: string;
  node: string;
  preparedAt: string;
  seconds: number;
}

/** True when the cache holds a complete editor built for this Node. */
export function isEditorPrepared(): boolean {
  const paths = editorPaths();
  const marker = readMarker(paths.cacheDir);
  return marker !== undefined && marker.version === CODE_SERVER_VERSION &&
    marker.nodeAbi === process.versions.modules && fs.existsSync(paths.entry);
}

function readMarker(cacheDir: string): Marker | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(cacheDir, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// System requirements

interface Requirement {
  what: string;
  debianPackage: string;
  present: () => boolean;
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The Chromium executable the browser helpers use (env EXECPLAN_E2E_CHROMIUM overrides). */
export function chromiumPath(): string {
  return process.env.EXECPLAN_E2E_CHROMIUM?.trim() || '/usr/bin/chromium';
}

function requirements(): Requirement[] {
  return [
    { what: `Chromium (${chromiumPath()})`, debianPackage: 'chromium', present: () => fs.existsSync(chromiumPath()) },
    { what: 'ripgrep (rg on PATH)', debianPackage: 'ripgrep', present: () => onPath('rg') !== undefined },
    {
      what: 'Kerberos headers (/usr/include/krb5.h, /usr/include/gssapi/gssapi.h)',
      debianPackage: 'libkrb5-dev',
      present: () => fs.existsSync('/usr/include/krb5.h') && fs.existsSync('/usr/include/gssapi/gssapi.h'),
    },
    { what: 'python3', debianPackage: 'python3', present: () => onPath('python3') !== undefined },
    { what: 'make', debianPackage: 'make', present: () => onPath('make') !== undefined },
    { what: 'g++', debianPackage: 'g++', present: () => onPath('g++') !== undefined },
  ];
}

/** Lists what is missing; installs it when allowed; throws a clear message otherwise. */
export function checkSystemRequirements(options: { apt?: boolean; log?: (line: string) => void } = {}): void {
  const log = options.log ?? (() => undefined);
  let missing = requirements().filter((r) => !r.present());
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((r) => r.debianPackage))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = options.apt ?? (process.env.EXECPLAN_E2E_APT === '1' && isRoot);
  if (apt) {
    log(`installing Debian packages: ${packages.join(' ')}`);
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
      const result = spawnSync('apt-get', args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        encoding: 'utf8',
      });
      if (result.status !== 0) {
        throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}):\n${tail(`${result.stdout}\n${result.stderr}`, 30)}`);
      }
    }
    missing = requirements().filter((r) => !r.present());
    if (missing.length === 0) return;
  }
  throw new Error(
    'The end-to-end editor needs software that is not installed:\n' +
      missing.map((r) => `  - ${r.what}  (Debian package: ${r.debianPackage})`).join('\n') +
      `\nInstall it with:  apt-get update && apt-get install -y ${[...new Set(missing.map((r) => r.debianPackage))].join(' ')}` +
      '\n(or run again as root with EXECPLAN_E2E_APT=1 to let this script install it)',
  );
}

// ---------------------------------------------------------------------------------------------------
// Child processes

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** The environment for nested npm/node-gyp runs, without what `npx`/`npm run` adds about this repo. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const dropExact = new Set([
    'npm_command', 'npm_execpath', 'npm_node_execpath', 'npm_config_local_prefix', 'npm_config_user_agent',
    'npm_config_global_prefix', 'npm_config_prefix', 'INIT_CWD',
  ]);
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (dropExact.has(key) || lower.startsWith('npm_package_') || lower.startsWith('npm_lifecycle_')) continue;
    env[key] = value;
  }
  return env;
}

/** Runs a command, appending its output to the log file; rejects with the output's tail on failure. */
function run(command: string, args: string[], cwd: string, logFile: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.appendFileSync(logFile, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
    const out = fs.openSync(logFile, 'a');
    const child = spawn(command, args, { cwd, env: { ...childEnv(), ...extraEnv }, stdio: ['ignore', out, out] });
    child.on('error', (error) => {
      fs.closeSync(out);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) {
        resolve();
        return;
      }
      let logTail = '';
      try {
        logTail = tail(fs.readFileSync(logFile, 'utf8'), 40);
      } catch {
        // no log
      }
      reject(new Error(`${command} ${args.join(' ')} failed in ${cwd} (${signal ?? `exit ${code}`}); last lines of ${logFile}:\n${logTail}`));
    });
  });
}

function nodeGypScript(): string {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    '/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  ];
  for (const candidate of candidates) {
    if (candidate && candidate.endsWith('.js') && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('node-gyp not found (looked for the copy bundled with npm next to this Node)');
}

/** The folder whose include/node/node.h matches the running Node, so node-gyp downloads nothing. */
function nodeHeadersDir(): string {
  const candidates = [process.env.npm_config_nodedir, path.resolve(path.dirname(process.execPath), '..'), '/usr', '/usr/local'];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(path.join(candidate, 'include', 'node', 'node.h'))) return candidate;
  }
  throw new Error('Node headers not found (include/node/node.h next to the node binary); install the nodejs headers');
}

// ---------------------------------------------------------------------------------------------------
// The preparation

interface Step {
  title: string;
  action: (dir: string) => Promise<void>;
}

/** Prepares the editor unless the cache already holds it; returns where it is. */
export async function prepareEditor(options: PrepareOptions = {}): Promise<EditorPaths> {
  const log = options.log ?? ((line: string) => console.log(`[e2e-editor] ${line}`));
  const paths = editorPaths();
  if (isEditorPrepared()) {
    log(`code-server ${CODE_SERVER_VERSION} ready (cached in ${paths.cacheDir})`);
    return paths;
  }
  const started = Date.now();
  checkSystemRequirements({ apt: options.apt, log });
  fs.mkdirSync(paths.cacheDir, { recursive: true });
  const logFile = path.join(paths.cacheDir, LOG_NAME);
  fs.writeFileSync(logFile, `prepare code-server ${CODE_SERVER_VERSION} with node ${process.version} at ${new Date().toISOString()}\n`);
  log(`preparing code-server ${CODE_SERVER_VERSION} in ${paths.cacheDir} (details in ${LOG_NAME})`);

  fs.rmSync(path.join(paths.cacheDir, MARKER), { force: true });
  // Work in a staging folder and move it into place at the end, so an interrupted run leaves no
  // half-built editor behind; the next run starts that step list again from the downloaded tarball.
  for (const entry of fs.readdirSync(paths.cacheDir)) {
    if (entry.startsWith('staging-') || entry === 'code-server') {
      fs.rmSync(path.join(paths.cacheDir, entry), { recursive: true, force: true });
    }
  }
  const staging = path.join(paths.cacheDir, `staging-${process.pid}`);
  const dir = path.join(staging, 'package');
  const tarball = path.join(paths.cacheDir, `code-server-${CODE_SERVER_VERSION}.tgz`);
  const vscodeDir = path.join(dir, 'lib', 'vscode');
  const vscodeModules = path.join(vscodeDir, 'node_modules');
  const nodeGyp = nodeGypScript();
  const nodedir = nodeHeadersDir();
  const gyp = (moduleDir: string, extra: string[] = []): Promise<void> =>
    run(process.execPath, [nodeGyp, 'rebuild', `--nodedir=${nodedir}`, '--jobs=max', ...extra], moduleDir, logFile);
  const npmInstall = (cwd: string): Promise<void> =>
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], cwd, logFile);

  const nativeModules = ['node-pty', '@vscode/spdlog', 'native-watchdog', 'kerberos', '@parcel/watcher', '@vscode/deviceid'];
  const steps: Step[] = [
    {
      title: `npm pack code-server@${CODE_SERVER_VERSION}`,
      action: async () => {
        if (fs.existsSync(tarball)) return;
        const packDir = path.join(paths.cacheDir, `pack-${process.pid}`);
        fs.mkdirSync(packDir, { recursive: true });
        try {
          await run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', packDir, '--loglevel=warn'], packDir, logFile);
          const packed = fs.readdirSync(packDir).find((name) => name.endsWith('.tgz'));
          if (!packed) throw new Error('npm pack produced no tarball');
          fs.renameSync(path.join(packDir, packed), tarball);
        } finally {
          fs.rmSync(packDir, { recursive: true, force: true });
        }
      },
    },
    {
      title: 'unpack',
      action: async () => {
        fs.mkdirSync(staging, { recursive: true });
        await run('tar', ['-xzf', tarball, '-C', staging], staging, logFile);
      },
    },
    { title: 'npm install (package root)', action: () => npmInstall(dir) },
    { title: 'npm install (lib/vscode)', action: () => npmInstall(vscodeDir) },
    { title: 'npm install (lib/vscode/extensions)', action: () => npmInstall(path.join(vscodeDir, 'extensions')) },
    ...nativeModules.map((name): Step => ({
      title: `build native module ${name}`,
      action: async () => {
        const moduleDir = path.join(vscodeModules, name);
        if (!fs.existsSync(path.join(moduleDir, 'binding.gyp'))) throw new Error(`${moduleDir} has no binding.gyp`);
        await gyp(moduleDir);
        const built = path.join(moduleDir, 'build', 'Release');
        if (!fs.existsSync(built) || !fs.readdirSync(built).some((file) => file.endsWith('.node'))) {
          throw new Error(`node-gyp built no .node file in ${built}`);
        }
      },
    })),
    {
      title: 'build native module argon2',
      action: async () => {
        const moduleDir = path.join(dir, 'node_modules', 'argon2');
        const target = path.join(moduleDir, 'lib', 'binding', 'napi-v3');
        await gyp(moduleDir, ['--module_name=argon2', `--module_path=./lib/binding/napi-v3`, '--napi_build_version=3']);
        const built = path.join(moduleDir, 'build', 'Release', 'argon2.node');
        fs.mkdirSync(target, { recursive: true });
        if (fs.existsSync(built)) fs.copyFileSync(built, path.join(target, 'argon2.node'));
        if (!fs.existsSync(path.join(target, 'argon2.node'))) throw new Error(`argon2.node not found in ${built} or ${target}`);
      },
    },
    {
      title: 'ripgrep from Debian',
      action: async () => {
        const rg = onPath('rg');
        if (!rg) throw new Error('rg not found on PATH (Debian package ripgrep)');
        const binDir = path.join(vscodeModules, '@vscode', 'ripgrep', 'bin');
        fs.mkdirSync(binDir, { recursive: true });
        const target = path.join(binDir, 'rg');
        fs.rmSync(target, { force: true });
        fs.copyFileSync(fs.realpathSync(rg), target);
        fs.chmodSync(target, 0o755);
      },
    },
    {
      title: 'link node_modules.asar',
      action: async () => {
        const link = path.join(vscodeDir, 'node_modules.asar');
        fs.rmSync(link, { force: true, recursive: true });
        fs.symlinkSync('node_modules', link);
      },
    },
    {
      title: 'check the server starts (--version)',
      action: async () => {
        const result = spawnSync(process.execPath, [path.join(dir, 'out', 'node', 'entry.js'), '--version'], {
          encoding: 'utf8',
          timeout: 60_000,
          env: childEnv(),
        });
        const output = `${result.stdout}${result.stderr}`;
        fs.appendFileSync(logFile, `\n$ entry.js --version\n${output}\n`);
        if (result.status !== 0 || !output.includes(CODE_SERVER_VERSION)) {
          throw new Error(`code-server --version failed (exit ${result.status}):\n${tail(output, 20)}`);
        }
      },
    },
  ];

  try {
    for (const [index, step] of steps.entries()) {
      const stepStarted = Date.now();
      log(`${index + 1}/${steps.length} ${step.title} ...`);
      await step.action(dir);
      fs.appendFileSync(logFile, `-- ${step.title}: ${((Date.now() - stepStarted) / 1000).toFixed(1)} s\n`);
    }
    fs.renameSync(dir, paths.packageDir);
    fs.rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const marker: Marker = {
    version: CODE_SERVER_VERSION,
    nodeAbi: process.versions.modules,
    node: process.version,
    preparedAt: new Date().toISOString(),
    seconds,
  };
  fs.writeFileSync(path.join(paths.cacheDir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  log(`code-server ${CODE_SERVER_VERSION} prepared in ${seconds} s`);
  return paths;
}

if (require.main === module) {
  prepareEditor().then(
    (paths) => {
      console.log(`[e2e-editor] entry: ${paths.entry}`);
    },
    (error: unknown) => {
      console.error(`[e2e-editor] FAILED: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
