/** Code actions: the quick fixes that diagnostics carry. */
import { CodeActionKind } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { quickFixes } from '../codeActions';

export const codeActionsFeature: ServerFeature = {
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } }),
  register(context) {
    context.connection.onCodeAction((params) => quickFixes(params));
  },
};
