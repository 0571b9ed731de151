/** The server's view of the `execplan.*` settings, per document, with the defaults package.json declares. */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_PLAN_GLOBS } from './core/classify';
import type { SeveritySetting } from './core/rules/types';
import type { TimestampZone } from './core/features/timeFormat';
import { parseTimestampZone } from './core/features/edits/clock';

export interface ServerSettings {
  readonly enable: boolean;
  readonly files: readonly string[];
  readonly profile: string;
  readonly maxFileSize: number;
  /** Fixed delay before checking after a change, or null for the adaptive delay. */
  readonly validationDelay: number | null;
  /** Zone fixes and commands write times in: `utc` (with `Z`) or `local` (with a numeric offset). */
  readonly timestampZone: TimestampZone;
  /** Severity per rule code or name (`execplan.rules`), used when no config file applies. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
}

/** The largest `execplan.maxFileSize` honoured (50 MB), matching the manifest's maximum. */
export const MAX_FILE_SIZE_CAP = 50 * 1024 * 1024;

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  files: DEFAULT_PLAN_GLOBS,
  profile: 'auto',
  maxFileSize: 5 * 1024 * 1024,
  validationDelay: null,
  timestampZone: 'utc',
  rules: {},
};

const SEVERITY_SETTINGS: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];

interface RawSettings {
  enable?: unknown;
  files?: unknown;
  profile?: unknown;
  maxFileSize?: unknown;
  validation?: { delay?: unknown };
  timestampZone?: unknown;
  rules?: unknown;
}

/** Reads settings from the client, falling back to defaults for anything missing or malformed. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly clientHasConfiguration: () => boolean,
  ) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.clientHasConfiguration()) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'execplan' })
        .then((raw: RawSettings | null) => sanitize(raw ?? {}))
        .catch(() => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}

function sanitize(raw: RawSettings): ServerSettings {
  const files = Array.isArray(raw.files) && raw.files.every((item) => typeof item === 'string') ? (raw.files as string[]) : DEFAULT_SETTINGS.files;
  const delay = raw.validation?.delay;
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    files,
    profile: typeof raw.profile === 'string' ? raw.profile : DEFAULT_SETTINGS.profile,
    // Capped so a workspace setting cannot make the server parse arbitrarily large files.
    maxFileSize: typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0 ? Math.min(raw.maxFileSize, MAX_FILE_SIZE_CAP) : DEFAULT_SETTINGS.maxFileSize,
    validationDelay: typeof delay === 'number' && delay >= 0 ? Math.min(delay, 5000) : null,
    timestampZone: parseTimestampZone(raw.timestampZone),
    rules: sanitizeRules(raw.rules),
  };
}

/** Keeps the entries of `execplan.rules` that name a severity; anything else is left out. */
function sanitizeRules(raw: unknown): Record<string, SeveritySetting> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const rules: Record<string, SeveritySetting> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string' && SEVERITY_SETTINGS.includes(value)) rules[/^ep\d{3}$/i.test(key) ? key.toUpperCase() : key] = value as SeveritySetting;
  }
  return rules;
}
