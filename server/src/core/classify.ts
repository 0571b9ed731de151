/**
 * Decides whether a Markdown document is a plan. A path that matches the configured plan globs
 * makes it one, and so does content that says so (a `profile:` in the frontmatter, a `# PLAN:`
 * title, or several known living-section headings). Policy files (a PLANS.md that explains how to
 * write plans, the spec itself) and registries (lists of Active / Completed Plans) are never plans.
 */
import { minimatch } from 'minimatch';
import type { PlanDocument } from './model/types';
import { normalizeHeading } from './profiles/match';

export type DocumentKind = 'plan' | 'registry' | 'policy' | 'other';

export interface Classification {
  readonly kind: DocumentKind;
  /** Why, in words a person can read in a log or a tooltip. */
  readonly reason: string;
}

/** Globs that make a Markdown file a plan by its path (relative to its workspace folder). */
export const DEFAULT_PLAN_GLOBS: readonly string[] = [
  '**/PLAN.md',
  '**/*-PLAN.md',
  '**/*_PLAN.md',
  '**/ExecPlan.md',
  '**/EXEC_PLAN.md',
  '**/EXECPLAN*.md',
  '**/plans/**/*.md',
  '**/docs/development/plans/**/*.md',
  '**/exec-plans/**/*.md',
  '**/execplans/**/*.md',
  '**/.agent/**/*PLAN*.md',
  '**/.agent/**/*execplan*.md',
];

/** Headings of living and core sections across the dialects (normalised). */
const PLAN_HEADINGS = new Set(
  [
    'Purpose / Big Picture',
    'Progress',
    'Surprises & Discoveries',
    'Decision Log',
    'Outcomes & Retrospective',
    'Context and Orientation',
    'Plan of Work',
    'Concrete Steps',
    'Validation and Acceptance',
    'Validation & Acceptance',
    'Idempotence and Recovery',
    'Constraints & Safety',
    'Tooling Interface & Governance',
    'Handoff Summary',
    'Inter-Agent Messages',
    'Progress Log',
    'Execution Steps',
    'Success Criteria',
    'Technical Approach',
    'Open Questions',
  ].map(normalizeHeading),
);
/** Headings that mark a document about plans rather than a plan. */
const POLICY_HEADINGS = new Set(
  [
    'Agent Contract',
    'Canonical Definitions',
    'Core Patterns',
    'Absolute Requirements (NON-NEGOTIABLE)',
    'Absolute Requirements',
    'Copy-Pastable Templates',
    'Skeleton of a Good ExecPlan',
    'How to use ExecPlans and PLANS.md',
    'Requirements',
    'Formatting',
    'Guidelines',
    'Canonical Structure',
    'Format Specification',
    'Minimal Template',
    'Workflow Checklist',
    'When to Create One',
    'When to Create an ExecPlan',
    'Update Workflow',
  ].map(normalizeHeading),
);
const REGISTRY_HEADINGS = new Set(['active plans', 'completed plans']);

export function matchesPlanGlobs(relativePath: string, globs: readonly string[] = DEFAULT_PLAN_GLOBS): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((glob) => minimatch(path, glob, { dot: true, nocase: false, matchBase: !glob.includes('/') }));
}

export function classifyDocument(plan: PlanDocument, relativePath: string | undefined, globs?: readonly string[]): Classification {
  const frontmatter = plan.frontmatter?.data;
  const type = frontmatter?.['type'];
  if (type === 'spec' || type === 'policy' || type === 'guide') return { kind: 'policy', reason: `its frontmatter says \`type: ${String(type)}\`` };

  let planHeadings = 0;
  let policyHeadings = 0;
  let registryHeadings = 0;
  let title = '';
  for (const { section } of plan.sections) {
    const heading = section.heading;
    if (!heading) continue;
    if (heading.level === 1 && !title) title = heading.text;
    const name = normalizeHeading(heading.text);
    if (PLAN_HEADINGS.has(name)) planHeadings++;
    if (POLICY_HEADINGS.has(name)) policyHeadings++;
    if (REGISTRY_HEADINGS.has(name)) registryHeadings++;
  }
  const fileName = (relativePath ?? '').replace(/\\/g, '/').split('/').pop() ?? '';
  const declaresProfile = typeof frontmatter?.['profile'] === 'string';
  const planTitle = /^PLAN:\s*\S/.test(title);

  if (registryHeadings > 0 && planHeadings < 3) return { kind: 'registry', reason: 'it lists Active or Completed Plans' };
  if (policyHeadings >= 2 && policyHeadings >= planHeadings) return { kind: 'policy', reason: 'it explains how to write plans rather than being one' };
  if (/^EXEC_PLAN\.md$/i.test(fileName) && /(^|\/)docs\/EXEC_PLAN\.md$/i.test(relativePath ?? '') && policyHeadings > 0) {
    return { kind: 'policy', reason: 'it is the Exec Plan specification' };
  }
  if (declaresProfile) return { kind: 'plan', reason: 'its frontmatter declares a `profile`' };
  if (planTitle) return { kind: 'plan', reason: 'its title starts with `PLAN:`' };
  if (relativePath !== undefined && matchesPlanGlobs(relativePath, globs)) {
    if (/^PLANS\.md$/i.test(fileName) && planHeadings < 3) return { kind: 'policy', reason: 'PLANS.md without plan sections is a planning policy' };
    return { kind: 'plan', reason: 'its path matches the plan file patterns' };
  }
  if (planHeadings >= 3) return { kind: 'plan', reason: `it has ${planHeadings} plan section headings` };
  return { kind: 'other', reason: 'neither its path nor its content marks it as a plan' };
}
