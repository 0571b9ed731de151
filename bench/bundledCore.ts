/**
 * Our code as the in-process benchmarks time it: bundled with esbuild, the form the server and the
 * CLI ship in, rather than one module per source file as the TypeScript loader runs it. The bundle
 * is built once per run into bench/out/ (packages stay as installed, so they resolve from there).
 */
import * as path from 'node:path';
import { buildSync } from 'esbuild';

type Core = typeof import('./core');

let core: Core | undefined;

export function bundledCore(): Core {
  if (core) return core;
  const outfile = path.join(__dirname, 'out', 'core.cjs');
  buildSync({ entryPoints: [path.join(__dirname, 'core.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile, logLevel: 'warning' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is made at run time
  core = require(outfile) as Core;
  return core;
}
