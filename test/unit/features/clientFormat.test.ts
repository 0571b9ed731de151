import { strict as assert } from 'node:assert';
import { formatAge, formatCoverage, slugify, statusGroup } from '../../../client/src/format';

describe('client formatting (status bar and Plans view)', () => {
  it('puts every dialect spelling of a status in the right group', () => {
    assert.equal(statusGroup('IN_PROGRESS'), 'IN_PROGRESS');
    assert.equal(statusGroup('in-progress'), 'IN_PROGRESS');
    assert.equal(statusGroup('active'), 'IN_PROGRESS');
    assert.equal(statusGroup('blocking'), 'BLOCKED');
    assert.equal(statusGroup('Completed'), 'DONE');
    assert.equal(statusGroup('ABANDONED'), 'ABANDONED');
    assert.equal(statusGroup('waiting for review'), 'OTHER');
    assert.equal(statusGroup(undefined), 'NONE');
    assert.equal(statusGroup('  '), 'NONE');
  });

  it('writes short ages in the past and the future', () => {
    const now = Date.parse('2026-03-02T12:00:00Z');
    assert.equal(formatAge(now - 20_000, now), 'just now');
    assert.equal(formatAge(now - 5 * 60_000, now), '5 min ago');
    assert.equal(formatAge(now - 3 * 3600_000 - 59_000, now), '3 h ago');
    assert.equal(formatAge(now - 2 * 24 * 3600_000, now), '2 d ago');
    assert.equal(formatAge(now + 10 * 60_000, now), 'in 10 min');
  });

  it('writes a coverage as a count and a percentage', () => {
    assert.equal(formatCoverage({ covered: 3, total: 4 }), '3 of 4 (75%)');
    assert.equal(formatCoverage({ covered: 0, total: 0 }), 'none to count');
  });

  it('makes a file-name slug from a plan title', () => {
    assert.equal(slugify('Export reports as CSV!'), 'export-reports-as-csv');
    assert.equal(slugify('  Café — résumé parser  '), 'cafe-resume-parser');
    assert.equal(slugify('???'), '');
    assert.ok(slugify('x'.repeat(100)).length <= 60);
  });
});
