/**
 * What the server's features share: the connection, the open documents, settings, and the latest
 * check of each document (recomputed on demand when a request arrives before the scheduled check).
 */
import type { Connection, InitializeParams, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanStore } from './planStore';
import type { SettingsCache, ServerSettings } from './settings';
import type { WorkspacePaths } from './workspacePaths';
import type { CheckResult } from './documentChecker';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly settings: ServerSettings;
  readonly result: CheckResult;
  /** Milliseconds the check took. */
  readonly elapsedMs: number;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: PlanStore;
  readonly settings: SettingsCache;
  readonly paths: WorkspacePaths;
  /** The check of the document's current version (cached per version). */
  analyze(document: TextDocument): Promise<Analysis>;
  /** Checks again every open document (after a settings or configuration change). */
  revalidateAll(): void;
  /** The clock used for fixes and edits (injectable for tests through an environment variable). */
  now(): Date;
}

/** A server feature: the capabilities it adds and the handlers it registers. */
export interface ServerFeature {
  capabilities(params: InitializeParams): ServerCapabilities;
  register(context: ServerContext): void;
}
