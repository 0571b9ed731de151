/**
 * The credential formats the secret scanner knows, most specific first. Each pattern is a literal
 * prefix followed by bounded runs of one character class, with look-arounds for token boundaries, so
 * a match can only start at a boundary and can only run as far as its bound: linear on any line.
 */
import { characterClassCount, shannonEntropy } from './entropy';
import { isPlaceholderValue, isSequentialOrRepeated, isTemplateReference } from './placeholders';

export interface SecretDetector {
  /** Stable id, carried in finding data. */
  readonly id: string;
  /** What a person calls this kind of credential (shown in messages). */
  readonly kind: string;
  /** Literal text every match contains; a line without any of them is skipped cheaply. */
  readonly hints: readonly string[];
  /** Global pattern; capture group `secretGroup` (0 for the whole match) is the secret itself. */
  readonly pattern: RegExp;
  readonly secretGroup: number;
  /** How much of the secret's start is a public prefix that stays visible when masked. */
  visiblePrefix(secret: string): number;
  /** Whether the matched text is a real-looking credential rather than an example or placeholder. */
  accepts(secret: string, match: RegExpExecArray): boolean;
}

/** Everything up to and including the `nth` occurrence of `separator` is the visible prefix. */
function prefixThrough(separator: string, nth = 1): (secret: string) => number {
  return (secret) => {
    let at = -1;
    for (let i = 0; i < nth; i++) {
      at = secret.indexOf(separator, at + 1);
      if (at < 0) return 0;
    }
    return at + 1;
  };
}

/** A random-looking body: no placeholder, not a run or a sequence, enough entropy. */
function randomBody(prefixLength: (secret: string) => number, minEntropy: number, minClasses = 2): (secret: string) => boolean {
  return (secret) => {
    const body = secret.slice(prefixLength(secret));
    if (isPlaceholderValue(body) || isSequentialOrRepeated(body)) return false;
    return shannonEntropy(body) >= minEntropy && characterClassCount(body) >= minClasses;
  };
}

function detector(spec: Omit<SecretDetector, 'accepts' | 'secretGroup'> & { secretGroup?: number; minEntropy: number; minClasses?: number; also?: (secret: string) => boolean }): SecretDetector {
  const random = randomBody((secret) => spec.visiblePrefix(secret), spec.minEntropy, spec.minClasses);
  const also = spec.also;
  return {
    id: spec.id,
    kind: spec.kind,
    hints: spec.hints,
    pattern: spec.pattern,
    secretGroup: spec.secretGroup ?? 0,
    visiblePrefix: spec.visiblePrefix,
    accepts: (secret) => random(secret) && (!also || also(secret)),
  };
}

const fixed = (length: number) => (): number => length;

/** Decodes base64url text (no padding needed); undefined when it is not base64url. */
export function decodeBase64Url(text: string): string | undefined {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const value = alphabet.indexOf(text[i]!);
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/** A JWT whose header is JSON naming an algorithm, and which is not the well-known documentation token. */
function isRealJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  const headerText = decodeBase64Url(header ?? '');
  if (!headerText || !/"alg"\s{0,4}:/.test(headerText)) return false;
  const payloadText = decodeBase64Url(payload ?? '') ?? '';
  // The token printed in every JWT tutorial: subject 1234567890, name John Doe.
  return !(payloadText.includes('"1234567890"') && payloadText.includes('John Doe'));
}

export const SECRET_DETECTORS: readonly SecretDetector[] = [
  detector({
    id: 'aws-access-key-id',
    kind: 'AWS access key id',
    hints: ['AKIA', 'ASIA'],
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/g,
    visiblePrefix: fixed(4),
    minEntropy: 2.5,
    minClasses: 1,
  }),
  detector({
    id: 'github-token',
    kind: 'GitHub token',
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,76}(?![A-Za-z0-9_])/g,
    visiblePrefix: fixed(4),
    minEntropy: 3.5,
  }),
  detector({
    id: 'github-fine-grained-token',
    kind: 'GitHub fine-grained token',
    hints: ['github_pat_'],
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{60,120}(?![A-Za-z0-9_])/g,
    visiblePrefix: fixed(11),
    minEntropy: 3.5,
  }),
  detector({
    id: 'gitlab-token',
    kind: 'GitLab token',
    hints: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glft-', 'glsoat-', 'glcbt-'],
    pattern: /(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt|ft|soat|cbt)-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])/g,
    visiblePrefix: prefixThrough('-'),
    minEntropy: 3.2,
  }),
  detector({
    id: 'slack-token',
    kind: 'Slack token',
    hints: ['xox'],
    pattern: /(?<![A-Za-z0-9_-])xox[abeoprs]-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9_-])/g,
    visiblePrefix: fixed(5),
    minEntropy: 3.0,
    also: (secret) => /\d/.test(secret),
  }),
  detector({
    id: 'slack-webhook',
    kind: 'Slack webhook URL',
    hints: ['hooks.slack.com/'],
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,200}/g,
    visiblePrefix: prefixThrough('/', 4),
    minEntropy: 3.2,
  }),
  detector({
    id: 'stripe-key',
    kind: 'Stripe live key',
    hints: ['sk_live_', 'rk_live_'],
    pattern: /(?<![A-Za-z0-9_])[rs]k_live_[A-Za-z0-9]{20,247}(?![A-Za-z0-9_])/g,
    visiblePrefix: fixed(8),
    minEntropy: 3.5,
  }),
  detector({
    id: 'google-api-key',
    kind: 'Google API key',
    hints: ['AIza'],
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    visiblePrefix: fixed(4),
    minEntropy: 3.5,
  }),
  detector({
    id: 'anthropic-key',
    kind: 'Anthropic API key',
    hints: ['sk-ant-'],
    pattern: /(?<![A-Za-z0-9_-])sk-ant-[a-z]{3,8}\d{2}-[A-Za-z0-9_-]{40,160}(?![A-Za-z0-9_-])/g,
    visiblePrefix: prefixThrough('-', 3),
    minEntropy: 3.5,
  }),
  detector({
    id: 'openai-key',
    kind: 'OpenAI API key',
    hints: ['sk-proj-', 'sk-svcacct-', 'sk-admin-'],
    pattern: /(?<![A-Za-z0-9_-])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}(?![A-Za-z0-9_-])/g,
    visiblePrefix: prefixThrough('-', 2),
    minEntropy: 3.5,
  }),
  detector({
    id: 'openai-key',
    kind: 'OpenAI API key',
    hints: ['sk-'],
    pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9]{32,64}(?![A-Za-z0-9_-])/g,
    visiblePrefix: fixed(3),
    minEntropy: 3.5,
    minClasses: 3,
  }),
  detector({
    id: 'npm-token',
    kind: 'npm access token',
    hints: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    visiblePrefix: fixed(4),
    minEntropy: 3.5,
  }),
  detector({
    id: 'jwt',
    kind: 'JSON Web Token',
    hints: ['eyJ'],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,400}\.eyJ[A-Za-z0-9_-]{8,1200}\.[A-Za-z0-9_-]{16,400}(?![A-Za-z0-9_-])/g,
    visiblePrefix: fixed(3),
    minEntropy: 3.0,
    also: isRealJwt,
  }),
  detector({
    id: 'aws-secret-access-key',
    kind: 'AWS secret access key',
    hints: ['ecret', 'ECRET'],
    pattern: /(?<![A-Za-z0-9_])(?:aws_?)?secret_?access_?key["']?[ \t]{0,4}(?:=>|[:=])[ \t]{0,4}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    secretGroup: 1,
    visiblePrefix: fixed(0),
    minEntropy: 3.5,
    minClasses: 3,
  }),
];

/** The password in `scheme://user:password@host`, including database connection strings. */
export const URL_CREDENTIALS: SecretDetector = {
  id: 'url-password',
  kind: 'password in a URL',
  hints: ['://'],
  pattern: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/([^\s:@/?#'"`<>]{0,128}):([^\s:@/?#'"`<>]{1,256})@(?=[A-Za-z0-9[])/g,
  secretGroup: 2,
  visiblePrefix: fixed(0),
  // `postgres://postgres:postgres@localhost` is a default, not a leak.
  accepts: (password, match) => password !== match[1] && !isPlaceholderValue(password) && !isTemplateReference(password),
};
