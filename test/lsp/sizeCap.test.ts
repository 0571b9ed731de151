/**
 * Size cap: a plan larger than `execplan.maxFileSize` gets one clear notice and nothing else, both
 * with a small configured cap and with the default one.
 */
import { strict as assert } from 'node:assert';
import { LspTestClient } from './lspClient';
import { generatePlan } from '../../bench/generate';

describe('size cap', function () {
  this.timeout(60_000);

  it('gives a plan over a configured cap one notice that names the setting, and nothing else', async () => {
    const client = await LspTestClient.start({ settings: { maxFileSize: 4096 } });
    try {
      const uri = 'file:///cap/plans/big-PLAN.md';
      // Broken on purpose: no sections, a bad frontmatter, a stale date; none of it may be reported.
      const text = '---\nid: [x\n---\n# PLAN: Too big\n' + 'Status: maybe 2020-99-99\n'.repeat(400);
      client.open(uri, text, 1);
      const published = await client.waitForDiagnostics(uri, 1);
      assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics, null, 2));
      const notice = published.diagnostics[0]!;
      assert.match(String(notice.message), /maxFileSize/);
      assert.match(String(notice.message), /not checked/);
      assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

      // Shrinking it under the cap brings the real findings back.
      client.change(uri, 2, [{ text: '---\nid: [x\n---\n# PLAN: Small now\n' }]);
      const small = await client.waitForDiagnostics(uri, 2);
      assert.ok(!small.diagnostics.some((d) => /maxFileSize/.test(String(d.message))), JSON.stringify(small.diagnostics));
      assert.ok(small.diagnostics.length > 1);
    } finally {
      await client.stop();
    }
  });

  it('applies the default cap of a few MB', async () => {
    const client = await LspTestClient.start();
    try {
      const uri = 'file:///cap/plans/huge-PLAN.md';
      const text = generatePlan(6 * 1024 * 1024, 6);
      client.open(uri, text, 1);
      const published = await client.waitForDiagnostics(uri, 1, 30_000);
      assert.equal(published.diagnostics.length, 1, published.diagnostics.map((d) => d.message).join('\n'));
      assert.match(String(published.diagnostics[0]!.message), /over the 5\.0 MB limit/);
    } finally {
      await client.stop();
    }
  });
});
