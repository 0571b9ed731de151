/**
 * The ExecPlan commands: New Plan, Bump Updated, Append Progress Entry, Fix All, Reveal Next Action,
 * Lint Workspace and Refresh Plans. Edits come from the server and are applied as one undo step.
 */
import * as vscode from 'vscode';
import { APPEND_PROGRESS_REQUEST, BUMP_UPDATED_REQUEST, FIX_ALL_REQUEST, LINT_WORKSPACE_REQUEST } from '../../server/src/protocol';
import type { LintWorkspaceResult } from '../../server/src/protocol';
import type { PlanStatuses } from './statusBar';
import { newPlan } from './newPlan';
import { requestOrExplain, runDocumentEdit } from './serverRequests';

const NO_EDITOR = 'Open a plan in the editor first.';
const NOT_A_PLAN = 'The active file is not an ExecPlan, so there is nothing to do.';
const NO_NEXT_ACTION = 'This plan has no `Next Action:` line yet. Add one under Progress.';
const BUMP_UPDATED = 'Bump Updated';
const APPEND_PROGRESS = 'Append Progress Entry';
const FIX_ALL = 'Fix All';
const LINT_WORKSPACE = 'Lint Workspace';
const LINT_SUMMARY = (result: LintWorkspaceResult): string =>
  `${result.cancelled ? 'Lint Workspace was cancelled. So far: ' : ''}${result.plans} ${result.plans === 1 ? 'plan' : 'plans'} checked (of ${result.files} Markdown files): ${result.errors} ${result.errors === 1 ? 'error' : 'errors'}, ${result.warnings} ${result.warnings === 1 ? 'warning' : 'warnings'}.`;
const SHOW_PROBLEMS = 'Show Problems';

export interface CommandDependencies {
  readonly extensionUri: vscode.Uri;
  readonly statuses: PlanStatuses;
  readonly refreshPlans: () => void;
}

export function registerCommands(dependencies: CommandDependencies): vscode.Disposable[] {
  const { statuses } = dependencies;
  /** The active editor when it shows a plan; otherwise says why not and returns undefined. */
  const activePlanEditor = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(NO_EDITOR);
      return undefined;
    }
    const status = statuses.get(editor.document.uri);
    // Before the first check arrives the server decides; after it, a non-plan is refused here.
    if (editor.document.languageId !== 'markdown' || (status && !status.isPlan)) {
      void vscode.window.showInformationMessage(NOT_A_PLAN);
      return undefined;
    }
    return editor;
  };
  const editCommand = (method: string, what: string) => async (): Promise<void> => {
    const editor = activePlanEditor();
    if (editor) await runDocumentEdit(editor, method, what);
  };

  return [
    vscode.commands.registerCommand('execplan.newPlan', () => newPlan(dependencies.extensionUri)),
    vscode.commands.registerCommand('execplan.bumpUpdated', editCommand(BUMP_UPDATED_REQUEST, BUMP_UPDATED)),
    vscode.commands.registerCommand('execplan.appendProgressEntry', editCommand(APPEND_PROGRESS_REQUEST, APPEND_PROGRESS)),
    vscode.commands.registerCommand('execplan.fixAll', editCommand(FIX_ALL_REQUEST, FIX_ALL)),
    vscode.commands.registerCommand('execplan.revealNextAction', () => {
      const editor = activePlanEditor();
      if (!editor) return;
      const next = statuses.get(editor.document.uri)?.nextAction;
      if (!next || next.line >= editor.document.lineCount) {
        void vscode.window.showInformationMessage(NO_NEXT_ACTION);
        return;
      }
      revealNextAction(editor, next.line);
    }),
    vscode.commands.registerCommand('execplan.lintWorkspace', async () => {
      // The server reports progress (and offers to cancel) while it works.
      const result = await requestOrExplain<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, {}, LINT_WORKSPACE);
      if (!result) return;
      const show = result.errors + result.warnings > 0 ? [SHOW_PROBLEMS] : [];
      const choice = await vscode.window.showInformationMessage(LINT_SUMMARY(result), ...show);
      if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('execplan.refreshPlans', () => dependencies.refreshPlans()),
  ];
}

/** Selects the Next Action's text (after `Next Action:`) and scrolls it into view. */
export function revealNextAction(editor: vscode.TextEditor, line: number): void {
  const text = editor.document.lineAt(line).text;
  const colon = text.indexOf(':');
  let start = colon >= 0 ? colon + 1 : 0;
  while (start < text.length && (text[start] === ' ' || text[start] === '*' || text[start] === '_')) start++;
  const range = new vscode.Range(line, start, line, text.length);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
