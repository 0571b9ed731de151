import { strict as assert } from 'node:assert';
import { planHover } from '../../../server/src/core/features/hover';
import { NOW, fixture, lintText, positionOf } from './helpers';

const TOKYO = 9 * 60;

describe('hover', () => {
  const linted = lintText(fixture('ssot-complete-PLAN.md'));
  const hoverAt = (needle: string, offset = 1, text = linted) => planHover(text.plan, text.result, positionOf(text.lines, needle, offset), { now: NOW, offsetMinutes: TOKYO });

  it('explains a section heading and says whether the profile requires it', () => {
    const progress = hoverAt('## Progress', 4)!;
    assert.match(progress.markdown, /\*\*Progress\*\*/);
    assert.match(progress.markdown, /Next Action/);
    assert.match(progress.markdown, /Required \(MUST\)/);
    const milestones = hoverAt('## Milestones', 4)!;
    assert.match(milestones.markdown, /Recommended \(SHOULD\)/);
    const handoff = hoverAt('## Handoff Summary', 4)!;
    assert.match(handoff.markdown, /handed to another agent/);
  });

  it('names the canonical section when the heading uses another spelling', () => {
    const text = lintText('# PLAN: X\n\n## Validation and Acceptance\n- Criterion: y\n', 'ssot');
    const hover = hoverAt('## Validation', 4, text)!;
    assert.match(hover.markdown, /Recognised as \*\*Validation & Acceptance\*\*/);
  });

  it('says when a heading is not a section of the profile', () => {
    const text = lintText('# PLAN: X\n\n## Shopping List\n- milk\n', 'ssot');
    assert.match(hoverAt('## Shopping', 4, text)!.markdown, /not one of the sections/);
  });

  it('shows a timestamp in UTC and local time, and how long ago it was', () => {
    const hover = hoverAt('2026-03-02T09:10:00Z', 3)!;
    assert.match(hover.markdown, /UTC: 2026-03-02 09:10:00 UTC/);
    assert.match(hover.markdown, /Local: 2026-03-02 18:10:00 \(UTC\+09:00\)/);
    assert.match(hover.markdown, /2 hours ago/);
    const line = linted.lines[hover.range.start.line]!;
    assert.equal(line.slice(hover.range.start.character, hover.range.end.character), '2026-03-02T09:10:00Z');
  });

  it('shows frontmatter times too, and warns about a time without a zone', () => {
    assert.match(hoverAt('updated: 2026', 12)!.markdown, /30 minutes ago/);
    const text = lintText('# PLAN: X\n\n## Progress\n- [x] 2026-03-02 11:00 - done\n', 'ssot');
    assert.match(hoverAt('2026-03-02 11:00', 2, text)!.markdown, /names no time zone/);
  });

  it('explains a status value and flags one the profile does not use', () => {
    const known = hoverAt('Status: IN_PROGRESS', 10)!;
    assert.match(known.markdown, /Work is under way/);
    assert.doesNotMatch(known.markdown, /not a status/);
    const text = lintText('# PLAN: X\n\n## Progress\nStatus: WAITING\n', 'ssot');
    assert.match(hoverAt('Status: WAITING', 10, text)!.markdown, /not a status the .* profile uses/);
  });

  it('names the rule behind a code in an inline directive', () => {
    const text = lintText('# PLAN: X\n\n<!-- execplan-disable EP001 EP999 -->\n## Progress\n', 'ssot');
    const known = hoverAt('EP001', 2, text)!;
    assert.match(known.markdown, /\*\*EP001\*\* `required-section`/);
    assert.match(known.markdown, /docs\/rules\/EP001\.md/);
    assert.match(hoverAt('EP999', 2, text)!.markdown, /No rule `EP999` is registered/);
  });

  it('says nothing over plain prose', () => {
    assert.equal(hoverAt('People who read', 3), undefined);
  });
});
