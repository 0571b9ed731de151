/**
 * Memory: heap the language server retains per open plan. The built server runs as a process
 * with a small preload (heapProbe.cjs) that, on a signal, collects garbage and reports the heap in
 * use; the difference from the heap before the plans were opened is what they retain.
 */
import * as path from 'node:path';
import { LspTestClient } from '../test/lsp/lspClient';
import { generatePlan } from './generate';
import { bytes, goal, ratio } from './measure';
import type { Table } from './measure';

const PROBE = path.join(__dirname, 'heapProbe.cjs');

async function heapUsed(client: LspTestClient): Promise<number> {
  const seen = client.stderr.length;
  client.process.kill('SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const match = /HEAP_USED (\d+)/.exec(client.stderr.slice(seen));
    if (match) return Number(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the server did not report its heap');
}

async function typeCharacters(client: LspTestClient, uri: string, text: string, count: number, firstVersion: number): Promise<number> {
  const at = text.indexOf('\n', text.length >> 1);
  const line = text.slice(0, at).split('\n').length;
  let version = firstVersion;
  for (let i = 0; i < count; i++) {
    version++;
    const arrived = client.waitForDiagnostics(uri, version, 30_000);
    client.change(uri, version, [{ range: { start: { line, character: i }, end: { line, character: i } }, text: 'x' }]);
    await arrived;
  }
  return version;
}

export async function memoryBenchmark(): Promise<Table[]> {
  const client = await LspTestClient.start({ env: { NODE_OPTIONS: `--require ${PROBE}` } });
  const rows: string[][] = [];
  const notes: string[] = [];
  try {
    // Warm up every code path once, so the baseline already holds the code and its caches.
    const warm = 'file:///bench/plans/warm-PLAN.md';
    client.open(warm, generatePlan(20 * 1024, 99), 1);
    await typeCharacters(client, warm, generatePlan(20 * 1024, 99), 3, 1);
    client.close(warm);
    const baseline = await heapUsed(client);

    const big = generatePlan(1024 * 1024, 3);
    const bigUri = 'file:///bench/plans/memory-1mb-PLAN.md';
    client.open(bigUri, big, 1);
    await client.waitForDiagnostics(bigUri, 1, 60_000);
    await typeCharacters(client, bigUri, big, 5, 1);
    const withBig = await heapUsed(client);
    const retainedBig = withBig - baseline;
    rows.push(['one 1 MB plan (after 5 edits)', bytes(big.length), bytes(retainedBig), ratio(retainedBig / big.length)]);
    notes.push(goal('retained heap per open plan <= 8x its text (1 MB plan)', retainedBig <= 8 * big.length, ratio(retainedBig / big.length)));
    client.close(bigUri);
    await client.waitForDiagnostics(bigUri, undefined, 10_000).catch(() => undefined);
    const afterClose = await heapUsed(client);
    rows.push(['after closing it', '0', bytes(afterClose - baseline), '']);

    const small: string[] = [];
    let totalText = 0;
    for (let i = 0; i < 100; i++) {
      const text = generatePlan(20 * 1024, 1000 + i);
      small.push(text);
      totalText += text.length;
    }
    const pending = small.map((text, i) => {
      const uri = `file:///bench/plans/memory-${i}-PLAN.md`;
      const arrived = client.waitForDiagnostics(uri, 1, 60_000);
      client.open(uri, text, 1);
      return arrived;
    });
    await Promise.all(pending);
    const withSmall = await heapUsed(client);
    const retainedSmall = withSmall - afterClose;
    rows.push(['100 plans of 20 KB', bytes(totalText), bytes(retainedSmall), ratio(retainedSmall / totalText)]);
    rows.push(['per 20 KB plan', bytes(totalText / 100), bytes(retainedSmall / 100), ratio(retainedSmall / totalText)]);
    notes.push(goal('retained heap per open plan <= 8x its text (100 plans of 20 KB)', retainedSmall <= 8 * totalText, ratio(retainedSmall / totalText)));
  } finally {
    await client.stop();
  }
  notes.push('Heap in use after three forced collections, in the server process, minus the heap before the plans were opened.');
  return [{ title: 'Memory retained by the language server', header: ['open', 'text', 'retained heap', 'heap / text'], rows, notes }];
}
