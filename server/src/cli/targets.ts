/**
 * Turns the command line's paths into the files to check. A file is checked as given; a directory
 * is searched for Markdown files and lock files; a glob is matched from its fixed leading folders;
 * no path at all means the plan patterns (and registries and lock files) under the current folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { walkFiles } from '../workspace/walker';
import { isIndexed, isLockFilePath } from '../workspace/fileCheck';

export interface Target {
  readonly absolute: string;
  /** What the output shows: relative to the current folder, with `/`. */
  readonly display: string;
  /** The path the classifier and the plan patterns see. */
  readonly classificationPath: string;
  /** The folder `classificationPath` is relative to (the current folder, or where a search began). */
  readonly root: string;
  /** Named on the command line, rather than found in a folder. */
  readonly explicit: boolean;
}

export interface TargetResult {
  readonly targets: readonly Target[];
  /** Paths that name nothing; each makes the run fail with status 2. */
  readonly missing: readonly string[];
  /** Symbolic links not followed because they leave the folder searched. */
  readonly skippedLinks: readonly string[];
}

const MARKDOWN = /\.(md|markdown)$/i;
const GLOB_MAGIC = /[*?[\]{}]/;

export async function resolveTargets(paths: readonly string[], cwd: string, planGlobs: readonly string[]): Promise<TargetResult> {
  const targets = new Map<string, Target>();
  const missing: string[] = [];
  const skippedLinks: string[] = [];
  const add = (absolute: string, classificationRoot: string, explicit: boolean): void => {
    if (targets.has(absolute)) return;
    const inCwd = isWithin(cwd, absolute);
    const root = inCwd ? cwd : classificationRoot;
    const classificationPath = path.relative(root, absolute).split(path.sep).join('/');
    targets.set(absolute, { absolute, display: displayPath(cwd, absolute), classificationPath, root, explicit });
  };
  const walkInto = async (root: string, include: (relative: string) => boolean): Promise<void> => {
    const result = await walkFiles({ root, include });
    skippedLinks.push(...result.skippedLinks.map((link) => displayPath(cwd, path.join(root, link))));
    for (const file of result.files) add(file, root, false);
  };

  if (paths.length === 0) {
    await walkInto(cwd, (relative) => isIndexed(relative, planGlobs));
  }
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) add(absolute, path.dirname(absolute), true);
    else if (stat?.isDirectory()) await walkInto(absolute, (relative) => MARKDOWN.test(relative) || isLockFilePath(relative));
    else if (GLOB_MAGIC.test(given)) {
      const before = targets.size;
      const pattern = given.replace(/\\/g, '/');
      const base = globBase(pattern);
      const root = path.resolve(cwd, base);
      if (statOrUndefined(root)?.isDirectory()) {
        const rest = base === '.' ? pattern.replace(/^\.\//, '') : pattern.slice(base.length + 1);
        await walkInto(root, (relative) => minimatch(relative, rest, { dot: true }));
      }
      if (targets.size === before) missing.push(given);
    } else missing.push(given);
  }
  const sorted = [...targets.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { targets: sorted, missing, skippedLinks };
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** The leading folders of a glob that contain no wildcard. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (GLOB_MAGIC.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}

export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === '' ? path.basename(absolute) : relative).split(path.sep).join('/');
}

function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
