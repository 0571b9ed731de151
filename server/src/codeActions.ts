/**
 * Quick fixes from the fixes that diagnostics carry. A fix is offered as a versioned edit, so an
 * edit computed for an older version of the document is refused by the editor instead of being
 * applied to newer text.
 */
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { DiagnosticData } from './diagnostics';

export function quickFixes(params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + '.') || kind === CodeActionKind.Empty)) return actions;
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    if (!data?.fixes) continue;
    data.fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0 && fix.safe,
        edit: {
          documentChanges: [
            {
              textDocument: { uri: params.textDocument.uri, version: data.version },
              edits: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
            },
          ],
        },
      });
    });
  }
  return actions;
}

export function isOurs(diagnostic: Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE;
}
