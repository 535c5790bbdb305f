/**
 * The matching engine. One left-to-right pass over a block's text: lower-case
 * words are skipped whole; a word that starts with a capital is folded and
 * looked up in the first-word table, and only on a hit are the following
 * words read and the longer keys tried, longest first. Han and Hangul text
 * (no spaces) is looked up character by character in a table of names by
 * first character. The cost is linear in the text and independent of how
 * many aliases the index holds.
 */
import type { Mention, MatchHow, PageMatcher } from './types';
import {
  entryEntity, entryFlags, entryKind, F_CALENDAR, F_CAREFUL, F_TITLE_OK, K_ALIAS, K_BLOCK, K_DEMONYM, K_NAME, K_NATIVE, K_SEAT, K_SURNAME,
  type MatchIndex,
} from './format';
import { C, caseOk, cls, foldWord, isApostrophe, isSpaceCode, isWordCode, separatorAt, shapeOf, wordEnd, type WordShape } from './text';
import {
  ADVERBS, CALENDAR, FUNCTION_WORDS, GEORGIA_COUNTRY_CUES, GOVERNMENT_BEFORE, GOVERNMENT_COMPOUNDS, GOVERNMENT_VERBS, HANGUL_FOLLOWERS,
  HONORIFICS, OFFICE_TITLES, PLACE_BEFORE, TITLE_WORDS, US_STATE_CUES, US_STATE_KEYS, WORD_ACRONYMS,
} from './rules';

/** The index ready for lookups; built once per index object and shared by every page matcher. */
interface Tables {
  ids: string[];
  countries: number;
  keys: Map<string, (number | string)[]>;
  first: Map<string, number>;
  /** First character code -> [name, entry codes], longest name first. */
  cjk: Map<number, [string, number[]][]>;
}

const tablesCache = new WeakMap<MatchIndex, Tables>();

function tablesOf(index: MatchIndex): Tables {
  let t = tablesCache.get(index);
  if (t) return t;
  const cjk = new Map<number, [string, number[]][]>();
  for (const name of Object.keys(index.cjk)) {
    const c = name.charCodeAt(0);
    const list = cjk.get(c) ?? [];
    list.push([name, index.cjk[name]!]);
    cjk.set(c, list);
  }
  for (const list of cjk.values()) list.sort((a, b) => b[0].length - a[0].length);
  t = {
    ids: index.ids,
    countries: index.countries,
    keys: new Map(Object.entries(index.keys)),
    first: new Map(Object.entries(index.first)),
    cjk,
  };
  tablesCache.set(index, t);
  return t;
}

/** Words longer than this are not names (and would only cost time). */
const MAX_WORD = 40;

interface Word {
  s: number;
  e: number;
}

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

/** Whether the text at `p` is a possessive "'s" / "’s". */
function possessiveAt(text: string, p: number): boolean {
  return isApostrophe(text.charCodeAt(p)) && (text.charCodeAt(p + 1) | 32) === 115 && !isWordCode(text.charCodeAt(p + 2) || 32);
}

interface Hit {
  /** Words matched. */
  len: number;
  key: string;
  end: number;
}

class Matcher implements PageMatcher {
  /** People named in full on this page (entity positions). */
  private named = new Set<number>();
  // Per block: the last match, so a neighbour that belongs to it is not read as part of a longer name.
  private lastStart = -1;
  private lastEnd = -1;
  private lastGovEnd = -1;
  private text = '';
  private out: Mention[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly shapes: (WordShape | null)[] = [];
  private readonly hits: Hit[] = [];

  constructor(private readonly t: Tables) {}

  reset(): void {
    this.named.clear();
  }

  matchBlock(text: string): Mention[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    this.text = text;
    this.out = [];
    this.lastStart = this.lastEnd = this.lastGovEnd = -1;
    try {
      this.scan();
    } catch {
      // A bug must never break the page; what was found so far is still sound.
    }
    const out = this.out;
    this.out = [];
    this.text = '';
    return out;
  }

  private scan(): void {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (c >= 65 && c <= 90) i = this.candidate(i);
        else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) i = wordEnd(text, i + 1);
        else i++;
        continue;
      }
      const k = cls(c);
      if (k === C.UPPER || k === C.CASELESS) i = this.candidate(i);
      else if (k === C.LOWER || k === C.MARK || k === C.DIGIT) i = wordEnd(text, i + 1);
      else if (k === C.HAN || k === C.HANGUL) i = this.native(i);
      else i++;
    }
  }

  /** A word starting with a capital at `i`; returns where scanning continues. */
  private candidate(i: number): number {
    const text = this.text;
    const e0 = wordEnd(text, i + 1);
    if (e0 - i > MAX_WORD) return e0;
    let key = foldWord(text.slice(i, e0));
    const max = this.t.first.get(key);
    if (max === undefined) return e0;
    const { starts, ends, shapes, hits } = this;
    starts.length = ends.length = shapes.length = hits.length = 0;
    starts.push(i);
    ends.push(e0);
    shapes.push(null);
    if (this.t.keys.has(key)) hits.push({ len: 1, key, end: e0 });
    let e = e0;
    for (let w = 1; w < max; w++) {
      const sep = separatorAt(text, e);
      if (!sep) break;
      const we = wordEnd(text, sep.next);
      if (we - sep.next > MAX_WORD) break;
      key += sep.sep + foldWord(text.slice(sep.next, we));
      starts.push(sep.next);
      ends.push(we);
      shapes.push(null);
      e = we;
      if (this.t.keys.has(key)) hits.push({ len: w + 1, key, end: we });
    }
    for (let h = hits.length - 1; h >= 0; h--) {
      const hit = hits[h]!;
      const next = this.resolve(i, hit);
      if (next >= 0) return next;
    }
    return e0;
  }

  private shape(w: number): WordShape {
    let s = this.shapes[w];
    if (!s) {
      s = shapeOf(this.text, this.starts[w]!, this.ends[w]!);
      this.shapes[w] = s;
    }
    return s;
  }

  private caseFits(mask: string | null, len: number): boolean {
    for (let w = 0; w < len; w++) {
      if (!caseOk(mask ? mask[w]! : 'U', this.shape(w))) return false;
    }
    return true;
  }

  /**
   * Decides what the words matched by `hit` are. Returns where scanning
   * continues (the words are consumed, with or without a mention), or -1 when
   * no entry fits their case and a shorter key should be tried.
   */
  private resolve(start: number, hit: Hit): number {
    const raw = this.t.keys.get(hit.key)!;
    // Entries whose case fits, with their masks.
    const codes: number[] = [];
    const masks: (string | null)[] = [];
    for (let j = 0; j < raw.length; j++) {
      const code = raw[j] as number;
      const mask = typeof raw[j + 1] === 'string' ? (raw[++j] as string) : null;
      if (this.caseFits(mask, hit.len)) {
        codes.push(code);
        masks.push(mask);
      }
    }
    if (codes.length === 0) return -1;
    const end = hit.end;
    const consumed = (): number => {
      this.lastStart = start;
      this.lastEnd = end;
      return end;
    };
    if (codes.some((c) => entryKind(c) === K_BLOCK)) return consumed();

    const pick = (kinds: readonly number[]): number[] => codes.map((c, j) => (kinds.includes(entryKind(c)) ? j : -1)).filter((j) => j >= 0);
    const single = (js: number[]): number | null => {
      const ents = new Set(js.map((j) => entryEntity(codes[j]!)));
      return ents.size === 1 ? js[0]! : null;
    };

    const names = pick([K_NAME, K_ALIAS, K_NATIVE]);
    if (names.length) {
      const j = single(names);
      if (j === null) return consumed();
      const code = codes[j]!;
      if ((entryFlags(code) & F_CAREFUL) !== 0 && !this.carefulOk(start, end, hit.key)) return consumed();
      if (WORD_ACRONYMS.has(hit.key) && !this.acronymOk(start, end)) return consumed();
      const entity = entryEntity(code);
      const person = entity >= this.t.countries;
      if (person) this.named.add(entity);
      const how: MatchHow = entryKind(code) === K_NAME ? 'name' : entryKind(code) === K_NATIVE ? 'native' : 'alias';
      return this.emit(start, this.withDot(end, masks[j]!), entity, person ? 'person' : 'country', how);
    }
    const demonyms = pick([K_DEMONYM]);
    if (demonyms.length) {
      const j = single(demonyms);
      if (j === null) return consumed();
      const code = codes[j]!;
      if ((entryFlags(code) & F_CAREFUL) !== 0 && !this.carefulOk(start, end, hit.key)) return consumed();
      return this.emit(start, end, entryEntity(code), 'demonym', 'demonym');
    }
    const seats = pick([K_SEAT]);
    if (seats.length) {
      const j = single(seats);
      if (j === null || !this.governmentSense(start, end)) return consumed();
      this.lastGovEnd = end;
      return this.emit(start, this.withDot(end, masks[j]!), entryEntity(codes[j]!), 'capital', 'capital');
    }
    const surnames = pick([K_SURNAME]);
    if (surnames.length) {
      const entity = this.surname(start, end, surnames.map((j) => codes[j]!));
      if (entity < 0) return consumed();
      return this.emit(start, end, entity, 'person', 'surname');
    }
    return consumed();
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
    if (prev && PLACE_BEFORE.has(prevF)) return false;
    if (this.isNamePart(prev, caps)) return false;
    if (possessiveAt(text, end)) return true;
    const c = text.charCodeAt(end);
    if (c === 45 || c === 0x2010 || c === 0x2011) {
      const we = wordEnd(text, end + 1);
      return we > end + 1 && GOVERNMENT_COMPOUNDS.has(foldWord(text.slice(end + 1, we)));
    }
    let next = nextWord(text, end);
    if (next && this.isNamePart(next, caps)) return false;
    if (next && ADVERBS.has(fold(text, next))) next = nextWord(text, next.e) ?? next;
    if (next && (fold(text, next) === 'and' || fold(text, next) === 'or')) {
      // "Seoul and Tokyo have …": skip the other capitalised name.
      let w = nextWord(text, next.e);
      for (let k = 0; w && k < 3 && shapeOf(text, w.s, w.e).capital; k++) {
        if (possessiveAt(text, w.e)) break;
        next = w;
        w = nextWord(text, w.e);
      }
      next = w;
      if (next && ADVERBS.has(fold(text, next))) next = nextWord(text, next.e);
    }
    if (next && GOVERNMENT_VERBS.has(fold(text, next))) return true;
    if (prev && GOVERNMENT_BEFORE.has(prevF)) return true;
    // "between Washington and Beijing": the second after a first read as its government.
    if (prev && (prevF === 'and' || prevF === 'or') && this.lastGovEnd >= 0 && prev.s - this.lastGovEnd <= 2) return true;
    return false;
  }

  /** The person a surname alone names here, or -1. */
  private surname(start: number, end: number, codes: number[]): number {
    const text = this.text;
    const caps = this.allCaps(start, end);
    const prev = prevWord(text, start);
    const prevF = prev ? fold(text, prev) : '';
    const prevCapital = !!prev && shapeOf(text, prev.s, prev.e).capital;
    const titled = prevCapital && OFFICE_TITLES.has(prevF);
    const honoured = !!prev && HONORIFICS.has(prevF);
    if (!titled && !honoured && this.isNamePart(prev, caps)) return -1;
    if (!possessiveAt(text, end) && this.isNamePart(nextWord(text, end), caps)) return -1;
    const named = codes.filter((c) => this.named.has(entryEntity(c)));
    if (named.length === 1) {
      const code = named[0]!;
      if ((entryFlags(code) & F_CALENDAR) !== 0 && !titled && !honoured) return -1;
      return entryEntity(code);
    }
    if (named.length === 0 && codes.length === 1 && titled && (entryFlags(codes[0]!) & F_TITLE_OK) !== 0) {
      const entity = entryEntity(codes[0]!);
      this.named.add(entity);
      return entity;
    }
    return -1;
  }

  /** Han or Hangul at `i`: the longest name written from here. */
  private native(i: number): number {
    const text = this.text;
    const list = this.t.cjk.get(text.charCodeAt(i));
    if (!list) return i + 1;
    for (const [name, codes] of list) {
      if (!text.startsWith(name, i)) continue;
      const end = i + name.length;
      if (cls(name.charCodeAt(0)) === C.HANGUL && !this.hangulBounded(i, end)) continue;
      if (codes.some((c) => entryKind(c) === K_BLOCK)) return end;
      const ents = new Set(codes.map(entryEntity));
      if (ents.size !== 1) return end;
      const entity = entryEntity(codes[0]!);
      const person = entity >= this.t.countries;
      if (person) this.named.add(entity);
      return this.emit(i, end, entity, person ? 'person' : 'country', 'native');
    }
    return i + 1;
  }

  /** Korean separates words with spaces: a name starts a word, and a short one must end it or meet a particle. */
  private hangulBounded(start: number, end: number): boolean {
    const text = this.text;
    if (start > 0 && cls(text.charCodeAt(start - 1)) === C.HANGUL) return false;
    if (end >= text.length || cls(text.charCodeAt(end)) !== C.HANGUL) return true;
    if (end - start >= 3) return true;
    return HANGUL_FOLLOWERS.some((f) => text.startsWith(f, end));
  }
}

/** One matcher per page: it remembers who the page named in full. */
export function createPageMatcher(index: MatchIndex): PageMatcher {
  return new Matcher(tablesOf(index));
}
