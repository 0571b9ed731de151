export * from './types';
export { parsePlan } from './parse';
export { updatePlan, updatePlanWithinLine, mergeChanges } from './incremental';
export type { TextChange } from './incremental';
export { computeLineStarts, lineContentEnd, lineOfOffset, detectEol } from './lines';
export { lineText, lineStartOffset, positionAt, offsetAt } from './lookup';
