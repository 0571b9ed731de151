import { generatePlan } from './generate';
import { parsePlan } from '../server/src/core/model/index';
import { lint } from '../server/src/core/engine';
const text = generatePlan(100 * 1024, 3);
const r = lint(parsePlan(text), { now: new Date('2026-03-01T00:00:00Z') });
const lines = text.split('\n');
for (const id of ['EP031', 'EP040', 'EP041']) { const f = r.findings.find(f => f.ruleId === id)!; console.log(id, f.message.slice(0, 200), '\n   line:', lines[f.range.start.line]!.slice(0, 120)); }
