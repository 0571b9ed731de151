/**
 * The end-to-end scenarios again, through the VS Code API inside the extension host: what the
 * extension gives the editor (diagnostics, code actions, commands, completions, symbols), without the
 * pixels. The API cannot read another extension's status bar item, so the status bar scenario is
 * reported as skipped here; test/e2e checks it on screen.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { print } from './output';

const SOURCE = 'execplan';
const TITLE_PREFIX = '# PLAN:';

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test run opened no workspace folder');
  return folder.uri.fsPath;
}

/** Copies a fixture of the workspace to a file of this scenario's own (null: an empty file). */
function scenarioFile(target: string, fixture: string | null): vscode.Uri {
  const file = path.join(workspaceFolder(), target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fixture === null) fs.writeFileSync(file, '');
  else fs.copyFileSync(path.join(workspaceFolder(), fixture), file);
  return vscode.Uri.file(file);
}

async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

function lineStartingWith(document: vscode.TextDocument, start: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.startsWith(start)) return line;
  throw new Error(`${document.uri.fsPath} has no line starting with ${start}`);
}

const checked = (line: string): void => print(`      checked: ${line}`);

describe('ExecPlan Tools through the VS Code API', function () {
  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('1. a plan with problems has them as diagnostics on the title', async function () {
    const uri = scenarioFile('plans/api-01-problems-PLAN.md', 'plans/with-problems-PLAN.md');
    const editor = await show(uri);
    const planted = ['Missing required section `## Decision Log`', 'Missing required section `## Outcomes & Retrospective`'];
    const found = await waitFor('the planted EP001 diagnostics', () => {
      const diagnostics = ours(uri);
      return planted.every((text) => diagnostics.some((diagnostic) => diagnostic.message.includes(text))) && diagnostics;
    });
    const title = lineStartingWith(editor.document, TITLE_PREFIX);
    for (const text of planted) {
      const diagnostic = found.find((candidate) => candidate.message.includes(text))!;
      assert.equal(codeOf(diagnostic), 'EP001');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(diagnostic.range.contains(new vscode.Position(title, 3)), `${text} is not on the title line`);
    }
    checked(`${found.length} diagnostics: ${found.map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line + 1}`).join(', ')}`);
  });

  it('2. the status bar shows the plan status and follows an edit of the Status line', function () {
    // No API reads another extension's status bar item: test/e2e checks it on screen.
    this.skip();
  });

  it('3. the quick fix inserts the missing section and the problem goes away', async function () {
    const uri = scenarioFile('plans/api-03-quick-fix-PLAN.md', 'plans/missing-section-PLAN.md');
    const editor = await show(uri);
    const missing = 'Missing required section `## Decision Log`';
    const diagnostic = await waitFor('the EP001 diagnostic', () => ours(uri).find((found) => found.message.includes(missing)));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((action) => action.title);
    checked(`quick fixes offered: ${JSON.stringify(titles)}`);
    const fix = actions.find((action) => action.title.includes('Insert section `## Decision Log`'));
    assert.ok(fix, `no quick fix inserts the section; offered: ${JSON.stringify(titles)}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitFor('the EP001 diagnostic to go away', () => !ours(uri).some((found) => found.message.includes(missing)));
    const text = editor.document.getText();
    const heading = text.indexOf('\n## Decision Log\n');
    assert.ok(heading > 0 && heading < text.indexOf('\n## Outcomes & Retrospective\n'), 'the section is not before ## Outcomes & Retrospective');
    checked('## Decision Log inserted before ## Outcomes & Retrospective; EP001 gone');
  });

  it('4. ExecPlan: Bump Updated changes updated: on disk after save', async function () {
    const uri = scenarioFile('plans/api-04-bump-PLAN.md', 'plans/tracked-PLAN.md');
    const editor = await show(uri);
    const updated = (text: string): string | undefined => /^updated:\s*(.+?)\s*$/m.exec(text)?.[1];
    const before = updated(editor.document.getText());
    const started = Date.now();
    await vscode.commands.executeCommand('execplan.bumpUpdated');
    const after = await waitFor('updated: to change', () => {
      const value = updated(editor.document.getText());
      return value !== before && value;
    });
    assert.ok(await editor.document.save());
    assert.equal(updated(fs.readFileSync(uri.fsPath, 'utf8')), after);
    const when = Date.parse(after.replace(/^["']|["']$/g, ''));
    assert.ok(when >= started - 61_000 && when <= Date.now() + 61_000, `updated: ${after} is not now`);
    checked(`updated: on disk went from ${before} to ${after}`);
  });

  it('5. the ssot Standard snippet, offered for its prefix, expands into a plan with no problems', async function () {
    const uri = scenarioFile('plans/api-05-snippet-PLAN.md', null);
    const editor = await show(uri);
    await waitFor('the empty plan to be checked', () => ours(uri).length > 0);
    const prefix = 'execplan-ssot';
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), prefix)));
    const end = new vscode.Position(0, prefix.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, end);
    const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
    const item = list.items.find((candidate) => labelOf(candidate) === prefix && candidate.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(item, `no snippet is offered for ${prefix}`);
    const body = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText));
    assert.ok(await editor.insertSnippet(body, new vscode.Range(new vscode.Position(0, 0), end)));
    // Problems are what the Problems view lists: errors, warnings and infos (hints are not listed there).
    const problems = (): vscode.Diagnostic[] => ours(uri).filter((diagnostic) => diagnostic.severity !== vscode.DiagnosticSeverity.Hint);
    await waitFor('the expanded template to have no problems', () => problems().length === 0 && editor.document.lineCount > 20).catch((error: Error) => {
      const left = problems().map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
      throw new Error(`${error.message}; still there: ${JSON.stringify(left)}`);
    });
    const hints = ours(uri).length;
    if (hints > 0) print(`      note: ${hints} hint(s) remain (${[...new Set(ours(uri).map(codeOf))].join(', ')}); the Problems view does not list hints`);
    checked(`"${prefix}" expanded into ${editor.document.lineCount} lines with no diagnostics`);
  });

  it('6. the document symbols list the Next Action first', async function () {
    const uri = scenarioFile('plans/api-06-outline-PLAN.md', 'plans/tracked-PLAN.md');
    await show(uri);
    // The server may still be starting: ask until the ExecPlan symbols (the title's) are among them.
    const deadline = Date.now() + 20_000;
    let names: string[] = [];
    while (!names.includes('PLAN: Export reports as CSV') && Date.now() < deadline) {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
      names = (found ?? []).map((symbol) => symbol.name);
      if (!names.includes('PLAN: Export reports as CSV')) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    checked(`symbols: ${JSON.stringify(names.slice(0, 5))}`);
    assert.equal(names[0], 'Next Action: Add the CSV writer for the totals row.');
  });

  it('7. a Markdown file that is not a plan gets no diagnostics', async function () {
    const readme = vscode.Uri.file(path.join(workspaceFolder(), 'README.md'));
    await show(readme);
    // The plan opened after it is checked after it: once the plan has its diagnostics, README.md has been checked too.
    const plan = scenarioFile('plans/api-07-problems-PLAN.md', 'plans/with-problems-PLAN.md');
    await show(plan);
    await waitFor('the plan opened after README.md to be checked', () => ours(plan).length > 0);
    assert.deepEqual(ours(readme).map((diagnostic) => diagnostic.message), []);
    checked('README.md has no ExecPlan diagnostics (the status item is checked on screen by test/e2e)');
  });
});
