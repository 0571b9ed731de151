/**
 * Where a registry link points. A link is read relative to the registry's folder first (as Markdown
 * reads it), then relative to the workspace root (registries often write repository paths), and a
 * bare file name may name any one known plan with that name. Also: the status a plan declares,
 * reduced to a few categories the registry can be compared with.
 */
import type { PlanDocument } from '../model/types';
import { normalizeHeading } from '../profiles/match';
import type { Registry } from './registry';
import { isExternalTarget } from './registry';

/** Joins and normalises `/` paths; undefined when `..` climbs above the root. */
export function joinPath(folder: string, relative: string): string | undefined {
  const segments: string[] = [];
  for (const segment of `${folder}/${relative}`.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.join('/');
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function decode(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** The paths a link may mean, most likely first. */
export function linkCandidates(target: string, registryPath: string): string[] {
  if (isExternalTarget(target)) return [];
  const decoded = decode(target);
  const candidates: string[] = [];
  const add = (path: string | undefined): void => {
    if (path !== undefined && path !== '' && !candidates.includes(path)) candidates.push(path);
  };
  if (decoded.startsWith('/')) {
    add(joinPath('', decoded));
    return candidates;
  }
  add(joinPath(folderOf(registryPath), decoded));
  add(joinPath('', decoded));
  return candidates;
}

/** Every path the adapters should test for existence before running the registry rules. */
export function registryLinkCandidates(registry: Registry, registryPath: string): string[] {
  const all = new Set<string>();
  for (const entry of registry.entries) {
    if (entry.link) for (const candidate of linkCandidates(entry.link.target, registryPath)) all.add(candidate);
  }
  return [...all];
}

export interface LinkResolution {
  /** The plan's path when the link resolves. */
  readonly path?: string;
  /** The paths that were tried, for the message. */
  readonly tried: readonly string[];
}

export function resolveLink(target: string, registryPath: string, existing: ReadonlySet<string>, knownPlans: readonly string[]): LinkResolution {
  const tried = linkCandidates(target, registryPath);
  const found = tried.find((candidate) => existing.has(candidate));
  if (found) return { path: found, tried };
  const name = decode(target);
  if (!name.includes('/')) {
    const sameName = knownPlans.filter((path) => path === name || path.endsWith('/' + name));
    if (sameName.length === 1) return { path: sameName[0]!, tried };
  }
  return { tried };
}

/** A plan status reduced to what a registry can say about it. */
export type StatusCategory = 'active' | 'blocked' | 'paused' | 'draft' | 'done' | 'abandoned';

const CATEGORIES: ReadonlyArray<[RegExp, StatusCategory]> = [
  [/^(in[-_ ]?progress|active|ongoing|wip|started|doing)$/, 'active'],
  [/^(blocked|blocking|on[-_ ]?hold|waiting)$/, 'blocked'],
  [/^(paused|deferred|suspended)$/, 'paused'],
  [/^(draft|proposed|planned|not[-_ ]?started|todo|new)$/, 'draft'],
  [/^(done|completed?|finished|closed|shipped|merged|released)$/, 'done'],
  [/^(abandoned|cancell?ed|dropped|superseded|obsolete|wont[-_ ]?do)$/, 'abandoned'],
];

/** The category of a status word, or undefined for words that say nothing comparable (`living`, `stable`). */
export function statusCategory(status: string): StatusCategory | undefined {
  const word = status.trim().replace(/[`*_]/g, '').split(/[\s(,;.]/)[0]!.toLowerCase();
  const normalized = status.trim().replace(/[`*_]/g, '').toLowerCase();
  for (const [pattern, category] of CATEGORIES) if (pattern.test(normalized) || pattern.test(word)) return category;
  return undefined;
}

/** Whether a plan in `plan` state may stand in a registry list with `registry` status. */
export function statusesAgree(registry: StatusCategory, plan: StatusCategory): boolean {
  return AGREEING[registry].includes(plan);
}

const AGREEING: Readonly<Record<StatusCategory, readonly StatusCategory[]>> = {
  active: ['active', 'draft'],
  blocked: ['blocked'],
  paused: ['paused', 'blocked', 'draft'],
  draft: ['draft', 'active'],
  done: ['done', 'abandoned'],
  abandoned: ['done', 'abandoned'],
};

const STATUS_SECTIONS = new Set(['progress', 'status'].map(normalizeHeading));

/** The status a plan declares: `Status:` in its Progress (or Status) section, else frontmatter `status`. */
export function declaredPlanStatus(plan: PlanDocument): string | undefined {
  for (const placed of plan.sections) {
    const heading = placed.section.heading;
    if (!heading || !STATUS_SECTIONS.has(normalizeHeading(heading.text))) continue;
    const entry = placed.section.entries.find((item) => item.key.toLowerCase() === 'status' && !item.bulleted && item.value.trim() !== '');
    if (entry) return entry.value.trim();
  }
  const status = plan.frontmatter?.data?.['status'];
  return typeof status === 'string' && status.trim() !== '' ? status.trim() : undefined;
}
