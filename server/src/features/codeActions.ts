/** Code actions: quick fixes, silencing, fix all, Progress entries and items (see ../codeActions.ts). */
import type { ServerFeature } from '../serverContext';
import { CODE_ACTION_KINDS, planCodeActions, quickFixes } from '../codeActions';
import { editSubject } from './editRequests';

export const codeActionsFeature: ServerFeature = {
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS] } }),
  register(context) {
    context.connection.onCodeAction(async (params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return [];
      const subject = await editSubject(context, document);
      // Not a plan now (or too large): only the fixes diagnostics already carry.
      if ('refused' in subject) return quickFixes(params);
      return planCodeActions(params, subject);
    });
  },
};
