/** EP083 lock-outside-repo: a lock scope names a path outside the repository. */
import type { LockRule } from '../types';
import { scopeEscape } from '../lockPaths';
import type { EscapeKind } from '../lockPaths';

const WHY: Record<EscapeKind, string> = {
  absolute: 'is an absolute path',
  home: 'starts from a home folder',
  parent: 'climbs above the repository with `..`',
};

export const lockOutsideRepo: LockRule = {
  id: 'EP083',
  name: 'lock-outside-repo',
  title: 'A lock scope points outside the repository',
  defaultSeverity: 'error',
  tags: ['locks', 'safety'],
  fixable: false,
  check(context, report) {
    for (const lock of context.lockFile.locks) {
      for (const path of lock.paths) {
        const escape = scopeEscape(path.value, context.depthBelowRoot);
        if (!escape) continue;
        report({ range: path.range, message: `\`${path.value}\` ${WHY[escape]}; lock scopes are paths relative to the repository root.` });
      }
    }
  },
};
