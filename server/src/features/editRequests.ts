/**
 * The edit requests behind the client's commands (Bump Updated, Append Progress Entry, Fix All).
 * Each computes edits for exactly the version the client names and refuses any other, so an edit
 * never lands on text it was not computed for. Also the shared set-up the code actions use.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { configForDocument } from '../configLoader';
import type { ServerContext, ServerFeature, Analysis } from '../serverContext';
import { APPEND_PROGRESS_REQUEST, BUMP_UPDATED_REQUEST, FIX_ALL_REQUEST } from '../protocol';
import type { DocumentEditParams, DocumentEditResult } from '../protocol';
import type { PlanDocument } from '../core/model/types';
import type { Finding } from '../core/rules/types';
import type { LintConfig } from '../core/config';
import type { EditClock } from '../core/features/edits/clock';
import type { EditTarget } from '../core/features/edits/target';
import { targetFromLint } from '../core/features/edits/target';
import { engineRelint, fixAll } from '../core/features/edits/fixAll';
import type { Relint } from '../core/features/edits/fixAll';
import { bumpUpdated } from '../core/features/edits/bumpUpdated';
import { appendProgressEntry } from '../core/features/edits/appendProgress';
import { isRefusal } from '../core/features/edits/outcome';
import type { EditOutcome } from '../core/features/edits/outcome';

/** Says how many fixes fix all applies, e.g. "Fix all: apply 3 safe ExecPlan fixes". */
export const FIX_ALL_TITLE = (count: number): string => `Fix all: apply ${count} safe ExecPlan fix${count === 1 ? '' : 'es'}`;
const REFUSE_NOT_OPEN = 'The document is not open in the language server.';
const REFUSE_STALE = (current: number, requested: number): string =>
  `The document changed (it is at version ${current}, the request was for version ${requested}); nothing was edited. Try again.`;
const REFUSE_NOT_PLAN = (reason: string): string => `This document is not checked as a plan (${reason}), so it was not edited.`;
const REFUSE_TOO_LARGE = 'This plan is over the size limit (`execplan.maxFileSize`), so it is not edited.';

/** Everything an edit needs about one version of a plan. */
export interface EditSubject {
  readonly analysis: Analysis;
  readonly version: number;
  readonly plan: PlanDocument;
  readonly findings: readonly Finding[];
  readonly target: EditTarget;
  readonly clock: EditClock;
  /** Lints fixed text the way the document was linted, for fix all's later rounds. */
  readonly relint: Relint;
}

/** The subject for the document's current version, or why there is none. */
export async function editSubject(context: ServerContext, document: TextDocument): Promise<EditSubject | { refused: string }> {
  const analysis = await context.analyze(document);
  const { result } = analysis;
  if (result.skippedForSize) return { refused: REFUSE_TOO_LARGE };
  if (result.classification.kind !== 'plan' || !result.plan || !result.lint) return { refused: REFUSE_NOT_PLAN(result.classification.reason) };
  const now = context.now();
  const profileId = result.lint.profile.profile.id;
  // Built on first use: only fix all needs it, and it reads the configuration again.
  let engine: Relint | undefined;
  const relint: Relint = (plan) => {
    engine ??= engineRelint({ config: lintConfigOf(context, document.uri, analysis), fallbackProfile: analysis.settings.profile, path: context.paths.relative(document.uri), now }, profileId);
    return engine(plan);
  };
  return {
    analysis,
    version: analysis.version,
    plan: result.plan,
    findings: result.findings,
    target: targetFromLint(result.plan, result.lint),
    clock: { now, zone: analysis.settings.timestampZone },
    relint,
  };
}

/** The configuration the check used (config file, else `execplan.rules`), so later fix rounds lint the same way. */
function lintConfigOf(context: ServerContext, uri: string, analysis: Analysis): LintConfig {
  const publish = (configUri: string, diagnostics: Diagnostic[]): void => void context.connection.sendDiagnostics({ uri: configUri, diagnostics });
  return configForDocument(uri, analysis.settings.rules, publish).config;
}

/** Fix all for a subject: every safe fix, as edits for the subject's version. */
export function fixAllEdits(subject: EditSubject): ReturnType<typeof fixAll> {
  return fixAll(subject.plan, subject.findings, subject.relint);
}

type Compute = (subject: EditSubject) => EditOutcome;

async function handle(context: ServerContext, params: DocumentEditParams, compute: Compute): Promise<DocumentEditResult> {
  const refuse = (refused: string, version = params.version): DocumentEditResult => ({ version, edits: [], refused });
  const document = context.documents.get(params.uri);
  if (!document) return refuse(REFUSE_NOT_OPEN);
  if (document.version !== params.version) return refuse(REFUSE_STALE(document.version, params.version), document.version);
  const subject = await editSubject(context, document);
  if ('refused' in subject) return refuse(subject.refused);
  // The document may have changed while it was being checked.
  const currentVersion = context.documents.get(params.uri)?.version ?? subject.version;
  if (subject.version !== params.version || currentVersion !== params.version) return refuse(REFUSE_STALE(currentVersion, params.version), currentVersion);
  const outcome = compute(subject);
  if (isRefusal(outcome)) return refuse(outcome.refused);
  return { version: subject.version, edits: outcome.edits.map((edit) => ({ range: edit.range, newText: edit.newText })), ...(outcome.cursor ? { cursor: outcome.cursor } : {}) };
}

export const editRequestsFeature: ServerFeature = {
  capabilities: () => ({}),
  register(context) {
    const { connection } = context;
    connection.onRequest(BUMP_UPDATED_REQUEST, (params: DocumentEditParams) => handle(context, params, (subject) => bumpUpdated(subject.plan, subject.clock)));
    connection.onRequest(APPEND_PROGRESS_REQUEST, (params: DocumentEditParams) => handle(context, params, (subject) => appendProgressEntry(subject.target, subject.clock)));
    connection.onRequest(FIX_ALL_REQUEST, (params: DocumentEditParams) =>
      handle(context, params, (subject) => {
        const result = fixAllEdits(subject);
        return { title: FIX_ALL_TITLE(result.applied.length), edits: result.edits };
      }),
    );
  },
};
