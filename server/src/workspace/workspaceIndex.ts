/**
 * The server's index of the plans, registries and lock files in the workspace folders. It finds them
 * with the CLI's walker (so the editor and `execplan-lint` see the same files), checks each one from
 * disk, and keeps the results until a watched-file event says a file changed. Work is done in small
 * batches with a yield to the event loop between them, so typing is never held up, and every scan
 * can be cancelled. It knows nothing of the LSP connection: the workspace feature wires it up.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { PlanConfig } from '../core/configFile';
import type { SeveritySetting } from '../core/rules/types';
import type { Finding } from '../core/rules/types';
import type { PlanSummary } from '../core/features/summary';
import { checkFileText, isIndexed } from './fileCheck';
import type { FileKind } from './fileCheck';
import { checkRegistryText, diskRegistryFileSystem } from './registryCheck';
import { isInside, walkFiles } from './walker';

/** At most this many files are indexed per workspace; the rest are reported as not indexed. */
export const MAX_INDEXED_FILES = 5000;
/** Files checked between two yields to the event loop. */
export const INDEX_BATCH_SIZE = 8;

const TOO_LARGE = (bytes: number, limit: number): string =>
  `This file is ${Math.round(bytes / 1024)} KB, over the ${Math.round(limit / 1024)} KB limit (\`execplan.maxFileSize\`), so it was not checked.`;

/** The settings that decide what a folder's index holds. */
export interface FolderSettings {
  readonly enable: boolean;
  readonly files: readonly string[];
  readonly profile: string;
  readonly maxFileSize: number;
  /** `execplan.rules`, used when no configuration file applies. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
}

export interface IndexEntry {
  readonly uri: string;
  readonly path: string;
  /** Path relative to its workspace folder, with `/`. */
  readonly relativePath: string;
  readonly folder: string;
  readonly kind: FileKind | 'too-large';
  readonly findings: readonly Finding[];
  readonly title?: string;
  readonly profile?: string;
  readonly summary?: PlanSummary;
  readonly declaredStatus?: string;
  readonly mtimeMs: number;
  readonly size: number;
}

export interface CancelToken {
  readonly isCancellationRequested: boolean;
}

export interface ScanResult {
  readonly files: number;
  readonly cancelled: boolean;
  /** True when a folder had more files than {@link MAX_INDEXED_FILES}. */
  readonly truncated: boolean;
}

export interface IndexDependencies {
  readonly now: () => Date;
  readonly settingsFor: (folderUri: string) => Promise<FolderSettings>;
  /** The configuration for a file (its configuration file, else the settings' rules). */
  readonly configFor?: (filePath: string, settings: FolderSettings) => PlanConfig;
  readonly log?: (message: string) => void;
}

export class WorkspaceIndex {
  private folders: string[] = [];
  private readonly entries = new Map<string, IndexEntry>();
  private scanned = false;

  constructor(private readonly dependencies: IndexDependencies) {}

  setFolders(uris: readonly string[]): void {
    const folders = [...new Set(uris.map((uri) => URI.parse(uri).fsPath.replace(/[\\/]+$/, '')))].filter((folder) => folder !== '');
    if (folders.length === this.folders.length && folders.every((folder, index) => folder === this.folders[index])) return;
    this.folders = folders;
    for (const [uri, entry] of this.entries) if (!this.folders.includes(entry.folder)) this.entries.delete(uri);
    this.scanned = false;
  }

  get hasScanned(): boolean {
    return this.scanned;
  }

  all(): IndexEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  /** Walks every folder and checks each file; unchanged files (same size and time) are not read again. */
  async scan(token: CancelToken, onProgress?: (done: number, total: number) => void): Promise<ScanResult> {
    let truncated = false;
    const found: Array<{ file: string; folder: string; settings: FolderSettings }> = [];
    for (const folder of this.folders) {
      const settings = await this.dependencies.settingsFor(URI.file(folder).toString());
      if (!settings.enable) continue;
      const walk = await walkFiles({
        root: folder,
        include: (relative) => isIndexed(relative, settings.files),
        maxFiles: MAX_INDEXED_FILES,
        isCancelled: () => token.isCancellationRequested,
      });
      if (walk.truncated) {
        truncated = true;
        this.dependencies.log?.(`Only the first ${MAX_INDEXED_FILES} plan files under ${folder} are indexed.`);
      }
      for (const link of walk.skippedLinks) this.dependencies.log?.(`Not following ${path.join(folder, link)}: the link leads out of the workspace folder.`);
      for (const file of walk.files) found.push({ file, folder, settings });
    }
    if (token.isCancellationRequested) return { files: 0, cancelled: true, truncated };

    const seen = new Set<string>();
    for (let start = 0; start < found.length; start += INDEX_BATCH_SIZE) {
      if (token.isCancellationRequested) return { files: start, cancelled: true, truncated };
      for (const { file, folder, settings } of found.slice(start, start + INDEX_BATCH_SIZE)) {
        const entry = await this.checkFile(file, folder, settings);
        if (entry) seen.add(entry.uri);
      }
      onProgress?.(Math.min(start + INDEX_BATCH_SIZE, found.length), found.length);
      await yieldToEventLoop();
    }
    for (const uri of [...this.entries.keys()]) if (!seen.has(uri)) this.entries.delete(uri);
    await this.checkRegistries(token);
    this.scanned = !token.isCancellationRequested;
    return { files: found.length, cancelled: token.isCancellationRequested, truncated };
  }

  /** Re-checks one file after a change on disk; returns false when the file is not indexed. */
  async update(uri: string): Promise<boolean> {
    const file = URI.parse(uri).fsPath;
    const folder = this.folderOf(file);
    if (!folder) return false;
    const settings = await this.dependencies.settingsFor(URI.file(folder).toString());
    const relative = toRelative(folder, file);
    if (!settings.enable || !isIndexed(relative, settings.files)) return this.entries.delete(uri);
    const entry = await this.checkFile(file, folder, settings, true);
    if (!entry) this.entries.delete(uri);
    return entry !== undefined;
  }

  remove(uri: string): boolean {
    return this.entries.delete(uri);
  }

  /** Runs the registry rules again, now that the plans' statuses are known. */
  async checkRegistries(token: CancelToken = { isCancellationRequested: false }): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      if (entry.kind !== 'registry' || token.isCancellationRequested) continue;
      const sameFolder = [...this.entries.values()].filter((other) => other.folder === entry.folder);
      const statuses = new Map(sameFolder.map((other) => [other.relativePath, other.declaredStatus]));
      const knownPlanPaths = sameFolder.filter((other) => other.kind === 'plan').map((other) => other.relativePath);
      const settings = await this.dependencies.settingsFor(URI.file(entry.folder).toString());
      const text = await fs.readFile(entry.path, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const config = this.dependencies.configFor?.(entry.path, settings);
      const findings = await checkRegistryText({
        text,
        relativePath: entry.relativePath,
        fileSystem: diskRegistryFileSystem(entry.folder, statuses, settings.maxFileSize),
        knownPlanPaths,
        ...(config ? { config } : {}),
      });
      this.entries.set(entry.uri, { ...entry, findings });
      await yieldToEventLoop();
    }
  }

  private folderOf(file: string): string | undefined {
    return [...this.folders].sort((a, b) => b.length - a.length).find((folder) => isInside(folder, file));
  }

  private async checkFile(file: string, folder: string, settings: FolderSettings, force = false): Promise<IndexEntry | undefined> {
    const uri = URI.file(file).toString();
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return undefined;
    const realFolder = await fs.realpath(folder).catch(() => folder);
    const real = await fs.realpath(file).catch(() => undefined);
    if (!real || !isInside(realFolder, real)) return undefined;
    const previous = this.entries.get(uri);
    if (!force && previous && previous.mtimeMs === stat.mtimeMs && previous.size === stat.size) return previous;
    const relativePath = toRelative(folder, file);
    const base = { uri, path: file, relativePath, folder, mtimeMs: stat.mtimeMs, size: stat.size };
    let entry: IndexEntry;
    if (stat.size > settings.maxFileSize) {
      const finding: Finding = {
        ruleId: 'EP000',
        ruleName: 'file-too-large',
        severity: 'info',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: TOO_LARGE(stat.size, settings.maxFileSize),
      };
      entry = { ...base, kind: 'too-large', findings: [finding] };
    } else {
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      const config = this.dependencies.configFor?.(file, settings) ?? { rules: settings.rules };
      const check = checkFileText(text, relativePath, {
        globs: config.files ?? settings.files,
        fallbackProfile: settings.profile,
        now: this.dependencies.now(),
        config,
      });
      entry = {
        ...base,
        kind: check.kind,
        findings: check.findings,
        ...(check.title ? { title: check.title } : {}),
        ...(check.profile ? { profile: check.profile } : {}),
        ...(check.summary ? { summary: check.summary } : {}),
        ...(check.declaredStatus ? { declaredStatus: check.declaredStatus } : {}),
      };
    }
    this.entries.set(uri, entry);
    return entry;
  }
}

function toRelative(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
