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
  /** Sites (see siteKey) where highlights are off. */
  disabledSites: string[];
  /** Which kinds of mention are highlighted. */
  kinds: Record<MentionKind, boolean>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: Object.freeze([]) as unknown as string[],
  kinds: Object.freeze({ person: true, country: true, demonym: true, capital: true }),
});

/** Storage keys, one per setting, plus the layout version. */
export const KEYS = { version: 'v', enabled: 'enabled', disabledSites: 'disabledSites', kinds: 'kinds' } as const;

/** storage.sync allows 8 KB per item; a few hundred sites fit well under it. */
export const MAX_DISABLED_SITES = 300;

const SITE = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

/**
 * The key a site is remembered by: the lower-cased host name without port,
 * trailing dot or a leading "www.", so "https://www.example.com:8443/x",
 * "example.com" and "Example.COM." are one site. Accepts a host or a URL.
 * Returns null for anything that is not a web host.
 */
export function siteKey(hostOrUrl: string): string | null {
  let host = hostOrUrl.trim().toLowerCase();
  if (host.includes('://')) {
    try {
      const url = new URL(host);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      host = url.hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/:\d{1,5}$/, '').replace(/\.$/, '').replace(/^www\./, '');
  return host.length > 0 && host.length <= 253 && SITE.test(host) ? host : null;
}

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
  const keys = raw.map((s) => (typeof s === 'string' ? siteKey(s) : null)).filter((s): s is string => s !== null);
  return [...new Set(keys)].slice(0, MAX_DISABLED_SITES);
}

export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from older layouts, keyed by the version they upgrade from; each
 * returns the layout of the next version. Version 0 is "no version key":
 * nothing older than version 1 was ever released, so it reads as version 1.
 * A future change of layout bumps SETTINGS_VERSION and adds the step here.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = Object.freeze({
  0: (raw: Record<string, unknown>) => raw,
});

/** The stored layout version: 0 when there is none. */
export function storedVersion(raw: Record<string, unknown>): number {
  const v = raw[KEYS.version];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

export function migrate(raw: Record<string, unknown>, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, target = SETTINGS_VERSION): Record<string, unknown> {
  let version = storedVersion(raw);
  // A newer layout (written by a later release, synced here) cannot be upgraded: keep what parses per setting.
  if (version >= target) return raw;
  let data = raw;
  while (version < target) {
    const step = migrations[version];
    if (!step) break;
    try {
      data = step(data);
    } catch {
      // A step that chokes on corrupt data must not cost the settings that still parse.
      break;
    }
    version++;
  }
  return { ...data, [KEYS.version]: version };
}

export function parseSettings(stored: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): Settings {
  const raw = stored && typeof stored === 'object' && !Array.isArray(stored) ? migrate(stored as Record<string, unknown>, migrations) : {};
  return {
    enabled: typeof raw[KEYS.enabled] === 'boolean' ? (raw[KEYS.enabled] as boolean) : DEFAULT_SETTINGS.enabled,
    disabledSites: readSites(raw[KEYS.disabledSites]),
    kinds: readKinds(raw[KEYS.kinds]),
  };
}

/** Whether highlights of `kind` show on `host` (a host or URL) under these settings. */
export function showsKind(s: Settings, host: string | (() => string), kind: MentionKind): boolean {
  return siteEnabled(s, host) && s.kinds[kind];
}

/**
 * Whether highlights show at all on `host` (a host or URL). The host may come
 * as a function, asked only when some site is switched off: reading the
 * page's location costs a content script more than a small page's matching.
 */
export function siteEnabled(s: Settings, host: string | (() => string)): boolean {
  if (!s.enabled) return false;
  if (!s.disabledSites.length) return true;
  const key = siteKey(typeof host === 'function' ? host() : host);
  return s.enabled && (key === null || !s.disabledSites.includes(key));
}

/** The disabled-site list after switching `host` on or off; unchanged for a host that is not a web site. */
export function withSite(sites: readonly string[], host: string, on: boolean): string[] {
  const key = siteKey(host);
  if (key === null) return [...sites];
  const rest = sites.filter((s) => s !== key);
  return on ? rest : [...rest, key].slice(-MAX_DISABLED_SITES);
}
