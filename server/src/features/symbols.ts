/** Document symbols: the outline, breadcrumbs and Go to Symbol, with the Next Action first. */
import { SymbolKind } from 'vscode-languageserver/node';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import type { ServerContext, ServerFeature } from '../serverContext';
import type { PlanDocument } from '../core/model/types';
import type { LintResult } from '../core/engine';
import { planSymbols } from '../core/features/symbols';
import type { PlanSymbol, PlanSymbolKind } from '../core/features/symbols';

const SYMBOL_KINDS: Record<PlanSymbolKind, SymbolKind> = {
  'next-action': SymbolKind.Event,
  title: SymbolKind.File,
  section: SymbolKind.String,
  subsection: SymbolKind.String,
  'open-item': SymbolKind.Field,
  decision: SymbolKind.Constant,
};

export interface PlanAnalysis {
  readonly plan: PlanDocument;
  readonly lint: LintResult;
}

/** The current check of an open document when it is a plan and checking is on; otherwise undefined. */
export async function planAnalysis(context: ServerContext, uri: string): Promise<PlanAnalysis | undefined> {
  const document = context.documents.get(uri);
  if (!document) return undefined;
  const analysis = await context.analyze(document);
  const { result } = analysis;
  if (!analysis.settings.enable || result.classification.kind !== 'plan' || !result.plan || !result.lint) return undefined;
  return { plan: result.plan, lint: result.lint };
}

function toDocumentSymbol(symbol: PlanSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
}

export const symbolsFeature: ServerFeature = {
  capabilities: () => ({ documentSymbolProvider: { label: 'ExecPlan' } }),
  register(context) {
    context.connection.onDocumentSymbol(async (params) => {
      const found = await planAnalysis(context, params.textDocument.uri);
      return found ? planSymbols(found.plan, found.lint).map(toDocumentSymbol) : null;
    });
  },
};
