/**
 * Workspace-level checks: rules about files that relate plans to each other (a registry of plans,
 * the `.agent-locks.yaml` lock file). They share the shape of plan rules (code, name, severity,
 * docs page) but see a registry or a lock file instead of one plan.
 */
import type { PlanDocument } from '../model/types';
import type { Reporter, Severity } from '../rules/types';
import type { Registry } from './registry';
import type { LockFile } from './lockFile';

/** What every workspace rule declares, like a plan rule. */
export interface WorkspaceRuleInfo {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
  readonly fixable: boolean;
}

/** Everything a registry rule sees. Paths are relative to the workspace root, with `/`. */
export interface RegistryContext {
  readonly plan: PlanDocument;
  readonly registry: Registry;
  /** The registry's own path. */
  readonly path: string;
  /** Paths known to exist (at least every path {@link registryLinkCandidates} returned that exists). */
  readonly existingPaths: ReadonlySet<string>;
  /** Plan files known in the workspace, used to resolve a link written as a bare file name. */
  readonly knownPlanPaths: readonly string[];
  /** The status each linked plan declares (frontmatter `status` or Progress `Status:`), by path. */
  readonly planStatuses: ReadonlyMap<string, string>;
}

export interface RegistryRule extends WorkspaceRuleInfo {
  check(context: RegistryContext, report: Reporter): void;
}

/** Everything a lock-file rule sees. */
export interface LockContext {
  readonly lockFile: LockFile;
  /** The clock, injected so expiry is reproducible. */
  readonly now: Date;
  /** How many folders below the workspace root the lock file sits (0 at the root). */
  readonly depthBelowRoot: number;
}

export interface LockRule extends WorkspaceRuleInfo {
  check(context: LockContext, report: Reporter): void;
}
