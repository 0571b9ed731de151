/** EP082 lock-overlap: two owners hold locks whose path scopes can name the same file. */
import type { LockRule } from '../types';
import { scopesOverlap } from '../lockPaths';
import { lockHeld } from '../lockTimes';
import type { LockEntry, Located } from '../lockFile';

export const lockOverlap: LockRule = {
  id: 'EP082',
  name: 'lock-overlap',
  title: 'Two owners hold overlapping path scopes',
  defaultSeverity: 'error',
  tags: ['locks', 'multi-agent'],
  fixable: false,
  check(context, report) {
    const held = context.lockFile.locks.filter((lock) => lock.owner && lockHeld(lock, context.lockFile, context.now));
    for (let later = 1; later < held.length; later++) {
      const lock = held[later]!;
      for (const path of lock.paths) {
        const conflict = findEarlierConflict(held.slice(0, later), lock.owner!.value, path.value);
        if (!conflict) continue;
        report({
          range: path.range,
          message: `\`${path.value}\` held by \`${lock.owner!.value}\` overlaps \`${conflict.path.value}\` held by \`${conflict.owner}\` (line ${conflict.path.range.start.line + 1}); stop and settle who edits these files.`,
          data: { owner: lock.owner!.value, otherOwner: conflict.owner },
        });
      }
    }
  },
};

function findEarlierConflict(earlier: readonly LockEntry[], owner: string, scope: string): { owner: string; path: Located<string> } | undefined {
  for (const other of earlier) {
    if (other.owner!.value === owner) continue;
    const path = other.paths.find((candidate) => scopesOverlap(candidate.value, scope));
    if (path) return { owner: other.owner!.value, path };
  }
  return undefined;
}
