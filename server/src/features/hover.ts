/** Hover on section headings, timestamps, status values and rule codes in inline directives. */
import { MarkupKind } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { planHover } from '../core/features/hover';
import { planAnalysis } from './symbols';

export const hoverFeature: ServerFeature = {
  capabilities: () => ({ hoverProvider: true }),
  register(context) {
    context.connection.onHover(async (params) => {
      const found = await planAnalysis(context, params.textDocument.uri);
      if (!found) return null;
      const hover = planHover(found.plan, found.lint, params.position, { now: context.now() });
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
    });
  },
};
