/** Completion of section headings, frontmatter keys and values, status values and message intents. */
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { CompletionItem } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { planCompletions } from '../core/features/completion';
import type { PlanCompletion, PlanCompletionKind } from '../core/features/completion';
import { planAnalysis } from './symbols';

const ITEM_KINDS: Record<PlanCompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
};

function toCompletionItem(item: PlanCompletion): CompletionItem {
  return {
    label: item.label,
    kind: ITEM_KINDS[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    textEdit: { range: item.range, newText: item.newText },
    filterText: item.label,
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: item.sortText,
    ...(item.preselect ? { preselect: true } : {}),
  };
}

export const completionFeature: ServerFeature = {
  // A space ends `##`, `Status:` and `Intent:`; a colon ends a frontmatter key.
  capabilities: () => ({ completionProvider: { triggerCharacters: [' ', ':'] } }),
  register(context) {
    context.connection.onCompletion(async (params) => {
      const found = await planAnalysis(context, params.textDocument.uri);
      if (!found) return null;
      const items = planCompletions(found.plan, found.lint, params.position, { now: context.now() });
      return items.length > 0 ? { isIncomplete: false, items: items.map(toCompletionItem) } : null;
    });
  },
};
