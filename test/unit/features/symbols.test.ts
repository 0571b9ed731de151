import { strict as assert } from 'node:assert';
import { planSymbols } from '../../../server/src/core/features/symbols';
import type { PlanSymbol } from '../../../server/src/core/features/symbols';
import { fixture, lintText } from './helpers';

const names = (symbols: readonly PlanSymbol[]): string[] => symbols.map((symbol) => symbol.name);

/** Symbols as VS Code's Outline sorts them by default: by where their range starts. */
const byPosition = (symbols: readonly PlanSymbol[]): PlanSymbol[] =>
  [...symbols].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.range.end.line - b.range.end.line);

/** The symbol an editor picks for the breadcrumbs at `line`: the first top-level one whose range holds it. */
const enclosing = (symbols: readonly PlanSymbol[], line: number): PlanSymbol | undefined =>
  symbols.find((symbol) => symbol.range.start.line <= line && symbol.range.end.line >= line);

describe('outline (document symbols)', () => {
  it('puts the Next Action first in the outline and makes it jump to its own line', () => {
    const { plan, result, lines } = lintText(fixture('ssot-complete-PLAN.md'));
    const [first] = byPosition(planSymbols(plan, result));
    assert.equal(first!.name, 'Next Action: Add the CSV writer for the totals row.');
    assert.equal(first!.kind, 'next-action');
    assert.equal(lines[first!.selectionRange.start.line], 'Next Action: Add the CSV writer for the totals row.');
  });

  it('leaves the breadcrumbs to the section around the cursor', () => {
    const { plan, result, lines } = lintText(fixture('ssot-complete-PLAN.md'));
    const symbols = planSymbols(plan, result);
    const inPurpose = lines.findIndex((line) => line.startsWith('People who read'));
    assert.equal(enclosing(symbols, inPurpose)!.name, 'Purpose / Big Picture');
    const onNextAction = lines.findIndex((line) => line.startsWith('Next Action:'));
    assert.equal(enclosing(symbols, onNextAction)!.name, 'Progress');
  });

  it('lists the sections in document order with H3 subsections as children', () => {
    const { plan, result } = lintText(fixture('ssot-complete-PLAN.md'));
    const symbols = byPosition(planSymbols(plan, result));
    const sections = symbols.filter((symbol) => symbol.kind === 'section');
    assert.deepEqual(names(sections).slice(0, 5), ['Purpose / Big Picture', 'Progress', 'Context and Orientation', 'Interfaces & Dependencies', 'Constraints & Safety']);
    const constraints = sections.find((symbol) => symbol.name === 'Constraints & Safety')!;
    assert.deepEqual(names(constraints.children), ['Allowed Scope', 'Approval-Required Operations', 'Forbidden Operations', 'Secrets & PII']);
    for (const child of constraints.children) {
      assert.ok(child.range.start.line >= constraints.range.start.line && child.range.end.line <= constraints.range.end.line, `${child.name} lies inside its section`);
    }
  });

  it('shows the Progress status and its open items only', () => {
    const text = [
      '# PLAN: Outline',
      '',
      '## Progress',
      'Status: BLOCKED',
      'Next Action: Ask for database access.',
      '',
      '- [x] 2026-03-01T10:00:00Z - Wrote the migration (Owner: a)',
      '- [ ] 2026-03-01T11:00:00Z - Run the migration on staging (Owner: a)',
      '- [ ] 2026-03-01T11:05:00Z - Check the row counts (Owner: a)',
      '',
    ].join('\n');
    const { plan, result } = lintText(text, 'ssot');
    const progress = planSymbols(plan, result).find((symbol) => symbol.name === 'Progress')!;
    assert.equal(progress.detail, 'BLOCKED · 2 open items');
    assert.deepEqual(names(progress.children), ['Run the migration on staging (Owner: a)', 'Check the row counts (Owner: a)']);
  });

  it('names decisions by what was decided, in both entry styles', () => {
    const text = [
      '# PLAN: Decisions',
      '',
      '## Decision Log',
      '- 2026-03-01T10:00:00Z - Decision: Use SQLite for the cache.',
      '  Rationale: no server to run',
      '- [2026-03-01 11:00 UTC] Keep the old endpoint for one release.',
      '',
    ].join('\n');
    const { plan, result } = lintText(text, 'ssot');
    const log = planSymbols(plan, result).find((symbol) => symbol.name === 'Decision Log')!;
    assert.deepEqual(names(log.children), ['Use SQLite for the cache.', 'Keep the old endpoint for one release.']);
    assert.equal(log.children[0]!.range.end.line, 4, 'the first decision covers its Rationale line');
  });

  it('has no Next Action symbol when the plan has none', () => {
    const { plan, result } = lintText('# PLAN: Empty\n\n## Progress\nStatus: DRAFT\n', 'ssot');
    assert.ok(!planSymbols(plan, result).some((symbol) => symbol.kind === 'next-action'));
  });
});
