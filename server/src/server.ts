/**
 * The language server: LSP wiring only. Documents, settings and scheduling live here; each editor
 * feature registers itself from `features/`; everything about plans lives in the core.
 */
import { DidChangeConfigurationNotification, ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection } from 'vscode-languageserver/node';
import type { InitializeParams, InitializeResult, ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanStore } from './planStore';
import { SettingsCache } from './settings';
import { ValidationScheduler } from './validation';
import { WorkspacePaths } from './workspacePaths';
import { checkDocument } from './documentChecker';
import { configForDocument } from './configLoader';
import { toDiagnostic } from './diagnostics';
import { STATUS_NOTIFICATION } from './protocol';
import type { PlanStatusParams } from './protocol';
import { planStatus } from './status';
import type { Analysis, ServerContext, ServerFeature } from './serverContext';
import { codeActionsFeature } from './features/codeActions';
import { editRequestsFeature } from './features/editRequests';
import { symbolsFeature } from './features/symbols';
import { hoverFeature } from './features/hover';
import { completionFeature } from './features/completion';
import { foldingFeature } from './features/folding';
import { workspaceFeature } from './features/workspace';

/** Every feature the server offers; each adds its capabilities and handlers. */
const FEATURES: readonly ServerFeature[] = [codeActionsFeature, symbolsFeature, hoverFeature, completionFeature, foldingFeature, editRequestsFeature, workspaceFeature];

const connection = createConnection(ProposedFeatures.all);
const store = new PlanStore();
const documents = new TextDocuments<TextDocument>(store.documentsConfiguration);
const paths = new WorkspacePaths();
let hasConfiguration = false;
const settings = new SettingsCache(connection, () => hasConfiguration);
/** Documents that currently have diagnostics published, so they can be cleared. */
const published = new Set<string>();
const analyses = new Map<string, Analysis>();

const scheduler = new ValidationScheduler(async (uri) => {
  const document = documents.get(uri);
  if (document) await validate(document);
});

/** Tests pin the clock with EXECPLAN_NOW (an RFC 3339 time) so fixes are reproducible. */
const fixedNow = process.env['EXECPLAN_NOW'] ? new Date(process.env['EXECPLAN_NOW']) : undefined;

const context: ServerContext = {
  connection,
  documents,
  store,
  settings,
  paths,
  analyze,
  revalidateAll,
  now: () => (fixedNow && !Number.isNaN(fixedNow.getTime()) ? new Date(fixedNow) : new Date()),
};

connection.onInitialize((params: InitializeParams): InitializeResult => {
  hasConfiguration = params.capabilities.workspace?.configuration === true;
  paths.setFolders((params.workspaceFolders ?? []).map((folder) => folder.uri).concat(params.rootUri ? [params.rootUri] : []));
  let capabilities: ServerCapabilities = { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } };
  for (const feature of FEATURES) capabilities = { ...capabilities, ...feature.capabilities(params) };
  return { capabilities, serverInfo: { name: 'execplan-language-server' } };
});

for (const feature of FEATURES) feature.register(context);

connection.onInitialized(() => {
  if (!hasConfiguration) return;
  void connection.client.register(DidChangeConfigurationNotification.type, { section: 'execplan' });
  connection.workspace.onDidChangeWorkspaceFolders(async () => {
    const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
    paths.setFolders(folders.map((folder) => folder.uri));
    revalidateAll();
  });
});

connection.onDidChangeConfiguration(() => {
  settings.forget();
  revalidateAll();
});

// Fires for opened documents too, so opening a plan checks it.
documents.onDidChangeContent(async (event) => {
  const uri = event.document.uri;
  const { validationDelay } = await settings.get(uri);
  scheduler.schedule(uri, scheduler.delayFor(uri, validationDelay));
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  scheduler.forget(uri);
  store.forget(uri);
  settings.forget(uri);
  analyses.delete(uri);
  clearDiagnostics(uri);
});

function revalidateAll(): void {
  analyses.clear();
  for (const document of documents.all()) scheduler.schedule(document.uri, 0);
}

async function analyze(document: TextDocument): Promise<Analysis> {
  const uri = document.uri;
  const version = document.version;
  const cached = analyses.get(uri);
  if (cached && cached.version === version) return cached;
  const current = await settings.get(uri);
  const started = performance.now();
  // The length without joining the document's text (a position past the last line is its end).
  const textLength = document.offsetAt({ line: document.lineCount, character: 0 });
  const { config } = configForDocument(uri, current.rules, (configUri, diagnostics) => void connection.sendDiagnostics({ uri: configUri, diagnostics }));
  const result = checkDocument({
    textLength,
    plan: () => store.get(document),
    relativePath: paths.relative(uri),
    globs: config.files ?? current.files,
    fallbackProfile: current.profile,
    maxFileSize: current.maxFileSize,
    config,
    now: context.now(),
  });
  const analysis: Analysis = { uri, version, settings: current, result, elapsedMs: performance.now() - started };
  if (documents.get(uri)?.version === version) analyses.set(uri, analysis);
  return analysis;
}

async function validate(document: TextDocument): Promise<void> {
  const uri = document.uri;
  const version = document.version;
  const current = await settings.get(uri);
  if (documents.get(uri)?.version !== version) return;
  if (!current.enable) {
    clearDiagnostics(uri);
    sendStatus({ uri, version, isPlan: false, reason: 'checking is turned off (`execplan.enable`)', errors: 0, warnings: 0, lintMs: 0 });
    return;
  }
  const analysis = await analyze(document);
  scheduler.recordDuration(uri, analysis.elapsedMs);
  // Let edits that arrived during the check be applied first; publish only if none did.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (documents.get(uri)?.version !== version) return;
  const { result } = analysis;
  if (result.classification.kind !== 'plan') {
    clearDiagnostics(uri);
  } else {
    void connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map((finding) => toDiagnostic(finding, version)) });
    published.add(uri);
  }
  sendStatus(planStatus(uri, version, result, analysis.elapsedMs));
}

function clearDiagnostics(uri: string): void {
  if (!published.delete(uri)) return;
  void connection.sendDiagnostics({ uri, diagnostics: [] });
}

function sendStatus(params: PlanStatusParams): void {
  void connection.sendNotification(STATUS_NOTIFICATION, params);
}

documents.listen(connection);
connection.listen();
