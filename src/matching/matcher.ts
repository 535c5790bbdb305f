/**
 * The matching engine. One left-to-right pass over a block's text: a regular
 * expression skips lower-case words; a word that starts with a capital is
 * folded and looked up among the one-word keys (and prefixes of longer keys),
 * and only on a hit are the following words read and the longer keys tried,
 * longest first; context rules then decide. Han and Hangul text (no spaces)
 * is looked up character by character in a table of names by first
 * character. The cost is linear in the text: each position is read a bounded
 * number of times, and each lookup is a hash or a binary search, whatever the
 * number of aliases.
 */
import type { LateMention, Mention, MatchHow, PageMatcher, PartMatcher } from './types';
import type { IndexPart } from './sub-index';
import {
  decodeEntries, type DecodedEntry, entityKindOf, entryEntity, entryFlags, entryKind, F_CALENDAR, F_CAREFUL, F_PROMINENT, F_TITLE_OK, K_ALIAS, K_BLOCK, K_DEMONYM, K_NAME, K_NATIVE, K_SEAT,
  K_SURNAME, type MatchIndex,
} from './format';
import {
  C, cls, foldWord, isApostrophe, isHyphen, isSpaceCode, isWordClass, isWordCode, lastSeparator, separatorAt, SHAPE_ALL_CAPS, SHAPE_CAPITAL, shapeBits, shapeOf, wordEnd,
} from './text';
import {
  ADVERBS, CALENDAR, FEATURE_AFTER, FEATURE_BEFORE, FEATURE_OF, FUNCTION_WORDS, GEORGIA_COUNTRY_CUES, GOVERNMENT_BEFORE, GOVERNMENT_FROM_TO, GOVERNMENT_COMPOUNDS, GOVERNMENT_NOUNS, GOVERNMENT_OBJECT_OF, GOVERNMENT_VERBS,
  AUXILIARIES, DETERMINERS, GOVERNMENT_OF, GOVERNMENT_ON, PAST_VERBS, PERSON_GOVERNMENT_NOUNS, PLACE_OBJECT_VERBS, PLACE_POSSESSED, HONORIFICS, ORG_NEEDS_THE, PLACE_PREDICATES, ORG_OTHER_SENSES, ORG_WORD_ACRONYMS, LOCATIVES, MOTION_BEFORE_FOR, OFFICE_TITLES, PLACE_BEFORE, RELATION_NOUNS, TITLE_WORDS, US_STATE_CUES, US_STATE_KEYS, WORD_ACRONYMS,
} from './rules';
import { F_FM, F_LEADER } from './format';
import { type Compound, hanCompound, hangulCompound, hangulWordEnds, hasKana, katakanaBounded, mayStartCompound, officialEnd, titleAfter, TITLE_FM, TITLE_GENERIC, TITLE_LEADER } from './cjk';

/**
 * The index ready for lookups; built once per index object and shared by
 * every page matcher. Hashing a few thousand keys would be most of the cost
 * of a small page, so words are first looked up by binary search in the
 * sorted key lines, and only a page that looks up many words pays for a Map.
 */
class Tables {
  readonly ids: string[];
  readonly countries: number;
  readonly organisations: number;
  private readonly index: MatchIndex;
  private cjkByChar: Map<number, [string, number[]][]> | null = null;
  private readonly ks: string[];
  private readonly vs: string[];
  private readonly single: number;
  private words: Map<string, string> | null = null;
  private phrases: Map<string, string> | null = null;
  private wordLookups = 0;
  private phraseLookups = 0;
  private readonly decoded = new Map<string, DecodedEntry[]>();

  /** With a part of the index (see sub-index.ts): words looked up and not found, which a later part may answer. */
  readonly missed: Set<string> | null;

  constructor(index: MatchIndex | IndexPart) {
    this.countries = index.countries;
    // An index made before organisations were known has none: every entity past the countries is a person.
    this.organisations = typeof index.organisations === 'number' ? index.organisations : Number.MAX_SAFE_INTEGER;
    this.ks = index.keys ? index.keys.split('\n') : [];
    this.vs = index.vals ? index.vals.split('\n') : [];
    this.single = Math.min(index.single ?? 0, this.ks.length);
    if (isPart(index)) {
      // A part is small and grows: hash it at once, and take later parts into the same maps.
      this.ids = [];
      this.index = { ...index, ids: [] };
      this.missed = new Set();
      this.words = new Map();
      this.phrases = new Map();
      this.cjkLines = { names: [], vals: [] };
      this.extend(index);
    } else {
      this.ids = index.ids;
      this.index = index;
      this.missed = null;
    }
  }

  private cjkLines: { names: string[]; vals: string[] } | null = null;
  /** Missed words already handed out to be asked for: asked once, whatever the answer. */
  private readonly asked = new Set<string>();

  /** The words missed since the last call, each handed out once. */
  takeMissed(): string[] {
    if (!this.missed || this.missed.size === 0) return [];
    const out = [...this.missed];
    for (const w of out) this.asked.add(w);
    this.missed.clear();
    return out;
  }

  /** Takes in a further part of the index: its keys, its entities, its Han and Hangul names. */
  extend(part: IndexPart): void {
    if (!this.words || !this.phrases || !this.cjkLines) return;
    for (const [n, id] of part.ids) this.ids[n] = id;
    const ks = part.keys ? part.keys.split('\n') : [];
    const vs = part.vals ? part.vals.split('\n') : [];
    for (let i = 0; i < ks.length; i++) {
      (i < part.single ? this.words : this.phrases).set(ks[i]!, vs[i] ?? '');
      this.missed?.delete(ks[i]!);
    }
    if (part.cjk) {
      this.cjkLines.names.push(...part.cjk.split('\n'));
      this.cjkLines.vals.push(...part.cjkVals.split('\n'));
      this.cjkByChar = null;
    }
  }

  /** First character code -> [name, entry codes], longest name first; made when a page first shows Han or Hangul (most never do). */
  get cjk(): Map<number, [string, number[]][]> {
    if (this.cjkByChar) return this.cjkByChar;
    const map = new Map<number, [string, number[]][]>();
    const names = this.cjkLines ? this.cjkLines.names : this.index.cjk ? this.index.cjk.split('\n') : [];
    const nameVals = this.cjkLines ? this.cjkLines.vals : this.index.cjkVals.split('\n');
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const c = name.charCodeAt(0);
      const list = map.get(c) ?? [];
      list.push([name, (nameVals[i] ?? '').split(' ').map(Number)]);
      map.set(c, list);
    }
    for (const list of map.values()) list.sort((x, y) => y[0].length - x[0].length);
    return (this.cjkByChar = map);
  }

  /** The `vals` line (see format.ts) of a one-word key or key prefix, or undefined. */
  word(key: string): string | undefined {
    if (this.words) {
      const v = this.words.get(key);
      if (v === undefined && this.missed && !this.asked.has(key) && this.missed.size < MAX_MISSED) this.missed.add(key);
      return v;
    }
    if (++this.wordLookups > LOOKUPS_BEFORE_MAP) {
      this.words = this.hash(0, this.single);
      return this.words.get(key);
    }
    return this.search(key, 0, this.single - 1);
  }

  /** The `vals` line of a key or prefix of several words, or undefined. */
  phrase(key: string): string | undefined {
    if (this.phrases) return this.phrases.get(key);
    if (++this.phraseLookups > LOOKUPS_BEFORE_MAP) {
      this.phrases = this.hash(this.single, this.ks.length);
      return this.phrases.get(key);
    }
    return this.search(key, this.single, this.ks.length - 1);
  }

  /** A `vals` line's entries (without the "+" prefix mark), decoded once. */
  entries(val: string): DecodedEntry[] {
    // Keyed by the line as stored (its hash is computed once), not by a fresh slice per lookup.
    let list = this.decoded.get(val);
    if (!list) {
      list = decodeEntries(val.charCodeAt(0) === 43 ? val.slice(1) : val);
      this.decoded.set(val, list);
    }
    return list;
  }

  private hash(from: number, to: number): Map<string, string> {
    const m = new Map<string, string>();
    for (let i = from; i < to; i++) m.set(this.ks[i]!, this.vs[i] ?? '');
    return m;
  }

  private search(key: string, lo: number, hi: number): string | undefined {
    const ks = this.ks;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = ks[mid]!;
      if (v === key) return this.vs[mid] ?? '';
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

/** About the number of capitalised words in a 30 KB article: past that, hashing the keys once is cheaper than searching. */
const LOOKUPS_BEFORE_MAP = 1500;

const tablesCache = new WeakMap<MatchIndex, Tables>();

/** Words a page's matcher remembers having missed, at most (a page of endless new words must not grow it without end). */
const MAX_MISSED = 50_000;

function isPart(index: MatchIndex | IndexPart): index is IndexPart {
  // A whole index lists every country's id first; a part lists [number, id] pairs, or nothing.
  return index.ids.length === 0 || Array.isArray(index.ids[0]);
}

const NO_MENTIONS: readonly Mention[] = Object.freeze([]);
const NO_LATE: readonly LateMention[] = Object.freeze([]);

function tablesOf(index: MatchIndex): Tables {
  let t = tablesCache.get(index);
  if (!t) {
    t = new Tables(index);
    tablesCache.set(index, t);
  }
  return t;
}

/**
 * Where the scan must look: an ASCII capital that starts a word, or a
 * character outside ASCII that may be part of a word. The punctuation and
 * spaces of text.ts's table (curly quotes, dashes, no-break spaces, CJK and
 * full-width punctuation, Latin-1 symbols) can start no name: stopping at each
 * cost a call and a class look-up per quote mark.
 */
export const STOPS = /(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*|[^\x00-\x7f\xa0-\xa9\xab\xac\xae-\xb4\xb6-\xb9\xbb-\xbf\xd7\xf7\u2000-\u200a\u200e-\u205f\u2061-\u206f\u3000-\u3004\u3008-\u303f\uff01-\uff0f]/g;

/** Character codes of the case mask letters that constrain a word (see text.ts CaseReq). */
const REQ_UPPER = 85; // 'U'
const REQ_ACRONYM = 65; // 'A'
/** Marks a word's shape bits as computed. */
const SHAPE_KNOWN = 4;

/** Words longer than this are not names (and would only cost time). */
const MAX_WORD = 40;

interface Word {
  s: number;
  e: number;
}

/** A surname alone, read before anyone it could name was named in full. */
interface Pending {
  block: unknown;
  start: number;
  end: number;
  text: string;
  codes: number[];
  /** After an office title or honorific: a surname that is also a calendar word ("May") may then be linked. */
  titled: boolean;
  /** Its place in the page's text as matched so far. */
  at: number;
}

/**
 * How soon after a surname alone the person's full name must come to name it:
 * a headline and a story's first paragraphs, not a page further down, where
 * the surname is as likely someone else's.
 */
const LATE_REACH = 3000;
/** Surnames kept waiting at most (a page of many surnames nobody names). */
const MAX_PENDING = 64;

/** The word ending just before `s`, across spaces only (a name's neighbour), or null. */
function prevWord(text: string, s: number): Word | null {
  let p = s;
  let gap = 0;
  while (p > 0 && isSpaceCode(text.charCodeAt(p - 1)) && gap < 8) {
    p--;
    gap++;
  }
  if (gap === 0 || p === 0 || !isWordCode(text.charCodeAt(p - 1))) return null;
  const e = p;
  while (p > 0 && e - p < MAX_WORD && isWordCode(text.charCodeAt(p - 1))) p--;
  return { s: p, e };
}

/** The word starting after `e` across spaces only, or null. */
function nextWord(text: string, e: number): Word | null {
  let p = e;
  const n = text.length;
  while (p < n && isSpaceCode(text.charCodeAt(p)) && p - e < 8) p++;
  if (p === e || p >= n || !isWordCode(text.charCodeAt(p))) return null;
  return { s: p, e: Math.min(wordEnd(text, p), p + MAX_WORD) };
}

function fold(text: string, w: Word): string {
  return foldWord(text.slice(w.s, w.e));
}

/** How far a list of places may run from one to the next. */
const PLACE_LIST_REACH = 60;
/** Between two places of a list: commas, "and"/"or", and other capitalised names ("Panama City"). */
const PLACE_LIST_GLUE = /^(?:\s*(?:,|and\b|or\b|&)\s*|\s*[A-Z][\w.'’-]*)*\s*$/;

function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** A hyphen or an en dash joining two names ("Beijing-Tokyo", "Seoul–Washington"). */
function isPairDash(c: number): boolean {
  return isHyphen(c) || c === 0x2013;
}

/** Headlines are short; a block this long is prose, whatever its capitals. */
const HEADLINE_MAX = 200;

/** A short block of one sentence at most: a headline (or a deck or caption). */
function isHeadline(text: string): boolean {
  return text.length <= HEADLINE_MAX && !/[.!?]["”’]?\s+[A-Z]/.test(text);
}

/** A short block whose longer words nearly all start with a capital: a headline in Title Case. */
function isTitleCase(text: string): boolean {
  if (text.length > HEADLINE_MAX) return false;
  let words = 0;
  let capitals = 0;
  for (const m of text.matchAll(/[A-Za-z]{4,}/g)) {
    words++;
    if (isAsciiUpper(m[0].charCodeAt(0))) capitals++;
  }
  return words >= 3 && capitals >= words * 0.75;
}

/** Whether the text at `p` is a possessive "'s" / "’s". */
function possessiveAt(text: string, p: number): boolean {
  return isApostrophe(text.charCodeAt(p)) && (text.charCodeAt(p + 1) | 32) === 115 && !isWordCode(text.charCodeAt(p + 2) || 32);
}

class Matcher implements PartMatcher {
  /** People named in full on this page (entity positions), and where on the page they last were. */
  private named = new Map<number, number>();
  /**
   * People whose surname the page last wrote as part of someone else's name
   * ("Kim Yo Jong" after "Kim Jong Un"), and where: until the person is named
   * in full again, their surname alone is as likely the other's.
   */
  private shadowed = new Map<number, number>();
  // Per block: the last match, so a neighbour that belongs to it is not read as part of a longer name.
  private lastStart = -1;
  private lastEnd = -1;
  private lastGovEnd = -1;
  /** Per block: the end of the last capital read as a place. */
  private lastPlaceEnd = -1;
  private text = '';
  private out: Mention[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Per word read by candidate(): its shape bits, or 0 before they are needed. */
  private readonly shapes: number[] = [];
  private readonly hitLen: number[] = [];
  private readonly hitVal: string[] = [];
  private pending: Pending[] = [];
  /** Per person: how many waiting surnames could be theirs. */
  private readonly waitingFor = new Map<number, number>();
  private late: LateMention[] = [];
  /** The caller's handle for the block being matched (undefined: no late mentions are made in it). */
  private block: unknown = undefined;
  /** Characters matched on this page before the current block. */
  private before = 0;
  /** Whether the current block is a headline in Title Case (computed when first needed: -1). */
  private titleCase = -1;
  constructor(private readonly t: Tables) {}

  extend(part: IndexPart): void {
    this.t.extend(part);
  }

  takeMissed(): string[] {
    return this.t.takeMissed();
  }

  reset(): void {
    this.named.clear();
    this.shadowed.clear();
    this.setPending([]);
    this.late = [];
    this.before = 0;
  }

  takeLate(): readonly LateMention[] {
    if (!this.late.length) return NO_LATE;
    const out = this.late;
    this.late = [];
    return out;
  }

  matchBlock(text: string, block?: unknown): readonly Mention[] {
    if (typeof text !== 'string' || text.length === 0) return NO_MENTIONS;
    this.text = text;
    this.block = block;
    this.titleCase = -1;
    this.lastStart = this.lastEnd = this.lastGovEnd = this.lastPlaceEnd = -1;
    try {
      this.scan();
    } catch {
      // A bug must never break the page; what was found so far is still sound.
    }
    this.text = '';
    this.block = undefined;
    this.before += text.length;
    // Most blocks mention nobody: they cost no new array.
    if (!this.out.length) return NO_MENTIONS;
    const out = this.out;
    this.out = [];
    return out;
  }

  private scan(): void {
    const text = this.text;
    const n = text.length;
    const t = this.t;
    // The regular expression does the bulk of the reading in native code, fast
    // from the first page on (no JIT warm-up): it skips lower-case ASCII text
    // and returns each ASCII word that starts with a capital; it also stops at
    // every character outside ASCII, which the class table sorts out.
    const stops = STOPS;
    let i = 0;
    while (i < n) {
      stops.lastIndex = i;
      const found = stops.exec(text);
      if (!found) return;
      i = found.index;
      const word = found[0];
      if (word.length > 1 || text.charCodeAt(i) < 128) {
        const end = i + word.length;
        // The word may go on past ASCII ("Erdoğan"): then the slow path reads it whole.
        if (end < n && isWordCode(text.charCodeAt(end))) {
          i = this.candidate(i);
          continue;
        }
        // Most capitalised words start no name: one lookup and on.
        const key = word.toLowerCase();
        const val = t.word(key);
        i = val === undefined ? end : this.candidate(i, end, key, val);
        continue;
      }
      const c = text.charCodeAt(i);
      const k = cls(c);
      // Inside a word ("café", "Erdoğan" seen from its "ğ"): on to the word's end.
      if (i > 0 && isWordClass(k) && isWordCode(text.charCodeAt(i - 1))) {
        i = wordEnd(text, i + 1);
        continue;
      }
      if (k === C.UPPER || k === C.CASELESS) i = this.candidate(i);
      else if (k === C.LOWER || k === C.MARK || k === C.DIGIT) i = wordEnd(text, i + 1);
      else if (k === C.HAN || k === C.HANGUL) i = this.nativeRun(i);
      else i++;
    }
  }

  /**
   * A word starting with a capital at `i`; returns where scanning continues.
   * The scan may pass the word's end, key and `vals` line when it has them
   * already (separate arguments: an object per hit would be garbage).
   */
  private candidate(i: number, knownEnd = -1, knownKey = '', knownVal?: string): number {
    const text = this.text;
    const e0 = knownEnd >= 0 ? knownEnd : wordEnd(text, i + 1);
    if (e0 - i > MAX_WORD) return e0;
    let key = knownEnd >= 0 ? knownKey : foldWord(text.slice(i, e0));
    let val = knownEnd >= 0 ? knownVal : this.t.word(key);
    if (val === undefined) return e0;
    const { starts, ends, shapes, hitLen, hitVal } = this;
    let words = 0;
    let hits = 0;
    starts[0] = i;
    ends[0] = e0;
    shapes[0] = 0;
    words = 1;
    let e = e0;
    for (;;) {
      const isPrefix = val === '' || val.charCodeAt(0) === 43;
      if (val !== '') {
        hitLen[hits] = words;
        hitVal[hits++] = val;
      }
      if (!isPrefix) break;
      const next = separatorAt(text, e);
      if (next < 0) break;
      const we = wordEnd(text, next);
      if (we - next > MAX_WORD) break;
      const longer = key + lastSeparator + foldWord(text.slice(next, we));
      val = this.t.phrase(longer);
      if (val === undefined) break;
      key = longer;
      starts[words] = next;
      ends[words] = we;
      shapes[words++] = 0;
      e = we;
    }
    for (let h = hits - 1; h >= 0; h--) {
      const len = hitLen[h]!;
      const next = this.resolve(i, e0, ends[len - 1]!, len, hitVal[h]!, key, h === hits - 1 && len === words);
      if (next >= 0) return next;
    }
    return e0;
  }

  /** The shape bits (SHAPE_*) of the w-th word read by candidate(), computed once. */
  private shape(w: number): number {
    let s = this.shapes[w]!;
    if (s === 0) {
      s = shapeBits(this.text, this.starts[w]!, this.ends[w]!) | SHAPE_KNOWN;
      this.shapes[w] = s;
    }
    return s;
  }

  /** Whether the first `len` words look as the case mask (see text.ts CaseReq) asks; without a mask, each starts with a capital. */
  private caseFits(mask: string | null, len: number): boolean {
    for (let w = 0; w < len; w++) {
      const req = mask ? mask.charCodeAt(w) : REQ_UPPER;
      if (req !== REQ_UPPER && req !== REQ_ACRONYM) continue;
      const shape = this.shape(w);
      if ((shape & SHAPE_CAPITAL) === 0 || (req === REQ_ACRONYM && (shape & SHAPE_ALL_CAPS) === 0)) return false;
    }
    return true;
  }

  /**
   * Decides what the `len` words from `start` to `end` are. Returns where
   * scanning continues (the words are consumed, with or without a mention),
   * or -1 when no entry fits their case and a shorter key should be tried.
   */
  private resolve(start: number, firstEnd: number, end: number, len: number, val: string, longestKey: string, longest: boolean): number {
    const entries = this.t.entries(val);
    let fitting = 0;
    let block = false;
    let name: DecodedEntry | null = null;
    let demonym: DecodedEntry | null = null;
    let seat: DecodedEntry | null = null;
    let nameClash = false;
    let demonymClash = false;
    let seatClash = false;
    let surnames: number[] | null = null;
    for (let k = 0; k < entries.length; k++) {
      const x = entries[k]!;
      if (!this.caseFits(x.mask, len)) continue;
      fitting++;
      const kind = x.kind;
      const ent = x.entity;
      if (kind === K_BLOCK) block = true;
      else if (kind === K_NAME || kind === K_ALIAS || kind === K_NATIVE) {
        if (name && name.entity !== ent) nameClash = true;
        name ??= x;
      } else if (kind === K_DEMONYM) {
        if (demonym && demonym.entity !== ent) demonymClash = true;
        demonym ??= x;
      } else if (kind === K_SEAT) {
        if (seat && seat.entity !== ent) seatClash = true;
        seat ??= x;
      } else if (kind === K_SURNAME) (surnames ??= []).push(x.code);
    }
    if (fitting === 0) return -1;
    const key = longest ? longestKey : this.keyOf(len);
    this.lastStart = start;
    this.lastEnd = end;
    // A longer name that is not a mention hides what is inside it ("East China Sea"); so does a name of two countries.
    if (block) return end;
    // Any other rejection gives up the first word only: "Crown Prince Mohammed bin Salman" is read again from "Prince", then "Mohammed".
    const next = firstEnd;
    if (name) {
      if (nameClash) return end;
      if ((name.flags & F_CAREFUL) !== 0 && !this.carefulOk(start, end, key)) return next;
      if (WORD_ACRONYMS.has(key) && !this.acronymOk(start, end)) return next;
      const entity = name.entity;
      const what = entityKindOf(entity, this.t);
      const person = what === 'person';
      if (what === 'country' && this.inFeatureName(start, end)) return end;
      // "US$ 20 billion": a currency, not the country.
      if (what === 'country' && this.text.charCodeAt(end) === 36) return end;
      if (what === 'organisation' && !this.organisationOk(start, end, key)) return next;
      const kind = name.kind;
      // "Prince Faisal bin Farhan": a title-led alias gives way to a longer full name starting inside it, so the title stays outside.
      if (kind === K_ALIAS && len > 1) for (let w = 1; w < len; w++) if (this.nameEndFrom(this.starts[w]!) > end) return this.starts[w]!;
      if (person) this.nameInFull(entity, start);
      const how: MatchHow = kind === K_NAME ? 'name' : kind === K_NATIVE ? 'native' : 'alias';
      return this.emit(start, this.withDot(end, name.mask), entity, what, how);
    }
    if (demonym) {
      if (demonymClash) return end;
      if ((demonym.flags & F_CAREFUL) !== 0 && !this.carefulOk(start, end, key)) return next;
      if (this.inFeatureName(start, end)) return end;
      return this.emit(start, end, demonym.entity, 'demonym', 'demonym');
    }
    if (seat) {
      if (seatClash) return end;
      if (!this.governmentSense(start, end)) return next;
      this.lastGovEnd = end;
      return this.emit(start, this.withDot(end, seat.mask), seat.entity, 'capital', 'capital');
    }
    if (surnames) {
      // "Foreign Minister Prince Faisal bin Farhan": a full name starting inside a surname of several words and going further wins.
      for (let w = 1; w < len; w++) if (this.nameEndFrom(this.starts[w]!) > end) return this.starts[w]!;
      const entity = this.surname(start, end, surnames);
      if (entity >= 0) return this.emit(start, end, entity, 'person', 'surname');
    }
    return next;
  }

  /** The end of the longest full name (not a surname) written from `pos`, or -1. Reads only; no mention is made. */
  private nameEndFrom(pos: number): number {
    const text = this.text;
    let e = wordEnd(text, pos);
    if (e - pos > MAX_WORD) return -1;
    let key = foldWord(text.slice(pos, e));
    let val = this.t.word(key);
    let best = -1;
    for (let w = 0; val !== undefined && w < 12; w++) {
      const isPrefix = val === '' || val.charCodeAt(0) === 43;
      if (val !== '' && this.t.entries(val).some((x) => entryKind(x.code) === K_NAME || entryKind(x.code) === K_ALIAS)) best = e;
      if (!isPrefix) break;
      const next = separatorAt(text, e);
      if (next < 0) break;
      const we = wordEnd(text, next);
      key = key + lastSeparator + foldWord(text.slice(next, we));
      val = this.t.phrase(key);
      e = we;
    }
    return best;
  }

  /** The folded key of the first `len` words read by candidate(). */
  private keyOf(len: number): string {
    let key = foldWord(this.text.slice(this.starts[0]!, this.ends[0]!));
    for (let w = 1; w < len; w++) {
      const s = this.starts[w]!;
      const sepStart = this.ends[w - 1]!;
      key += separatorAt(this.text, sepStart) >= 0 ? lastSeparator : ' ';
      key += foldWord(this.text.slice(s, this.ends[w]!));
    }
    return key;
  }

  /** "U.S." keeps its final period, also at the end of a sentence. */
  private withDot(end: number, mask: string | null): number {
    return mask && mask.endsWith('.') && this.text.charCodeAt(end) === 46 ? end + 1 : end;
  }

  private emit(start: number, end: number, entity: number, kind: Mention['kind'], how: MatchHow): number {
    this.out.push({ start, end, entity: this.t.ids[entity]!, kind, how });
    this.lastStart = start;
    this.lastEnd = end;
    return end;
  }

  /** A capitalised neighbour that makes the candidate part of a longer name ("Michael Jordan", "Wang Huning"). */
  private isNamePart(w: Word | null, candidateAllCaps: boolean): boolean {
    if (!w) return false;
    const text = this.text;
    const shape = shapeOf(text, w.s, w.e);
    if (!shape.capital) return false;
    // Part of the previous match ("Japan's Suga" is handled by the possessive; "Chinese Wang" by this).
    if (w.s >= this.lastStart && w.e <= this.lastEnd) return false;
    // In an ALL-CAPS headline every word is a capital: say nothing.
    if (shape.allCaps && candidateAllCaps && w.e - w.s > 1) return false;
    const f = fold(text, w);
    return !(FUNCTION_WORDS.has(f) || HONORIFICS.has(f) || OFFICE_TITLES.has(f) || TITLE_WORDS.has(f) || CALENDAR.has(f));
  }

  /** A country's name inside a place's or company's name: "Taiwan Strait", "Gulf of Oman", "Air China" (rules.ts FEATURE_*). */
  private inFeatureName(start: number, end: number): boolean {
    // Runs on every country found: the common case (a lower-case word after, no "of" or "Air" before) folds nothing.
    const text = this.text;
    const next = nextWord(text, end);
    if (next && isAsciiUpper(text.charCodeAt(next.s)) && FEATURE_AFTER.has(fold(text, next))) return true;
    const prev = prevWord(text, start);
    if (!prev) return false;
    if (isAsciiUpper(text.charCodeAt(prev.s))) return FEATURE_BEFORE.has(fold(text, prev));
    // "of", as written in prose.
    if (prev.e - prev.s !== 2 || text.charCodeAt(prev.s) !== 111 || text.charCodeAt(prev.s + 1) !== 102) return false;
    const head = prevWord(text, prev.s);
    return !!head && isAsciiUpper(text.charCodeAt(head.s)) && FEATURE_OF.has(fold(text, head));
  }

  /**
   * "Beijing-Tokyo ties", "Seoul–Washington talks": a capital joined by a
   * hyphen or dash to another capital or country, before a word for what
   * passes between them, is its government.
   */
  private relationPair(start: number, end: number): boolean {
    const text = this.text;
    let other: Word | null = null;
    let last = end;
    if (isPairDash(text.charCodeAt(end))) {
      const we = wordEnd(text, end + 1);
      if (we > end + 1) other = { s: end + 1, e: (last = we) };
    } else if (start > 1 && isPairDash(text.charCodeAt(start - 1))) {
      other = this.wordBefore(start - 1);
    }
    if (!other || !this.isCountryOrSeat(other)) return false;
    const after = nextWord(text, last);
    return !!after && RELATION_NOUNS.has(fold(text, after));
  }

  private allCaps(start: number, end: number): boolean {
    return shapeOf(this.text, start, end).allCaps;
  }

  /** A country name that is also a personal name or word: not when it is part of a longer name, nor Georgia the US state. */
  private carefulOk(start: number, end: number, key: string): boolean {
    const text = this.text;
    const caps = this.allCaps(start, end);
    if (this.isNamePart(prevWord(text, start), caps)) return false;
    if (!possessiveAt(text, end) && this.isNamePart(nextWord(text, end), caps)) return false;
    if (US_STATE_KEYS.has(key)) {
      if (GEORGIA_COUNTRY_CUES.test(text)) return true;
      if (US_STATE_CUES.test(text)) return false;
      // "Atlanta, Georgia": a city, then the state.
      let p = start;
      while (p > 0 && isSpaceCode(text.charCodeAt(p - 1))) p--;
      if (p > 0 && text.charCodeAt(p - 1) === 44) {
        const before = this.wordBefore(p - 1);
        if (before && shapeOf(text, before.s, before.e).capital) return false;
      }
    }
    return true;
  }

  /** The word right before position `p` (no gap), or null. */
  private wordBefore(p: number): Word | null {
    const text = this.text;
    if (p <= 0 || !isWordCode(text.charCodeAt(p - 1))) return null;
    let s = p;
    while (s > 0 && p - s < MAX_WORD && isWordCode(text.charCodeAt(s - 1))) s--;
    return { s, e: p };
  }

  /**
   * Whether an organisation's name stands for it here: a short form that is
   * also a word ("WHO") is read as US is in capitals; a name that is an
   * ordinary word ("Quad") needs "the" before it and no name around it; and a
   * short form another body shares ("ICC") gives way when the block speaks of that body.
   */
  private organisationOk(start: number, end: number, key: string): boolean {
    const text = this.text;
    if (ORG_WORD_ACRONYMS.has(key) && !this.acronymOk(start, end)) return false;
    const other = ORG_OTHER_SENSES.get(key);
    if (other && other.test(text)) return false;
    if (ORG_NEEDS_THE.has(key)) {
      const prev = prevWord(text, start);
      if (!prev || fold(text, prev) !== 'the') return false;
      if (!possessiveAt(text, end) && this.isNamePart(nextWord(text, end), this.allCaps(start, end))) return false;
    }
    return true;
  }

  /** "US" in ALL-CAPS text may be "us": only with "THE" before it or a hyphen beside it ("US-CHINA"). */
  private acronymOk(start: number, end: number): boolean {
    const text = this.text;
    if (text.charCodeAt(end) === 45 || text.charCodeAt(start - 1) === 45) return true;
    const prev = prevWord(text, start);
    const next = nextWord(text, end);
    const capsWord = (w: Word | null) => !!w && w.e - w.s >= 2 && shapeOf(text, w.s, w.e).allCaps && shapeOf(text, w.s, w.e).capital;
    if (!capsWord(prev) && !capsWord(next)) return true;
    return !!prev && fold(text, prev) === 'the';
  }

  /** Whether a capital stands for its government here: the subject of a verb, a possessor, or after "between"/"with". */
  private governmentSense(start: number, end: number): boolean {
    const text = this.text;
    const caps = this.allCaps(start, end);
    let prev = prevWord(text, start);
    if (prev && fold(text, prev) === 'the') prev = prevWord(text, prev.s);
    const prevF = prev ? fold(text, prev) : '';
    if (this.isNamePart(prev, caps)) return false;
    // "the Treaty of Asunción", "the Port of Tokyo": the capital ends another name.
    if (prev && prevF === 'of') {
      const head = prevWord(text, prev.s);
      if (head && this.isNamePart(head, caps)) return false;
    }
    // "Noumea has suffered huge damage": what befalls a city is the place's, not its government's doing.
    {
      let w = nextWord(text, end);
      if (w && AUXILIARIES.has(fold(text, w))) w = nextWord(text, w.e);
      if (w && PLACE_PREDICATES.has(fold(text, w))) return false;
    }
    // "in Tokyo's Shinjuku district", "Moscow's streets" are the place; "a blow to Beijing's plans" is its government.
    if (possessiveAt(text, end)) {
      const owned = nextWord(text, end + 2);
      return !(prev && LOCATIVES.has(prevF)) && !(owned && PLACE_POSSESSED.has(fold(text, owned)));
    }
    if (prev && PLACE_BEFORE.has(prevF)) {
      // "pressure from Beijing", "protested to Seoul": what comes from or goes to a government.
      if (prevF === 'from' || prevF === 'to') {
        const before = prevWord(text, prev.s);
        if (before && GOVERNMENT_FROM_TO.has(fold(text, before))) return true;
      }
      this.lastPlaceEnd = end;
      return false;
    }
    // "met in Mexico City, Guatemala City and Kuwait City": the rest of a list of places are places too.
    if (this.inPlaceList(start)) {
      this.lastPlaceEnd = end;
      return false;
    }
    if (this.relationPair(start, end)) return true;
    if (isHyphen(text.charCodeAt(end))) {
      const we = wordEnd(text, end + 1);
      return we > end + 1 && GOVERNMENT_COMPOUNDS.has(foldWord(text.slice(end + 1, we)));
    }
    let next = nextWord(text, end) ?? this.quotedWord(end);
    if (next && this.isNamePart(next, caps)) return false;
    {
      // "Abu Dhabi Crown Prince", "Moscow Mayor Sergei Sobyanin": the city names someone's office; "Kremlin spokesman" is its government's.
      const f = next ? fold(text, next) : '';
      if (next && (TITLE_WORDS.has(f) || OFFICE_TITLES.has(f)) && !GOVERNMENT_NOUNS.has(f)) return false;
    }
    if (next && ADVERBS.has(fold(text, next))) next = nextWord(text, next.e) ?? next;
    // "Washington on Friday said": a day between the capital and its verb.
    if (next && fold(text, next) === 'on') {
      const day = nextWord(text, next.e);
      if (day && CALENDAR.has(fold(text, day))) next = nextWord(text, day.e) ?? next;
    }
    if (next && (fold(text, next) === 'and' || fold(text, next) === 'or')) {
      let w = nextWord(text, next.e);
      // "pull Seoul and Tokyo away": two capitals (or a capital and a country) together are two governments.
      if (w && this.isCountryOrSeat(w)) return true;
      // "Seoul and the allies have …": skip the other capitalised name.
      for (let k = 0; w && k < 3 && shapeOf(text, w.s, w.e).capital; k++) {
        if (possessiveAt(text, w.e)) break;
        next = w;
        w = nextWord(text, w.e);
      }
      next = w;
      if (next && ADVERBS.has(fold(text, next))) next = nextWord(text, next.e);
    }
    // The subject of a verb: "Beijing said", "Dhaka wrote", "Kyiv trusts the …".
    if (next && this.isVerbAfterSubject(next)) return true;
    const after = nextWord(text, end);
    if (after && GOVERNMENT_NOUNS.has(fold(text, after))) return true;
    if (prev && GOVERNMENT_OBJECT_OF.has(prevF)) return true;
    // The object of a verb in the past: "joined Washington", "accused Beijing"; not what is struck, taken or toured ("shelled Kyiv").
    if (prev && prevF.length >= 5 && prevF.endsWith('ed') && !PLACE_OBJECT_VERBS.has(prevF) && !shapeOf(text, prev.s, prev.e).capital) return true;
    if (prev && GOVERNMENT_BEFORE.has(prevF)) {
      const before = prevF === 'for' ? prevWord(text, prev.s) : null;
      return !(before && MOTION_BEFORE_FOR.has(fold(text, before)));
    }
    // "pressure on Beijing", "criticism of Moscow": after a preposition, as what a government is the actor in.
    if (prev && (prevF === 'on' || prevF === 'of' || prevF === 'over' || prevF === 'upon')) {
      const head = prevWord(text, prev.s);
      if (head && (prevF === 'of' ? GOVERNMENT_OF : GOVERNMENT_ON).has(fold(text, head))) return true;
    }
    // "between Washington and Beijing": the second after a first read as its government.
    if (prev && (prevF === 'and' || prevF === 'or') && this.lastGovEnd >= 0 && prev.s - this.lastGovEnd <= 2) return true;
    return false;
  }

  /** The word after an opening quotation mark right after `end` ("Kyiv “trusts …"), or null. */
  private quotedWord(end: number): Word | null {
    const text = this.text;
    let p = end;
    while (p < text.length && isSpaceCode(text.charCodeAt(p)) && p - end < 3) p++;
    const c = text.charCodeAt(p);
    if (p === end || (c !== 34 && c !== 0x201c && c !== 0x2018)) return null;
    const we = wordEnd(text, p + 1);
    return we > p + 1 ? { s: p + 1, e: we } : null;
  }

  /**
   * A lower-case word that is a verb with the capital as its subject: one the
   * rules list, any past form in -ed but what befalls a place ("suffered"), or
   * a present form in -s that a determiner follows ("wants a", "trusts the"),
   * which a plural noun ("Tokyo residents") seldom is.
   */
  private isVerbAfterSubject(w: Word): boolean {
    const text = this.text;
    if (shapeOf(text, w.s, w.e).capital) return false;
    const f = fold(text, w);
    if (GOVERNMENT_VERBS.has(f) || PAST_VERBS.has(f)) return true;
    if (f.length >= 5 && f.endsWith('ed')) return !PLACE_PREDICATES.has(f);
    if (f.length >= 4 && f.endsWith('s') && !f.endsWith('ss')) {
      const then = nextWord(text, w.e);
      return !!then && DETERMINERS.has(fold(text, then));
    }
    return false;
  }

  /** Whether only a list's commas, "and"/"or" and other capitalised names lie between the last place read and `start`. */
  private inPlaceList(start: number): boolean {
    const from = this.lastPlaceEnd;
    if (from < 0 || start - from > PLACE_LIST_REACH) return false;
    return PLACE_LIST_GLUE.test(this.text.slice(from, start));
  }

  /** Whether a word is a country's name or a seat of government (one word only: "Tokyo", "Japan"), or with `demonyms` a nationality ("French"). */
  private isCountryOrSeat(w: Word, demonyms = false): boolean {
    const val = this.t.word(fold(this.text, w));
    if (!val || !shapeOf(this.text, w.s, w.e).capital) return false;
    return this.t.entries(val).some((x) => {
      const kind = entryKind(x.code);
      return entryEntity(x.code) < this.t.countries && (kind === K_SEAT || kind === K_NAME || kind === K_ALIAS || (demonyms && kind === K_DEMONYM));
    });
  }

  /** A person named in full at `start` of this block: surnames waiting for them (a headline's) are theirs now. */
  private nameInFull(entity: number, start: number): void {
    const now = this.before + start;
    this.named.set(entity, now);
    // Most names settle nothing: one look-up, no walk through the waiting list.
    if (!this.waitingFor.get(entity)) return;
    const kept: Pending[] = [];
    for (const p of this.pending) {
      const code = p.codes.find((c) => entryEntity(c) === entity);
      const settles = code !== undefined && now - p.at <= LATE_REACH && ((entryFlags(code) & F_CALENDAR) === 0 || p.titled);
      if (!settles) {
        kept.push(p);
        continue;
      }
      this.late.push({ block: p.block, text: p.text, mention: { start: p.start, end: p.end, entity: this.t.ids[entity]!, kind: 'person', how: 'surname' } });
    }
    this.setPending(kept);
  }

  /** Replaces the waiting list and recounts, per person, the surnames waiting for them. */
  private setPending(list: Pending[]): void {
    this.pending = [];
    this.waitingFor.clear();
    for (const p of list) this.wait(p);
  }

  private wait(p: Pending): void {
    this.pending.push(p);
    for (const c of p.codes) this.waitingFor.set(entryEntity(c), (this.waitingFor.get(entryEntity(c)) ?? 0) + 1);
  }

  /** Whether the page named this person in full, and no one else with their surname since. */
  private namedLast(entity: number): boolean {
    const at = this.named.get(entity);
    return at !== undefined && !((this.shadowed.get(entity) ?? -1) > at);
  }

  /** Whether a surname nobody was named for yet may wait for a full name below it (a headline's). */
  private mayWait(): boolean {
    // Only in a headline: in a story's text a surname before the full name is as likely someone else's.
    if (this.block === undefined || !isHeadline(this.text)) return false;
    if (this.pending.length >= MAX_PENDING) {
      const now = this.before;
      this.setPending(this.pending.filter((p) => now - p.at <= LATE_REACH));
    }
    return this.pending.length < MAX_PENDING;
  }

  /**
   * In a Title Case headline the verb after a name has a capital too ("Biden
   * Seeks Unity With Japan's Suga"), so it says nothing about a longer name:
   * a word there ending in a lower-case "s" is read as that verb.
   */
  private headlineVerb(w: Word | null): boolean {
    if (!w || w.e - w.s < 4) return false;
    const text = this.text;
    const last = text.charCodeAt(w.e - 1);
    const before = text.charCodeAt(w.e - 2);
    if (last !== 115 || before === 115 || before < 97 || before > 122) return false;
    if (this.titleCase < 0) this.titleCase = isTitleCase(text) ? 1 : 0;
    return this.titleCase === 1;
  }

  /**
   * In a Title Case headline any noun has a capital ("After Biden Election
   * Win"): a capitalised word after a surname that no name in the index
   * starts with says nothing of a longer name, once the surname is nobody
   * else's.
   */
  private headlineNoun(w: Word | null, unique: boolean): boolean {
    if (!w || !unique || this.block === undefined || !isHeadline(this.text)) return false;
    if (this.titleCase < 0) this.titleCase = isTitleCase(this.text) ? 1 : 0;
    return this.titleCase === 1 && this.t.word(fold(this.text, w)) === undefined;
  }

  /** The person a surname alone names here, or -1; a surname whose person is not named yet waits (nameInFull). */
  private surname(start: number, end: number, codes: number[]): number {
    const text = this.text;
    // "Xi'an": the surname is the start of another word.
    if (isApostrophe(text.charCodeAt(end)) && isWordCode(text.charCodeAt(end + 1)) && !possessiveAt(text, end)) return -1;
    const named = codes.filter((c) => this.namedLast(entryEntity(c)));
    const flags = codes.length === 1 ? entryFlags(codes[0]!) : 0;
    const titleOk = (flags & F_TITLE_OK) !== 0;
    const alone = (flags & F_PROMINENT) !== 0;
    const mayWait = named.length === 0 && this.mayWait();
    // Most surnames on a page belong to no one it named: decide that before reading any context, unless it may wait.
    if (named.length === 0 && !titleOk && !mayWait) return -1;
    if (named.length > 1) return -1;
    const caps = this.allCaps(start, end);
    const prev = prevWord(text, start);
    const prevF = prev ? fold(text, prev) : '';
    const prevCapital = !!prev && shapeOf(text, prev.s, prev.e).capital;
    const titled = prevCapital && OFFICE_TITLES.has(prevF);
    const honoured = !!prev && HONORIFICS.has(prevF);
    // "the Frenchman Macron", "Russian Putin": a nationality before a surname is no part of the name.
    if (!titled && !honoured && this.isNamePart(prev, caps) && !(prev && this.isCountryOrSeat(prev, true))) return -1;
    const next = nextWord(text, end);
    if (!possessiveAt(text, end) && this.isNamePart(next, caps) && !this.headlineVerb(next) && !this.headlineNoun(next, titleOk)) {
      // "Kim Yo Jong", "Wang Huning": a shared surname, written first in someone else's name (unique ones, "Trump Tower", say nothing).
      if (!titleOk) for (const c of codes) this.shadowed.set(entryEntity(c), this.before + start);
      return -1;
    }
    if (named.length === 1) {
      const code = named[0]!;
      if ((entryFlags(code) & F_CALENDAR) !== 0 && !titled && !honoured) return -1;
      return entryEntity(code);
    }
    // Nobody with this surname named yet: a title before it, "the Biden administration", or a leader the news names so alone.
    if (named.length === 0 && titleOk && (titled || alone || (!!next && PERSON_GOVERNMENT_NOUNS.has(fold(text, next))))) {
      const entity = entryEntity(codes[0]!);
      this.nameInFull(entity, start);
      return entity;
    }
    if (mayWait) this.wait({ block: this.block, start, end, text: text.slice(start, end), codes, titled: titled || honoured, at: this.before + start });
    return -1;
  }

  /**
   * A run of Han, kana or Hangul from `i`: every name in it, longest first at
   * each position. The run is read here in one loop (a regular-expression
   * stop per character would cost a call per character of a CJK page).
   * Returns the end of the run.
   */
  private nativeRun(i: number): number {
    const text = this.text;
    const n = text.length;
    const cjk = this.t.cjk;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = c < 0x1100 ? C.OTHER : cls(c);
      if (k !== C.HAN && k !== C.HANGUL) break;
      if (mayStartCompound(c)) {
        const j = this.compound(i, k);
        if (j > i) {
          i = j;
          continue;
        }
      }
      i = cjk.has(c) ? this.native(i) : i + 1;
    }
    return i;
  }

  /** Whether the current block has kana (Japanese), and the block that was asked about. */
  private kana = false;
  private kanaText: string | null = null;
  /** ISO3 -> entity number, for countries written as one character (cjk.ts). */
  private readonly isoCache = new Map<string, number>();

  /** Countries written one character each at `i` (日米首脳会談, 한미일, 訪米: cjk.ts); returns where reading goes on, or -1. */
  private compound(i: number, k: number): number {
    const text = this.text;
    let found: Compound | null;
    if (k === C.HANGUL) {
      found = hangulCompound(text, i, this.nameAt);
    } else {
      if (this.kanaText !== text) {
        this.kanaText = text;
        this.kana = hasKana(text);
      }
      found = hanCompound(text, i, this.kana, this.nameAt);
    }
    if (!found) return -1;
    const ents = found.iso3.map((x) => this.countryOf(x));
    // A country the knowledge lacks (Taiwan in a build without it): the compound is not read as countries at all.
    if (ents.some((e) => e < 0)) return -1;
    for (let m = 0; m < ents.length; m++) this.emit(found.at[m]!, found.at[m]! + 1, ents[m]!, 'country', 'native');
    return found.end;
  }

  /** The entity number of a country by ISO3 (countries come first in the index's ids), or -1. */
  private countryOf(iso3: string): number {
    const ids = this.t.ids;
    const known = this.isoCache.get(iso3);
    if (known !== undefined && ids[known] === iso3) return known;
    for (let e = 0; e < this.t.countries; e++) {
      if (ids[e] === iso3) {
        this.isoCache.set(iso3, e);
        return e;
      }
    }
    return -1;
  }

  /** Whether a name (not a surname alone) is written at `p`: it wins over a country's one-character short form there (日本, 북한). */
  private readonly nameAt = (p: number): boolean => {
    const text = this.text;
    const list = this.t.cjk.get(text.charCodeAt(p));
    if (!list) return false;
    for (const [name, codes] of list) {
      if (name.length < 2 || !text.startsWith(name, p)) continue;
      if (codes.every((c) => entryKind(c) === K_SURNAME)) continue;
      if (cls(name.charCodeAt(0)) === C.HANGUL && !this.hangulBounded(p, p + name.length)) continue;
      return true;
    }
    return false;
  };

  /**
   * A surname in its own script at [start, end): the person it names before
   * a title (岸田首相, 윤 대통령, cjk.ts titleAfter), or -1. Of the surname's
   * people, those whose office fits the title; one is linked, several only
   * when the page named exactly one of them in full. After an honorific (氏,
   * 씨) or a title other offices share (장관), only someone the page named in
   * full (or by a title only their office has).
   */
  private nativeSurname(start: number, end: number, codes: readonly number[]): number {
    const title = titleAfter(this.text, start, end);
    if (!title) return -1;
    const office = title & ~TITLE_GENERIC;
    const flag = office === TITLE_LEADER ? F_LEADER : office === TITLE_FM ? F_FM : 0;
    const fits = flag ? codes.filter((c) => (entryFlags(c) & flag) !== 0) : codes;
    // A title only this office has (首相, 외교부 장관), and one person of the surname held it: them, and named
    // from here on as an office title names a surname in English text (上川外相 … 上川大臣).
    if (flag && fits.length === 1 && (title & TITLE_GENERIC) === 0) {
      this.nameInFull(entryEntity(fits[0]!), start);
      return entryEntity(fits[0]!);
    }
    const named = fits.filter((c) => this.namedLast(entryEntity(c)));
    return named.length === 1 ? entryEntity(named[0]!) : -1;
  }

  /** Han or Hangul at `i`: the longest name written from here. */
  private native(i: number): number {
    const text = this.text;
    const list = this.t.cjk.get(text.charCodeAt(i));
    if (!list) return i + 1;
    for (const [name, codes] of list) {
      if (!text.startsWith(name, i)) continue;
      const end = i + name.length;
      // A katakana name, a surname before a title included, is a whole katakana word (イ大統領, not タイ首相).
      if (cls(name.charCodeAt(0)) !== C.HANGUL && !katakanaBounded(text, i, end)) continue;
      let names = codes;
      if (codes.some((c) => entryKind(c) === K_SURNAME)) {
        names = codes.filter((c) => entryKind(c) !== K_SURNAME);
        // A surname alone (岸田, 윤): only before a title.
        if (!names.length) {
          const person = this.nativeSurname(i, end, codes);
          if (person >= 0) return this.emit(i, end, person, 'person', 'surname');
          continue;
        }
      }
      // Korean runs an organisation's short name into the word it qualifies (유엔총회, 유엔대표부, 나토정상회의): it
      // need only start a word.
      if (cls(name.charCodeAt(0)) === C.HANGUL && !this.hangulBounded(i, end) && !this.hangulOrgStart(i, names)) continue;
      if (names.some((c) => entryKind(c) === K_BLOCK)) return end;
      const ents = new Set(names.map(entryEntity));
      if (ents.size !== 1) return end;
      const entity = entryEntity(names[0]!);
      const what = entityKindOf(entity, this.t);
      if (what === 'person') this.nameInFull(entity, i);
      return this.emit(i, what === 'country' ? officialEnd(text, end) : end, entity, what, 'native');
    }
    return i + 1;
  }

  /** Korean separates words with spaces: a name starts a word, and a short one must end it or meet a particle. */
  private hangulBounded(start: number, end: number): boolean {
    const text = this.text;
    if (start > 0 && cls(text.charCodeAt(start - 1)) === C.HANGUL) return false;
    return end - start >= 3 || hangulWordEnds(text, end);
  }

  /** An organisation's name that starts a Korean word, whatever follows it. */
  private hangulOrgStart(start: number, codes: readonly number[]): boolean {
    if (start > 0 && cls(this.text.charCodeAt(start - 1)) === C.HANGUL) return false;
    return codes.every((c) => entityKindOf(entryEntity(c), this.t) === 'organisation');
  }
}

/** One matcher per page: it remembers who the page named in full. */
export function createPageMatcher(index: MatchIndex): PageMatcher {
  return new Matcher(tablesOf(index));
}

/**
 * A matcher that starts from a part of the index (see sub-index.ts) and takes
 * further parts as the page shows words the first did not cover. Its tables
 * are its own: parts differ from page to page.
 */
export function createPartMatcher(part: IndexPart): PartMatcher {
  return new Matcher(new Tables(part)) as PartMatcher;
}
