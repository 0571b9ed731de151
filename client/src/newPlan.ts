/**
 * ExecPlan: New Plan. Asks for a title and a profile, writes `plans/<yyyy-mm-dd>-<slug>-PLAN.md`
 * from that profile's template (the same text as its snippet) and opens it at the Next Action. An
 * existing file is never overwritten.
 */
import * as vscode from 'vscode';
import { expandSnippet, timeVariables } from './snippetText';
import { outputChannel } from './languageClient';
import { slugify } from './format';

interface TemplateChoice extends vscode.QuickPickItem {
  readonly profile: string;
  /** The snippet whose body is the template. */
  readonly snippetPrefix: string;
  /** The tab stop that holds the plan id's slug, when the template has an id. */
  readonly slugTabStop?: number;
}

const TEMPLATES: readonly TemplateChoice[] = [
  { label: 'ssot Standard', description: 'Exec Plan spec, every section', profile: 'ssot', snippetPrefix: 'execplan-ssot', slugTabStop: 2 },
  { label: 'ssot Minimal', description: 'Exec Plan spec, the smallest compliant plan', profile: 'ssot', snippetPrefix: 'execplan-minimal', slugTabStop: 2 },
  { label: 'openai', description: 'Cookbook PLANS.md skeleton', profile: 'openai', snippetPrefix: 'execplan-openai' },
  { label: 'agdd', description: 'AGDD plan layout', profile: 'agdd', snippetPrefix: 'execplan-agdd' },
  { label: 'magsag', description: 'MAGSAG lightweight plan', profile: 'magsag', snippetPrefix: 'execplan-magsag' },
  { label: 'plans-guide', description: 'Plans guide layout', profile: 'plans-guide', snippetPrefix: 'execplan-plans-guide' },
];

const PLANS_FOLDER = 'plans';
const SNIPPETS_PATH = 'snippets/execplan.code-snippets';
const TITLE_PROMPT = 'Title of the new plan';
const TITLE_PLACEHOLDER = 'e.g. Export reports as CSV';
const TITLE_REQUIRED = 'Write a title with at least one letter or digit.';
const PROFILE_PROMPT = 'Plan template (profile)';
const NO_FOLDER = 'Open a folder first: New Plan creates the plan under its plans/ folder.';
const FOLDER_PROMPT = 'Workspace folder for the new plan';
const EXISTS = (path: string): string => `${path} already exists; it was left as it is. Choose another title, or open the existing plan.`;
const OPEN_EXISTING = 'Open Existing Plan';
const TEMPLATE_MISSING = (prefix: string): string => `The template "${prefix}" is missing from the extension's snippets. Please reinstall the extension.`;
const NOT_CREATED = (path: string): string => `Could not create ${path}. See "ExecPlan: Show Output" for details.`;

export async function newPlan(extensionUri: vscode.Uri): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return;
  const title = await vscode.window.showInputBox({
    prompt: TITLE_PROMPT,
    placeHolder: TITLE_PLACEHOLDER,
    ignoreFocusOut: true,
    validateInput: (value) => (slugify(value) ? undefined : TITLE_REQUIRED),
  });
  if (title === undefined) return;
  const configured = vscode.workspace.getConfiguration('execplan', folder.uri).get<string>('profile', 'auto');
  const choices = TEMPLATES.map((choice) => ({ ...choice, picked: choice.profile === configured }));
  const preferred = choices.find((choice) => choice.picked);
  const template = await vscode.window.showQuickPick(preferred ? [preferred, ...choices.filter((choice) => choice !== preferred)] : choices, { title: PROFILE_PROMPT, ignoreFocusOut: true });
  if (!template) return;

  const body = await readTemplate(extensionUri, template.snippetPrefix);
  if (!body) {
    void vscode.window.showErrorMessage(TEMPLATE_MISSING(template.snippetPrefix));
    return;
  }
  const zone = vscode.workspace.getConfiguration('execplan', folder.uri).get<string>('timestampZone', 'utc');
  const now = new Date();
  const variables = zone === 'local' ? timeVariables(now) : { ...timeVariables(now, 0), CURRENT_TIMEZONE_OFFSET: 'Z' };
  const slug = slugify(title);
  const text = expandSnippet(body, { variables, tabStops: { 1: title.trim(), ...(template.slugTabStop ? { [template.slugTabStop]: slug } : {}) } });
  const fileName = `${variables['CURRENT_YEAR']}-${variables['CURRENT_MONTH']}-${variables['CURRENT_DATE']}-${slug}-PLAN.md`;
  const relative = `${PLANS_FOLDER}/${fileName}`;
  const target = vscode.Uri.joinPath(folder.uri, PLANS_FOLDER, fileName);

  if (await exists(target)) {
    const choice = await vscode.window.showWarningMessage(EXISTS(relative), OPEN_EXISTING);
    if (choice === OPEN_EXISTING) await vscode.window.showTextDocument(target);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  // Without overwrite or ignoreIfExists the edit fails if the file appeared in the meantime.
  edit.createFile(target, { contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    outputChannel()?.error(`New Plan: creating ${target.toString()} failed`);
    void vscode.window.showErrorMessage(NOT_CREATED(relative));
    return;
  }
  const document = await vscode.workspace.openTextDocument(target);
  if (document.isDirty) await document.save();
  const lines = text.split('\n');
  const nextAction = lines.findIndex((line) => line.startsWith('Next Action:'));
  const line = nextAction >= 0 ? nextAction : Math.max(0, lines.findIndex((line) => line.startsWith('# ')));
  const character = nextAction >= 0 ? 'Next Action: '.length : 0;
  const position = new vscode.Position(line, character);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, new vscode.Position(line, lines[line]!.length)) });
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(NO_FOLDER);
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: FOLDER_PROMPT, ignoreFocusOut: true });
}

async function readTemplate(extensionUri: vscode.Uri, prefix: string): Promise<readonly string[] | undefined> {
  try {
    const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, SNIPPETS_PATH)));
    const snippets = JSON.parse(raw) as Record<string, { prefix: string; body: string[] }>;
    return Object.values(snippets).find((snippet) => snippet.prefix === prefix)?.body;
  } catch (error) {
    outputChannel()?.error(`New Plan: reading the templates failed: ${(error as Error).message}`);
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
