/**
 * External URLs a plan depends on. A plan must be executable from its own text: a URL outside See
 * Also / References is an external dependency unless the plan holds a snapshot of what it says
 * (a `Retrieved:` line near a `Source: <url>` line). Local and documentation addresses are fine.
 */
import type { Link, PlacedSection, Range, Section } from '../model/types';
import { itemsOnLine, replaceLineResults } from '../model/lineage';
import type { ResolvedSection } from '../rules/types';
import { memoizeBySection, memoizeByText } from './sectionMemo';
import { lineCount, normalizeTitle, sectionLine } from './sectionLines';
import { linesMatching } from './lineFilter';
import { holdsFolded } from '../model/bareUrls';
import { EMPTY_LIST } from '../emptyList';

/** Section titles (normalised) whose links are reading material, not dependencies. */
const REFERENCE_TITLES = ['see also', 'references', 'reference', 'sources', 'further reading', 'bibliography', 'external references', 'external links', 'links'];
const REFERENCE_KEYS = new Set(['see-also', 'references']);
/** How many lines apart a `Source:` and a `Retrieved:` line may be and still form one snapshot. */
const SNAPSHOT_SPAN = 6;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);
const EXAMPLE_DOMAINS = ['example.com', 'example.org', 'example.net'];
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost']);

/** One external URL occurrence, in the local lines of its section. */
export interface ExternalLink {
  readonly line: number;
  readonly range: Range;
  readonly url: string;
  readonly host: string;
  readonly normalized: string;
}

interface SectionUrlFacts {
  /** External links outside reference subsections and snapshot `Source:` lines. */
  readonly links: readonly ExternalLink[];
  /** Normalised URLs named by this section's snapshots, with their lines. */
  readonly snapshotSources: readonly SnapshotSource[];
  /**
   * Local lines labelled `Retrieved:`, ascending; {@link NOT_READ} until a link that is not local
   * needs them (most sections have none), and while the section has none.
   */
  readonly retrieved: readonly number[];
}

interface SnapshotSource {
  readonly line: number;
  readonly normalized: string;
}

/** The host of an http(s) URL, lower case, without credentials or port; undefined for other schemes. */
export function urlHost(url: string): string | undefined {
  // Read in one pass, in place: this runs for every link of every section.
  const from = authorityStart(url);
  if (from === 0) return undefined;
  let to = from;
  // The last `@` before the path ends the credentials.
  let at = -1;
  for (; to < url.length; to++) {
    const code = url.charCodeAt(to);
    if (endsAuthority(code)) break;
    if (code === 0x40 /* @ */) at = to;
  }
  const start = at >= 0 ? at + 1 : from;
  if (url.charCodeAt(start) === 0x5b /* [ */) {
    const close = url.indexOf(']', start);
    return close >= 0 && close < to ? url.slice(start, close + 1).toLowerCase() : '';
  }
  let end = start;
  while (end < to && url.charCodeAt(end) !== 0x3a /* : */) end++;
  return url.slice(start, end).toLowerCase();
}

/** Where the authority of an `http://` or `https://` URL (in any case) starts; 0 for other URLs. */
function authorityStart(url: string): number {
  if (!holdsFolded(url, 0, 'http')) return 0;
  const afterS = (url.charCodeAt(4) | 0x20) === 0x73 /* s */ ? 5 : 4;
  return url.startsWith('://', afterS) ? afterS + 3 : 0;
}

function endsAuthority(code: number): boolean {
  return code === 0x2f /* / */ || code === 0x3f /* ? */ || code === 0x23 /* # */;
}

/** localhost, loopback addresses and the domains reserved for documentation. */
export const isLocalOrExampleHost = memoizeByText((host: string): boolean => {
  if (LOCAL_HOSTS.has(host) || /^127(?:\.\d{1,3}){3}$/.test(host)) return true;
  if (EXAMPLE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))) return true;
  return RESERVED_TLDS.has(host.slice(host.lastIndexOf('.') + 1));
});

export function normalizeUrl(url: string, host = urlHost(url) ?? ''): string {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  // The path, query and fragment start at the first `/`, `?` or `#` after the authority.
  const authority = url.indexOf('://') + 3;
  let pathStart = authority;
  while (pathStart < url.length && !endsAuthority(url.charCodeAt(pathStart))) pathStart++;
  let pathEnd = url.indexOf('#', pathStart);
  if (pathEnd < 0) pathEnd = url.length;
  while (pathEnd > pathStart && url.charCodeAt(pathEnd - 1) === 0x2f /* / */) pathEnd--;
  return `${scheme}://${host}${url.slice(pathStart, pathEnd)}`;
}

/** Asked for every section and subheading on every lint; the same few titles recur. */
const isReferenceTitle = memoizeByText((title: string): boolean => {
  const normalized = normalizeTitle(title);
  return REFERENCE_TITLES.some((name) => normalized === name || normalized.startsWith(`${name} `));
});

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
  if (regions.length === 0) return () => false;
  return (line) => regions.some(([start, end]) => line >= start && line < end);
}

/** A `Retrieved:` label holds this word, so lines without it need no closer look. */
const RETRIEVED_PREFILTER = /retrieved/gi;

/** Local lines labelled `Retrieved:`, ascending. */
function retrievedLines(section: Section): number[] {
  return linesMatching(section, [RETRIEVED_PREFILTER]).filter((line) => lineLabel(sectionLine(section, line)) === 'retrieved');
}

/** A `Source:` line with a `Retrieved:` line near it names what a snapshot in the plan says. */
function isSnapshotSource(section: Section, line: number, retrieved: readonly number[]): boolean {
  return retrieved.some((other) => Math.abs(other - line) <= SNAPSHOT_SPAN) && lineLabel(sectionLine(section, line)) === 'source';
}

/**
 * Stands for `Retrieved:` lines not read yet; read once a section's first external link needs them.
 * A list of its own, told apart by identity; not frozen, for the reason `EMPTY_LIST` gives.
 */
const NOT_READ: readonly number[] = [];

/** What a section without links says; shared, since most sections have none. */
const NO_URL_FACTS: SectionUrlFacts = Object.freeze({ links: EMPTY_LIST, snapshotSources: EMPTY_LIST, retrieved: EMPTY_LIST });

/** The URL facts of a section; a section without links needs no reading and no entry of its own. */
function urlFactsOf(section: Section): SectionUrlFacts {
  return section.links.length === 0 ? NO_URL_FACTS : urlFactsOfLinked(section);
}

const urlFactsOfLinked = memoizeBySection(
  (section: Section): SectionUrlFacts => {
    const facts = { links: [] as ExternalLink[], snapshotSources: [] as SnapshotSource[], retrieved: NOT_READ };
    readLinks(section, section.links, facts);
    return facts;
  },
  // After typing inside a line that is not (and was not) a `Retrieved:` line, no other line's links
  // change their reading: only the edited line's links are read again.
  (previous, section, { previous: old, line }) => {
    if (lineLabel(sectionLine(section, line)) === 'retrieved' || lineLabel(sectionLine(old, line)) === 'retrieved') return undefined;
    const facts = { links: [] as ExternalLink[], snapshotSources: [] as SnapshotSource[], retrieved: previous.retrieved };
    readLinks(section, itemsOnLine(section.links, line), facts);
    return {
      links: replaceLineResults(previous.links, line, facts.links, (link) => link.line),
      snapshotSources: replaceLineResults(previous.snapshotSources, line, facts.snapshotSources, (source) => source.line),
      retrieved: facts.retrieved,
    };
  },
);

/** Sorts `links` of the section into snapshot sources and external links, skipping local and reference ones. */
function readLinks(section: Section, links: readonly Link[], facts: { links: ExternalLink[]; snapshotSources: SnapshotSource[]; retrieved: readonly number[] }): void {
  let inReferences: ((line: number) => boolean) | undefined;
  for (const link of links) {
    const host = urlHost(link.url);
    if (host === undefined || host.length === 0 || isLocalOrExampleHost(host)) continue;
    if (facts.retrieved === NOT_READ) facts.retrieved = retrievedLines(section);
    const normalized = normalizeUrl(link.url, host);
    if (facts.retrieved.length > 0 && isSnapshotSource(section, link.line, facts.retrieved)) {
      facts.snapshotSources.push({ line: link.line, normalized });
      continue;
    }
    inReferences ??= referenceLines(section);
    if (inReferences(link.line)) continue;
    facts.links.push({ line: link.line, range: link.range, url: link.url, host, normalized });
  }
}

function isReferenceSection(entry: ResolvedSection): boolean {
  return (entry.spec !== undefined && REFERENCE_KEYS.has(entry.spec.key)) || (entry.level > 0 && isReferenceTitle(entry.title));
}

/**
 * Calls `visit` with each section's external URLs outside See Also / References that no snapshot
 * in the plan backs, in document order. While a section's links and the plan's snapshot sources
 * stay the same, `links` is the same array on every call, so a caller can keep what it derives.
 */
export function forEachExternalDependency(plan: { readonly sections: readonly ResolvedSection[] }, visit: (links: readonly ExternalLink[], placed: PlacedSection) => void): void {
  const snapshotted = new Set<string>();
  for (const entry of plan.sections) for (const source of urlFactsOf(entry.placed.section).snapshotSources) snapshotted.add(source.normalized);
  const signature = snapshotted.size === 0 ? '' : [...snapshotted].sort().join('\n');
  for (const entry of plan.sections) {
    if (isReferenceSection(entry)) continue;
    const links = urlFactsOf(entry.placed.section).links;
    if (links.length === 0) continue;
    visit(snapshotted.size === 0 ? links : unbacked(links, snapshotted, signature), entry.placed);
  }
}

/**
 * A section's links that no snapshot backs, kept with its list of links while the plan's snapshot
 * sources stay the same: a keystroke elsewhere then hands the caller the same array as before.
 */
const unbackedLinks = new WeakMap<readonly ExternalLink[], { readonly signature: string; readonly links: readonly ExternalLink[] }>();

function unbacked(links: readonly ExternalLink[], snapshotted: ReadonlySet<string>, signature: string): readonly ExternalLink[] {
  const known = unbackedLinks.get(links);
  if (known && known.signature === signature) return known.links;
  const kept = links.filter((link) => !snapshotted.has(link.normalized));
  unbackedLinks.set(links, { signature, links: kept });
  return kept;
}
