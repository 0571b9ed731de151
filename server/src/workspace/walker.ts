/**
 * Finds files under a folder the way a repository sees them: `.gitignore` files are honoured (the
 * ones in the folder and below it, and those between it and the top of its git repository),
 * `node_modules` and `.git` are never entered, linked folders are not entered, and a linked file is
 * read only when its target stays inside the folder. Shared by `execplan-lint` and the language server's workspace index.
 * Directory reads are asynchronous, so a walk never holds the event loop for long.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';

/** Folders never entered, whatever `.gitignore` says. */
export const ALWAYS_SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);
/** How far up a walk looks for the repository's `.gitignore` files. */
const MAX_ANCESTOR_LEVELS = 32;

export interface WalkOptions {
  /** The folder to walk (any form; it is resolved). */
  readonly root: string;
  /** Whether a file should be returned, by its path relative to `root` with `/` separators. */
  readonly include: (relativePath: string) => boolean;
  /** Stop after this many files (the result says it was truncated). */
  readonly maxFiles?: number;
  /** Checked between directories; the walk stops early when it returns true. */
  readonly isCancelled?: () => boolean;
}

export interface WalkResult {
  /** Absolute paths of the files found, sorted by their relative path. */
  readonly files: readonly string[];
  readonly truncated: boolean;
  readonly cancelled: boolean;
  /** Symbolic links that point outside the root and were not followed (relative paths). */
  readonly skippedLinks: readonly string[];
}

interface Rules {
  readonly base: string;
  readonly matcher: Ignore;
}

export async function walkFiles(options: WalkOptions): Promise<WalkResult> {
  const root = path.resolve(options.root);
  const realRoot = await fs.realpath(root);
  const maxFiles = options.maxFiles ?? Number.POSITIVE_INFINITY;
  const found: Array<{ relative: string; absolute: string }> = [];
  const skippedLinks: string[] = [];
  let truncated = false;
  let cancelled = false;

  const inherited = await ancestorRules(root);

  const walk = async (folder: string, relativeFolder: string, rules: readonly Rules[]): Promise<void> => {
    if (truncated || cancelled) return;
    if (options.isCancelled?.()) {
      cancelled = true;
      return;
    }
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    const own = await readRules(folder);
    const active = own ? [...rules, own] : rules;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (truncated || cancelled) return;
      const absolute = path.join(folder, entry.name);
      const relative = relativeFolder ? `${relativeFolder}/${entry.name}` : entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Linked folders are not entered (no loops, no file seen twice); a linked file counts only
        // when its target stays inside the root.
        const target = await realpathInside(absolute, realRoot);
        if (!target) {
          skippedLinks.push(relative);
          continue;
        }
        const stat = await fs.stat(target).catch(() => undefined);
        if (!stat?.isFile()) continue;
        isDirectory = false;
        isFile = true;
      }
      if (isDirectory) {
        if (ALWAYS_SKIPPED_FOLDERS.has(entry.name) || isIgnored(active, absolute, true)) continue;
        await walk(absolute, relative, active);
      } else if (isFile) {
        if (isIgnored(active, absolute, false) || !options.include(relative)) continue;
        found.push({ relative, absolute });
        if (found.length >= maxFiles) truncated = true;
      }
    }
  };

  await walk(root, '', inherited);
  found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return { files: found.map((file) => file.absolute), truncated, cancelled, skippedLinks };
}

function isIgnored(rules: readonly Rules[], absolute: string, directory: boolean): boolean {
  for (const { base, matcher } of rules) {
    const relative = path.relative(base, absolute).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    if (matcher.ignores(directory ? relative + '/' : relative)) return true;
  }
  return false;
}

async function readRules(folder: string): Promise<Rules | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(folder, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: folder, matcher: ignore({ allowRelativePaths: true }).add(text) };
}

/** `.gitignore` files above `root` up to the top of its git repository (none outside a repository). */
async function ancestorRules(root: string): Promise<Rules[]> {
  const chain: string[] = [];
  let folder = path.dirname(root);
  let child = root;
  if (await exists(path.join(root, '.git'))) return [];
  for (let level = 0; level < MAX_ANCESTOR_LEVELS && folder !== child; level++) {
    chain.push(folder);
    if (await exists(path.join(folder, '.git'))) {
      const rules: Rules[] = [];
      for (const ancestor of chain.reverse()) {
        const own = await readRules(ancestor);
        if (own) rules.push(own);
      }
      return rules;
    }
    child = folder;
    folder = path.dirname(folder);
  }
  return [];
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** The link's real target when it lies inside `realRoot`; undefined otherwise (or when dangling). */
export async function realpathInside(file: string, realRoot: string): Promise<string | undefined> {
  const target = await fs.realpath(file).catch(() => undefined);
  if (!target) return undefined;
  return isInside(realRoot, target) ? target : undefined;
}

export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** True when the path, relative to a walked root, is ignored by the root's git ignore files. */
export async function isGitIgnored(root: string, absolute: string): Promise<boolean> {
  const rules = await ancestorRules(root);
  let folder = path.resolve(root);
  const own = await readRules(folder);
  if (own) rules.push(own);
  const parts = path.relative(folder, absolute).split(path.sep);
  for (let i = 0; i < parts.length - 1; i++) {
    if (ALWAYS_SKIPPED_FOLDERS.has(parts[i]!)) return true;
    folder = path.join(folder, parts[i]!);
    if (isIgnored(rules, folder, true)) return true;
    const nested = await readRules(folder);
    if (nested) rules.push(nested);
  }
  return isIgnored(rules, absolute, false);
}
