/**
 * The code actions of a plan: quick fixes carried by diagnostics, silencing a rule for a line or
 * the file, fix all (`source.fixAll.execplan`, also for `editor.codeActionsOnSave`), appending a
 * timestamped Progress entry, and Mark done / Reopen on a Progress item. Every edit is a versioned
 * `documentChanges` entry, so the editor refuses one computed for an older version of the text.
 */
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { DiagnosticData } from './diagnostics';
import type { TextEdit } from './core/rules/types';
import type { EditSubject } from './features/editRequests';
import { FIX_ALL_TITLE, fixAllEdits } from './features/editRequests';
import { DISABLE_FILE_TITLE, DISABLE_LINE_TITLE, disableForFile, disableForLine } from './core/features/edits/silence';
import { appendProgressEntry } from './core/features/edits/appendProgress';
import { toggleProgressItem } from './core/features/edits/markDone';
import { isRefusal } from './core/features/edits/outcome';

/** Fix all for this extension, run by `editor.codeActionsOnSave: { "source.fixAll.execplan": ... }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.execplan`;
/** Appending a Progress entry works anywhere in a plan, so it is a source action, not a light bulb on every line. */
export const APPEND_PROGRESS_KIND = `${CodeActionKind.Source}.execplan.appendProgressEntry`;
/** Mark done / Reopen rewrite the Progress item under the cursor. */
export const TOGGLE_ITEM_KIND = `${CodeActionKind.RefactorRewrite}.execplan.toggleProgressItem`;
/** Every kind the server can return, for the capability. */
export const CODE_ACTION_KINDS: readonly string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND, APPEND_PROGRESS_KIND, TOGGLE_ITEM_KIND];
/** The freshness rule: a stale plan is offered a new Progress entry as its quick fix. */
const FRESHNESS_RULE = 'EP025';

/**
 * True when the request asks for `kind`. Source actions are returned only when asked for by kind,
 * as editors do for "Source Action..." and on save; everything else also when nothing is named.
 */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return !kind.startsWith(CodeActionKind.Source);
  return only.some((asked) => asked === CodeActionKind.Empty || kind === asked || kind.startsWith(asked + '.'));
}

/** Quick fixes from the fixes the diagnostics carry, bound to the version they were computed for. */
export function quickFixes(params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  if (!wants(params.context.only, CodeActionKind.QuickFix)) return actions;
  for (const diagnostic of params.context.diagnostics) {
    if (!isOurs(diagnostic)) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    if (!data?.fixes) continue;
    data.fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0 && fix.safe,
        edit: versionedEdit(params.textDocument.uri, data.version, fix.edits),
      });
    });
  }
  return actions;
}

/** Every action for the request, given the current version of the plan. */
export function planCodeActions(params: CodeActionParams, subject: EditSubject): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions = quickFixes(params);
  if (wants(only, CodeActionKind.QuickFix)) actions.push(...silenceActions(params, subject), ...freshnessActions(params, subject));
  if (wants(only, TOGGLE_ITEM_KIND)) {
    const toggle = toggleProgressItem(subject.target, params.range.start, subject.clock);
    if (toggle && toggle.edits.length > 0) actions.push({ title: toggle.title, kind: TOGGLE_ITEM_KIND, edit: versionedEdit(uri, subject.version, toggle.edits) });
  }
  if (wants(only, APPEND_PROGRESS_KIND)) {
    const append = appendProgressEntry(subject.target, subject.clock);
    if (!isRefusal(append)) actions.push({ title: append.title, kind: APPEND_PROGRESS_KIND, edit: versionedEdit(uri, subject.version, append.edits) });
  }
  if (wants(only, FIX_ALL_KIND)) {
    const fixed = fixAllEdits(subject);
    if (fixed.edits.length > 0) actions.push({ title: FIX_ALL_TITLE(fixed.applied.length), kind: FIX_ALL_KIND, edit: versionedEdit(uri, subject.version, fixed.edits) });
  }
  return actions;
}

/** "Disable EPxxx for this line / file" for each of our diagnostics computed for this version. */
function silenceActions(params: CodeActionParams, subject: EditSubject): CodeAction[] {
  const actions: CodeAction[] = [];
  const titles = new Set<string>();
  const add = (title: string, diagnostic: Diagnostic, edit: TextEdit | undefined): void => {
    if (!edit || titles.has(title)) return;
    titles.add(title);
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: versionedEdit(params.textDocument.uri, subject.version, [edit]) });
  };
  for (const diagnostic of currentDiagnostics(params, subject)) {
    const ruleId = String(diagnostic.code);
    const ruleName = (diagnostic.data as DiagnosticData).ruleName;
    add(DISABLE_LINE_TITLE(ruleId), diagnostic, disableForLine(subject.plan, diagnostic.range.start.line, ruleId, ruleName));
    add(DISABLE_FILE_TITLE(ruleId), diagnostic, disableForFile(subject.plan, ruleId, ruleName));
  }
  return actions;
}

/** A stale plan's quick fix: a new timestamped Progress entry. */
function freshnessActions(params: CodeActionParams, subject: EditSubject): CodeAction[] {
  const stale = currentDiagnostics(params, subject).find((diagnostic) => diagnostic.code === FRESHNESS_RULE);
  if (!stale) return [];
  const append = appendProgressEntry(subject.target, subject.clock);
  if (isRefusal(append)) return [];
  return [{ title: append.title, kind: CodeActionKind.QuickFix, diagnostics: [stale], isPreferred: true, edit: versionedEdit(params.textDocument.uri, subject.version, append.edits) }];
}

/** Our diagnostics that were computed for the subject's version (older ones may point at moved lines). */
function currentDiagnostics(params: CodeActionParams, subject: EditSubject): Diagnostic[] {
  return params.context.diagnostics.filter((diagnostic) => isOurs(diagnostic) && typeof diagnostic.code === 'string' && (diagnostic.data as DiagnosticData | undefined)?.version === subject.version);
}

export function versionedEdit(uri: string, version: number, edits: readonly TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits: edits.map((edit) => ({ range: edit.range, newText: edit.newText })) }] };
}

export function isOurs(diagnostic: Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE;
}
