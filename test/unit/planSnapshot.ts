/**
 * A parsed plan as plain data, so an incremental parse and a full one can be compared exactly. A
 * section's string-keyed fields are its content; the engine keeps caches under symbols, which differ
 * between a plan that was linted and one that was not.
 */
import type { PlanDocument } from '../../server/src/core/model/index';

export function planSnapshot(plan: PlanDocument): unknown {
  return {
    lineCount: plan.lineCount,
    eol: plan.eol,
    hasBom: plan.hasBom,
    bodyStartLine: plan.bodyStartLine,
    bodyStartOffset: plan.bodyStartOffset,
    frontmatter: plan.frontmatter ? { ...plan.frontmatter, fields: [...plan.frontmatter.fields.entries()] } : undefined,
    sections: plan.sections.map((placed) => ({ line: placed.line, offset: placed.offset, ...Object.fromEntries(Object.entries(placed.section)), lineKinds: Array.from(placed.section.lineKinds) })),
  };
}
