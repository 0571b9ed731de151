/**
 * The safety scanners run on every keystroke, so each must stay linear on hostile input: 100 KB runs
 * of near-matches for every pattern. The time limits are generous hang guards, not benchmarks.
 */
import { strict as assert } from 'node:assert';
import { SECRET_DETECTORS, URL_CREDENTIALS } from '../../../server/src/core/safety/secretDetectors';
import { scanLineForSecrets } from '../../../server/src/core/safety/secretScanner';
import { findKeywordAssignments } from '../../../server/src/core/safety/keywordAssignments';
import { findEmails, findPhones } from '../../../server/src/core/safety/personalData';
import { findSqlStatements } from '../../../server/src/core/safety/destructiveCommands';
import { isTemplateLine } from '../../../server/src/core/safety/subsections';
import { lintSafety } from './harness';

const SIZE = 100_000;
const HANG_GUARD_MS = 1000;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

/** Near-matches built around an anchor: the anchor repeated, the anchor and an endless body, and near-complete matches that fail at the end. */
function nearMatches(anchor: string, bodyChar: string): string[] {
  return [
    fill(anchor),
    anchor + fill(bodyChar),
    fill(`${anchor}${bodyChar.repeat(30)}!`),
    fill(`${anchor}${bodyChar.repeat(300)}.`),
    fill(`${anchor} `),
    fill(`${bodyChar}${anchor}`),
  ];
}

function timed(label: string, run: () => unknown): void {
  const started = performance.now();
  run();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < HANG_GUARD_MS, `${label} took ${elapsed.toFixed(0)} ms on ${SIZE} characters`);
}

const ANCHORS: Array<[string, string]> = [
  ...SECRET_DETECTORS.flatMap((detector) => detector.hints.map((hint): [string, string] => [hint, 'A'])),
  ['eyJ', 'a'],
  ['eyJaaaaaaaaaaaa.eyJ', 'b'],
  ['eyJaaaaaaaaaaaa.eyJaaaaaaaaaaaaaa.', 'c'],
  ['ab://', 'u'],
  ['ab://u:', 'p'],
  ['ab://u:p', ':'],
  ['https://hooks.slack.com/services/', 'T'],
  ['aws_secret_access_key = ', 'K'],
  ['secret_access_key', '='],
  ['password', '='],
  ['password: ', 'x'],
  ['api_key="', 'k'],
  ['DB_PASSWORD', '_'],
  ['token', 's'],
  ['-----BEGIN ', 'A'],
  ['-----BEGIN PRIVATE KEY-----', 'M'],
  ['data:', 'a'],
  ['data:image/png;base64,', 'Q'],
];

describe('safety scanners on hostile input', () => {
  for (const detector of [...SECRET_DETECTORS, URL_CREDENTIALS]) {
    it(`pattern of ${detector.id} stays linear on 100 KB near-matches (whole line, no windowing)`, () => {
      for (const hint of detector.hints) {
        for (const text of nearMatches(hint, 'A').concat(nearMatches(hint, '0'), nearMatches(hint, '-'))) {
          timed(`${detector.id} on ${JSON.stringify(text.slice(0, 24))}`, () => {
            detector.pattern.lastIndex = 0;
            while (detector.pattern.exec(text) !== null);
          });
        }
      }
    });
  }

  it('the whole secret scan stays linear on every anchor', () => {
    for (const [anchor, body] of ANCHORS) {
      for (const text of nearMatches(anchor, body)) timed(`secret scan on ${JSON.stringify(text.slice(0, 24))}`, () => scanLineForSecrets(text, 0));
    }
  });

  it('keyword assignments stay linear', () => {
    for (const [anchor, body] of [['password', '='], ['password=', 'a'], ['token: ', '"'], ['secret', 'secret'], ['api-key', '-'], ['x', '.']] as const) {
      for (const text of nearMatches(anchor, body)) timed(`keywords on ${JSON.stringify(text.slice(0, 24))}`, () => findKeywordAssignments(text));
    }
  });

  it('email and phone scans stay linear', () => {
    for (const [anchor, body] of [['@', 'a'], ['a@', 'b.'], ['a.', '@'], ['x@y.', 'z'], ['+1 ', '2'], ['(', '5'], ['1-', '2'], ['+', '9'], ['555 ', '0']] as const) {
      for (const text of nearMatches(anchor, body)) {
        timed(`emails on ${JSON.stringify(text.slice(0, 24))}`, () => findEmails(text));
        timed(`phones on ${JSON.stringify(text.slice(0, 24))}`, () => findPhones(text));
      }
    }
  });

  it('SQL and template checks stay linear', () => {
    for (const [anchor, body] of [['DELETE FROM ', 'x'], ['DROP ', ' '], ['TRUNCATE ', ' '], ['FLUSH', 'A'], ['delete  from', ' ']] as const) {
      for (const text of nearMatches(anchor, body)) {
        timed(`sql on ${JSON.stringify(text.slice(0, 24))}`, () => findSqlStatements(text, true));
        timed(`prose sql on ${JSON.stringify(text.slice(0, 24))}`, () => findSqlStatements(text, false));
      }
    }
    for (const text of nearMatches('<', 'a').concat(nearMatches('- Label: ', '<'), nearMatches('`<', '>'))) timed('template line', () => isTemplateLine(text));
  });

  it('all safety rules stay fast on a plan made of hostile lines', () => {
    const hostile = ANCHORS.slice(0, 12).map(([anchor, body]) => nearMatches(anchor, body)[2]!);
    const commands = [fill('rm -'), fill('git push -'), fill('`rm -rf x` '), fill('DELETE FROM t '), fill('@a.b ')];
    const text = [
      '---', 'id: p', 'owner: a', '---', '# PLAN: x',
      '## Constraints & Safety', '### Approval-Required Operations', fill('- <...> '), '### Forbidden Operations', fill('rm -rf '),
      '## Tooling Interface & Governance', fill('<tools> '),
      '## Concrete Steps', ...commands, '```sh', ...commands, '```',
      '## Progress', ...hostile,
      '## Validation & Acceptance', fill('https://a.b/ '), fill('Source: https://a.b/ '),
    ].join('\n');
    const started = performance.now();
    lintSafety(text, { profile: 'ssot' });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 10 * HANG_GUARD_MS, `all rules took ${elapsed.toFixed(0)} ms on ${text.length} characters`);
  });
});
