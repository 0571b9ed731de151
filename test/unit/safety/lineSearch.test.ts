/**
 * The secret scan reads only the lines its prefilter finds, so the prefilter may find too many
 * lines but never too few. The literal set must find exactly the lines a pattern of the same
 * literals finds; the secret-name search must find every line that holds a secret-named
 * assignment.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LiteralSet } from '../../../server/src/core/model/literalSet';
import { findKeywordAssignments, secretNameSearch } from '../../../server/src/core/safety/keywordAssignments';
import { SECRET_DETECTORS } from '../../../server/src/core/safety/secretDetectors';
import { computeLineStarts } from '../../../server/src/core/model/lines';

const RUNS = Number(process.env.EXECPLAN_PROPERTY_RUNS ?? 400);

function patternLines(text: string, words: readonly string[]): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (words.some((word) => line.includes(word))) lines.push(index);
  });
  return lines;
}

function searchLines(search: { linesIn(text: string, starts: readonly number[]): number[] }, text: string): number[] {
  return search.linesIn(text, computeLineStarts(text));
}

const HINTS = [...new Set([...SECRET_DETECTORS.flatMap((detector) => detector.hints), '-----BEGIN'])];

describe('prefilter searches', () => {
  it('a literal set finds exactly the lines that hold one of its literals', () => {
    const alphabet = ['a', 'b', 'K', '_', '-', 'x', 'J', ':'];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.array(fc.oneof(word, fc.constantFrom('\n', ' ', 'e', 'aK_')), { maxLength: 30 }), (words, pieces) => {
        const set = new LiteralSet(words);
        const text = pieces.join('');
        assert.deepEqual(searchLines(set, text), patternLines(text, words), `words ${JSON.stringify(words)} text ${JSON.stringify(text)}`);
        assert.equal(set.isIn(text), patternLines(text, words).length > 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('the secret hints are found on the lines that hold them, among plan text', () => {
    const pieces = [...HINTS, 'the ', 'staging ', '2025-01-06T09:12:00Z', '- [x] ', '`src/a.ts`', '\n', 'gl', 'sk', '_', 'eyj', 'KIA', '-----', 'hooks.slack'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (chosen) => {
        const text = chosen.join('');
        const set = new LiteralSet(HINTS);
        assert.deepEqual(searchLines(set, text), patternLines(text, HINTS));
      }),
      { numRuns: RUNS },
    );
  });

  it('a literal must be one non-empty line', () => {
    assert.throws(() => new LiteralSet(['']), /non-empty line/);
    assert.throws(() => new LiteralSet(['a\nb']), /non-empty line/);
  });

  it('the secret-name search finds every line with a secret-named assignment', () => {
    const aws = SECRET_DETECTORS.find((detector) => detector.id === 'aws-secret-access-key')!;
    // Every keyword and suffix the scanner accepts, so each last letter a name can end with is written.
    const names = [
      ...['password', 'PassWord', 'db_password', 'passwd', 'Passphrase', 'pwd', 'client_secret', 'GITHUB_TOKEN', 'Credential'],
      ...['api_key', 'API-KEY', 'apikey', 'private-key', 'secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'secretkey'],
      ...['token_value', 'credential-value', 'secret_string', 'token_b64', 'password_BASE64'],
    ];
    const operators = ['=', ':', ': ', ':=', '=>', ' = ', '"  : ', "' =", '\t:\t', '==', ':"'];
    const values = ['Zq8#k2Lw9xPv', '"Zq8#k2Lw9xPv7"', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'hunter2', 'x'];
    const filler = ['the ', ' ', '2025-01-06T09:12:00Z', 'https://a.example/x', 'key', 'y ', 'y:', '`', 'word'];
    const line = fc
      .tuple(fc.array(fc.constantFrom(...filler), { maxLength: 3 }), fc.constantFrom(...names), fc.constantFrom(...operators), fc.constantFrom(...values), fc.array(fc.constantFrom(...filler), { maxLength: 3 }))
      .map(([before, name, operator, value, after]) => before.join('') + name + operator + value + after.join(''));
    let assignments = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.constantFrom(...filler)), { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const found = searchLines(secretNameSearch, text);
        lines.forEach((content, index) => {
          aws.pattern.lastIndex = 0;
          const holds = findKeywordAssignments(content).length > 0 || aws.pattern.test(content);
          aws.pattern.lastIndex = 0;
          if (!holds) return;
          assignments++;
          assert.ok(found.includes(index), `line ${index} ${JSON.stringify(content)} holds an assignment but was not found`);
          assert.ok(secretNameSearch.isIn(content), `${JSON.stringify(content)} holds an assignment but isIn said no`);
        });
      }),
      { numRuns: RUNS },
    );
    assert.ok(assignments > RUNS / 4, `only ${assignments} assignments were generated in ${RUNS} runs`);
  });

  it('finds each way of writing an assignment the scanner reads', () => {
    const value = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    for (const line of [`AWS_SECRET_ACCESS_KEY:${value}`, `secret_access_key' :${value}`, `aws_secret_access_key => ${value}`, 'password := Zq8#k2Lw9xPv', '"api_key": "Zq8#k2Lw9xPv"', 'token\t=\tZq8#k2Lw9xPv']) {
      assert.ok(findKeywordAssignments(line).length > 0 || /secret_?access_?key/i.test(line), `the example ${line} is not an assignment`);
      assert.ok(secretNameSearch.isIn(line), `${line} was passed over`);
      assert.deepEqual(searchLines(secretNameSearch, `plain text\n${line}`), [1], line);
    }
  });

  it('passes over lines whose colons are only in times and links', () => {
    const text = '- [x] 2025-01-06T09:12:00Z - moved the token store, see https://a.example/x\nStatus: done\npassword = Zq8#k2Lw9xPv';
    assert.deepEqual(searchLines(secretNameSearch, text), [2]);
  });
});
