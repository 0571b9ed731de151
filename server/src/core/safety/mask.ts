/**
 * The only form in which a detected secret is ever shown: its well-known prefix and its last four
 * characters, e.g. `ghp_…3f9a`. Short values show nothing of their own, so a masked form never gives
 * away enough to guess the rest.
 */

const ELLIPSIS = '…';
const VISIBLE_TAIL = 4;
/** Values shorter than this (after the prefix) show no tail at all. */
const MIN_LENGTH_FOR_TAIL = 16;

export function maskSecret(value: string, prefixLength = 0): string {
  const prefix = value.slice(0, Math.min(prefixLength, value.length));
  const rest = value.length - prefix.length;
  const tail = rest >= MIN_LENGTH_FOR_TAIL ? value.slice(value.length - VISIBLE_TAIL) : '';
  return `${prefix}${ELLIPSIS}${tail}`;
}
