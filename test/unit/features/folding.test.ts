import { strict as assert } from 'node:assert';
import { planFoldingRanges } from '../../../server/src/core/features/folding';
import { fixture, lintText } from './helpers';

describe('folding ranges', () => {
  it('folds the frontmatter, every section without its trailing blank lines, and subsections', () => {
    const { plan, result, lines } = lintText(fixture('ssot-complete-PLAN.md'));
    const ranges = planFoldingRanges(plan, result);
    assert.deepEqual(ranges[0], { startLine: 0, endLine: 7, kind: 'comment' });
    const starts = (heading: string): number => lines.indexOf(heading);
    const progress = ranges.find((range) => range.startLine === starts('## Progress'))!;
    assert.equal(lines[progress.endLine], '- [ ] 2026-03-02T11:30:00Z - Write the CSV serializer (Owner: agent-7)');
    const scope = ranges.find((range) => range.startLine === starts('### Allowed Scope'))!;
    assert.equal(lines[scope.endLine], '- Allowed directories: `src/report/**`, `test/report/**`');
  });

  it('folds a multi-line entry from its first to its last line', () => {
    const { plan, result, lines } = lintText(fixture('ssot-complete-PLAN.md'));
    const decision = lines.findIndex((line) => line.includes('Decision: compute totals'));
    const range = planFoldingRanges(plan, result).find((candidate) => candidate.startLine === decision);
    assert.ok(range, 'the decision entry folds');
    assert.equal(lines[range.endLine], '  Author: agent-7');
  });

  it('does not fold a one-line entry or a one-line section', () => {
    const { plan, result } = lintText('# PLAN: Small\n\n## Progress\n- [ ] one\n- [ ] two\n', 'ssot');
    const ranges = planFoldingRanges(plan, result);
    assert.deepEqual(ranges, [{ startLine: 2, endLine: 4 }]);
  });
});
