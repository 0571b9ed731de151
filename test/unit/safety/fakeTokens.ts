/**
 * Fake credentials for the secret tests, built at run time from parts and a seeded generator, so no
 * well-formed token is ever written in the repository (and secret scanners of the repository itself
 * stay quiet), while every run tests the same strings.
 */

import { seededRandom } from '../../../bench/generate';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
const BASE64 = ALNUM + '+/';
const BASE64URL = ALNUM + '-_';
const BASE32 = UPPER + '234567';

/** The generator the benchmarks and stress tests use too, so failures reproduce. */
export { seededRandom };

export class FakeTokens {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  chars(count: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[Math.floor(this.random() * alphabet.length)];
    return out;
  }

  base64url(text: string): string {
    let bits = 0;
    let buffer = 0;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      buffer = (buffer << 8) | text.charCodeAt(i);
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        out += BASE64URL[(buffer >> bits) & 63];
      }
    }
    if (bits > 0) out += BASE64URL[(buffer << (6 - bits)) & 63];
    return out;
  }
}

/** One fake credential: the line it appears on and the exact secret text the scanner must find. */
export interface FakeSecret {
  readonly kind: string;
  readonly line: string;
  readonly secret: string;
  /** The public prefix that stays visible in the masked form. */
  readonly prefix: string;
}

function make(kind: string, before: string, prefix: string, body: string, after = ''): FakeSecret {
  const secret = prefix + body;
  return { kind, line: before + secret + after, secret, prefix };
}

/** One fake credential of every kind the scanner knows, in the context it usually appears in. */
export function fakeSecrets(seed: number): FakeSecret[] {
  const fake = new FakeTokens(seed);
  const header = fake.base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = fake.base64url(JSON.stringify({ sub: fake.chars(12, DIGITS), role: 'deploy', iat: 1767225600 }));
  return [
    make('aws-access-key-id', 'aws_access_key_id = ', ['AK', 'IA'].join(''), fake.chars(16, BASE32)),
    make('aws-secret-access-key', 'aws_secret_access_key = ', '', fake.chars(40, BASE64)),
    make('github-token', 'Use token ', ['gh', 'p_'].join(''), fake.chars(36, ALNUM), ' for the API.'),
    make('github-token', 'GH_TOKEN: ', ['gh', 's_'].join(''), fake.chars(36, ALNUM)),
    make('github-token', 'refresh ', ['gh', 'r_'].join(''), fake.chars(76, ALNUM)),
    make('github-fine-grained-token', '`', ['github', '_pat_'].join(''), `${fake.chars(22, ALNUM)}_${fake.chars(59, ALNUM)}`, '`'),
    make('gitlab-token', 'CI token: ', ['gl', 'pat-'].join(''), fake.chars(20, ALNUM + '-_')),
    make('slack-token', 'SLACK=', ['xo', 'xb-'].join(''), `${fake.chars(11, DIGITS)}-${fake.chars(12, DIGITS)}-${fake.chars(24, ALNUM)}`),
    make('slack-webhook', 'POST to ', ['https://hooks.', 'slack.com/services/'].join(''), `T${fake.chars(10, UPPER + DIGITS)}/B${fake.chars(10, UPPER + DIGITS)}/${fake.chars(24, ALNUM)}`),
    make('stripe-key', 'stripe: ', ['sk', '_live_'].join(''), fake.chars(24, ALNUM)),
    make('stripe-key', 'restricted ', ['rk', '_live_'].join(''), fake.chars(99, ALNUM)),
    make('google-api-key', 'key=', ['AI', 'za'].join(''), fake.chars(35, ALNUM + '-_')),
    make('openai-key', 'OPENAI_API_KEY=', ['sk', '-proj-'].join(''), fake.chars(120, ALNUM + '-_')),
    make('openai-key', 'openai ', ['sk', '-'].join(''), fake.chars(48, ALNUM)),
    make('anthropic-key', 'x-api-key: ', ['sk', '-ant-', 'api03-'].join(''), `${fake.chars(93, ALNUM + '-_')}AA`),
    make('npm-token', '//registry/:_authToken=', ['np', 'm_'].join(''), fake.chars(36, ALNUM)),
    make('jwt', 'Authorization: Bearer ', ['ey', 'J'].join(''), `${header.slice(3)}.${payload}.${fake.chars(43, BASE64URL)}`),
    make('url-password', 'git clone https://deploy:', '', fake.chars(18, ALNUM), '@git.corp.internal/app.git'),
    make('url-password', 'DATABASE_URL=postgres://app:', '', fake.chars(20, ALNUM), '@db.prod.internal:5432/app'),
    make('url-password', 'mongodb+srv://svc:', '', fake.chars(16, ALNUM), '@cluster0.mongo.internal/db'),
    make('keyword-assignment', 'export DB_PASSWORD=', '', `${fake.chars(14, ALNUM)}#${fake.chars(5, ALNUM)}`),
    make('keyword-assignment', 'api_key: "', '', fake.chars(32, ALNUM), '"'),
    make('keyword-assignment', '{"client_secret": "', '', fake.chars(40, ALNUM + '-_'), '"}'),
    make('keyword-assignment', '- Password: ', '', `${fake.chars(10, ALNUM)}!${fake.chars(3, DIGITS)}`),
  ];
}

/** A private key block of `lines` base64 lines. */
export function fakePrivateKey(seed: number, lines = 12): { text: string; body: string[] } {
  const fake = new FakeTokens(seed);
  const body = Array.from({ length: lines }, () => fake.chars(64, BASE64));
  const kind = ['RSA', 'PRIVATE KEY'].join(' ');
  return { text: [`-----BEGIN ${kind}-----`, ...body, `-----END ${kind}-----`].join('\n'), body };
}

/** The JWT from every tutorial (subject 1234567890, name John Doe), rebuilt from its parts. */
export function tutorialJwt(): string {
  const fake = new FakeTokens(1);
  const header = fake.base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = fake.base64url(JSON.stringify({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }));
  return `${header}.${payload}.${fake.chars(43, BASE64URL)}`;
}

const FAKE_MARKER = /@@fake:([a-z-]+)@@/g;

/**
 * Fills the `@@fake:<detector>@@` markers of a `*.md.in` fixture with fake credentials of that kind,
 * so fixtures can show real-looking secrets without the repository holding any.
 */
export function fillFakeSecrets(text: string, seed = 2026): string {
  const fakes = fakeSecrets(seed);
  return text.replace(FAKE_MARKER, (_, kind: string) => {
    const fake = fakes.find((candidate) => candidate.kind === kind);
    if (!fake) throw new Error(`no fake credential of kind ${kind}`);
    return fake.secret;
  });
}

export { BASE32, BASE64, BASE64URL, DIGITS, LOWER, UPPER };
