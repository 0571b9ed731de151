import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';

const now = new Date('2026-03-02T12:00:00Z');
const findingsOf = (text: string, rule: string) =>
  lint(parsePlan(text), { config: { profile: 'ssot' }, now })
    .findings.filter((finding) => finding.ruleId === rule)
    .map((finding) => finding.range.start.line + 1);

const progress = (items: string) => `# PLAN: Directives\n\n## Progress\nStatus: IN_PROGRESS\nNext Action: Go.\n\n${items}\n`;

describe('inline directives', () => {
  it('disable-next-line silences one rule on the next line only', () => {
    const text = progress('<!-- execplan-disable-next-line EP023 -->\n- [ ] No time here\n- [ ] Nor here');
    assert.deepEqual(findingsOf(text, 'EP023'), [9]);
  });

  it('disable ... enable silences a span, by code or by name', () => {
    const text = progress('<!-- execplan-disable progress-timestamp -->\n- [ ] One\n- [ ] Two\n<!-- execplan-enable progress-timestamp -->\n- [ ] Three');
    assert.deepEqual(findingsOf(text, 'EP023'), [11]);
  });

  it('disable without enable runs to the end, and leaves other rules alone', () => {
    const text = progress('<!-- execplan-disable EP023 -->\n- [ ] One\n- [ ] 2026-03-01 09:00 - Two');
    assert.deepEqual(findingsOf(text, 'EP023'), []);
    assert.deepEqual(findingsOf(text, 'EP030'), [9]);
  });

  it('disable-file silences a rule anywhere, even above the directive', () => {
    const text = '# PLAN: Directives\n\n## Notes\nText.\n\n## More\nText.\n\n<!-- execplan-disable-file EP005 -- these sections are on purpose -->\n';
    assert.deepEqual(findingsOf(text, 'EP005'), []);
    assert.deepEqual(findingsOf(text.replace('execplan-disable-file EP005', 'execplan-disable-file EP004'), 'EP005'), [3, 6]);
  });

  it('a directive without rule names silences every rule', () => {
    const text = progress('<!-- execplan-disable-next-line -->\n- [ ] 2026-03-01 09:00 - No zone');
    assert.deepEqual([...findingsOf(text, 'EP023'), ...findingsOf(text, 'EP030')], []);
  });

  it('plain comments and directives inside code change nothing', () => {
    const text = progress('<!-- a note, not a directive -->\n```\n<!-- execplan-disable-file EP023 -->\n```\n- [ ] One');
    assert.deepEqual(findingsOf(text, 'EP023'), [11]);
  });
});
