/**
 * External URLs a plan depends on. A plan must be executable from its own text: a URL outside See
 * Also / References is an external dependency unless the plan holds a snapshot of what it says
 * (a `Retrieved:` line near a `Source: <url>` line). Local and documentation addresses are fine.
 */
import type { Range, Section } from '../model/types';
import type { ResolvedSection } from '../rules/types';
import { memoizeBySection } from './sectionMemo';
import { lineCount, normalizeTitle, sectionLine } from './sectionLines';

/** Section titles (normalised) whose links are reading material, not dependencies. */
const REFERENCE_TITLES = ['see also', 'references', 'reference', 'sources', 'further reading', 'bibliography', 'external references', 'external links', 'links'];
const REFERENCE_KEYS = new Set(['see-also', 'references']);
/** How many lines apart a `Source:` and a `Retrieved:` line may be and still form one snapshot. */
const SNAPSHOT_SPAN = 6;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);
const EXAMPLE_DOMAINS = ['example.com', 'example.org', 'example.net'];
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost']);

/** One external URL occurrence, in document coordinates. */
export interface ExternalDependency {
  readonly range: Range;
  readonly url: string;
  readonly host: string;
  /** The URL compared with snapshot sources: lower-case scheme and host, no fragment or trailing slash. */
  readonly normalized: string;
}

interface LocalLink {
  readonly range: Range;
  readonly url: string;
  readonly host: string;
  readonly normalized: string;
}

interface SectionUrlFacts {
  /** External links outside reference subsections and snapshot `Source:` lines. */
  readonly links: readonly LocalLink[];
  /** Normalised URLs named by this section's snapshots. */
  readonly snapshotSources: readonly string[];
}

/** The host of an http(s) URL, lower case, without credentials or port; undefined for other schemes. */
export function urlHost(url: string): string | undefined {
  const match = /^https?:\/\//i.exec(url);
  if (!match) return undefined;
  let rest = url.slice(match[0].length);
  const cut = rest.search(/[/?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  rest = rest.slice(rest.lastIndexOf('@') + 1);
  if (rest.startsWith('[')) return rest.slice(0, rest.indexOf(']') + 1).toLowerCase();
  const colon = rest.indexOf(':');
  return (colon >= 0 ? rest.slice(0, colon) : rest).toLowerCase();
}

/** localhost, loopback addresses and the domains reserved for documentation. */
export function isLocalOrExampleHost(host: string): boolean {
  if (LOCAL_HOSTS.has(host) || /^127(?:\.\d{1,3}){3}$/.test(host)) return true;
  if (EXAMPLE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))) return true;
  return RESERVED_TLDS.has(host.slice(host.lastIndexOf('.') + 1));
}

export function normalizeUrl(url: string): string {
  const host = urlHost(url) ?? '';
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  let rest = url.slice(url.indexOf('://') + 3);
  const slash = rest.search(/[/?#]/);
  rest = slash >= 0 ? rest.slice(slash) : '';
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  while (rest.endsWith('/')) rest = rest.slice(0, -1);
  return `${scheme}://${host}${rest}`;
}

function isReferenceTitle(title: string): boolean {
  const normalized = normalizeTitle(title);
  return REFERENCE_TITLES.some((name) => normalized === name || normalized.startsWith(`${name} `));
}

const LEAD = /^\s{0,12}(?:[-*+]\s{1,4}|\d{1,3}[.)]\s{1,4})?(?:\*\*|__)?/;

function lineLabel(text: string): 'source' | 'retrieved' | undefined {
  const lead = LEAD.exec(text);
  const rest = text.slice(lead ? lead[0].length : 0, 40).toLowerCase();
  if (/^(?:source|url)s?(?:\*\*|__)?\s{0,2}:/.test(rest)) return 'source';
  if (/^retrieved(?: at| on)?(?:\*\*|__)?\s{0,2}:/.test(rest)) return 'retrieved';
  return undefined;
}

/** Lines of the section that sit under a `### See Also` / `### References` subheading. */
function referenceLines(section: Section): (line: number) => boolean {
  const regions: Array<[number, number]> = [];
  const headings = section.subheadings;
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i]!;
    if (!isReferenceTitle(heading.text)) continue;
    let end = lineCount(section);
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.level <= heading.level) {
        end = headings[j]!.line;
        break;
      }
    }
    regions.push([heading.line, end]);
  }
  return (line) => regions.some(([start, end]) => line >= start && line < end);
}

const urlFactsOf = memoizeBySection((section: Section): SectionUrlFacts => {
  const labels = new Map<number, 'source' | 'retrieved'>();
  const retrievedLines: number[] = [];
  const count = lineCount(section);
  for (let line = 0; line < count; line++) {
    const text = sectionLine(section, line);
    if (text.length === 0) continue;
    const label = lineLabel(text);
    if (!label) continue;
    labels.set(line, label);
    if (label === 'retrieved') retrievedLines.push(line);
  }
  const isSnapshotSource = (line: number): boolean =>
    labels.get(line) === 'source' && retrievedLines.some((retrieved) => Math.abs(retrieved - line) <= SNAPSHOT_SPAN);
  const inReferences = referenceLines(section);
  const links: LocalLink[] = [];
  const snapshotSources: string[] = [];
  for (const link of section.links) {
    const host = urlHost(link.url);
    if (host === undefined || host.length === 0 || isLocalOrExampleHost(host)) continue;
    const normalized = normalizeUrl(link.url);
    if (isSnapshotSource(link.line)) {
      snapshotSources.push(normalized);
      continue;
    }
    if (inReferences(link.line)) continue;
    links.push({ range: link.range, url: link.url, host, normalized });
  }
  return { links, snapshotSources };
});

function isReferenceSection(entry: ResolvedSection): boolean {
  return (entry.spec !== undefined && REFERENCE_KEYS.has(entry.spec.key)) || (entry.level > 0 && isReferenceTitle(entry.title));
}

/** External URLs outside See Also / References that no snapshot in the plan backs, in document order. */
export function findExternalDependencies(plan: { readonly sections: readonly ResolvedSection[] }): ExternalDependency[] {
  const snapshotted = new Set<string>();
  for (const entry of plan.sections) for (const source of urlFactsOf(entry.placed.section).snapshotSources) snapshotted.add(source);
  const found: ExternalDependency[] = [];
  for (const entry of plan.sections) {
    if (isReferenceSection(entry)) continue;
    const shift = entry.placed.line;
    for (const link of urlFactsOf(entry.placed.section).links) {
      if (snapshotted.has(link.normalized)) continue;
      const range: Range = {
        start: { line: link.range.start.line + shift, character: link.range.start.character },
        end: { line: link.range.end.line + shift, character: link.range.end.character },
      };
      found.push({ range, url: link.url, host: link.host, normalized: link.normalized });
    }
  }
  return found;
}
