/** EP081 lock-expired: a lock whose `expires_at` has passed still sits in the lock file. */
import type { LockRule } from '../types';
import { lockExpiry } from '../lockTimes';

export const lockExpired: LockRule = {
  id: 'EP081',
  name: 'lock-expired',
  title: 'A lock has expired',
  defaultSeverity: 'warning',
  tags: ['locks'],
  fixable: false,
  check(context, report) {
    const now = context.now.getTime();
    for (const lock of context.lockFile.locks) {
      const expiry = lockExpiry(lock, context.lockFile);
      if (expiry === undefined || expiry.ms > now) continue;
      const owner = lock.owner ? `\`${lock.owner.value}\`` : 'This lock';
      report({
        range: expiry.range,
        message: `${owner}'s lock expired ${describeAge(now - expiry.ms)} ago (${expiry.source}); release it or renew it before editing its paths.`,
        data: { owner: lock.owner?.value, expiredMs: expiry.ms },
      });
    }
  },
};

function describeAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}
