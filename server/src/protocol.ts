/**
 * Custom messages between the client and the server (method names `execplan/*`). Shared by both
 * bundles, so the two sides cannot disagree on a field.
 */

/** Server -> client: what the status bar shows for a document. Sent after each check. */
export const STATUS_NOTIFICATION = 'execplan/status';

export interface PlanStatusParams {
  readonly uri: string;
  readonly version: number;
  /** False for Markdown files that are not plans: the status item hides. */
  readonly isPlan: boolean;
  /** Why the document is or is not a plan. */
  readonly reason: string;
  readonly profile?: string;
  /** How the profile was chosen: config, frontmatter, detected or fallback. */
  readonly profileSource?: string;
  readonly status?: string;
  readonly nextAction?: { readonly text: string; readonly line: number };
  readonly errors: number;
  readonly warnings: number;
  /** Newest timestamp in the living sections or `updated`, as epoch milliseconds. */
  readonly lastUpdateMs?: number;
  /** Time the check took, in milliseconds. */
  readonly lintMs: number;
  /** The specification's metrics for the plan (absent for documents that are not plans). */
  readonly metrics?: PlanMetricsData;
}

/** A count of items that satisfy a property, out of all the items it applies to. */
export interface CoverageData {
  readonly covered: number;
  readonly total: number;
}

/** The specification's plan metrics. */
export interface PlanMetricsData {
  /** External URLs outside See Also / References, snapshot sources excepted (target 0). */
  readonly externalDependencyCount: number;
  /** Acceptance criteria with both a command and an expected output (target: all of them). */
  readonly acceptanceVerifiability: CoverageData;
  /** Decisions and discoveries that point at evidence. */
  readonly evidenceCoverage: CoverageData;
}

/** Client -> server requests that compute an edit for the client to apply as one undo step. */
export const BUMP_UPDATED_REQUEST = 'execplan/bumpUpdated';
export const APPEND_PROGRESS_REQUEST = 'execplan/appendProgressEntry';
export const FIX_ALL_REQUEST = 'execplan/fixAll';

export interface DocumentEditParams {
  readonly uri: string;
  /** The version the client sees; the server refuses to compute an edit for another one. */
  readonly version: number;
}

export interface TextEditData {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly newText: string;
}

export interface DocumentEditResult {
  /** The version the edits apply to; the client applies them only to that version. */
  readonly version: number;
  readonly edits: readonly TextEditData[];
  /** Where to put the cursor after applying, in the coordinates of the edited text. */
  readonly cursor?: { readonly line: number; readonly character: number };
  /** Set when no edit could be made, saying why (e.g. duplicate frontmatter keys). */
  readonly refused?: string;
}

/** Client -> server: check every plan in the workspace (reports progress; cancellable). */
export const LINT_WORKSPACE_REQUEST = 'execplan/lintWorkspace';

export interface LintWorkspaceResult {
  readonly files: number;
  readonly plans: number;
  readonly errors: number;
  readonly warnings: number;
  readonly cancelled: boolean;
}

/** Client -> server: the plans in the workspace, for the Plans view. */
export const LIST_PLANS_REQUEST = 'execplan/listPlans';
/** Server -> client: the list of plans changed; ask again. */
export const PLANS_CHANGED_NOTIFICATION = 'execplan/plansChanged';

export interface PlanListItem {
  readonly uri: string;
  readonly title: string;
  readonly status?: string;
  readonly profile?: string;
  readonly nextAction?: { readonly text: string; readonly line: number };
  readonly lastUpdateMs?: number;
  readonly errors: number;
  readonly warnings: number;
}
