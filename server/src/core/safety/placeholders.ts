/**
 * What is *not* a secret although it sits where one could: template text, redaction marks,
 * references to where the real value lives, example values and strings no generator would produce.
 * This is what keeps the secret scanner from crying wolf.
 */

/** Words that mark a value as an example or a placeholder (compared in lower case). */
const PLACEHOLDER_WORDS = [
  'redacted', 'placeholder', 'example', 'sample', 'dummy', 'changeme', 'change_me', 'change-me', 'your',
  'replace', 'insert', 'todo', 'fixme', 'notreal', 'not_real', 'not-real', 'secret_here', 'token_here',
  'key_here', '-here', '_here', 'password', 'passwd', 'mysecret', 'supersecret', 'hunter2',
];

/** Whole values that are defaults or field names, not credentials (compared in lower case). */
const PLACEHOLDER_VALUES = new Set([
  'pass', 'pwd', 'pw', 'secret', 'token', 'key', 'apikey', 'api_key', 'user', 'username', 'admin', 'root', 'test',
  'demo', 'guest', 'postgres', 'mysql', 'redis', 'changeit', 'letmein', 'none', 'null', 'empty', 'required',
  'optional', 'string', 'value', 'true', 'false', 'undefined',
]);

/** Runs that only a person typing a mask writes. */
const MASK_RUNS = ['xxxx', '****', '••••', '....', '…', '####', '____', '----', '0000', '1234', '<', '>'];

/** True for text that stands in for a secret rather than being one. */
export function isPlaceholderValue(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower)) return true;
  for (const run of MASK_RUNS) if (lower.includes(run)) return true;
  for (const word of PLACEHOLDER_WORDS) if (lower.includes(word)) return true;
  if (isTemplateReference(value)) return true;
  return isSequentialOrRepeated(value);
}

/** `${VAR}`, `$VAR`, `{{ var }}`, `%(var)s`, `%VAR%`, `[[var]]`, `:var`: a value filled in elsewhere. */
export function isTemplateReference(value: string): boolean {
  if (value.includes('${') || value.includes('{{') || value.includes('}}') || value.includes('%(') || value.includes('[[')) return true;
  const first = value.charCodeAt(0);
  if (first === 0x24 /* $ */ || first === 0x25 /* % */ || first === 0x3a /* : */ || first === 0x40 /* @ */) return true;
  return false;
}

/**
 * A name rather than a value: an environment variable (`GITHUB_TOKEN`), a dotted lookup
 * (`secrets.NPM_TOKEN`, `process.env.KEY`), a call, or a file path.
 */
export function isReferenceToSecret(value: string): boolean {
  if (/^[A-Z][A-Z0-9_]{1,80}$/.test(value)) return true;
  if (/^[A-Za-z_][\w-]{0,40}(?:\.[A-Za-z_][\w-]{0,40}){1,6}$/.test(value)) return true;
  if (value.includes('(') || value.includes('[')) return true;
  const first = value.charCodeAt(0);
  if (first === 0x2f /* / */ || first === 0x7e /* ~ */ || value.startsWith('./') || value.startsWith('../')) return true;
  return false;
}

/**
 * Strings no token generator produces: one or two distinct characters, or mostly steps of -1, 0 or
 * +1 between neighbours (`aaaa`, `abcdef`, `123456`, `zyxw`).
 */
export function isSequentialOrRepeated(value: string): boolean {
  if (value.length === 0) return true;
  const distinct = new Set(value).size;
  if (distinct <= 3) return true;
  let steady = 0;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (step >= -1 && step <= 1) steady++;
  }
  return steady / (value.length - 1) >= 0.5;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{7,128}$/i;

export function isUuid(value: string): boolean {
  return value.length === 36 && UUID.test(value);
}

/** A hexadecimal digest or commit id (abbreviated or full). */
export function isHexDigest(value: string): boolean {
  return HEX.test(value);
}
