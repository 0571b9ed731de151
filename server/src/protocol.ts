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
}
