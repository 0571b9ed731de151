import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parsePlan } from '../../server/src/core/model/index';
import { lint } from '../../server/src/core/engine';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const now = new Date('2026-03-01T00:00:00Z');

/** A plan with a hundred findings, enough for the engine to keep its sort for the next lint. */
function planWithManyFindings(tag: string): string {
  const items = Array.from({ length: 100 }, (_, i) => `- [ ] Step ${i + 1} for ${tag}`).join('\n');
  return `# PLAN: ${tag}\n\n## Progress\n\n${items}\n`;
}

/** Lints a plan and drops the result, keeping only a weak reference to its findings. */
function lintAndDrop(tag: string): WeakRef<readonly unknown[]> {
  const findings = lint(parsePlan(planWithManyFindings(tag)), { config: { profile: 'ssot' }, now }).findings;
  assert.ok(findings.length >= 64, `expected many findings, got ${findings.length}`);
  return new WeakRef(findings);
}

describe('what the engine keeps between lints', () => {
  it('lets a plan\'s findings go once nothing else holds its result (a closed document)', async () => {
    const dropped = lintAndDrop('closed');
    // Later lints of other plans, as when another document is edited after the large one is closed.
    lintAndDrop('other');
    // A weak reference holds its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(dropped.deref(), undefined);
  });
});
