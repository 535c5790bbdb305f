/**
 * The vocabulary every room shares: kinds of mention, the user's settings and
 * how stored values are read back, the messages between the extension's
 * parts, and the keys of its UI strings. Pure, and it imports nothing (types
 * of other rooms are named inline), so that matching, knowledge, page and UI
 * code depend on it and never on src/platform/, which holds only the code
 * that calls browser APIs. A lint rule keeps it so (eslint.config.js).
 *
 * Settings: a corrupt or unknown stored value falls back to that one
 * setting's default, and every other setting survives. Each setting lives
 * under its own storage key so a bad write to one can never take the others
 * with it.
 */
export type MentionKind = 'person' | 'country' | 'demonym' | 'capital' | 'organisation';
export const MENTION_KINDS: readonly MentionKind[] = ['person', 'country', 'demonym', 'capital', 'organisation'];

/** What an entity is: mentions of kind demonym and capital name a country. */
export type EntityKind = 'person' | 'country' | 'organisation';

export const SETTINGS_VERSION = 2;

export interface Settings {
  /** Highlights on every site. */
  enabled: boolean;
  /** Sites (see siteKey) where highlights are off. */
  disabledSites: string[];
  /** Which kinds of mention are highlighted. */
  kinds: Record<MentionKind, boolean>;
  /** Mark only the first mention of each person, country and organisation (Wikipedia's convention), not every one. */
  firstOnly: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: Object.freeze([]) as unknown as string[],
  kinds: Object.freeze({ person: true, country: true, demonym: true, capital: true, organisation: true }),
  firstOnly: false,
});

/** Storage keys, one per setting, plus the layout version. */
export const KEYS = { version: 'v', enabled: 'enabled', disabledSites: 'disabledSites', kinds: 'kinds', firstOnly: 'firstOnly' } as const;

/** storage.sync allows 8 KB per item; a few hundred sites fit well under it. Reading and writing share this bound and keep the newest. */
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
  // The same bound and the same end as withSite: the newest choices are kept on reading as on writing, so a
  // list stored over the bound (another device, an older version) reads as the list the next write keeps.
  const unique = [...new Set(keys.reverse())].reverse();
  return unique.slice(-MAX_DISABLED_SITES);
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
  // Version 2 adds organisations as a kind of mention: on, beside whatever the user chose for the others.
  1: (raw: Record<string, unknown>) => {
    const kinds = raw[KEYS.kinds];
    if (!kinds || typeof kinds !== 'object' || Array.isArray(kinds) || 'organisation' in kinds) return raw;
    return { ...raw, [KEYS.kinds]: { ...(kinds as Record<string, unknown>), organisation: true } };
  },
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
    firstOnly: typeof raw[KEYS.firstOnly] === 'boolean' ? (raw[KEYS.firstOnly] as boolean) : DEFAULT_SETTINGS.firstOnly,
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

// ---------------------------------------------------------------- messages between the extension's parts

export type DateSource = 'meta' | 'json-ld' | 'time' | 'url' | 'today';

export interface PageEntity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Mentions by kind of mention (a country is also mentioned through demonyms and capitals). */
  count: number;
  firstKind: MentionKind;
}

export interface PageSummary {
  url: string;
  date: string;
  dateSource: DateSource;
  entities: PageEntity[];
}

export interface SearchHit {
  id: string;
  kind: EntityKind;
  name: string;
  flag: string;
  /** A person's office on the date, or a country's capital and region. */
  detail: string;
  /** A person's office behind `detail` and whether they held it on the date. */
  role?: { status: 'serving' | 'former' | 'future'; office: OfficeRef } | null;
}

/** An office as a UI needs it to say "former X" or "later X (from …)" itself. */
export interface OfficeRef {
  title: string;
  start: string;
  end: string | null;
}

/** A page entity in one line: a person's office on the date, a country's leaders then. */
export interface EntityLine {
  name: string;
  /** The person's office on the date ("former …" / "later …" when out of office then); null for a country. */
  role: string | null;
  status: 'serving' | 'former' | 'future' | null;
  /** The office behind `role`, for a UI that words "former …" in its own language. */
  office: OfficeRef | null;
  /** The person's country's flag, or the country's own. */
  flag: string;
  /** A country's head of state and of government on the date (one name when the same person). */
  leaders: { name: string; title: string }[];
}

export interface RelatedEvents {
  before: import('./knowledge/cards').EventLine[];
  after: import('./knowledge/cards').EventLine[];
  names: Record<string, string>;
}

/** Requests answered by the background, with their replies. */
export interface BackgroundProtocol {
  card: { req: { entity: string; date: string }; res: import('./knowledge/cards').Card | null };
  describe: { req: { entities: string[]; date: string }; res: Record<string, EntityLine> };
  /** counts: the page's mentions per entity, which weigh the ranking. */
  related: { req: { entities: string[]; date: string; counts?: Record<string, number> }; res: RelatedEvents };
  search: { req: { query: string; date: string }; res: SearchHit[] };
  /** The part of the match index for a page's text, or for words it showed later (see src/matching/sub-index.ts), packed for the wire (unpackPart). */
  index: { req: { text?: string; words?: string[] }; res: import('./matching/sub-index').PackedPart };
  /** Add the card's code (entrypoints/card.ts) to the asking frame's isolated world; true once it ran there. */
  cardCode: { req: Record<string, never>; res: boolean };
}

/**
 * Where entrypoints/card.ts leaves the card's UI maker, on the global object of the isolated world it shares
 * with the content script: the page's own scripts live in another world and cannot see it.
 */
export const CARD_UI_SLOT = 'backstoryCardUi';

/** The built card code (entrypoints/card.ts) at the extension's root, as the background injects it and the bench weighs it. */
export const CARD_FILE = 'card.js';

/** Requests answered by a tab's content script. */
export interface TabProtocol {
  summary: { req: Record<string, never>; res: PageSummary };
  reveal: { req: { entity: string }; res: boolean };
  /** The keyboard command (manifest `commands`, relayed by the background): open the next or previous mention's card. */
  navigate: { req: { direction: NavigateDirection }; res: boolean };
}

export type NavigateDirection = 'next' | 'previous';

export type Message<P, K extends keyof P> = { type: K } & (P[K] extends { req: infer R } ? R : never);

// ---------------------------------------------------------------- UI strings

/** A key of the English messages file: a misspelt key fails the type check. */
export type MessageKey = keyof typeof import('../assets/public/_locales/en/messages.json');
export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessagesFile = Record<string, MessageEntry>;
