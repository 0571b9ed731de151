import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import { DISABLE_FILE_TITLE, DISABLE_LINE_TITLE, disableForFile, disableForLine, readDirectiveLine } from '../../../server/src/core/features/edits/silence';
import { apply, lineOf, lintOptions } from './support';
import { describeGoldens } from './goldenRunner';

describe('silence a rule with an inline directive', () => {
  describeGoldens('silence', (text, entry) => {
    const plan = parsePlan(text);
    return entry.lineContaining ? disableForLine(plan, lineOf(text, entry.lineContaining), entry.rule!, entry.ruleName) : disableForFile(plan, entry.rule!, entry.ruleName);
  });

  it('is not offered inside a code block, where the comment would show as text', () => {
    const text = '# PLAN: x\n\n## Concrete Steps\n```sh\nnpm test 2026-03-01 10:00\n```\n';
    assert.equal(disableForLine(parsePlan(text), 4, 'EP030'), undefined);
  });

  it('silences what the engine reports: the finding is gone after the edit', () => {
    const text = '---\nid: x\n---\n\n# PLAN: Silence\n\n## Progress\nStatus: IN_PROGRESS\nNext Action: go.\n\n- [ ] 2026-03-01 10:00 - Write it\n';
    const line = lineOf(text, 'Write it');
    const before = lint(parsePlan(text), lintOptions('silence-PLAN.md')).findings.filter((finding) => finding.range.start.line === line);
    assert.ok(before.length > 0, 'the fixture has a finding on the item line');
    const ruleId = before[0]!.ruleId;
    const lineSilenced = apply(text, [disableForLine(parsePlan(text), line, ruleId)!]);
    const afterLine = lint(parsePlan(lineSilenced), lintOptions('silence-PLAN.md')).findings.filter((finding) => finding.ruleId === ruleId && finding.range.start.line === line + 1);
    assert.deepEqual(afterLine, []);
    const fileSilenced = apply(text, [disableForFile(parsePlan(text), ruleId)!]);
    assert.deepEqual(lint(parsePlan(fileSilenced), lintOptions('silence-PLAN.md')).findings.filter((finding) => finding.ruleId === ruleId), []);
  });

  it('reads its own directives back, with a reason after `--`', () => {
    assert.deepEqual(readDirectiveLine('  <!-- execplan-disable-next-line EP001 EP002 -- why -->', 'execplan-disable-next-line'), { rules: ['EP001', 'EP002'], reason: 'why' });
    assert.equal(readDirectiveLine('text <!-- execplan-disable-file EP001 -->', 'execplan-disable-file'), undefined);
  });

  it('titles say which rule and where', () => {
    assert.equal(DISABLE_LINE_TITLE('EP023'), 'Disable EP023 for this line');
    assert.equal(DISABLE_FILE_TITLE('EP023'), 'Disable EP023 for this file');
  });
});
