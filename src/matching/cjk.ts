/**
 * Han and Hangul context rules, read by the matcher's native run: a surname
 * followed by a title (岸田首相, 윤 대통령), and countries written as one
 * character each in a compound (日米首脳会談, 中美关系, 한미일 정상회의) or
 * after a word for a visit (訪米, 방한). Pure: positions in, positions out;
 * the matcher decides who is meant and makes the mentions.
 */
import { C, cls, isSpaceCode } from './text';
import {
  CJK_FM_TITLES, CJK_GENERIC_TITLES, CJK_HONORIFICS, CJK_LEADER_TITLES, CJK_LONE_GUO_BEFORE, CJK_OFFICIAL_SUFFIXES, HAN_RELATION_WORDS, HAN_SHORT_ALONE_ONLY, HAN_SHORT_BEFORE_NAMES, HAN_SHORT_BEFORE_XIANG, HAN_SHORT_COMPOUND_ONLY, HAN_SHORT_JA, HAN_SHORT_NOT_AFTER, HAN_SHORT_TITLES, HAN_SHORT_ZH, HAN_VISIT_JA,
  HAN_JA_PARTICLES, HAN_PAIRS_THAT_ARE_WORDS, HAN_REGION_SHORT_JA, HAN_REGION_SHORT_ZH, HAN_VISIT_NOT_AFTER, HAN_ZHONG_NOT_BEFORE, HAN_VISIT_ZH, HANGUL_COMPOUND_NEEDS_RELATION, HANGUL_FOLLOWERS, HANGUL_RELATION_WORDS, HANGUL_SHORT, HANGUL_SHORT_ALONE, HANGUL_SHORT_FIRST_ONLY, HANGUL_VISIT, HANGUL_VISIT_AFTER,
} from './rules';

/** What a title after a surname says: a leader's office, a foreign minister's, or nothing of the office (an honorific). */
export const TITLE_LEADER = 1;
export const TITLE_FM = 2;
export const TITLE_HONORIFIC = 3;
/** Added to TITLE_LEADER or TITLE_FM for a title other offices share (rules.ts CJK_GENERIC_TITLES). */
export const TITLE_GENERIC = 4;

const TITLES: readonly [string, number][] = [
  ...CJK_LEADER_TITLES.map((t): [string, number] => [t, TITLE_LEADER | (CJK_GENERIC_TITLES.has(t) ? TITLE_GENERIC : 0)]),
  ...CJK_FM_TITLES.map((t): [string, number] => [t, TITLE_FM | (CJK_GENERIC_TITLES.has(t) ? TITLE_GENERIC : 0)]),
  ...CJK_HONORIFICS.map((t): [string, number] => [t, TITLE_HONORIFIC]),
].sort((a, b) => b[0].length - a[0].length);

/**
 * The kind of title right after a surname at [start, end) (TITLE_*, plus
 * TITLE_GENERIC for a title other offices share), or 0.
 * Han: the title follows at once (岸田首相), or a Hangul one after one space
 * (尹 대통령). Hangul: the surname starts a word, and the title follows at
 * once or after one space (윤 대통령, 윤대통령).
 */
export function titleAfter(text: string, start: number, end: number): number {
  const hangul = cls(text.charCodeAt(start)) === C.HANGUL;
  let p = end;
  const spaced = text.charCodeAt(p) === 32 || text.charCodeAt(p) === 0xa0;
  if (hangul) {
    if (start > 0 && cls(text.charCodeAt(start - 1)) === C.HANGUL) return 0;
    if (spaced) p++;
  } else if (spaced && cls(text.charCodeAt(p + 1)) === C.HANGUL) {
    // Korean headlines write the president's surname in Han: 尹 대통령.
    p++;
  }
  for (const [t, kind] of TITLES) {
    if (!text.startsWith(t, p)) continue;
    // A Hangul title ends its word or takes a particle: 대통령은, not 대통령실 "the presidential office".
    if (hangul && !hangulWordEnds(text, p + t.length)) continue;
    return kind;
  }
  return 0;
}

/** Whether a Hangul word may end at `p`: no Hangul follows, or a particle does. */
export function hangulWordEnds(text: string, p: number): boolean {
  if (p >= text.length || cls(text.charCodeAt(p)) !== C.HANGUL) return true;
  return HANGUL_FOLLOWERS.some((f) => text.startsWith(f, p));
}

/**
 * Where a country's name written at [start, end) ends when its official form follows (吐瓦魯國, 帛琉共和國,
 * 남아프리카공화국): past CJK_OFFICIAL_SUFFIXES, or a lone 国/國 that no Han character follows but a conjunction
 * or particle (印度国防部 is India's defence ministry, not 印度国).
 */
export function officialEnd(text: string, end: number): number {
  for (const s of CJK_OFFICIAL_SUFFIXES) if (text.startsWith(s, end)) return end + s.length;
  const c = text.charCodeAt(end);
  if (c === 0x56fd || c === 0x570b) {
    const next = text.charCodeAt(end + 1);
    if (end + 1 >= text.length || cls(next) !== C.HAN || CJK_LONE_GUO_BEFORE.includes(text[end + 1]!)) return end + 1;
  }
  return end;
}

/** Katakana (the long-vowel mark ー included, the middle dot ・ not) and half-width katakana. */
export const isKatakanaCode = (c: number) => (c >= 0x30a1 && c <= 0x30ff && c !== 0x30fb) || (c >= 0xff66 && c <= 0xff9f);

/**
 * Katakana runs together without spaces, so a name written in it counts only as a whole katakana word: マリ
 * is not read in マリア, ギニア not in ニューギニア, アメリカ not in アメリカン.
 */
export function katakanaBounded(text: string, start: number, end: number): boolean {
  if (start > 0 && isKatakanaCode(text.charCodeAt(start)) && isKatakanaCode(text.charCodeAt(start - 1))) return false;
  return !(end < text.length && isKatakanaCode(text.charCodeAt(end - 1)) && isKatakanaCode(text.charCodeAt(end)));
}

const isKanaCode = (c: number) => (c >= 0x3040 && c <= 0x30ff && c !== 0x30fb) || (c >= 0xff66 && c <= 0xff9f);

/** Whether a text has kana: Japanese, so the Japanese short forms (米 for the United States, 独 Germany) apply. */
export function hasKana(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isKanaCode(text.charCodeAt(i))) return true;
  return false;
}

/** Every character that may start a compound or a visit: the matcher asks no more of any other. */
const STARTS = new Set<number>(
  [...HAN_SHORT_JA.keys(), ...HAN_SHORT_ZH.keys(), ...HANGUL_SHORT.keys(), HANGUL_VISIT].map((ch) => ch.charCodeAt(0)),
);
export function mayStartCompound(c: number): boolean {
  return STARTS.has(c);
}

/** Middle dots that may join the parts of a compound (한·중, 日・中). */
const isDot = (c: number) => c === 0xb7 || c === 0x30fb || c === 0xff65 || c === 0x318d || c === 0x2027;

export interface Compound {
  /** Where each country character is, and its country (ISO3). */
  at: number[];
  iso3: string[];
  /** Where reading goes on. */
  end: number;
}

/** Short forms read from `i`, at most four, each joined to the last by nothing or a middle dot. */
function run(text: string, i: number, table: ReadonlyMap<string, string>): Compound {
  const at: number[] = [];
  const iso3: string[] = [];
  let j = i;
  while (j < text.length && at.length < 4) {
    const iso = table.get(text.charAt(j));
    if (!iso || HAN_SHORT_ALONE_ONLY.includes(text.charAt(j)) || (at.length > 0 && HANGUL_SHORT_FIRST_ONLY.includes(text.charAt(j)))) break;
    // ロ (Russia) is a short form only as a katakana word of its own: not the ロ of ロシア.
    if (isKatakanaCode(text.charCodeAt(j)) && isKatakanaCode(text.charCodeAt(j + 1))) break;
    at.push(j);
    iso3.push(iso);
    j++;
    if (isDot(text.charCodeAt(j)) && table.has(text.charAt(j + 1))) j++;
  }
  return { at, iso3, end: at.length ? at[at.length - 1]! + 1 : i };
}

const isKanji = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
/** Katakana (not the middle dot or the long-vowel mark) or a capital Latin letter, half- or full-width. */
const isNameStart = (c: number) => (c >= 0x30a1 && c <= 0x30fa) || (c >= 65 && c <= 90) || (c >= 0xff21 && c <= 0xff3a);

const distinct = (xs: readonly string[]) => new Set(xs).size === xs.length;

/** A relation word at `p` (日中関係): 間 and 间 only as a word of one character (米中間選挙 is the midterm election). */
function hanRelationAt(text: string, p: number): boolean {
  for (const w of HAN_RELATION_WORDS) {
    if (!text.startsWith(w, p)) continue;
    if (w.length === 1 && isKanji(text.charCodeAt(p + 1))) continue;
    return true;
  }
  return false;
}

/**
 * Countries written one character each at `i` in Han text: a compound of two
 * or three before a relation word (日米首脳会談, 中美关系), or one after a word
 * for a visit (訪米, 来韓, 访美) or before an office or side (米大統領, 中方).
 * `kana`: the block is Japanese. `nameAt(p)`: a longer name is written at `p`
 * (日本, 美国), which wins over a single short form. Null when none.
 */
export function hanCompound(text: string, i: number, kana: boolean, nameAt: (p: number) => boolean): Compound | null {
  const table = kana ? HAN_SHORT_JA : HAN_SHORT_ZH;
  const ch = text.charAt(i);
  if (!table.has(ch)) return null;
  if (isKatakanaCode(ch.charCodeAt(0)) && i > 0 && isKatakanaCode(text.charCodeAt(i - 1))) return null;
  const before = i > 0 ? text.charAt(i - 1) : '';
  if ((before && HAN_SHORT_NOT_AFTER.get(ch)?.includes(before)) || nameAt(i)) return null;
  const r = HAN_SHORT_ALONE_ONLY.includes(ch) ? { at: [i], iso3: [table.get(ch)!], end: i + 1 } : run(text, i, table);
  if (r.at.length >= 2 && r.at.length <= 3 && distinct(r.iso3) && hanRelationAt(text, r.end)) return r;
  // 中非关系, 日欧: a country and a continent or group before a relation word (the country only).
  if (r.at.length === 1 && (kana ? HAN_REGION_SHORT_JA : HAN_REGION_SHORT_ZH).includes(text.charAt(i + 1)) && hanRelationAt(text, i + 2)) {
    return { at: [i], iso3: [r.iso3[0]!], end: i + 2 };
  }
  // Japanese: 米英仏 alone, 中ロ before a particle (not 日中 "daytime").
  if (kana && distinct(r.iso3) && !isKatakanaCode(text.charCodeAt(r.end))) {
    if (r.at.length === 3) return r;
    if (r.at.length === 2 && HAN_JA_PARTICLES.includes(text.charAt(r.end)) && !HAN_PAIRS_THAT_ARE_WORDS.includes(text.slice(r.at[0]!, r.end))) return r;
  }
  // One short form (or the first of a run that is no compound: 訪日中 "while visiting Japan"), if something says it is a country.
  if (HAN_SHORT_COMPOUND_ONLY.includes(ch)) return null;
  const one: Compound = { at: [i], iso3: [r.iso3[0]!], end: i + 1 };
  // 訪米, 来韓, 访美: after a word for a visit that is not part of another word (来訪中 "visiting", 采访 "interview").
  const visits = kana ? HAN_VISIT_JA : HAN_VISIT_ZH;
  if (before && visits.includes(before) && !(i > 1 && HAN_VISIT_NOT_AFTER.get(before)?.includes(text.charAt(i - 2)))) {
    // Chinese writes a visit to China 访华; 访中 is 采访中 "during an interview". Japanese 来 is a visit to Japan or Korea only.
    const ok = (kana ? before !== '来' || ch === '日' || ch === '韓' || ch === '米' : ch !== '中') && !(ch === '中' && HAN_ZHONG_NOT_BEFORE.includes(text.charAt(i + 1)));
    if (ok) return one;
  }
  // 米ホワイトハウス, 英フィナンシャル・タイムズ: a short form before a katakana or Latin name, not after a kanji (玄米パン).
  if (kana && HAN_SHORT_BEFORE_NAMES.includes(ch) && !isKanji(text.charCodeAt(i - 1)) && isNameStart(text.charCodeAt(i + 1))) return one;
  for (const t of HAN_SHORT_TITLES) {
    if (!text.startsWith(t, i + 1)) continue;
    if (t === '方' && text.charAt(i + 2) === '面') continue;
    if (t === '相' && !HAN_SHORT_BEFORE_XIANG.includes(ch)) continue;
    return one;
  }
  return null;
}

/** A Hangul relation word at `p`, directly or after one space. */
function hangulRelationAt(text: string, p: number): boolean {
  const q = text.charCodeAt(p) === 32 ? p + 1 : p;
  return HANGUL_RELATION_WORDS.some((w) => text.startsWith(w, q));
}

/**
 * Countries written one syllable each in Korean: a word made only of two or
 * three short forms (한미, 미중, 한·미·일), before a space, punctuation, a
 * particle or a relation word; one that is also an ordinary word or another
 * place (북미 "North America", 중미) only before a relation word. Also a visit:
 * 방미, 방중, 방일, 방한 (the country syllable only). Null when none.
 */
export function hangulCompound(text: string, i: number, nameAt: (p: number) => boolean): Compound | null {
  if ((i > 0 && cls(text.charCodeAt(i - 1)) === C.HANGUL) || nameAt(i)) return null;
  const ch = text.charAt(i);
  if (ch === HANGUL_VISIT) {
    const iso = HANGUL_SHORT.get(text.charAt(i + 1));
    if (!iso || text.charAt(i + 1) === '남') return null;
    const p = i + 2;
    const c = text.charCodeAt(p);
    let ok: boolean;
    if (p >= text.length || (cls(c) !== C.HANGUL && !isSpaceCode(c))) ok = true;
    else if (isSpaceCode(c)) ok = HANGUL_VISIT_AFTER.some((w) => text.startsWith(w, p + 1) && hangulWordEnds(text, p + 1 + w.length));
    else ok = HANGUL_VISIT_AFTER.some((w) => text.startsWith(w, p)) || HANGUL_FOLLOWERS.some((f) => text.startsWith(f, p));
    return ok ? { at: [i + 1], iso3: [iso], end: p } : null;
  }
  const r = run(text, i, HANGUL_SHORT);
  if (r.at.length === 1 && HANGUL_SHORT_ALONE.includes(ch)) {
    // 미 해군, 북 미사일: the syllable is a word of its own before another; 미군 "US forces".
    const next = text.charCodeAt(i + 1);
    if ((next === 32 && cls(text.charCodeAt(i + 2)) === C.HANGUL) || (ch === '미' && text.charAt(i + 1) === '군' && hangulWordEnds(text, i + 2))) return r;
    return null;
  }
  if (r.at.length < 2 || r.at.length > 3 || !distinct(r.iso3)) return null;
  const p = r.end;
  const word = r.at.map((a) => text.charAt(a)).join('');
  if (hangulRelationAt(text, p)) return r;
  if (HANGUL_COMPOUND_NEEDS_RELATION.has(word)) return null;
  const c = text.charCodeAt(p);
  if (p >= text.length || cls(c) !== C.HANGUL) return r;
  return HANGUL_FOLLOWERS.some((f) => text.startsWith(f, p)) ? r : null;
}
