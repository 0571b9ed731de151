import { lint } from './server/src/core/engine';
import { PlanStore } from './server/src/planStore';
import { generatePlan } from './bench/generate';
const NOW = new Date('2026-03-01T00:00:00Z');
const base = generatePlan(Number(process.argv[2] ?? 5) * 1024 * 1024, 1);
let offset = base.length >> 1; while (!/[a-z]/.test(base[offset]!)) offset++;
const store = new PlanStore();
let document = store.documentsConfiguration.create('file:///a-PLAN.md', 'markdown', 1, base);
lint(store.get(document), { now: NOW });
const at = document.positionAt(offset);
const a: number[] = [], b: number[] = [], c: number[] = [];
let version = 1;
for (let i = 0; i < Number(process.argv[3] ?? 60); i++) {
  const t0 = performance.now();
  document = store.documentsConfiguration.update(document, [{ range: { start: at, end: at }, text: 'x' }], ++version);
  const t1 = performance.now();
  const plan = store.get(document);
  const t2 = performance.now();
  lint(plan, { now: NOW });
  const t3 = performance.now();
  a.push(t1 - t0); b.push(t2 - t1); c.push(t3 - t2);
  document = store.documentsConfiguration.update(document, [{ range: { start: at, end: document.positionAt(offset + 1) }, text: '' }], ++version);
  lint(store.get(document), { now: NOW });
}
const med = (x: number[]) => x.sort((p, q) => p - q)[x.length >> 1]!.toFixed(3);
console.log('doc', med(a), 'store.get', med(b), 'lint', med(c));
