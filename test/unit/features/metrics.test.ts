import { strict as assert } from 'node:assert';
import { coveragePercent, planMetrics } from '../../../server/src/core/features/metrics';
import { fixture, lintText } from './helpers';

describe('plan metrics', () => {
  it('counts distinct external URLs outside See Also / References, but not localhost or a snapshotted source', () => {
    const text = [
      '# PLAN: Links',
      '',
      '## Context and Orientation',
      'The API is described at https://api.acme-billing.io/docs and [here](https://guides.acme-billing.io/start).',
      'Again: https://api.acme-billing.io/docs',
      'Run `curl http://localhost:3000/health` to check the server.',
      'Research Snapshot',
      '- Retrieved: 2026-03-01T10:00:00Z',
      '- Source: https://spec.acme-billing.io/v2',
      '',
      '## See Also',
      '- https://blog.acme-billing.io/background',
      '',
    ].join('\n');
    const { result } = lintText(text, 'ssot');
    assert.equal(planMetrics(result).externalDependencyCount, 2);
  });

  it('counts acceptance criteria that have both a command and an expected output', () => {
    const text = [
      '# PLAN: Criteria',
      '',
      '## Validation & Acceptance',
      '- Criterion: the CSV has a header row.',
      '  - Verify: `npm test -- csv`',
      '  - Expected: `1 passing`',
      '- Criterion: it is fast.',
      '- Criterion: the endpoint answers.',
      '  - Verify: `curl -s localhost:3000/r.csv | head -1`',
      '',
    ].join('\n');
    const { result } = lintText(text, 'ssot');
    const { acceptanceVerifiability } = planMetrics(result);
    assert.deepEqual(acceptanceVerifiability, { covered: 1, total: 3 });
    assert.equal(coveragePercent(acceptanceVerifiability), 33);
  });

  it('counts decisions and discoveries that point at evidence', () => {
    const text = [
      '# PLAN: Evidence',
      '',
      '## Surprises & Discoveries',
      '- 2026-03-01T10:00:00Z - The cache is never cleared. (Evidence: `src/cache.ts:12`)',
      '- 2026-03-01T10:30:00Z - Tests are slow on CI.',
      '',
      '## Decision Log',
      '- 2026-03-01T11:00:00Z - Decision: clear the cache on deploy.',
      '  Evidence: `npm test -- cache` passes',
      '- 2026-03-01T11:10:00Z - Decision: leave CI alone for now.',
      '',
    ].join('\n');
    const { result } = lintText(text, 'ssot');
    assert.deepEqual(planMetrics(result).evidenceCoverage, { covered: 2, total: 4 });
  });

  it('reports a complete plan as fully verifiable and evidenced', () => {
    const { result } = lintText(fixture('ssot-complete-PLAN.md'));
    const metrics = planMetrics(result);
    assert.equal(metrics.externalDependencyCount, 0);
    assert.equal(coveragePercent(metrics.acceptanceVerifiability), 100);
    assert.equal(coveragePercent(metrics.evidenceCoverage), 100);
  });

  it('has no percentage when there is nothing to count', () => {
    assert.equal(coveragePercent({ covered: 0, total: 0 }), undefined);
  });
});
