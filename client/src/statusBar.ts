/**
 * The status bar item for the active plan, fed by the server's `execplan/status` notification: an
 * icon and the plan's status, and a tooltip with the profile, the Next Action, problem counts, the
 * age of the last update and the spec's metrics. Clicking it reveals the Next Action. It also keeps
 * the `execplan.isPlan` context key in step with the active editor.
 */
import * as vscode from 'vscode';
import type { PlanStatusParams } from '../../server/src/protocol';
import { STATUS_GROUP_ICONS, formatAge, formatCoverage, statusGroup } from './format';

const ITEM_ID = 'execplan.status';
const ITEM_NAME = 'ExecPlan Status';
const IS_PLAN_CONTEXT = 'execplan.isPlan';
const REVEAL_COMMAND = 'execplan.revealNextAction';
const NO_STATUS = 'No status';
const NO_NEXT_ACTION = '_No `Next Action:` line yet._';
const NEVER_UPDATED = 'no timestamp yet';
const CLICK_HINT = 'Click to reveal the Next Action.';
/** The tooltip's "x min ago" is refreshed this often while a plan is shown. */
const AGE_REFRESH_MS = 60_000;

/** The latest status the server sent for each open document. */
export class PlanStatuses implements vscode.Disposable {
  private readonly byUri = new Map<string, PlanStatusParams>();
  private readonly changed = new vscode.EventEmitter<PlanStatusParams>();
  readonly onDidChange = this.changed.event;
  private readonly closeListener = vscode.workspace.onDidCloseTextDocument((document) => this.byUri.delete(document.uri.toString()));

  update(params: PlanStatusParams): void {
    const known = this.byUri.get(params.uri);
    // A late notification for an older version must not overwrite a newer one.
    if (known && known.version > params.version) return;
    this.byUri.set(params.uri, params);
    this.changed.fire(params);
  }

  get(uri: vscode.Uri): PlanStatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  dispose(): void {
    this.closeListener.dispose();
    this.changed.dispose();
  }
}

export class PlanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(ITEM_ID, vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private isPlanContext: boolean | undefined;

  constructor(private readonly statuses: PlanStatuses) {
    this.item.name = ITEM_NAME;
    this.item.command = REVEAL_COMMAND;
    this.disposables.push(
      this.item,
      statuses.onDidChange((params) => {
        if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.render();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document ? this.statuses.get(document.uri) : undefined;
    const isPlan = !!status?.isPlan && document?.languageId === 'markdown';
    this.setPlanContext(isPlan);
    if (!isPlan || !status) {
      this.item.hide();
      this.stopTimer();
      return;
    }
    const group = statusGroup(status.status);
    this.item.text = `$(${STATUS_GROUP_ICONS[group]}) ${status.status ?? NO_STATUS}`;
    this.item.tooltip = tooltip(status, Date.now());
    this.item.accessibilityInformation = { label: `Plan status ${status.status ?? NO_STATUS}, ${status.errors} errors, ${status.warnings} warnings` };
    this.item.show();
    this.startTimer();
  }

  private setPlanContext(isPlan: boolean): void {
    if (this.isPlanContext === isPlan) return;
    this.isPlanContext = isPlan;
    void vscode.commands.executeCommand('setContext', IS_PLAN_CONTEXT, isPlan);
  }

  private startTimer(): void {
    this.timer ??= setInterval(() => this.render(), AGE_REFRESH_MS);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stopTimer();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The tooltip: everything a person wants to know about the plan at a glance. */
export function tooltip(status: PlanStatusParams, nowMs: number): vscode.MarkdownString {
  const lines: string[] = [];
  lines.push(`**ExecPlan** · ${escape(status.status ?? NO_STATUS)} · profile \`${status.profile ?? '?'}\`${status.profileSource ? ` (${status.profileSource})` : ''}`);
  lines.push('');
  lines.push(status.nextAction ? `**Next Action:** ${escape(status.nextAction.text)}` : NO_NEXT_ACTION);
  lines.push('');
  lines.push(`$(error) ${status.errors} ${status.errors === 1 ? 'error' : 'errors'} · $(warning) ${status.warnings} ${status.warnings === 1 ? 'warning' : 'warnings'}`);
  lines.push('');
  lines.push(`Last update: ${status.lastUpdateMs !== undefined ? `${formatAge(status.lastUpdateMs, nowMs)} (${new Date(status.lastUpdateMs).toISOString().replace('.000Z', 'Z')})` : NEVER_UPDATED}`);
  if (status.metrics) {
    const metrics = status.metrics;
    lines.push('');
    lines.push(`External dependencies: ${metrics.externalDependencyCount} (target 0)  `);
    lines.push(`Verifiable acceptance criteria: ${formatCoverage(metrics.acceptanceVerifiability)}  `);
    lines.push(`Evidence coverage: ${formatCoverage(metrics.evidenceCoverage)}`);
  }
  lines.push('');
  lines.push(CLICK_HINT);
  const markdown = new vscode.MarkdownString(lines.join('\n'), true);
  markdown.isTrusted = false;
  return markdown;
}

/** Plan text shown in the tooltip is data, not Markdown to render. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (char) => `\\${char}`);
}
