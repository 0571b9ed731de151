/**
 * Which addresses are fine in a plan: the plan's own owners, documentation domains reserved for
 * examples, machine senders, and whatever the rule options allow.
 */

/** Domains reserved for documentation and tests (RFC 2606, RFC 6761). */
const EXAMPLE_DOMAINS = ['example.com', 'example.org', 'example.net'];
const EXAMPLE_TLDS = new Set(['example', 'test', 'invalid', 'localhost', 'local']);
/** Local parts of addresses that send mail on their own and belong to no person. */
const MACHINE_SENDERS = new Set(['noreply', 'no-reply', 'donotreply', 'do-not-reply', 'notifications', 'git', 'mailer-daemon', 'postmaster']);
const MACHINE_DOMAIN_SUFFIXES = ['noreply.github.com'];

export interface EmailAllowlist {
  /** Full addresses, lower case. */
  readonly addresses: ReadonlySet<string>;
  /** Domains (each also covers its subdomains), lower case, without `@`. */
  readonly domains: readonly string[];
  /** Owner ids: an address whose local part is one of them is the owner's own. */
  readonly ownerIds: ReadonlySet<string>;
}

/** Builds the allowlist from the frontmatter `owner` value and the rule's `allow` option. */
export function buildEmailAllowlist(owner: unknown, allow: unknown): EmailAllowlist {
  const addresses = new Set<string>();
  const domains: string[] = [];
  const ownerIds = new Set<string>();
  for (const id of stringsOf(owner)) {
    const lower = id.toLowerCase();
    if (lower.includes('@')) addresses.add(lower);
    else ownerIds.add(lower);
  }
  for (const entry of stringsOf(allow)) {
    const lower = entry.toLowerCase().trim();
    if (lower.startsWith('@')) domains.push(lower.slice(1));
    else if (lower.includes('@')) addresses.add(lower);
    else if (lower.length > 0) domains.push(lower);
  }
  return { addresses, domains, ownerIds };
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[,;]/).map((part) => part.trim()).filter((part) => part.length > 0);
  if (Array.isArray(value)) return value.flatMap((item) => stringsOf(item));
  return [];
}

function inDomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/** True when the address may stay in the plan. */
export function isAllowedEmail(address: string, allowlist: EmailAllowlist): boolean {
  const lower = address.toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at);
  const domain = lower.slice(at + 1);
  if (allowlist.addresses.has(lower) || allowlist.ownerIds.has(local)) return true;
  if (MACHINE_SENDERS.has(local) || local.startsWith('noreply') || MACHINE_DOMAIN_SUFFIXES.some((suffix) => inDomain(domain, suffix))) return true;
  if (EXAMPLE_DOMAINS.some((example) => inDomain(domain, example))) return true;
  if (EXAMPLE_TLDS.has(domain.slice(domain.lastIndexOf('.') + 1))) return true;
  return allowlist.domains.some((allowed) => inDomain(domain, allowed));
}

/** What the finding shows of an address or number: enough to find it, not enough to reuse it. */
export function maskPersonalData(kind: 'email' | 'phone', value: string): string {
  if (kind === 'email') {
    const at = value.lastIndexOf('@');
    return `${value.slice(0, 1)}…${value.slice(at)}`;
  }
  const digits = value.replace(/\D/g, '');
  return `…${digits.slice(-2)}`;
}
