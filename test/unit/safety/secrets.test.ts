import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyTextEdits } from '../../../server/src/core/features/applyEdits';
import { scanLineForSecrets } from '../../../server/src/core/safety/secretScanner';
import { maskSecret } from '../../../server/src/core/safety/mask';
import { secret as secretRule } from '../../../server/src/core/rules/EP060-secret';
import { ALNUM, BASE64, FakeTokens, fakePrivateKey, fakeSecrets, tutorialJwt } from './fakeTokens';
import { lintSafety } from './harness';

const onlySecrets = { rules: [secretRule] };

/** A small plan with `body` in its Progress section. */
function planWith(body: string): string {
  return ['---', 'id: p', 'status: IN_PROGRESS', 'owner: agent-7', '---', '', '# PLAN: Rotate keys', '', '## Progress', 'Status: IN_PROGRESS', '', body, ''].join('\n');
}

function secretFindings(text: string) {
  return lintSafety(text, onlySecrets).findings;
}

describe('EP060 secret', () => {
  describe('true positives: every fake credential is found, on the secret itself', () => {
    for (const seed of [1, 2, 3]) {
      for (const fake of fakeSecrets(seed)) {
        it(`${fake.kind} (seed ${seed}): ${fake.line.slice(0, fake.line.indexOf(fake.secret) + fake.prefix.length)}...`, () => {
          const text = planWith(fake.line);
          const findings = secretFindings(text);
          assert.equal(findings.length, 1, `expected one finding, got ${findings.map((f) => f.message).join(' | ')}`);
          const finding = findings[0]!;
          const lines = text.split('\n');
          const line = lines.findIndex((candidate) => candidate.includes(fake.secret));
          assert.equal(finding.range.start.line, line);
          assert.equal(lines[line]!.slice(finding.range.start.character, finding.range.end.character), fake.secret);
          assert.equal(finding.data?.['detector'], fake.kind);
        });
      }
    }
  });

  describe('messages and data never hold the secret', () => {
    it('shows the kind and a masked form: the public prefix and the last four characters', () => {
      for (const fake of fakeSecrets(7)) {
        const [finding] = secretFindings(planWith(fake.line));
        assert.ok(finding, fake.kind);
        const serialized = JSON.stringify({ message: finding.message, data: finding.data, titles: finding.fixes?.map((fix) => fix.title) });
        assert.ok(!serialized.includes(fake.secret), `${fake.kind}: the secret leaked into ${serialized}`);
        const masked = finding.data?.['masked'] as string;
        assert.ok(finding.message.includes(masked));
        assert.ok(masked.startsWith(fake.prefix), `${masked} keeps ${fake.prefix}`);
        if (fake.secret.length - fake.prefix.length >= 16) assert.ok(masked.endsWith(fake.secret.slice(-4)));
      }
    });

    it('masks as prefix, ellipsis, last four (property)', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 0, maxLength: 80 }), fc.nat(12), (value, prefixLength) => {
          const masked = maskSecret(value, prefixLength);
          const prefix = value.slice(0, Math.min(prefixLength, value.length));
          assert.ok(masked.startsWith(prefix + '…'));
          const tail = masked.slice(prefix.length + 1);
          assert.ok(tail.length <= 4);
          // Never more than the prefix and four characters of the value.
          assert.ok(masked.length <= prefix.length + 5);
        }),
      );
    });

    it('finds any generated classic GitHub token wherever it sits on a line, and never echoes it (property)', () => {
      const body = fc.string({ minLength: 36, maxLength: 36, unit: fc.constantFrom(...ALNUM) }).filter((candidate) => new Set(candidate).size > 12);
      const filler = fc.string({ maxLength: 30, unit: fc.constantFrom(...' .,:;()[]{}') });
      fc.assert(
        fc.property(body, filler, filler, (random, before, after) => {
          const token = ['gh', 'p_'].join('') + random;
          const matches = scanLineForSecrets(`${before}${token}${after}`, 0);
          // A generated body may by chance read as a placeholder word; then nothing may be shown either.
          for (const match of matches) assert.ok(!match.masked.includes(random.slice(0, 8)));
          if (/your|here|todo|xxxx|1234|0000|fake|redacted|example|sample|dummy|replace|insert|fixme|notreal/i.test(random)) return;
          assert.equal(matches.length, 1);
          assert.equal(matches[0]!.range.start.character, before.length);
          assert.equal(matches[0]!.range.end.character, before.length + token.length);
        }),
        { seed: 42, numRuns: 300 },
      );
    });
  });

  describe('true negatives: no finding', () => {
    const fake = new FakeTokens(99);
    const negatives: Array<[string, string]> = [
      ['the documented AWS example key id', `aws_access_key_id = ${['AK', 'IA'].join('')}IOSFODNN7EXAMPLE`],
      ['the documented AWS example secret', `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLE'}KEY`],
      ['a redaction mark', 'password: <REDACTED>'],
      ['an environment reference', 'token = ${GITHUB_TOKEN}'],
      ['a template variable', 'token: {{ secrets.NPM_TOKEN }}'],
      ['a CI secret expression', 'NPM_TOKEN: ${{ secrets.NPM_TOKEN }}'],
      ['a row of x', 'api_key: xxxxxxxxxxxxxxxxxxxxxxxx'],
      ['stars', 'password: ****************'],
      ['an angle-bracket placeholder', 'token: <your token>'],
      ['a dashed placeholder', 'GITHUB_TOKEN=your-token-here'],
      ['a command substitution', 'export NPM_TOKEN=$(cat ~/.npmrc)'],
      ['a variable name', 'token: GITHUB_TOKEN'],
      ['a dotted lookup', 'password = settings.database.password'],
      ['a file path', 'private_key: /run/secrets/deploy_key'],
      ['a repeated-character token', ['gh', 'p_'].join('') + 'a'.repeat(36)],
      ['a sequential token', ['gh', 'p_'].join('') + 'abcdefghijklmnopqrstuvwxyz0123456789'],
      ['an x-filled token', ['gh', 'p_'].join('') + 'x'.repeat(36)],
      ['an example Slack bot token', ['xo', 'xb-'].join('') + 'your-bot-token-here'],
      ['the Slack documentation webhook', `https://hooks.${'slack.com'}/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`],
      ['a key with an ellipsis', ['sk', '-ant-', 'api03-'].join('') + '...'],
      ['a UUID', 'token: 123e4567-e89b-12d3-a456-426614174000'],
      ['a UUID in prose', 'Request id 9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f failed.'],
      ['a git commit id', 'Evidence: commit 3f9a2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c'],
      ['a short commit id', 'Reverted in 9fceb02.'],
      ['a sha256 digest', 'sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['a token count', 'max_tokens: 409600000'],
      ['a token usage metric', 'token_count = 123456789'],
      ['a hashed password field', 'password_hash: $2b$12$abcdefghijklmnopqrstuv'],
      ['prose about tokens', 'Status token: in-progress'],
      ['prose about secrets', 'Secrets & PII: never paste secrets into this plan.'],
      ['a base64 image', `![logo](data:image/png;base64,${fake.chars(600, BASE64)}/${['AK', 'IA'].join('')}QWERTYUIOPASDFGH/${fake.chars(200, BASE64)}==)`],
      ['a local default database URL', 'postgres://postgres:postgres@localhost:5432/dev'],
      ['a database URL with a variable password', 'postgres://app:${DB_PASSWORD}@db.internal/app'],
      ['a URL with a placeholder password', 'https://deploy:<password>@git.corp.internal/app.git'],
      ['a URL with the word password', 'mysql://root:password@localhost/app'],
      ['the tutorial JWT', `Bearer ${tutorialJwt()}`],
      ['a JWT-looking string that is not JSON', `eyJ${fake.chars(20, ALNUM)}.eyJ${fake.chars(30, ALNUM)}.${fake.chars(30, ALNUM)}`],
      ['a placeholder private key', ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC...', '<REDACTED>', '-----END PRIVATE KEY-----'].join('\n')],
      ['a public key', ['-----BEGIN PUBLIC KEY-----', fake.chars(64, BASE64), fake.chars(64, BASE64), '-----END PUBLIC KEY-----'].join('\n')],
      ['an npm config value', 'npm_config_cache=/tmp/npm-cache'],
      ['a bearer placeholder', 'Authorization: Bearer <token>'],
      ['a comparison', 'if token == previous_token_value_x9:'],
    ];
    for (const [name, line] of negatives) {
      it(name, () => {
        const findings = secretFindings(planWith(line));
        assert.deepEqual(findings.map((finding) => finding.message), []);
      });
    }
  });

  describe('private keys', () => {
    it('reports the body of a PEM private key block and redacts it whole', () => {
      const key = fakePrivateKey(5);
      const text = planWith(['```', key.text, '```'].join('\n'));
      const findings = secretFindings(text);
      assert.equal(findings.length, 1);
      const finding = findings[0]!;
      assert.match(finding.message, /private key/);
      for (const line of key.body) assert.ok(!finding.message.includes(line.slice(0, 16)));
      const fixed = applyTextEdits(lintSafety(text, onlySecrets).plan, finding.fixes![0]!.edits);
      for (const line of key.body) assert.ok(!fixed.includes(line));
      assert.ok(fixed.includes('-----BEGIN RSA PRIVATE KEY-----\n<REDACTED>\n-----END RSA PRIVATE KEY-----'));
      assert.deepEqual(secretFindings(fixed), []);
    });

    it('finds a key pasted on one line with \\n escapes', () => {
      const key = fakePrivateKey(6, 8);
      const line = `PRIVATE_KEY="${key.text.split('\n').join('\\n')}"`;
      const findings = secretFindings(planWith(line));
      assert.equal(findings.length, 1);
      assert.match(findings[0]!.message, /private key/);
    });

    it('gives up on a BEGIN marker whose END is too far away', () => {
      const fake = new FakeTokens(8);
      const lines = ['-----BEGIN PRIVATE KEY-----', ...Array.from({ length: 400 }, () => fake.chars(64, BASE64))];
      assert.deepEqual(secretFindings(planWith(lines.join('\n'))), []);
    });
  });

  describe('where secrets hide', () => {
    it('finds them in the frontmatter, inline code, indented code and tables', () => {
      const [, , github, , , , , , , stripe] = fakeSecrets(11);
      const npmFake = fakeSecrets(12).find((fake) => fake.kind === 'npm-token')!;
      const text = [
        '---',
        'id: p',
        `deploy_token: ${github!.secret}`,
        '---',
        '# PLAN: x',
        '## Progress',
        `Run with \`STRIPE=${stripe!.secret}\` set.`,
        '',
        `    npm config set //registry/:_authToken ${npmFake.secret}`,
        '',
        `| key | ${github!.secret} |`,
        '',
      ].join('\n');
      const findings = secretFindings(text);
      assert.deepEqual(
        findings.map((finding) => finding.range.start.line),
        [2, 6, 8, 10],
      );
    });

    it('redacts with one safe fix per finding, and the fixed plan is clean', () => {
      const fakes = fakeSecrets(13);
      const text = planWith(fakes.map((fake) => `- ${fake.line}`).join('\n'));
      const { plan, findings } = lintSafety(text, onlySecrets);
      assert.equal(findings.length, fakes.length);
      for (const finding of findings) {
        assert.equal(finding.fixes?.length, 1);
        assert.equal(finding.fixes![0]!.safe, true);
        assert.equal(finding.fixes![0]!.edits[0]!.newText, '<REDACTED>');
      }
      const fixed = applyTextEdits(plan, findings.flatMap((finding) => finding.fixes![0]!.edits));
      for (const fake of fakes) assert.ok(!fixed.includes(fake.secret), fake.kind);
      assert.equal((fixed.match(/<REDACTED>/g) ?? []).length, fakes.length);
      assert.deepEqual(secretFindings(fixed), []);
    });

    it('finds a secret-named assignment whatever the case and spelling of the name', () => {
      const fake = new FakeTokens(16);
      const names = ['PassWord', 'PASSPHRASE', 'Pwd', 'SeCrEt', 'Token', 'API-KEY', 'ApiKey', 'Access_Key', 'PRIVATE-KEY', 'Credential'];
      const lines = names.map((name) => `${name} = ${fake.chars(14, ALNUM)}9`);
      const findings = secretFindings(planWith(lines.join('\n')));
      assert.deepEqual(
        findings.map((finding) => finding.data?.['kind']),
        names.map((name) => `value of \`${name}\``),
      );
    });

    it('finds a secret far along a very long line, and only once', () => {
      const fake = new FakeTokens(14);
      const github = fakeSecrets(14)[2]!;
      const line = `${fake.chars(9000, 'abc ')} ${github.secret} ${fake.chars(9000, 'abc ')}`;
      const findings = secretFindings(planWith(line));
      assert.equal(findings.length, 1);
      const start = findings[0]!.range.start.character;
      assert.equal(line.slice(start, findings[0]!.range.end.character), github.secret);
    });

    it('finds a secret that straddles a window boundary of a long line', () => {
      const github = fakeSecrets(15)[2]!;
      for (const at of [4090, 4096, 4100, 8180, 8192 - 3]) {
        const line = `${'a '.repeat(at >> 1)}${at % 2 ? ' ' : ''}${github.secret} ${'b '.repeat(5000)}`;
        const findings = secretFindings(planWith(line));
        assert.equal(findings.length, 1, `token at ${at}`);
        assert.equal(line.slice(findings[0]!.range.start.character, findings[0]!.range.end.character), github.secret);
      }
    });
  });
});
