/**
 * The registry rules need to know which linked files exist and what each linked plan says about
 * its status. This asks the disk for exactly the paths the registry's links may mean (never outside
 * the root), then runs the pure rules.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../core/model/index';
import type { LintConfig } from '../core/config';
import type { Finding } from '../core/rules/types';
import { declaredPlanStatus, lintRegistry, parseRegistry, registryLinkCandidates } from '../core/workspace/index';
import { isInside } from './walker';

export interface RegistryFileSystem {
  /** Whether a regular file exists at the root-relative path. */
  exists(relativePath: string): Promise<boolean>;
  /** The status the plan at that path declares, when it can be read. */
  planStatus(relativePath: string): Promise<string | undefined>;
}

export interface RegistryCheckInput {
  readonly text: string;
  readonly relativePath: string;
  readonly fileSystem: RegistryFileSystem;
  readonly knownPlanPaths: readonly string[];
  readonly config?: LintConfig;
}

export async function checkRegistryText(input: RegistryCheckInput): Promise<Finding[]> {
  const plan = parsePlan(input.text);
  const registry = parseRegistry(plan);
  const existingPaths = new Set<string>();
  for (const candidate of registryLinkCandidates(registry, input.relativePath)) {
    if (await input.fileSystem.exists(candidate)) existingPaths.add(candidate);
  }
  for (const known of input.knownPlanPaths) existingPaths.add(known);
  const planStatuses = new Map<string, string>();
  for (const entry of registry.entries) {
    if (!entry.link) continue;
    for (const candidate of [...existingPaths]) {
      if (planStatuses.has(candidate) || !matchesLink(candidate, entry.link.target)) continue;
      const status = await input.fileSystem.planStatus(candidate);
      if (status) planStatuses.set(candidate, status);
    }
  }
  return lintRegistry({
    plan,
    registry,
    path: input.relativePath,
    existingPaths,
    knownPlanPaths: input.knownPlanPaths,
    planStatuses,
    ...(input.config ? { config: input.config } : {}),
  });
}

function matchesLink(candidate: string, target: string): boolean {
  const name = target.split('/').pop() ?? target;
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Keep the name as written.
  }
  return candidate === decoded || candidate.endsWith('/' + decoded);
}

/** Registry lookups on disk under `root`, reusing statuses already known from the plans linted. */
export function diskRegistryFileSystem(root: string, knownStatuses: ReadonlyMap<string, string | undefined>, maxFileSize: number): RegistryFileSystem {
  const absolute = (relativePath: string): string | undefined => {
    const file = path.resolve(root, relativePath);
    return isInside(root, file) ? file : undefined;
  };
  return {
    async exists(relativePath) {
      const file = absolute(relativePath);
      if (!file) return false;
      const real = await fs.realpath(file).catch(() => undefined);
      const realRoot = await fs.realpath(root).catch(() => root);
      if (!real || !isInside(realRoot, real)) return false;
      const stat = await fs.stat(real).catch(() => undefined);
      return stat?.isFile() === true;
    },
    async planStatus(relativePath) {
      if (knownStatuses.has(relativePath)) return knownStatuses.get(relativePath);
      const file = absolute(relativePath);
      if (!file) return undefined;
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat?.isFile() || stat.size > maxFileSize) return undefined;
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      return text === undefined ? undefined : declaredPlanStatus(parsePlan(text));
    },
  };
}
