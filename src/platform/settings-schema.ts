/**
 * The user's settings and how stored values are read back. Pure: a corrupt
 * or unknown stored value falls back to that one setting's default, and every
 * other setting survives. Each setting lives under its own storage key so a
 * bad write to one can never take the others with it.
 */
export type MentionKind = 'person' | 'country' | 'demonym' | 'capital';
export const MENTION_KINDS: readonly MentionKind[] = ['person', 'country', 'demonym', 'capital'];

export const SETTINGS_VERSION = 1;

export interface Settings {
  /** Highlights on every site. */
  enabled: boolean;
  /** Hostnames where highlights are off. */
  disabledSites: string[];
  /** Which kinds of mention are highlighted. */
  kinds: Record<MentionKind, boolean>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  kinds: { person: true, country: true, demonym: true, capital: true },
});

/** Storage keys, one per setting, plus the layout version. */
export const KEYS = { version: 'v', enabled: 'enabled', disabledSites: 'disabledSites', kinds: 'kinds' } as const;

const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;

function readKinds(raw: unknown): Record<MentionKind, boolean> {
  const out = { ...DEFAULT_SETTINGS.kinds };
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const k of MENTION_KINDS) {
      const v = (raw as Record<string, unknown>)[k];
      if (typeof v === 'boolean') out[k] = v;
    }
  }
  return out;
}

function readSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((s): s is string => typeof s === 'string' && HOST.test(s.toLowerCase())).map((s) => s.toLowerCase()))];
}

/**
 * Migrations from older layouts, keyed by the version they upgrade from.
 * Version 0 is "no version key": whatever was stored is read as version 1.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  0: (raw) => raw,
};

export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let version = typeof raw[KEYS.version] === 'number' ? (raw[KEYS.version] as number) : 0;
  // A newer or nonsense version cannot be read safely: keep what parses per setting.
  if (!Number.isInteger(version) || version > SETTINGS_VERSION || version < 0) return raw;
  let data = raw;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    data = step(data);
    version++;
  }
  return data;
}

export function parseSettings(stored: unknown): Settings {
  const raw = stored && typeof stored === 'object' && !Array.isArray(stored) ? migrate(stored as Record<string, unknown>) : {};
  return {
    enabled: typeof raw[KEYS.enabled] === 'boolean' ? (raw[KEYS.enabled] as boolean) : DEFAULT_SETTINGS.enabled,
    disabledSites: readSites(raw[KEYS.disabledSites]),
    kinds: readKinds(raw[KEYS.kinds]),
  };
}

/** Whether highlights of `kind` show on `host` under these settings. */
export function showsKind(s: Settings, host: string, kind: MentionKind): boolean {
  return s.enabled && !s.disabledSites.includes(host.toLowerCase()) && s.kinds[kind];
}

export function siteEnabled(s: Settings, host: string): boolean {
  return s.enabled && !s.disabledSites.includes(host.toLowerCase());
}
