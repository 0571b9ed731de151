/** When a lock stops holding: its `expires_at`, else `acquired_at` plus the file's `ttl_seconds`. */
import type { Range } from '../model/types';
import type { LockEntry, LockFile } from './lockFile';

export interface LockExpiry {
  readonly ms: number;
  readonly range: Range;
  /** Which fields the time comes from, for messages. */
  readonly source: string;
}

export function lockExpiry(lock: LockEntry, file: LockFile): LockExpiry | undefined {
  if (lock.expiresAt) return { ms: Date.parse(lock.expiresAt.value), range: lock.expiresAt.range, source: '`expires_at`' };
  if (lock.acquiredAt && file.ttlSeconds) {
    return { ms: Date.parse(lock.acquiredAt.value) + file.ttlSeconds.value * 1000, range: lock.acquiredAt.range, source: '`acquired_at` + `ttl_seconds`' };
  }
  return undefined;
}

/** True while the lock holds its paths at `now` (a lock without a readable expiry counts as held). */
export function lockHeld(lock: LockEntry, file: LockFile, now: Date): boolean {
  const expiry = lockExpiry(lock, file);
  return expiry === undefined || expiry.ms > now.getTime();
}
