/**
 * Shell and SQL commands that delete or overwrite: read from a command's words, not with one big
 * pattern, so `rm -fr`, `rm -r -f` and `sudo rm --recursive --force` are all the same operation.
 */

export type OperationCategory = 'delete-files' | 'rewrite-history' | 'discard-changes' | 'drop-data' | 'destroy-infra' | 'prune-containers' | 'wipe-disk';

export interface DestructiveOperation {
  /** How the operation is written in messages (`rm -rf`, `git push --force`, `DROP TABLE`). */
  readonly label: string;
  readonly category: OperationCategory;
  /** The command word a plan would name in its lists (`rm`, `terraform`). */
  readonly command: string;
}

/** What each category does, for messages. */
export const CATEGORY_EFFECT: Record<OperationCategory, string> = {
  'delete-files': 'deletes files',
  'rewrite-history': 'rewrites or deletes shared history',
  'discard-changes': 'throws away uncommitted work',
  'drop-data': 'deletes data',
  'destroy-infra': 'destroys running infrastructure',
  'prune-containers': 'deletes containers, images or volumes',
  'wipe-disk': 'overwrites a disk or file system',
};

/** Words that may stand before the real command on a line. */
const PREFIX_WORDS = new Set(['sudo', 'env', 'time', 'nohup', 'exec', 'command', 'xargs', '$', '>', '%', '#', 'then', 'do', 'else', '!', 'run:', 'run', 'execute']);
const ASSIGNMENT = /^[A-Za-z_]\w{0,63}=/;

/** The command's words without prefixes such as `sudo` or `VAR=x`; the first word is the command, lower case, without its path. */
export function commandWords(words: readonly string[]): { words: string[]; skipped: number } {
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    if (PREFIX_WORDS.has(word.toLowerCase()) || ASSIGNMENT.test(word)) {
      i++;
      continue;
    }
    // Options of a prefix word (`sudo -u deploy`, `xargs -0`).
    if (i > 0 && word.startsWith('-') && PREFIX_WORDS.has(words[i - 1]!.toLowerCase())) {
      i++;
      continue;
    }
    break;
  }
  const rest = words.slice(i).map((word) => word.toLowerCase());
  if (rest.length > 0) rest[0] = rest[0]!.slice(rest[0]!.lastIndexOf('/') + 1);
  return { words: rest, skipped: i };
}

/** Short options joined (`-rf`) or apart (`-r -f`), and long ones, of a command. */
function hasShortFlag(args: readonly string[], letters: string): boolean {
  return args.some((arg) => arg.length > 1 && arg[0] === '-' && arg[1] !== '-' && [...letters].some((letter) => arg.includes(letter)));
}

function has(args: readonly string[], ...options: string[]): boolean {
  return args.some((arg) => options.includes(arg) || options.some((option) => option.endsWith('=') && arg.startsWith(option)));
}

const op = (label: string, category: OperationCategory, command: string): DestructiveOperation => ({ label, category, command });

/** The destructive operation a shell command performs, if any. `words` come from {@link commandWords}. */
export function classifyCommand(words: readonly string[], original: readonly string[]): DestructiveOperation | undefined {
  const [command, ...args] = words;
  if (!command) return undefined;
  switch (command) {
    case 'rm': {
      const recursive = hasShortFlag(args, 'rR') || has(args, '--recursive');
      const force = hasShortFlag(args, 'f') || has(args, '--force');
      if (recursive && force) return op('rm -rf', 'delete-files', 'rm');
      if (recursive) return op('rm -r', 'delete-files', 'rm');
      return force ? op('rm -f', 'delete-files', 'rm') : undefined;
    }
    case 'git':
      return classifyGit(args, original.slice(original.length - args.length));
    case 'terraform':
    case 'tofu':
    case 'pulumi':
    case 'cdk':
      if (args.includes('destroy') || (args.includes('apply') && has(args, '-destroy', '--destroy'))) return op(`${command} destroy`, 'destroy-infra', command);
      return undefined;
    case 'kubectl':
    case 'oc':
      return args[0] === 'delete' || args.includes('delete') ? op(`${command} delete`, 'destroy-infra', command) : undefined;
    case 'helm':
      return args[0] === 'uninstall' || args[0] === 'delete' ? op(`helm ${args[0]}`, 'destroy-infra', 'helm') : undefined;
    case 'docker':
    case 'podman':
    case 'docker-compose':
      return classifyContainers(command, args);
    case 'dd':
      return args.some((arg) => arg.startsWith('of=')) ? op('dd of=', 'wipe-disk', 'dd') : undefined;
    case 'wipefs':
      return op('wipefs', 'wipe-disk', 'wipefs');
    case 'shred':
      return op('shred', 'delete-files', 'shred');
    case 'truncate':
      return args.some((arg) => arg.startsWith('-')) ? op('truncate', 'delete-files', 'truncate') : undefined;
    case 'find':
      return args.includes('-delete') ? op('find -delete', 'delete-files', 'find') : undefined;
    case 'dropdb':
      return op('dropdb', 'drop-data', 'dropdb');
    case 'redis-cli':
      return args.some((arg) => arg === 'flushall' || arg === 'flushdb') ? op('redis-cli FLUSHALL', 'drop-data', 'redis-cli') : undefined;
    case 'aws':
      if (args[0] === 's3' && ((args[1] === 'rm' && has(args, '--recursive')) || (args[1] === 'rb' && has(args, '--force')))) return op(`aws s3 ${args[1]}`, 'delete-files', 'aws');
      return undefined;
    case 'gsutil':
      return args[0] === 'rm' && hasShortFlag(args, 'r') ? op('gsutil rm -r', 'delete-files', 'gsutil') : undefined;
    default:
      if (command.startsWith('mkfs')) return op('mkfs', 'wipe-disk', 'mkfs');
      return undefined;
  }
}

/** Global options of git that take a value and come before the subcommand. */
const GIT_VALUE_OPTIONS = new Set(['-c', '-C', '--git-dir', '--work-tree', '--namespace']);

function classifyGit(args: readonly string[], original: readonly string[]): DestructiveOperation | undefined {
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) i += GIT_VALUE_OPTIONS.has(original[i] ?? args[i]!) ? 2 : 1;
  const sub = args[i];
  const rest = args.slice(i + 1);
  const restOriginal = original.slice(i + 1);
  switch (sub) {
    case 'push':
      if (has(rest, '-f', '--force', '--force-with-lease', '--force-with-lease=', '--force-if-includes', '--mirror') || hasShortFlag(rest.filter((arg) => !arg.startsWith('--')), 'f')) {
        return op('git push --force', 'rewrite-history', 'git');
      }
      if (has(rest, '--delete', '-d') || rest.some((arg) => arg.startsWith('+') || (arg.startsWith(':') && arg.length > 1))) {
        return op(rest.some((arg) => arg.startsWith('+')) ? 'git push --force' : 'git push --delete', 'rewrite-history', 'git');
      }
      return undefined;
    case 'reset':
      return has(rest, '--hard') ? op('git reset --hard', 'discard-changes', 'git') : undefined;
    case 'clean':
      return hasShortFlag(rest, 'f') || has(rest, '--force') ? op('git clean -f', 'discard-changes', 'git') : undefined;
    case 'branch':
      return restOriginal.includes('-D') || (has(rest, '--delete', '-d') && has(rest, '--force', '-f')) ? op('git branch -D', 'discard-changes', 'git') : undefined;
    case 'filter-branch':
    case 'filter-repo':
      return op(`git ${sub}`, 'rewrite-history', 'git');
    default:
      return undefined;
  }
}

function classifyContainers(command: string, args: readonly string[]): DestructiveOperation | undefined {
  if (args.includes('prune')) return op(`${command} ${args[0] === 'prune' ? '' : `${args[0]} `}prune`, 'prune-containers', command);
  if (args[0] === 'volume' && (args[1] === 'rm' || args[1] === 'remove')) return op(`${command} volume rm`, 'prune-containers', command);
  const down = args.indexOf('down');
  if (down >= 0 && (command === 'docker-compose' || args[down - 1] === 'compose') && has(args.slice(down + 1), '-v', '--volumes')) {
    return op(`${command === 'docker-compose' ? 'docker-compose' : `${command} compose`} down -v`, 'prune-containers', command);
  }
  return undefined;
}

/** A destructive SQL statement found in text, with its place. */
export interface SqlStatementMatch {
  readonly start: number;
  readonly end: number;
  readonly operation: DestructiveOperation;
}

const SQL_DROP = /\bDROP\s{1,4}(TABLE|DATABASE|SCHEMA|COLLECTION)\b/gi;
const SQL_TRUNCATE = /\bTRUNCATE\s{1,4}(?:TABLE\s{1,4})?[A-Za-z_"`[]/gi;
const SQL_DELETE = /\bDELETE\s{1,4}FROM\s{1,4}[^;"'`]{1,300}/gi;
const SQL_FLUSH = /\bFLUSH(?:ALL|DB)\b/gi;

/**
 * Destructive SQL in `text`. In prose only upper-case keywords count (`DROP TABLE`), so a sentence
 * that says "drop the table" is not taken for a statement.
 */
export function findSqlStatements(text: string, isCode: boolean): SqlStatementMatch[] {
  const found: SqlStatementMatch[] = [];
  const upper = text.toUpperCase();
  if (upper.indexOf('DROP') < 0 && upper.indexOf('TRUNCATE') < 0 && upper.indexOf('DELETE') < 0 && upper.indexOf('FLUSH') < 0) return found;
  const keep = (match: RegExpExecArray): boolean => isCode || match[0].split(/\s/)[0] === match[0].split(/\s/)[0]!.toUpperCase();
  for (const [pattern, make] of [
    [SQL_DROP, (m: RegExpExecArray) => op(`DROP ${m[1]!.toUpperCase()}`, 'drop-data', 'drop')],
    [SQL_TRUNCATE, () => op('TRUNCATE', 'drop-data', 'truncate')],
    [SQL_FLUSH, (m: RegExpExecArray) => op(m[0].toUpperCase(), 'drop-data', 'flush')],
  ] as const) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      if (keep(match)) found.push({ start: match.index, end: match.index + match[0].length, operation: make(match) });
    }
  }
  SQL_DELETE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SQL_DELETE.exec(text)) !== null) {
    // DELETE with a WHERE clause removes chosen rows; without one it empties the table.
    if (keep(match) && !/\bWHERE\b/i.test(match[0])) {
      const end = match.index + match[0].trimEnd().length;
      found.push({ start: match.index, end, operation: op('DELETE FROM without WHERE', 'drop-data', 'delete') });
    }
  }
  return found;
}
