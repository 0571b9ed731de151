/** What the in-process benchmarks time, gathered for one bundle (see bundledCore.ts). */
export { parsePlan, updatePlan } from '../server/src/core/model/index';
export { lint } from '../server/src/core/engine';
export { RULES } from '../server/src/core/rules/index';
export { PlanStore } from '../server/src/planStore';
