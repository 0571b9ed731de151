/**
 * Hostile frontmatter: YAML that explodes when expanded, nests without end, repeats keys, asks to
 * be run as code, never closes, or is binary junk. Each is linted in a worker with a hard timeout;
 * nothing in it is ever evaluated (a canary global stays unset) and each problem is reported.
 */
import { strict as assert } from 'node:assert';
import { parsePlan } from '../../server/src/core/model/index';
import { bumpUpdated } from '../../server/src/core/features/edits/bumpUpdated';
import { utcClock } from '../../server/src/core/features/edits/clock';
import { seededRandom } from '../../bench/generate';
import { lintIsolated } from './isolated';
import type { LintOutcome } from './lintWorker';

const BODY = '\n# PLAN: Frontmatter\n\n## Progress\n\n- [ ] 2026-03-01T10:00:00Z - Next Action: start\n';
const CANARY = "globalThis.__execplanCanary = 'evaluated'";

function plan(frontmatter: string, fence = '---'): string {
  return `${fence}\n${frontmatter}\n---\n${BODY}`;
}

function assertSafe(outcome: LintOutcome): void {
  assert.equal(outcome.error, undefined, outcome.error);
  assert.deepEqual(outcome.crashes, []);
  assert.deepEqual(outcome.rangeProblems, []);
  assert.equal(outcome.canaryTouched, false, 'something in the frontmatter was evaluated');
}

function frontmatterMessages(outcome: LintOutcome): string {
  return outcome.messages.filter((message) => message.startsWith('EP010')).join('\n');
}

/** Each level holds two aliases of the one before: 2^levels strings once expanded. */
function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 ["lol", "lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
  return lines.join('\n');
}

describe('hostile frontmatter (each in a worker with a hard timeout)', function () {
  it('refuses a YAML alias bomb instead of expanding it', async () => {
    const outcome = await lintIsolated(plan(aliasBomb(40)));
    assertSafe(outcome);
    assert.match(frontmatterMessages(outcome), /alias/i);
  });

  it('reports 5,000-deep block nesting without parsing it', async () => {
    // Compact nested sequences: `- - - ... x` is 5,000 levels deep in 10 KB.
    const outcome = await lintIsolated(plan(`id: x\nlist:\n  ${'- '.repeat(5000)}x`));
    assertSafe(outcome);
    assert.match(frontmatterMessages(outcome), /nests deeper/i);
  });

  it('reports 1,000 levels of indented mappings without parsing them', async () => {
    const deep = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' leaf';
    const outcome = await lintIsolated(plan(deep));
    assertSafe(outcome);
    assert.match(frontmatterMessages(outcome), /nests deeper|not read/i);
  });

  it('reports 5,000-deep flow nesting without parsing it', async () => {
    const outcome = await lintIsolated(plan(`id: x\ndata: ${'['.repeat(5000)}1${']'.repeat(5000)}`));
    assertSafe(outcome);
    assert.match(frontmatterMessages(outcome), /nests deeper/i);
  });

  it('reports duplicate keys, and Bump Updated refuses with a reason', async () => {
    const text = plan('id: one\nupdated: 2026-01-01T00:00:00Z\nid: two\nupdated: 2026-01-02T00:00:00Z');
    const outcome = await lintIsolated(text);
    assertSafe(outcome);
    assert.match(frontmatterMessages(outcome), /unique|duplicate/i);
    const bump = bumpUpdated(parsePlan(text), utcClock(new Date('2026-03-01T12:00:00Z')));
    assert.ok('refused' in bump && typeof bump.refused === 'string', JSON.stringify(bump));
    assert.match(bump.refused, /duplicate/i);
  });

  for (const fence of ['---js', '---javascript', '---coffee']) {
    it(`never runs ${fence} frontmatter, and says it was not read`, async () => {
      const outcome = await lintIsolated(plan(`{ id: (${CANARY}, 'x') }\n${CANARY};`, fence));
      assertSafe(outcome);
      assert.match(frontmatterMessages(outcome), /is not read/);
    });
  }

  it('never resolves custom or language tags', async () => {
    const tags = [
      `f: !!js/function "function () { ${CANARY} }"`,
      `g: !<tag:yaml.org,2002:js/function> "function () { ${CANARY} }"`,
      `r: !!js/regexp /x/`,
      `u: !!js/undefined ''`,
      `p: !!python/object/apply:os.system ["echo ${CANARY}"]`,
      `c: !custom { run: "${CANARY}" }`,
    ].join('\n');
    const outcome = await lintIsolated(plan(tags));
    assertSafe(outcome);
    // Whether reported or kept as plain strings, nothing ran: the canary is checked above.
    const parsed = parsePlan(plan(tags)).frontmatter;
    for (const value of Object.values(parsed?.data ?? {})) assert.notEqual(typeof value, 'function');
  });

  it('reports frontmatter that never closes, even before 100,000 lines', async () => {
    const text = '---\nid: x\n' + 'key: value\n'.repeat(100_000) + BODY;
    const outcome = await lintIsolated(text);
    assertSafe(outcome);
    assert.match(frontmatterMessages(outcome), /never closed/);
  });

  it('lints frontmatter of binary junk', async () => {
    const random = seededRandom(10);
    for (let round = 0; round < 5; round++) {
      let junk = '';
      for (let i = 0; i < 20_000; i++) junk += String.fromCharCode(Math.floor(random() * 0x10000));
      const outcome = await lintIsolated(plan(junk.replace(/\n---/g, '\n- -')));
      assertSafe(outcome);
    }
  });

  it('reports frontmatter over the size cap without parsing it', async () => {
    const outcome = await lintIsolated(plan('notes: |\n' + '  line of notes\n'.repeat(20_000)));
    assertSafe(outcome);
    assert.match(frontmatterMessages(outcome), /not read/);
  });
});
