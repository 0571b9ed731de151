/**
 * Flat frontmatter is read without the `yaml` package. Whatever the quick reader takes, the plan
 * must come out as the package reads it: the same data, fields, ranges and problems. Frontmatter
 * it is unsure of must reach the package, so YAML's own reading and messages still apply.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readYaml } from '../../server/src/core/model/frontmatter';
import { readFlatFields } from '../../server/src/core/model/flatFrontmatter';
import { locateFrontmatter } from '../../server/src/core/model/frontmatter';

const RUNS = Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400);

/** Words YAML reads as plain strings, and pieces it gives a meaning to. */
const PLAIN = ['alex', 'IN_PROGRESS', 'export-csv', '2026-02-03T10:00:00Z', '2026-02-03', 'https://example.com/a#b', 'a b', 'a  b', '[a, b]', '[x-y,z]', '[]', 'é', '😀', 'a#b', 'yes'];
const SPECIAL = [
  'null', 'Null', '~', 'true', 'False', 'yes', 'no', '12', '-3', '+4', '0o17', '0x1F', '1.5', '.5', '1e3', '.inf', '-.Inf', '.nan', '0b101',
  '"quoted"', "'single'", '&anchor', '*alias', '!tag x', '|', '>', '%x', '@x', '`x`', '-x', '?x', ':x', 'x:', 'a: b', 'a #c', 'a#b',
  '[a, b]', '[]', '[ ]', '[a,b]', '[a, b,]', '[a, [b]]', '[1, x]', '[a: b]', '{a: b}', 'é', '😀', 'tab\there', 'x ', '', 'bell\u0007', 'nel\u0085x', 'bom\ufeffx', 'ls\u2028x', 'cr\rx', '\ud800x',
];
const KEYS = ['id', 'title', 'status', 'owner', 'updated', 'tags', 'Key_2', 'x-y', '__proto__'];
const ODD_KEYS = ['true', 'null', '1a', '"q"', 'a b', 'id'];

const fieldArbitrary = fc.tuple(
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) }),
  fc.oneof({ weight: 12, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: fc.constantFrom(':', ':  ', ':\t') }),
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) }),
  fc.constantFrom('', '', ' ', '  '),
).map((parts) => parts.join(''));
const lineArbitrary = fc.oneof(
  { weight: 12, arbitrary: fieldArbitrary },
  { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '  nested: x', '- item', '  - x', 'plain line', ' ', '\t', 'key:', 'a: b: c') },
);
const frontmatterArbitrary = fc
  .tuple(fc.array(lineArbitrary, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.join(eol) + eol);

describe('quick frontmatter reader', () => {
  it('reads every frontmatter as the yaml package does', function () {
    this.timeout(60_000);
    let quick = 0;
    fc.assert(
      fc.property(frontmatterArbitrary, (raw) => {
        if (readFlatFields(raw)) quick++;
        assert.deepEqual(readYaml(raw, ''), readYaml(raw, '', false));
      }),
      { numRuns: RUNS },
    );
    // The comparison says nothing unless the quick reader took a fair share of the cases.
    assert.ok(quick > RUNS / 20, `the quick reader took ${quick} of ${RUNS} cases`);
  });

  it('reads a typical plan frontmatter itself, with its ranges', () => {
    const raw = 'id: export-csv\ntitle: Export reports as CSV\nupdated: 2026-02-03T10:00:00Z\ntags: [export, csv]\n';
    const fields = readFlatFields(raw);
    assert.ok(fields);
    assert.deepEqual(fields.map((field) => field.key), ['id', 'title', 'updated', 'tags']);
    const parsed = readYaml(raw, '');
    assert.deepEqual(parsed.data, { id: 'export-csv', title: 'Export reports as CSV', updated: '2026-02-03T10:00:00Z', tags: ['export', 'csv'] });
    assert.deepEqual(parsed.fields.get('tags')!.valueRange, { start: { line: 4, character: 6 }, end: { line: 4, character: 19 } });
    assert.deepEqual(parsed, readYaml(raw, '', false));
  });

  it('leaves to the yaml package what YAML gives a meaning to', () => {
    for (const raw of ['count: 3\n', 'done: true\n', 'owner: ~\n', 'title: "quoted"\n', 'a: b\na: c\n', 'list:\n  - x\n', 'a: &x y\n', 'a: b # note\n', 'a:\tb\n']) {
      assert.equal(readFlatFields(raw), undefined, raw);
    }
    const duplicate = readYaml('id: a\nid: b\n', '');
    assert.match(duplicate.problems[0]!.message, /unique/i);
  });

  it('reads the corpus frontmatters as the yaml package does', function () {
    const corpus = path.resolve(__dirname, '../../../shared/corpus');
    if (!fs.existsSync(corpus)) this.skip();
    let compared = 0;
    for (const file of listMarkdown(corpus)) {
      const text = fs.readFileSync(file, 'utf8');
      const block = locateFrontmatter(text);
      if (!block?.closed) continue;
      const raw = text.slice(block.rawStart, block.rawEnd);
      assert.deepEqual(readYaml(raw, block.language), readYaml(raw, block.language, false), file);
      compared++;
    }
    assert.ok(compared > 0);
  });
});

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listMarkdown(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}
