/**
 * Through the protocol: the built server as a process over stdio with the settings a user gets by
 * default. Each sample is the time from sending a one-character `didChange` to receiving the
 * `publishDiagnostics` for that version; the next edit is sent only after it arrived.
 */
import { LspTestClient } from '../test/lsp/lspClient';
import { generatePlan } from './generate';
import { goal, ms, summarize } from './measure';
import type { Table } from './measure';

const SIZES = [
  { name: '20 KB', bytes: 20 * 1024, edits: 300, goalMs: 10 },
  { name: '1 MB', bytes: 1024 * 1024, edits: 150, goalMs: 30 },
];

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export async function protocolBenchmark(): Promise<Table[]> {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const size of SIZES) {
    const client = await LspTestClient.start();
    try {
      const text = generatePlan(size.bytes, 2);
      const uri = `file:///bench/plans/protocol-${size.bytes}-PLAN.md`;
      client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, 1, 60_000);
      let at = text.length >> 1;
      while (!/[a-z]/.test(text[at]!)) at++;
      const position = positionOf(text, at);
      const samples: number[] = [];
      const warmup = 10;
      for (let i = 0; i < size.edits + warmup; i++) {
        const version = i + 2;
        // Typing moves the cursor: each character goes after the previous one.
        const where = { line: position.line, character: position.character + i };
        const arrived = client.waitForDiagnostics(uri, version, 30_000);
        const t0 = performance.now();
        client.change(uri, version, [{ range: { start: where, end: where }, text: 'x' }]);
        await arrived;
        if (i >= warmup) samples.push(performance.now() - t0);
      }
      const timing = summarize(samples);
      rows.push([size.name, String(timing.runs), ms(timing.median), ms(timing.p95), ms(timing.min)]);
      notes.push(goal(`p95 under ${size.goalMs} ms for the ${size.name} plan`, timing.p95 < size.goalMs, ms(timing.p95)));
    } finally {
      await client.stop();
    }
  }
  return [{ title: 'Through the protocol: didChange to publishDiagnostics (default settings)', header: ['plan', 'edits', 'p50', 'p95', 'min'], rows, notes }];
}
