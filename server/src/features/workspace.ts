/**
 * Workspace-wide checks in the editor: `execplan/lintWorkspace` (with progress and cancellation)
 * puts the problems of plans, registries and lock files that are not open into the Problems view;
 * `execplan/listPlans` feeds the Plans view from the same index; watched-file events keep it current
 * and `execplan/plansChanged` tells the client to ask again. An open document's own diagnostics take
 * over from the index's; lock files and registries that are open are checked from their text.
 */
import { CancellationTokenSource, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import type { CancellationToken, Connection, Diagnostic, InitializeParams, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext, ServerFeature } from '../serverContext';
import { LINT_WORKSPACE_REQUEST, LIST_PLANS_REQUEST, PLANS_CHANGED_NOTIFICATION } from '../protocol';
import type { LintWorkspaceResult, PlanListItem } from '../protocol';
import { toDiagnostic } from '../diagnostics';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { CancelToken, IndexEntry } from '../workspace/workspaceIndex';
import { isLockFilePath } from '../workspace/fileCheck';
import { lintLockFile } from '../core/workspace/index';
import { planStatus } from '../status';
import { configForDocument } from '../configLoader';
import { URI } from 'vscode-uri';

const PROGRESS_TITLE = 'ExecPlan: linting the workspace';
const PROGRESS_FINDING = 'Finding plans…';
const PROGRESS_COUNT = (done: number, total: number): string => `${done} of ${total} files`;
/** Watched-file events closer together than this are handled as one batch. */
const WATCH_DEBOUNCE_MS = 300;
/** Lets the server's own handling of a closed document finish before the index speaks for it again. */
const AFTER_CLOSE_MS = 50;
const WATCHED_GLOBS = ['**/*.md', '**/*.markdown', '**/.agent-locks.yaml'];

interface RawWorkspaceSettings {
  readonly workspace?: { readonly lintOnStartup?: unknown };
}

let instance: WorkspaceFeature | undefined;

export const workspaceFeature: ServerFeature = {
  capabilities(params) {
    // Start once the answer to `initialize` has gone out: from then on the server may send requests.
    setImmediate(() => void instance?.start(params));
    return {};
  },
  register(context) {
    instance = new WorkspaceFeature(context);
  },
};

class WorkspaceFeature {
  private readonly index: WorkspaceIndex;
  /** True once a workspace lint was asked for: from then on the index publishes diagnostics. */
  private publishing = false;
  private readonly publishedByIndex = new Set<string>();
  private running: CancellationTokenSource | undefined;
  private pendingChanges = new Map<string, number>();
  private changeTimer: NodeJS.Timeout | undefined;
  private foldersSupported = false;

  constructor(private readonly context: ServerContext) {
    this.index = new WorkspaceIndex({
      now: () => context.now(),
      settingsFor: (uri) => context.settings.get(uri),
      log: (message) => context.connection.console.info(message),
      configFor: (file, settings) =>
        configForDocument(URI.file(file).toString(), settings.rules, (uri, diagnostics) => void context.connection.sendDiagnostics({ uri, diagnostics })).config,
    });
    const connection = context.connection;
    connection.onRequest(LINT_WORKSPACE_REQUEST, (params: unknown, token: CancellationToken) => this.lintWorkspace(params, token));
    connection.onRequest(LIST_PLANS_REQUEST, () => this.listPlans());
    connection.onDidChangeWatchedFiles((params) => {
      for (const change of params.changes) this.pendingChanges.set(change.uri, change.type);
      if (this.changeTimer) clearTimeout(this.changeTimer);
      this.changeTimer = setTimeout(() => void this.applyChanges(), WATCH_DEBOUNCE_MS);
    });
    context.documents.onDidOpen((event) => this.documentOpened(event.document));
    context.documents.onDidChangeContent((event) => this.documentChanged(event.document));
    context.documents.onDidClose((event) => this.documentClosed(event.document.uri));
  }

  async start(params: InitializeParams): Promise<void> {
    this.foldersSupported = params.capabilities.workspace?.workspaceFolders === true;
    this.index.setFolders((params.workspaceFolders ?? []).map((folder) => folder.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []));
    if (params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.context.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) })
        .catch(() => undefined);
    }
    if (!params.capabilities.workspace?.configuration) return;
    const raw = (await this.context.connection.workspace.getConfiguration({ section: 'execplan' }).catch(() => undefined)) as RawWorkspaceSettings | null | undefined;
    if (raw?.workspace?.lintOnStartup === true) await this.lintWorkspace({}, undefined);
  }

  private async lintWorkspace(params: unknown, requestToken: CancellationToken | undefined): Promise<LintWorkspaceResult> {
    this.running?.cancel();
    const source = new CancellationTokenSource();
    this.running = source;
    const progress = await this.startProgress(params);
    const token: CancelToken = {
      get isCancellationRequested() {
        return source.token.isCancellationRequested || requestToken?.isCancellationRequested === true || progress.token?.isCancellationRequested === true;
      },
    };
    this.publishing = true;
    await this.refreshFolders();
    progress.reporter.begin(PROGRESS_TITLE, 0, PROGRESS_FINDING, true);
    try {
      const scan = await this.index.scan(token, (done, total) => progress.reporter.report(Math.round((done / Math.max(total, 1)) * 100), PROGRESS_COUNT(done, total)));
      if (!scan.cancelled) this.publishAll();
      const entries = this.index.all();
      let errors = 0;
      let warnings = 0;
      for (const entry of entries) {
        const findings = entry.findings;
        errors += findings.filter((finding) => finding.severity === 'error').length;
        warnings += findings.filter((finding) => finding.severity === 'warning').length;
      }
      void this.context.connection.sendNotification(PLANS_CHANGED_NOTIFICATION);
      return { files: scan.files, plans: entries.filter((entry) => entry.kind === 'plan').length, errors, warnings, cancelled: scan.cancelled };
    } finally {
      progress.reporter.done();
      if (this.running === source) this.running = undefined;
      source.dispose();
    }
  }

  private async startProgress(params: unknown): Promise<{ reporter: WorkDoneProgressReporter; token?: CancellationToken }> {
    const connection: Connection = this.context.connection;
    const token = (params as { workDoneToken?: unknown } | null)?.workDoneToken;
    if (typeof token === 'string' || typeof token === 'number') return { reporter: connection.window.attachWorkDoneProgress(token) };
    try {
      const reporter = await connection.window.createWorkDoneProgress();
      return { reporter, token: (reporter as { token?: CancellationToken }).token };
    } catch {
      return { reporter: connection.window.attachWorkDoneProgress(undefined) };
    }
  }

  /** Workspace folders can be added or removed at any time; ask for the current ones before a scan. */
  private async refreshFolders(): Promise<void> {
    if (!this.foldersSupported) return;
    const folders = await this.context.connection.workspace.getWorkspaceFolders().catch(() => null);
    if (folders) this.index.setFolders(folders.map((folder) => folder.uri));
  }

  private async listPlans(): Promise<PlanListItem[]> {
    await this.refreshFolders();
    if (!this.index.hasScanned) await this.index.scan({ isCancellationRequested: false });
    const items: PlanListItem[] = [];
    for (const entry of this.index.all()) {
      if (entry.kind !== 'plan') continue;
      const open = this.context.documents.get(entry.uri);
      items.push(open ? await this.openPlanItem(open, entry) : indexPlanItem(entry));
    }
    return items;
  }

  private async openPlanItem(document: TextDocument, entry: IndexEntry): Promise<PlanListItem> {
    const analysis = await this.context.analyze(document);
    const status = planStatus(document.uri, document.version, analysis.result, analysis.elapsedMs);
    return {
      uri: entry.uri,
      title: entry.title ?? fileName(entry),
      ...(status.status ? { status: status.status } : {}),
      ...(status.profile ? { profile: status.profile } : {}),
      ...(status.nextAction ? { nextAction: status.nextAction } : {}),
      ...(status.lastUpdateMs !== undefined ? { lastUpdateMs: status.lastUpdateMs } : {}),
      errors: status.errors,
      warnings: status.warnings,
    };
  }

  private publishAll(): void {
    const current = new Set<string>();
    for (const entry of this.index.all()) {
      current.add(entry.uri);
      this.publishEntry(entry);
    }
    for (const uri of [...this.publishedByIndex]) if (!current.has(uri)) this.clear(uri);
  }

  /** Publishes the index's findings for a file the editor does not have open (plans) or any file (registries, locks). */
  private publishEntry(entry: IndexEntry): void {
    if (!this.publishing) return;
    const open = this.context.documents.get(entry.uri);
    if (open && entry.kind !== 'registry') return;
    if (entry.kind === 'policy' || entry.kind === 'other' || entry.findings.length === 0) {
      this.clear(entry.uri);
      return;
    }
    const diagnostics: Diagnostic[] = entry.findings.map((finding) => toDiagnostic(finding, 0));
    void this.context.connection.sendDiagnostics({ uri: entry.uri, diagnostics });
    this.publishedByIndex.add(entry.uri);
  }

  private clear(uri: string): void {
    if (!this.publishedByIndex.delete(uri)) return;
    void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async applyChanges(): Promise<void> {
    const changes = this.pendingChanges;
    this.pendingChanges = new Map();
    let changed = false;
    for (const [uri, type] of changes) {
      if (type === FileChangeType.Deleted) {
        changed = this.index.remove(uri) || changed;
        this.clear(uri);
        continue;
      }
      changed = (await this.index.update(uri)) || changed;
      const entry = this.index.get(uri);
      if (entry) this.publishEntry(entry);
    }
    if (!changed) return;
    await this.index.checkRegistries();
    for (const entry of this.index.all()) if (entry.kind === 'registry') this.publishEntry(entry);
    void this.context.connection.sendNotification(PLANS_CHANGED_NOTIFICATION);
  }

  private documentOpened(document: TextDocument): void {
    const entry = this.index.get(document.uri);
    // The open document's own check speaks for plans from now on.
    if (entry?.kind === 'plan' || entry?.kind === 'too-large') this.publishedByIndex.delete(document.uri);
    this.documentChanged(document);
  }

  private documentChanged(document: TextDocument): void {
    if (!isLockFilePath(document.uri)) return;
    const { findings } = lintLockFile({ text: document.getText(), now: this.context.now(), depthBelowRoot: lockDepth(this.context, document.uri) });
    void this.context.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: findings.map((finding) => toDiagnostic(finding, document.version)) });
    this.publishedByIndex.add(document.uri);
  }

  private documentClosed(uri: string): void {
    if (!this.publishing) {
      if (isLockFilePath(uri)) this.clear(uri);
      return;
    }
    setTimeout(() => {
      if (this.context.documents.get(uri)) return;
      void this.index.update(uri).then((indexed) => {
        const entry = this.index.get(uri);
        if (indexed && entry) this.publishEntry(entry);
        else this.clear(uri);
      });
    }, AFTER_CLOSE_MS);
  }
}

function indexPlanItem(entry: IndexEntry): PlanListItem {
  const summary = entry.summary;
  return {
    uri: entry.uri,
    title: entry.title ?? fileName(entry),
    ...(summary?.status ?? entry.declaredStatus ? { status: summary?.status ?? entry.declaredStatus } : {}),
    ...(entry.profile ? { profile: entry.profile } : {}),
    ...(summary?.nextAction ? { nextAction: summary.nextAction } : {}),
    ...(summary?.lastUpdateMs !== undefined ? { lastUpdateMs: summary.lastUpdateMs } : {}),
    errors: entry.findings.filter((finding) => finding.severity === 'error').length,
    warnings: entry.findings.filter((finding) => finding.severity === 'warning').length,
  };
}

function fileName(entry: IndexEntry): string {
  return entry.relativePath.split('/').pop() ?? entry.relativePath;
}

function lockDepth(context: ServerContext, uri: string): number {
  return context.paths.relative(uri).split('/').length - 1;
}
