/** EP080 lock-schema: `.agent-locks.yaml` can be read and follows the lock file schema. */
import type { LockRule } from '../types';

export const lockSchema: LockRule = {
  id: 'EP080',
  name: 'lock-schema',
  title: 'The lock file does not follow its schema',
  defaultSeverity: 'error',
  tags: ['locks', 'schema'],
  fixable: false,
  check(context, report) {
    for (const problem of context.lockFile.problems) report({ range: problem.range, message: problem.message });
  },
};
