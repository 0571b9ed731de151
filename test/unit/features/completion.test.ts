import { strict as assert } from 'node:assert';
import { planCompletions } from '../../../server/src/core/features/completion';
import { NOW, fixture, lintText } from './helpers';
import type { Linted } from './helpers';

/** Completions at the end of line `line` (0-based) after replacing it with `typed`. */
function completeAfter(source: string, line: number, typed: string, profile = 'ssot') {
  const lines = source.split('\n');
  lines[line] = typed;
  const linted: Linted = lintText(lines.join('\n'), profile);
  return planCompletions(linted.plan, linted.result, { line, character: typed.length }, { now: NOW });
}

const PARTIAL = [
  '---',
  'id: x',
  '',
  '---',
  '',
  '# PLAN: Partial',
  '',
  '## Purpose / Big Picture',
  'Goal.',
  '',
  '',
  '',
  '## Constraints & Safety',
  'None.',
  '',
  '## Decision Log',
  '- 2026-03-02T10:00:00Z - Decision: x',
  '',
].join('\n');

describe('completion', () => {
  it('offers the missing sections after `## `, the one that belongs at the cursor first', () => {
    const items = completeAfter(PARTIAL, 10, '## ');
    const labels = items.map((item) => item.label);
    // Between Purpose and Constraints the profile puts Progress, Context, Interfaces.
    assert.deepEqual(labels.slice(0, 3), ['Progress', 'Context and Orientation', 'Interfaces & Dependencies']);
    assert.match(items[0]!.detail!, /belongs here/);
    assert.ok(!labels.includes('Purpose / Big Picture') && !labels.includes('Decision Log'), 'present sections are not offered');
    assert.ok(labels.includes('Outcomes & Retrospective'));
    assert.deepEqual([...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label), labels);
  });

  it('inserts the section template under a new heading with the current time', () => {
    const items = completeAfter(PARTIAL, 10, '## Pro');
    const progress = items.find((item) => item.label === 'Progress')!;
    assert.match(progress.newText, /^Progress\nStatus: /);
    assert.match(progress.newText, /2026-03-02T12:00:00Z/);
    assert.deepEqual(progress.range, { start: { line: 10, character: 3 }, end: { line: 10, character: 6 } });
  });

  it('offers frontmatter keys not yet present, then the values of an enum key', () => {
    const keys = completeAfter(PARTIAL, 2, 'st').map((item) => item.label);
    assert.ok(keys.includes('status') && keys.includes('owner'));
    assert.ok(!keys.includes('id'), 'id is already there');
    const values = completeAfter(PARTIAL, 2, 'status: ').map((item) => item.label);
    assert.deepEqual(values, ['DRAFT', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'ABANDONED']);
    const profile = completeAfter(PARTIAL, 2, 'profile:');
    assert.deepEqual(profile.map((item) => item.newText), [' codex-strict', ' repo-native']);
    const updated = completeAfter(PARTIAL, 2, 'updated: ');
    assert.deepEqual(updated.map((item) => item.newText), ['2026-03-02T12:00:00Z']);
  });

  it('offers the allowed status values after `Status: ` and the intents after `Intent: `', () => {
    const statuses = completeAfter(PARTIAL, 10, 'Status: ');
    assert.deepEqual(statuses.map((item) => item.label), ['DRAFT', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'ABANDONED']);
    const intents = completeAfter(PARTIAL, 10, '  Intent: ');
    assert.deepEqual(intents.map((item) => item.label), ['REQUEST', 'NOTIFY', 'BLOCK']);
  });

  it('offers nothing in ordinary prose', () => {
    assert.deepEqual(completeAfter(fixture('ssot-complete-PLAN.md'), 12, 'in a spreadsheet. Today they '), []);
  });
});

describe('completion in other profiles', () => {
  it('offers a date, not a time, for a date field', () => {
    const text = '---\ntitle: Migrate storage\nlast_updated: \n---\n\n# Migrate storage\n\n## Purpose\n- Faster reads.\n';
    const linted = lintText(text, 'magsag');
    const items = planCompletions(linted.plan, linted.result, { line: 2, character: 'last_updated: '.length }, { now: NOW });
    assert.deepEqual(items.map((item) => item.newText), ['2026-03-02']);
  });

  it('offers the profile’s own section names after `## `', () => {
    const text = '# Migrate storage\n\n## Purpose\n- Faster reads.\n\n## \n';
    const linted = lintText(text, 'magsag');
    const labels = planCompletions(linted.plan, linted.result, { line: 5, character: 3 }, { now: NOW }).map((item) => item.label);
    assert.deepEqual(labels, ['Context', 'Plan of Work', 'Validation', 'Status', 'Follow-up']);
  });
});
