import * as fs from 'node:fs';
import { parsePlan } from './server/src/core/model/index';
import { lint } from './server/src/core/engine';
const text = fs.readFileSync('test/fixtures/rules/EP025/stale.ssot.md', 'utf8');
const plan = parsePlan(text);
const r = lint(plan, { config: { profile: 'ssot' }, now: new Date('2026-03-02T12:00:00Z') });
console.log(r.findings.map((f) => f.ruleId + ' ' + f.message).join('\n'));
for (const s of r.sections) console.log(s.title, s.spec?.key, s.placed.section.timestamps.map((t) => t.raw + ' ' + t.format + ' ' + t.epochMs));
