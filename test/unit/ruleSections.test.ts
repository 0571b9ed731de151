/**
 * A section rule that names the sections it checks is run on those sections only, and finds the
 * same problems there as when it was run on every section and returned early on the others.
 */
import { strict as assert } from 'node:assert';
import { parsePlan } from '../../server/src/core/model/index';
import { lint } from '../../server/src/core/engine';
import { RULES } from '../../server/src/core/rules/index';
import { PROFILES } from '../../server/src/core/profiles/index';
import type { Rule } from '../../server/src/core/rules/types';

const PLAN = [
  '# PLAN: Sections',
  '',
  '## Purpose / Big Picture',
  '',
  'Export reports.',
  '',
  '## Progress',
  '',
  '- [x] shipped the writer',
  '- [ ] 2026-02-03T10:00:00Z - wire the button',
  '',
  '## Decision Log',
  '',
  '- Decision: CSV first.',
  '',
].join('\n');

describe('rules that name their sections', () => {
  it('are called only for the sections they name, and still report there', () => {
    const rule = RULES.find((candidate) => candidate.id === 'EP023')! as Rule & { checkSection: NonNullable<Rule['checkSection']> };
    assert.deepEqual(rule.sections, ['progress']);
    const original = rule.checkSection;
    const seen: string[] = [];
    rule.checkSection = (context, report) => {
      seen.push(context.section.heading?.text ?? '(preamble)');
      original.call(rule, context, report);
    };
    try {
      const { findings } = lint(parsePlan(PLAN), { now: new Date('2026-03-01T00:00:00Z'), config: { profile: 'ssot' } });
      assert.deepEqual(seen, ['Progress']);
      const progressLine = PLAN.split('\n').indexOf('- [x] shipped the writer');
      assert.ok(findings.some((finding) => finding.ruleId === 'EP023' && finding.range.start.line === progressLine), 'EP023 reports the Progress item without a timestamp');
    } finally {
      rule.checkSection = original;
    }
  });

  it('name only sections some profile has', () => {
    const keys = new Set(PROFILES.flatMap((profile) => profile.sections.map((section) => section.key)));
    for (const rule of RULES) for (const key of rule.sections ?? []) assert.ok(keys.has(key), `${rule.id} names the unknown section ${key}`);
  });
});
