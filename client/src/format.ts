/** How the client writes ages and picks icons for plan statuses (status bar and Plans view). */

/** Status groups, in the order the Plans view lists them. */
export type StatusGroup = 'IN_PROGRESS' | 'BLOCKED' | 'DRAFT' | 'PAUSED' | 'OTHER' | 'DONE' | 'ABANDONED' | 'NONE';

export const STATUS_GROUP_ORDER: readonly StatusGroup[] = ['IN_PROGRESS', 'BLOCKED', 'DRAFT', 'PAUSED', 'OTHER', 'DONE', 'ABANDONED', 'NONE'];

export const STATUS_GROUP_LABELS: Record<StatusGroup, string> = {
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  DRAFT: 'Draft',
  PAUSED: 'Paused',
  OTHER: 'Other status',
  DONE: 'Done',
  ABANDONED: 'Abandoned',
  NONE: 'No status',
};

/** Codicon per group; the status bar writes it as `$(name)`. */
export const STATUS_GROUP_ICONS: Record<StatusGroup, string> = {
  IN_PROGRESS: 'play-circle',
  BLOCKED: 'error',
  DRAFT: 'edit',
  PAUSED: 'debug-pause',
  OTHER: 'circle-outline',
  DONE: 'pass',
  ABANDONED: 'archive',
  NONE: 'checklist',
};

/** Theme colour per group for the Plans view icons; undefined keeps the default colour. */
export const STATUS_GROUP_COLORS: Partial<Record<StatusGroup, string>> = {
  IN_PROGRESS: 'charts.blue',
  BLOCKED: 'problemsErrorIcon.foreground',
  DONE: 'testing.iconPassed',
};

const SYNONYMS: Record<string, StatusGroup> = {
  IN_PROGRESS: 'IN_PROGRESS',
  ACTIVE: 'IN_PROGRESS',
  STARTED: 'IN_PROGRESS',
  LIVING: 'IN_PROGRESS',
  BLOCKED: 'BLOCKED',
  BLOCKING: 'BLOCKED',
  DRAFT: 'DRAFT',
  PLANNED: 'DRAFT',
  PROPOSED: 'DRAFT',
  PAUSED: 'PAUSED',
  ON_HOLD: 'PAUSED',
  DONE: 'DONE',
  COMPLETED: 'DONE',
  COMPLETE: 'DONE',
  CLOSED: 'DONE',
  SHIPPED: 'DONE',
  STABLE: 'DONE',
  ABANDONED: 'ABANDONED',
  CANCELLED: 'ABANDONED',
  CANCELED: 'ABANDONED',
};

/** The group a status value belongs to, whatever its spelling (`in-progress`, `IN_PROGRESS`, ...). */
export function statusGroup(status: string | undefined): StatusGroup {
  if (!status || !status.trim()) return 'NONE';
  const normalized = status.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return SYNONYMS[normalized] ?? 'OTHER';
}

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [365 * 24 * 3600_000, 'y'],
  [30 * 24 * 3600_000, 'mo'],
  [7 * 24 * 3600_000, 'w'],
  [24 * 3600_000, 'd'],
  [3600_000, 'h'],
  [60_000, 'min'],
];

/** A short age: `just now`, `5 min ago`, `3 h ago`, `2 d ago`; `in 5 min` for a time ahead. */
export function formatAge(epochMs: number, nowMs: number): string {
  const delta = nowMs - epochMs;
  const size = Math.abs(delta);
  for (const [unit, name] of UNITS) {
    if (size >= unit) {
      const amount = `${Math.floor(size / unit)} ${name}`;
      return delta >= 0 ? `${amount} ago` : `in ${amount}`;
    }
  }
  return 'just now';
}

/** `3 of 4 (75%)`, or `none to count` when there is nothing to count. */
export function formatCoverage(coverage: { covered: number; total: number }): string {
  if (coverage.total === 0) return 'none to count';
  return `${coverage.covered} of ${coverage.total} (${Math.round((coverage.covered / coverage.total) * 100)}%)`;
}

const MAX_SLUG_LENGTH = 60;

/** `Export reports as CSV!` -> `export-reports-as-csv`. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
}
