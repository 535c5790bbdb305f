/**
 * The compiled match index: what the content script loads on every page, so
 * only what matching needs, keyed the way the matcher looks things up (the
 * page pays a JSON parse and two string splits; keys are hashed only on a
 * page that looks up many words).
 *
 * An entry is one number, `entity * 512 + flags * 8 + kind`, with a case
 * mask when the alias's words need anything but "starts with a capital"
 * (see text.ts CaseReq).
 */

export const K_NAME = 0; // the entity's main name
export const K_ALIAS = 1; // another full name or spelling
export const K_NATIVE = 2; // own-script name
export const K_SURNAME = 3; // a person's surname alone
export const K_DEMONYM = 4;
export const K_SEAT = 5; // capital or other seat standing for the government
export const K_BLOCK = 6; // a longer name that contains an entity's name but is not it ("East China Sea")

/** A country name that is also a common word or personal name (Jordan, Chad, Georgia): needs context. */
export const F_CAREFUL = 1;
/** A surname that may link after an office title ("President Xi") without the full name earlier: unique among tracked people and not a common surname. */
export const F_TITLE_OK = 2;
/** A surname that is also a month or weekday ("May"): links only right after a title or honorific. */
export const F_CALENDAR = 4;
/** A distinctive surname of a leader the news names by surname alone ("Putin said"): links with no full name on the page. */
export const F_PROMINENT = 8;
/** Held a head of state's or government's office: a CJK surname before a leader's title (岸田首相, 윤 대통령) may be theirs. */
export const F_LEADER = 16;
/** Held a foreign minister's office: a CJK surname before a foreign minister's title (茂木外相) may be theirs. */
export const F_FM = 32;

/**
 * Lookup tables as newline-joined strings: a JSON string parses an order of
 * magnitude faster than an object with thousands of keys, and entries are
 * decoded only when a key is hit.
 */
export interface MatchIndex {
  v: 3;
  asOf: string;
  /** Entity ids: countries (ISO3) first, then people, then organisations (English Wikipedia titles). */
  ids: string[];
  /** How many of `ids` are countries. */
  countries: number;
  /** The first organisation's entity number: people are those from `countries` up to it. */
  organisations: number;
  /**
   * Folded keys ("kang kyung wha", "u.s"), one per line, and also every
   * proper word-prefix of a longer key ("kang kyung"). One-word lines come
   * first, then the others; each group sorted (by UTF-16 code units).
   */
  keys: string;
  /** How many of the lines are one word (the matcher hashes those and binary-searches the rest). */
  single: number;
  /**
   * One line per line of `keys`: "" for a prefix only; else the entries,
   * space-separated, each a code with ":" and its case mask when the mask is
   * not all "U"; prefixed with "+" when the key is also a prefix of a longer one.
   */
  vals: string;
  /** Names in Han, kana or Hangul exactly as written, one per line. */
  cjk: string;
  /** Their entries, one line each, codes space-separated. */
  cjkVals: string;
}

/**
 * One entry of a key, its code's fields spelled out: the matcher reads them
 * for every hit, cold on every page (V8 has not optimised it yet, and does
 * not inline), where a decoder call per field costs.
 */
export interface DecodedEntry {
  code: number;
  mask: string | null;
  entity: number;
  kind: number;
  flags: number;
}

/** A key's entries as stored in `vals` (without the "+" prefix mark). */
export function decodeEntries(val: string): DecodedEntry[] {
  const out: DecodedEntry[] = [];
  for (const part of val.split(' ')) {
    if (!part) continue;
    const colon = part.indexOf(':');
    const code = Number(colon < 0 ? part : part.slice(0, colon));
    out.push({ code, mask: colon < 0 ? null : part.slice(colon + 1), entity: entryEntity(code), kind: entryKind(code), flags: entryFlags(code) });
  }
  return out;
}

/** Entity numbers step by this in a code: six flag bits and three kind bits below them. */
export const ENTITY_STEP = 512;

export function entryCode(entity: number, kind: number, flags = 0): number {
  return entity * ENTITY_STEP + flags * 8 + kind;
}

export function entryEntity(code: number): number {
  return Math.floor(code / ENTITY_STEP);
}

export function entryKind(code: number): number {
  return code & 7;
}

/** What an entity number names, given the index's bounds. */
export function entityKindOf(entity: number, bounds: { countries: number; organisations: number }): 'country' | 'person' | 'organisation' {
  return entity < bounds.countries ? 'country' : entity >= bounds.organisations ? 'organisation' : 'person';
}

export function entryFlags(code: number): number {
  return (code >> 3) & 63;
}
