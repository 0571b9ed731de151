import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan, lineText, positionAt, offsetAt } from '../../server/src/core/model/index';
import type { PlanDocument } from '../../server/src/core/model/index';

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '../fixtures/plans', name), 'utf8');
const headings = (plan: PlanDocument): string[] => plan.sections.filter((s) => s.section.heading).map((s) => `${s.section.heading!.level}:${s.section.heading!.text}@${s.line}`);

describe('plan model', () => {
  it('classifies the lines of a long plan as it classifies each section alone', () => {
    // The scan's array of line classes grows while sections are open: a long section spans the
    // first growth, and setext headings (`Setext` over `---`) close short sections around the next.
    const long = ['## Long', ...Array.from({ length: 1504 }, (_, i) => ['- item', 'text', '', '```', 'code', '```', '1. step', ''][i % 8]!)];
    const short = Array.from({ length: 1200 }, (_, i) => ['Setext', '---', '- item', '', 'text'][i % 5]!);
    const text = ['# Title', '', ...long, ...short].join('\n');
    const plan = parsePlan(text);
    let checked = 0;
    for (const entry of plan.sections) {
      if (entry.section.heading?.level !== 2) continue;
      const alone = parsePlan(entry.section.text).sections.find((other) => other.section.heading !== undefined)!;
      assert.deepEqual(Array.from(entry.section.lineKinds), Array.from(alone.section.lineKinds), `section at line ${entry.line}`);
      checked++;
    }
    assert.ok(checked > 200, `only ${checked} sections checked`);
    assert.ok(plan.sections.some((entry) => entry.line < 1024 && entry.line + entry.section.lineStarts.length > 1024), 'no section spans line 1024');
  });

  describe('frontmatter', () => {
    it('reads fields with their ranges', () => {
      const plan = parsePlan(fixture('ssot-complete-PLAN.md'));
      const fm = plan.frontmatter!;
      assert.equal(fm.closed, true);
      assert.equal(fm.endLine, 7);
      assert.equal(plan.bodyStartLine, 8);
      assert.equal(fm.data!['status'], 'IN_PROGRESS');
      assert.equal(fm.data!['updated'], '2026-03-02T11:30:00Z', 'timestamps stay strings');
      const updated = fm.fields.get('updated')!;
      assert.deepEqual(updated.keyRange, { start: { line: 5, character: 0 }, end: { line: 5, character: 7 } });
      assert.deepEqual(updated.valueRange, { start: { line: 5, character: 9 }, end: { line: 5, character: 29 } });
      assert.deepEqual(fm.problems, []);
    });

    it('refuses aliases instead of expanding them', () => {
      const plan = parsePlan('---\na: &x [1, 2]\nb: *x\n---\n# PLAN: t\n');
      assert.equal(plan.frontmatter!.data, undefined);
      assert.match(plan.frontmatter!.problems[0]!.message, /aliases/);
      assert.equal(plan.frontmatter!.problems[0]!.range.start.line, 2);
    });

    it('marks frontmatter that is not fields up to its last character, whatever its line endings', () => {
      for (const eol of ['\n', '\r\n']) {
        const plan = parsePlan(`---${eol}😀${eol}---${eol}`);
        const problem = plan.frontmatter!.problems[0]!;
        assert.match(problem.message, /not a list of `key: value` fields/);
        assert.deepEqual(problem.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, JSON.stringify(eol));
      }
    });

    it('reports duplicate keys at the duplicate', () => {
      const plan = parsePlan('---\nstatus: DONE\nstatus: DRAFT\n---\n');
      const problem = plan.frontmatter!.problems.find((p) => p.severity === 'error')!;
      assert.match(problem.message, /unique/i);
      assert.equal(problem.range.start.line, 2);
    });

    it('keeps custom tags as data and never runs them', () => {
      const plan = parsePlan('---\nid: !!js/function "function () { globalThis.executed = true }"\nx: !custom 1\n---\n');
      assert.equal((globalThis as Record<string, unknown>)['executed'], undefined);
      assert.equal(typeof plan.frontmatter!.data?.['id'], 'string');
    });

    it('does not read JavaScript frontmatter', () => {
      const plan = parsePlan('---js\n{ id: (globalThis.ran = 1) }\n---\n# PLAN: x\n');
      assert.equal(plan.frontmatter!.data, undefined);
      assert.match(plan.frontmatter!.problems[0]!.message, /`js` is not read/);
      assert.equal((globalThis as Record<string, unknown>)['ran'], undefined);
    });

    it('shares one reading of a frontmatter parsed twice in a row, and never lends it to another text', () => {
      const text = fixture('ssot-complete-PLAN.md');
      const first = parsePlan(text).frontmatter!;
      const again = parsePlan(text).frontmatter!;
      assert.equal(again.fields, first.fields, 'an open plan and a check of its file hold one copy');
      const other = parsePlan(text.replace(/^id: .*$/m, 'id: another-plan')).frontmatter!;
      assert.notEqual(other.fields, first.fields);
      assert.equal(other.data!['id'], 'another-plan');
      assert.equal(parsePlan(text).frontmatter!.data!['id'], first.data!['id']);
    });

    it('closes at a line of `---` or `...` with nothing after it but spaces and tabs', () => {
      for (const eol of ['\n', '\r\n']) {
        for (const closer of ['---', '...', '--- ', '...\t', '---  \t ']) {
          const plan = parsePlan(['---', 'id: x', closer, '# PLAN: t', ''].join(eol));
          assert.equal(plan.frontmatter!.closed, true, JSON.stringify(closer + eol));
          assert.equal(plan.frontmatter!.endLine, 2, JSON.stringify(closer + eol));
        }
        for (const other of ['--', '----', '-.-', '..', '--- x', '...x', ' ---', '\t...', '- --']) {
          const plan = parsePlan(['---', 'id: x', other, '# PLAN: t', ''].join(eol));
          assert.equal(plan.frontmatter!.closed, false, JSON.stringify(other + eol));
        }
      }
    });

    it('reports frontmatter that never closes and parses the body from the top', () => {
      const plan = parsePlan('---\nid: x\n## Progress\n');
      assert.equal(plan.frontmatter!.closed, false);
      assert.match(plan.frontmatter!.problems[0]!.message, /never closed/);
      assert.equal(plan.bodyStartLine, 0);
      assert.deepEqual(headings(plan), ['2:Progress@2']);
    });

    it('caps nesting depth before parsing', () => {
      const deep = '---\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n---\n';
      const plan = parsePlan(deep);
      assert.equal(plan.frontmatter!.data, undefined);
      assert.match(plan.frontmatter!.problems[0]!.message, /nests deeper/);
    });
  });

  describe('sections', () => {
    it('splits at level-1 and level-2 headings with the preamble first', () => {
      const plan = parsePlan(fixture('ssot-complete-PLAN.md'));
      assert.equal(plan.sections[0]!.section.heading, undefined);
      assert.deepEqual(headings(plan).slice(0, 4), ['1:PLAN: Export reports as CSV@9', '2:Purpose / Big Picture@11', '2:Progress@15', '2:Context and Orientation@22']);
      const constraints = plan.sections.find((s) => s.section.heading?.text === 'Constraints & Safety')!;
      assert.deepEqual(
        constraints.section.subheadings.map((h) => `${h.level}:${h.text}@${constraints.line + h.line}`),
        ['3:Allowed Scope@30', '3:Approval-Required Operations@33', '3:Forbidden Operations@36', '3:Secrets & PII@39'],
      );
    });

    it('gives heading and heading-text ranges', () => {
      const plan = parsePlan('# PLAN: x\n\n##   Progress  ##\n');
      const progress = plan.sections[2]!;
      assert.deepEqual(progress.section.heading!.textRange, { start: { line: 0, character: 5 }, end: { line: 0, character: 13 } });
      assert.equal(progress.line, 2);
    });

    it('does not treat headings inside fences, indented code, HTML comments or lists as sections', () => {
      const text = ['# T', '```md', '## Inside Fence', '```', '', '    ## Indented', '', '<!--', '## In Comment', '-->', '', '- item', '  ## In List', '', '## Real'].join('\n');
      assert.deepEqual(headings(parsePlan(text)), ['1:T@0', '2:Real@14']);
    });

    it('closes a fence opened inside a list item when the item ends', () => {
      const text = ['- step', '  ```', '  code', '## After'].join('\n');
      assert.deepEqual(headings(parsePlan(text)), ['2:After@3']);
    });

    it('recognises setext headings, including one that starts a section', () => {
      const text = ['# T', '', 'Progress', '--------', 'body', '', 'para', '- not underline'].join('\n');
      const plan = parsePlan(text);
      assert.deepEqual(headings(plan), ['1:T@0', '2:Progress@2']);
      assert.equal(plan.sections[2]!.section.heading!.setext, true);
    });

    it('treats a thematic break after a blank line as a break, not a heading', () => {
      assert.deepEqual(headings(parsePlan('text\n\n---\n\nmore\n')), []);
    });
  });

  describe('content', () => {
    const plan = parsePlan(fixture('ssot-complete-PLAN.md'));
    const progress = plan.sections.find((s) => s.section.heading?.text === 'Progress')!;

    it('reads list items with their checkbox state and text range', () => {
      const items = progress.section.listItems;
      assert.equal(items.length, 2);
      assert.equal(items[0]!.checkbox, 'done');
      assert.equal(items[1]!.checkbox, 'open');
      assert.equal(items[1]!.text, '2026-03-02T11:30:00Z - Write the CSV serializer (Owner: agent-7)');
      assert.deepEqual(items[1]!.checkboxRange, { start: { line: 5, character: 2 }, end: { line: 5, character: 5 } });
    });

    it('reads Key: value entries, bulleted or not', () => {
      const entries = progress.section.entries.map((e) => `${e.key}=${e.value}${e.bulleted ? ' (bulleted)' : ''}`);
      assert.deepEqual(entries.slice(0, 2), ['Status=IN_PROGRESS', 'Next Action=Add the CSV writer for the totals row.']);
      const decisions = plan.sections.find((s) => s.section.heading?.text === 'Decision Log')!.section.entries.map((e) => e.key);
      assert.deepEqual(decisions, ['Decision', 'Alternatives', 'Rationale', 'Consequences', 'Evidence', 'Author']);
    });

    it('finds timestamps with their format', () => {
      const found = parsePlan(
        ['a 2025-11-22T14:00:00Z b 2025-11-22T14:00:00+09:00', '(2025-10-01 13:00Z) [2025-10-21 07:40 UTC] 2025-11-22 14:00', '2025-XX-XX YYYY-MM-DD HH:MM 2025-02-30T10:00:00Z 2025-11-22'].join('\n'),
      ).sections[0]!.section.timestamps.map((t) => `${t.raw}|${t.format}|${t.epochMs === undefined ? 'invalid' : new Date(t.epochMs).toISOString()}`);
      assert.deepEqual(found, [
        '2025-11-22T14:00:00Z|rfc3339|2025-11-22T14:00:00.000Z',
        '2025-11-22T14:00:00+09:00|rfc3339|2025-11-22T05:00:00.000Z',
        '2025-10-01 13:00Z|date-time-z|2025-10-01T13:00:00.000Z',
        '2025-10-21 07:40 UTC|date-time-utc|2025-10-21T07:40:00.000Z',
        '2025-11-22 14:00|date-time|2025-11-22T14:00:00.000Z',
        '2025-XX-XX|placeholder|invalid',
        'YYYY-MM-DD HH:MM|placeholder|invalid',
        '2025-02-30T10:00:00Z|rfc3339|invalid',
        '2025-11-22|date|2025-11-22T00:00:00.000Z',
      ]);
    });

    it('marks timestamps and links in code', () => {
      const section = parsePlan('`2025-11-22T14:00:00Z` and https://example.com/a.\n\n```\nhttps://example.org\n```\n').sections[0]!.section;
      assert.deepEqual(section.timestamps.map((t) => t.inCode), [true]);
      assert.deepEqual(section.links.map((l) => `${l.url}|${l.kind}|${l.inCode}`), ['https://example.com/a|bare|false', 'https://example.org|bare|true']);
    });

    it('finds link destinations, autolinks, definitions and www links', () => {
      const section = parsePlan('[a](https://a.example/x "t") <https://b.example> www.c.example/d\n[ref]: https://d.example\n').sections[0]!.section;
      assert.deepEqual(section.links.map((l) => `${l.kind}:${l.url}`), ['inline:https://a.example/x', 'autolink:https://b.example', 'bare:http://www.c.example/d', 'definition:https://d.example']);
    });

    it('finds bare URLs whatever the case of their scheme, and mailto links with an address', () => {
      const section = parsePlan('See HTTPS://a.example/x and Ftp://b.example.\nWrite to mailto:ops@c.example.\nNot a link: xhttps://d.example or mailto:nobody\n').sections[0]!.section;
      assert.deepEqual(section.links.map((l) => `${l.line}:${l.url}`), ['0:HTTPS://a.example/x', '0:Ftp://b.example', '1:mailto:ops@c.example']);
    });

    it('records fenced and indented code blocks', () => {
      const section = parsePlan('text\n\n```bash\nls\n```\n\n    indented\n\n~~~\nopen').sections[0]!.section;
      assert.deepEqual(section.codeBlocks.map((b) => `${b.kind}:${b.startLine}-${b.endLine}:${b.info}:${b.closed}`), ['fenced:2-4:bash:true', 'indented:6-6::true', 'fenced:8-9::false']);
    });

    it('keeps HTML comments for inline directives', () => {
      const section = parsePlan('x <!-- execplan-disable EP012 -->\n').sections[0]!.section;
      assert.deepEqual(section.comments.map((c) => c.text), ['execplan-disable EP012']);
    });
  });

  describe('positions', () => {
    it('counts UTF-16 code units, so astral characters take two', () => {
      const plan = parsePlan('## 😀 Progress\n- [ ] 😀 2025-11-22T14:00:00Z x\n');
      const section = plan.sections[1]!.section;
      assert.deepEqual(section.heading!.textRange.start, { line: 0, character: 3 });
      assert.equal(section.timestamps[0]!.range.start.character, 9);
    });

    it('handles CRLF and lone CR line endings like the editor', () => {
      const plan = parsePlan('# T\r\n\r\n## A\r\ntext\r## B\n');
      assert.equal(plan.eol, '\r\n');
      assert.deepEqual(headings(plan), ['1:T@0', '2:A@2', '2:B@4']);
      assert.equal(plan.lineCount, 6);
      assert.equal(lineText(plan, 3), 'text');
    });

    it('converts offsets and positions both ways', () => {
      const text = fixture('ssot-complete-PLAN.md');
      const plan = parsePlan(text);
      for (const offset of [0, 5, 100, 400, text.length - 1, text.length]) {
        const position = positionAt(plan, offset);
        assert.equal(offsetAt(plan, position), offset, `offset ${offset} -> ${JSON.stringify(position)}`);
      }
    });

    it('counts the empty line after a final newline, and one line for an empty text', () => {
      assert.equal(parsePlan('').lineCount, 1);
      assert.equal(parsePlan('a').lineCount, 1);
      assert.equal(parsePlan('a\n').lineCount, 2);
      assert.equal(parsePlan('---\nid: x\n---').lineCount, 3);
    });
  });
});
