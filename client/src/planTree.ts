/**
 * The Plans view in the Explorer: every plan in the workspace, grouped by status, each with its
 * status icon, title, Next Action and the age of its last update. The list comes from the server
 * (`execplan/listPlans`) and is fetched again when the server says it changed, after a short pause
 * so a burst of file changes costs one request. Nothing here blocks the editor.
 */
import * as vscode from 'vscode';
import { LIST_PLANS_REQUEST, PLANS_CHANGED_NOTIFICATION } from '../../server/src/protocol';
import type { PlanListItem } from '../../server/src/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ErrorCodes, ResponseError } from 'vscode-languageclient/node';
import { STATUS_GROUP_COLORS, STATUS_GROUP_ICONS, STATUS_GROUP_LABELS, STATUS_GROUP_ORDER, formatAge, statusGroup } from './format';
import type { StatusGroup } from './format';
import { outputChannel } from './languageClient';

const VIEW_ID = 'execplan.plans';
const LOADING = 'Looking for plans…';
const EMPTY = 'No plans found in this workspace. Create one with "ExecPlan: New Plan".';
const UNAVAILABLE = 'The Plans view needs a newer ExecPlan language server.';
const NOT_RUNNING = 'The ExecPlan language server is not running.';
const FAILED = (reason: string): string => `Could not list the plans: ${reason}`;
const NO_NEXT_ACTION = 'no Next Action';
const REFRESH_DELAY_MS = 300;
/** Groups of finished plans start collapsed; the work in progress is what people look for. */
const COLLAPSED_GROUPS = new Set<StatusGroup>(['DONE', 'ABANDONED']);

type Node = { readonly kind: 'group'; readonly group: StatusGroup; readonly plans: readonly PlanListItem[] } | { readonly kind: 'plan'; readonly plan: PlanListItem };

export class PlanTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private groups: Node[] | undefined;
  private loading: Promise<Node[]> | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, this.changed);
  }

  /** Listens for the server's "plans changed" notification (call before the client starts). */
  listenTo(client: LanguageClient): void {
    this.disposables.push(client.onNotification(PLANS_CHANGED_NOTIFICATION, () => this.scheduleRefresh()));
  }

  /** Forgets the list; the view asks again right away when visible, otherwise when next shown. */
  refresh(): void {
    this.groups = undefined;
    this.loading = undefined;
    this.changed.fire(undefined);
  }

  /** Refreshes after a short pause, so a burst of changes costs one request. */
  scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      // A hidden view fetches when it is shown again; getChildren runs only for visible views.
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'group') return node.plans.map((plan) => ({ kind: 'plan', plan }));
    if (node) return [];
    if (this.groups) return this.groups;
    this.loading ??= this.load();
    return this.loading;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(STATUS_GROUP_LABELS[node.group], COLLAPSED_GROUPS.has(node.group) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group}`;
      item.description = String(node.plans.length);
      item.iconPath = themeIcon(node.group);
      return item;
    }
    const plan = node.plan;
    const uri = vscode.Uri.parse(plan.uri);
    const group = statusGroup(plan.status);
    const item = new vscode.TreeItem(plan.title || uri.path.split('/').pop() || plan.uri, vscode.TreeItemCollapsibleState.None);
    item.id = `plan:${plan.uri}`;
    item.resourceUri = uri;
    item.iconPath = themeIcon(group);
    const age = plan.lastUpdateMs !== undefined ? formatAge(plan.lastUpdateMs, Date.now()) : undefined;
    item.description = [age, plan.nextAction?.text ?? NO_NEXT_ACTION].filter(Boolean).join(' · ');
    item.tooltip = tooltip(plan, uri, age);
    const line = plan.nextAction?.line ?? 0;
    item.command = { command: 'vscode.open', title: 'Open Plan', arguments: [uri, { selection: new vscode.Range(line, 0, line, 0) } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  private async load(): Promise<Node[]> {
    const client = this.client();
    if (!client) {
      this.view.message = NOT_RUNNING;
      return [];
    }
    this.view.message = LOADING;
    try {
      const answer = await client.sendRequest<PlanListItem[] | { plans: PlanListItem[] }>(LIST_PLANS_REQUEST, {});
      const plans = Array.isArray(answer) ? answer : (answer?.plans ?? []);
      this.groups = groupPlans(plans);
      this.view.message = plans.length === 0 ? EMPTY : undefined;
      this.view.description = plans.length > 0 ? String(plans.length) : undefined;
      return this.groups;
    } catch (error) {
      const unavailable = error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound;
      this.view.message = unavailable ? UNAVAILABLE : FAILED((error as Error).message);
      if (!unavailable) outputChannel()?.error(`${LIST_PLANS_REQUEST}: ${(error as Error).message}`);
      this.groups = [];
      return [];
    } finally {
      this.loading = undefined;
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Plans grouped by status in the view's order; inside a group the most recently updated first. */
export function groupPlans(plans: readonly PlanListItem[]): Node[] {
  const byGroup = new Map<StatusGroup, PlanListItem[]>();
  for (const plan of plans) {
    const group = statusGroup(plan.status);
    let list = byGroup.get(group);
    if (!list) byGroup.set(group, (list = []));
    list.push(plan);
  }
  const nodes: Node[] = [];
  for (const group of STATUS_GROUP_ORDER) {
    const list = byGroup.get(group);
    if (!list) continue;
    list.sort((a, b) => (b.lastUpdateMs ?? -Infinity) - (a.lastUpdateMs ?? -Infinity) || a.title.localeCompare(b.title));
    nodes.push({ kind: 'group', group, plans: list });
  }
  return nodes;
}

function themeIcon(group: StatusGroup): vscode.ThemeIcon {
  const color = STATUS_GROUP_COLORS[group];
  return new vscode.ThemeIcon(STATUS_GROUP_ICONS[group], color ? new vscode.ThemeColor(color) : undefined);
}

function tooltip(plan: PlanListItem, uri: vscode.Uri, age: string | undefined): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown('**').appendText(plan.title || uri.path).appendMarkdown('**\n\n');
  markdown.appendText(`${vscode.workspace.asRelativePath(uri)}\n\n`);
  markdown.appendText(`Status: ${plan.status ?? 'none'} · profile ${plan.profile ?? '?'}\n\n`);
  markdown.appendText(`Next Action: ${plan.nextAction?.text ?? 'none yet'}\n\n`);
  markdown.appendText(`Last update: ${age ?? 'no timestamp'} · ${plan.errors} errors, ${plan.warnings} warnings`);
  return markdown;
}
