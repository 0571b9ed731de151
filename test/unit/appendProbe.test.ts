import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePlan, updatePlan } from '../../server/src/core/model/index';
import { appendedHeadingParses } from '../../server/src/core/model/appendProbe';

/** Lines that leave the block scanner in every state a section can end in. */
const LINES = [
  '## Progress', '### Sub', 'plain text', '', '```', '```md', '~~~', '    indented', '- [ ] item', '  - nested', '- ```', '  ```', '1. first',
  '> quote', '<!--', '-->', '<div>', '</div>', '<script>', '</script>', '<?', '?>', 'Title', '---', '===', '---js', '\t- tab', '* * *',
];
const ADDITIONS = ['\n## Decision Log\n', '\r\n\r\n## Decision Log\r\n', '## Decision Log\n', '\n## Decision Log', '\n\n## Decision Log ##\n\nText\n', '\n## Other\n'];

function byParsing(text: string, addition: string, title: string): boolean {
  return parsePlan(text + addition).sections.some((placed) => placed.section.heading?.level === 2 && placed.section.heading.text === title);
}

describe('appending a section after the last one', () => {
  it('says whether the heading parses exactly as parsing the joined text does', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LINES), { maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.constantFrom(...ADDITIONS),
        (lines, eol, trailing, addition) => {
          const text = lines.join(eol) + (trailing ? eol : '');
          const plan = parsePlan(text);
          const last = plan.sections[plan.sections.length - 1]!.section;
          const lastText = last.text;
          assert.equal(appendedHeadingParses(last, addition, 'Decision Log'), byParsing(lastText, addition, 'Decision Log'), JSON.stringify({ lastText, addition }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers the same for a last section that an edit left or rebuilt', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LINES), { maxLength: 25 }),
        fc.nat(),
        fc.constantFrom(...LINES, '\n', '```\n', '## Decision Log\n'),
        fc.constantFrom(...ADDITIONS),
        (lines, at, inserted, addition) => {
          const before = lines.join('\n') + '\n';
          const offset = at % (before.length + 1);
          const after = before.slice(0, offset) + inserted + before.slice(offset);
          const plan = updatePlan(parsePlan(before), after, [{ start: offset, end: offset, insertedLength: inserted.length }]);
          const last = plan.sections[plan.sections.length - 1]!.section;
          assert.equal(appendedHeadingParses(last, addition, 'Decision Log'), byParsing(last.text, addition, 'Decision Log'), JSON.stringify({ before, after, addition }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('says no after an unclosed fence and yes after a closed one', () => {
    const open = parsePlan('## Progress\n\n```bash\nnpm test\n').sections[1]!.section;
    const closed = parsePlan('## Progress\n\n```bash\nnpm test\n```\n').sections[1]!.section;
    assert.equal(appendedHeadingParses(open, '\n## Decision Log\n', 'Decision Log'), false);
    assert.equal(appendedHeadingParses(closed, '\n## Decision Log\n', 'Decision Log'), true);
  });
});
