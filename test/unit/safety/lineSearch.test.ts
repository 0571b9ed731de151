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
import { COMMAND_PREFILTER, COMMAND_SEARCH } from '../../../server/src/core/safety/commandCandidates';

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

describe('a literal set with a test of each word found', () => {
  it('finds exactly the lines holding a word the test accepts', () => {
    // Accepts a word only where a space or the text's start comes before it.
    const accept = (text: string, start: number): boolean => start === 0 || text[start - 1] === ' ';
    const alphabet = ['a', 'b', 'K', '_', ' ', 'x'];
    const word = fc.array(fc.constantFrom(...alphabet.filter((c) => c !== ' ')), { minLength: 1, maxLength: 3 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(fc.oneof(word, fc.constantFrom('\n', ' ', 'e', 'aK')), { maxLength: 30 }), (words, pieces) => {
        const text = pieces.join('');
        const expected: number[] = [];
        let offset = 0;
        text.split('\n').forEach((line, index) => {
          const holds = words.some((candidate) => {
            for (let at = line.indexOf(candidate); at >= 0; at = line.indexOf(candidate, at + 1)) if (accept(text, offset + at)) return true;
            return false;
          });
          if (holds) expected.push(index);
          offset += line.length + 1;
        });
        const set = new LiteralSet(words, accept);
        assert.deepEqual(searchLines(set, text), expected, `words ${JSON.stringify(words)} text ${JSON.stringify(text)}`);
        assert.equal(set.isIn(text), expected.length > 0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the destructive-command search', () => {
  const linesOfPattern = (text: string): number[] => {
    const lines: number[] = [];
    text.split('\n').forEach((line, index) => {
      COMMAND_PREFILTER.lastIndex = 0;
      // The pattern reads the whole text, so a line's first character may follow a line break.
      if (COMMAND_PREFILTER.test(line)) lines.push(index);
    });
    COMMAND_PREFILTER.lastIndex = 0;
    return lines;
  };

  it('finds the lines the pattern of command words finds, in any case, with their boundaries', () => {
    const words = ['rm', 'RM', 'git', 'Terraform', 'tofu', 'pulumi', 'cdk', 'CDK', 'cd\u212A', 'kubectl', '\u212Aubectl', 'oc', 'helm', 'docker', 'docker-compose', 'podman', 'dd', 'wipefs', 'shred', 'find', 'redis-cli', 'aws', 'gsutil', 'mkfs', 'm\u212Afs', 'DROP', 'truncate', 'Delete', 'flush'];
    const around = [' ', '\n', ';', '|', '&', '(', ')', '`', "'", '"', '/', '-', '.', 'x', 'a', '_', '\u00a0', '\u3000', 'İ', 'docs', 'form'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...around)), { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(searchLines(COMMAND_SEARCH, text), linesOfPattern(text), `text ${JSON.stringify(text)}`);
        assert.equal(COMMAND_SEARCH.isIn(text), linesOfPattern(text).length > 0, `text ${JSON.stringify(text)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('passes over command words inside other words and finds them after a path', () => {
    assert.deepEqual(searchLines(COMMAND_SEARCH, 'format the docs\nadd a field\nrun /bin/rm -rf build\nlocal helmet'), [2]);
    assert.deepEqual(searchLines(COMMAND_SEARCH, 'İ is here\nthen git clean -fdx'), [1]);
  });
});
