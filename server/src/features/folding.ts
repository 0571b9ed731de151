/** Folding ranges for the frontmatter, sections, subsections and multi-line entries. */
import { FoldingRangeKind } from 'vscode-languageserver/node';
import type { FoldingRange } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { planFoldingRanges } from '../core/features/folding';
import { planAnalysis } from './symbols';

export const foldingFeature: ServerFeature = {
  capabilities: () => ({ foldingRangeProvider: true }),
  register(context) {
    context.connection.onFoldingRanges(async (params) => {
      const found = await planAnalysis(context, params.textDocument.uri);
      if (!found) return null;
      return planFoldingRanges(found.plan, found.lint).map(
        (range): FoldingRange => ({ startLine: range.startLine, endLine: range.endLine, ...(range.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : range.kind === 'region' ? { kind: FoldingRangeKind.Region } : {}) }),
      );
    });
  },
};
