/**
 * Path and glob reasoning for lock scopes: can two scopes name the same file, and does a scope
 * leave the repository. Overlap is decided conservatively: when two globs might both match some
 * path, they overlap, because a missed conflict costs more than a second look at a false alarm.
 */
import { braceExpand, minimatch } from 'minimatch';

const MAGIC = /[*?[\]{}!+@()]/;
/** Brace expansion of a pathological pattern is capped; beyond it the scope counts as overlapping. */
const MAX_EXPANSIONS = 64;

/** Splits a scope into segments; a plain folder (`src/`, `src/lib`) also covers everything below it. */
export function scopeSegments(scope: string): string[] {
  const normalized = scope.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const segments = normalized.split('/').filter((segment) => segment !== '' && segment !== '.');
  const last = segments[segments.length - 1];
  if (normalized.endsWith('/') || (last !== undefined && !MAGIC.test(last) && !last.includes('.'))) segments.push('**');
  return segments;
}

/** True when some path could be matched by both scopes. */
export function scopesOverlap(a: string, b: string): boolean {
  const left = expand(a);
  const right = expand(b);
  if (!left || !right) return true;
  return left.some((x) => right.some((y) => segmentsOverlap(scopeSegments(x), scopeSegments(y))));
}

function expand(scope: string): string[] | undefined {
  if (!scope.includes('{')) return [scope];
  const expanded = braceExpand(scope);
  return expanded.length > MAX_EXPANSIONS ? undefined : expanded;
}

function segmentsOverlap(a: readonly string[], b: readonly string[]): boolean {
  const memo = new Map<number, boolean>();
  const visit = (i: number, j: number): boolean => {
    const key = i * (b.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (a[i] === '**') result = visit(i + 1, j) || (j < b.length && visit(i, j + 1));
    else if (b[j] === '**') result = visit(i, j + 1) || (i < a.length && visit(i + 1, j));
    else if (i === a.length || j === b.length) result = false;
    else result = segmentOverlap(a[i]!, b[j]!) && visit(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return visit(0, 0);
}

function segmentOverlap(x: string, y: string): boolean {
  const xMagic = MAGIC.test(x);
  const yMagic = MAGIC.test(y);
  if (!xMagic && !yMagic) return x === y;
  if (!xMagic) return minimatch(x, y, { dot: true });
  if (!yMagic) return minimatch(y, x, { dot: true });
  // Two globs in one segment: compare the literal text before the first and after the last wildcard.
  const [xHead, xTail] = literalEnds(x);
  const [yHead, yTail] = literalEnds(y);
  const headsAgree = xHead.startsWith(yHead) || yHead.startsWith(xHead);
  const tailsAgree = xTail.endsWith(yTail) || yTail.endsWith(xTail);
  return headsAgree && tailsAgree;
}

function literalEnds(glob: string): [string, string] {
  const first = glob.search(MAGIC);
  let last = glob.length - 1;
  while (last >= 0 && !MAGIC.test(glob[last]!)) last--;
  return [glob.slice(0, first), glob.slice(last + 1)];
}

export type EscapeKind = 'absolute' | 'home' | 'parent';

/**
 * Says how a scope leaves the repository, if it does: an absolute path, a home-relative path, or
 * `..` segments that climb above the root (`depthBelowRoot` is how deep the lock file sits).
 */
export function scopeEscape(scope: string, depthBelowRoot: number): EscapeKind | undefined {
  const text = scope.trim().replace(/\\/g, '/');
  if (text.startsWith('/') || /^[A-Za-z]:/.test(text)) return 'absolute';
  if (text.startsWith('~')) return 'home';
  let depth = depthBelowRoot;
  for (const segment of text.split('/')) {
    if (segment === '..') {
      depth--;
      if (depth < 0) return 'parent';
    } else if (segment !== '' && segment !== '.') {
      depth++;
    }
  }
  return undefined;
}
