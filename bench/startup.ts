/**
 * Start-up: the size of each bundle (as built, and minified as `npm run package` ships it) and the
 * time from spawning the server to the first diagnostics of a 20 KB plan.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { LspTestClient } from '../test/lsp/lspClient';
import { generatePlan } from './generate';
import { bytes, ms, summarize } from './measure';
import type { Table } from './measure';

const ROOT = path.resolve(__dirname, '..');
const BUNDLES = [
  { name: 'dist/client.js', entry: 'client/src/extension.ts', external: ['vscode'] },
  { name: 'dist/server.js', entry: 'server/src/server.ts', external: [] },
  { name: 'dist/cli.js', entry: 'server/src/cli.ts', external: [] },
];
const STARTS = 10;

async function minifiedSize(entry: string, external: string[]): Promise<number> {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'execplan-bench-')), 'out.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, external, outfile, logLevel: 'silent' });
  const size = fs.statSync(outfile).size;
  fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
  return size;
}

export async function startupBenchmark(): Promise<Table[]> {
  const sizeRows: string[][] = [];
  for (const bundle of BUNDLES) {
    const built = path.join(ROOT, bundle.name);
    const builtSize = fs.existsSync(built) ? bytes(fs.statSync(built).size) : 'not built';
    sizeRows.push([bundle.name, builtSize, bytes(await minifiedSize(bundle.entry, bundle.external))]);
  }

  const text = generatePlan(20 * 1024, 7);
  const samples: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const client = await LspTestClient.start();
    try {
      const uri = `file:///bench/plans/startup-${i}-PLAN.md`;
      client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, 1, 30_000);
      samples.push(performance.now() - started);
    } finally {
      await client.stop();
    }
  }
  const timing = summarize(samples);
  return [
    { title: 'Bundle sizes', header: ['bundle', 'as built (npm run build)', 'minified (npm run package)'], rows: sizeRows },
    {
      title: 'Server start to first diagnostics (20 KB plan)',
      header: ['starts', 'median', 'min', 'max'],
      rows: [[String(timing.runs), ms(timing.median), ms(timing.min), ms(Math.max(...samples))]],
      notes: ['From spawning `node dist/server.js --stdio` through initialize, initialized and didOpen to the first publishDiagnostics.'],
    },
  ];
}
