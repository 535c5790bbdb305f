/**
 * How the matcher reads text: character classes, words, the separators that
 * may join the words of one name, and the folding that makes "Erdoğan",
 * "ERDOGAN" and "Erdogan" one key. The index compiler reads alias strings
 * with these same functions, so a name and its key can never disagree.
 */

export const C = {
  OTHER: 1,
  LOWER: 2,
  UPPER: 3,
  /** A letter of a script without case (Arabic, Hebrew, Devanagari …). */
  CASELESS: 4,
  /** Combining marks, ZWNJ/ZWJ: they continue a word. */
  MARK: 5,
  DIGIT: 6,
  /** Han ideographs and kana: text without spaces, matched by substring. */
  HAN: 7,
  HANGUL: 8,
} as const;
export type C = (typeof C)[keyof typeof C];

// Classified lazily: a 64 KB table costs nothing to allocate and each code is
// tested once per page, so no start-up cost is paid for scripts a page lacks.
const table = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  table[c] = c >= 97 && c <= 122 ? C.LOWER : c >= 65 && c <= 90 ? C.UPPER : c >= 48 && c <= 57 ? C.DIGIT : C.OTHER;
}
// What English pages use outside ASCII, filled in without the Unicode-property
// expressions (compiling those costs more than a small page's whole match).
for (let c = 0xa0; c <= 0xff; c++) table[c] = c >= 0xc0 && c <= 0xde && c !== 0xd7 ? C.UPPER : c >= 0xdf && c !== 0xf7 ? C.LOWER : C.OTHER;
table[0xaa] = table[0xb5] = table[0xba] = C.LOWER;
for (let c = 0x2000; c <= 0x206f; c++) table[c] = C.OTHER;
table[0x200c] = table[0x200d] = C.MARK;
// Invisible characters that pages put inside words (a soft hyphen for line breaking, a zero-width space or word
// joiner from a CMS, a stray BOM): they continue the word, and folding drops them, so "Vla\u00addimir" is "Vladimir".
table[0xad] = table[0x200b] = table[0x2060] = table[0xfeff] = C.MARK;
for (let c = 0x3000; c <= 0x303f; c++) table[c] = C.OTHER;
table[0x3005] = table[0x3006] = table[0x3007] = C.HAN;
for (let c = 0xff01; c <= 0xff0f; c++) table[c] = C.OTHER;

const RE_UPPER = /[\p{Lu}\p{Lt}]/u;
const RE_LOWER = /\p{Ll}/u;
const RE_LETTER = /\p{L}/u;
const RE_MARK = /\p{M}/u;
const RE_DIGIT = /\p{Nd}/u;

function classify(c: number): C {
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f)) return C.HAN;
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return C.HANGUL;
  if (c >= 0xd800 && c <= 0xdfff) return C.OTHER;
  // Modifier-letter apostrophes read as apostrophes, not letters.
  if (c === 0x2bc || c === 0x2bb || c === 0x2b9) return C.OTHER;
  if (c === 0x200c || c === 0x200d) return C.MARK;
  const ch = String.fromCharCode(c);
  // Case mapping answers for every cased script without compiling a Unicode-property expression.
  if (ch.toLowerCase() !== ch) return C.UPPER;
  if (ch.toUpperCase() !== ch) return C.LOWER;
  if (RE_UPPER.test(ch)) return C.UPPER;
  if (RE_LOWER.test(ch)) return C.LOWER;
  if (RE_LETTER.test(ch)) return C.CASELESS;
  if (RE_MARK.test(ch)) return C.MARK;
  if (RE_DIGIT.test(ch)) return C.DIGIT;
  return C.OTHER;
}

export function cls(c: number): C {
  const k = table[c]!;
  if (k !== 0) return k as C;
  const found = classify(c);
  table[c] = found;
  return found;
}

/** Letters, marks and digits make words; HAN and HANGUL runs are read separately. */
export function isWordClass(k: C): boolean {
  return k === C.LOWER || k === C.UPPER || k === C.CASELESS || k === C.MARK || k === C.DIGIT;
}

export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return isWordClass(cls(c));
}

export function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && isWordCode(text.charCodeAt(i))) i++;
  return i;
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 12 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2bc || c === 0x2018;
}

export function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** Separators between the words of a name, as they appear in keys. */
export const SEP_SPACE = ' ';
export const SEP_APOS = "'";
export const SEP_DOT = '.';

/** Longer whitespace runs than this cannot join the words of one name. */
const MAX_GAP = 40;

/** The separator the last successful separatorAt() read (SEP_SPACE, SEP_APOS or SEP_DOT). */
export let lastSeparator = SEP_SPACE;

/**
 * Where the next word of a name starts after position `p` (the end of a
 * word), or -1 when the text at `p` ends the name. A space or hyphen joins
 * ("Kang Kyung-wha" = "Kang Kyung Wha"), so do an apostrophe ("d'Ivoire")
 * and a period with optional spaces ("U.S", "J. Y."); lastSeparator tells
 * which. (No object per call: this runs for every word after a hit.)
 */
export function separatorAt(text: string, p: number): number {
  const n = text.length;
  if (p >= n) return -1;
  const c = text.charCodeAt(p);
  let q = p;
  let sep: string;
  if (isSpaceCode(c)) {
    while (q < n && q - p <= MAX_GAP && isSpaceCode(text.charCodeAt(q))) q++;
    // A word that starts with an apostrophe (a Tongan or Hawaiian glottal stop written ', as in
    // "Fekitamoeloa 'Utoikamanu") is still the next word of the name.
    if (q + 1 < n && isApostrophe(text.charCodeAt(q)) && isWordCode(text.charCodeAt(q + 1))) q++;
    sep = SEP_SPACE;
  } else if (isHyphen(c)) {
    q = p + 1;
    sep = SEP_SPACE;
  } else if (isApostrophe(c)) {
    q = p + 1;
    sep = SEP_APOS;
  } else if (c === 46) {
    q = p + 1;
    while (q < n && q - p <= 3 && isSpaceCode(text.charCodeAt(q))) q++;
    sep = SEP_DOT;
  } else {
    return -1;
  }
  if (q >= n || !isWordCode(text.charCodeAt(q))) return -1;
  lastSeparator = sep;
  return q;
}

const SPECIAL_FOLD: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', æ: 'ae', œ: 'oe', ß: 'ss', ħ: 'h', ŧ: 't', ŀ: 'l' };
/** Combining diacritics (Latin, Greek, Cyrillic) that NFD splits off; other scripts' marks stay (folded the same way on both sides). */
const RE_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const RE_SPECIAL = /[ıłøđæœßħŧŀ]/g;
const RE_INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** One word's key: lower case, without diacritics. */
export function foldWord(w: string): string {
  let ascii = true;
  for (let i = 0; i < w.length; i++) {
    if (w.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return w.toLowerCase();
  // NFKD also turns full-width Latin ("ＵＳ", common on Japanese and Chinese pages) into ASCII.
  return w.normalize('NFKD').replace(RE_MARKS, '').replace(RE_INVISIBLE, '').toLowerCase().replace(RE_SPECIAL, (m) => SPECIAL_FOLD[m] ?? m);
}

/** How a word of an alias must look in the text: U = starts with a capital, A = all capitals (an acronym), x = any. */
export type CaseReq = 'U' | 'A' | 'x';

export interface WordShape {
  /** First character is a capital letter, or a letter of a script without case. */
  capital: boolean;
  /** Has no lower-case letter. */
  allCaps: boolean;
}

export const SHAPE_CAPITAL = 1;
export const SHAPE_ALL_CAPS = 2;

/** A word's shape as bits (SHAPE_CAPITAL, SHAPE_ALL_CAPS): the matcher's hot path allocates no object per word. */
export function shapeBits(text: string, s: number, e: number): number {
  const k = cls(text.charCodeAt(s));
  const bits = k === C.UPPER || k === C.CASELESS ? SHAPE_CAPITAL : 0;
  for (let i = s; i < e; i++) {
    if (cls(text.charCodeAt(i)) === C.LOWER) return bits;
  }
  return bits | SHAPE_ALL_CAPS;
}

export function shapeOf(text: string, s: number, e: number): WordShape {
  const bits = shapeBits(text, s, e);
  return { capital: (bits & SHAPE_CAPITAL) !== 0, allCaps: (bits & SHAPE_ALL_CAPS) !== 0 };
}

export function caseReqOf(word: string): CaseReq {
  const k = cls(word.charCodeAt(0));
  if (k !== C.UPPER) return 'x';
  const shape = shapeOf(word, 0, word.length);
  return word.length >= 2 && shape.allCaps ? 'A' : 'U';
}

export interface AliasKey {
  key: string;
  /** One CaseReq per word, then "." when the alias ends with a period ("U.S."). */
  mask: string;
  words: number;
}

/**
 * An alias string read the way the matcher reads text: null when it is not
 * one run of words joined by name separators (quotes, parentheses, commas),
 * or when it is written in Han or Hangul (those match by substring).
 */
export function aliasKey(alias: string): AliasKey | null {
  const s = alias.trim();
  if (!s || !isWordCode(s.charCodeAt(0))) return null;
  let p = 0;
  let key = '';
  let mask = '';
  let words = 0;
  for (;;) {
    const e = wordEnd(s, p);
    const word = s.slice(p, e);
    key += foldWord(word);
    mask += caseReqOf(word);
    words++;
    const next = separatorAt(s, e);
    if (next < 0) {
      if (e === s.length) return { key, mask, words };
      if (e === s.length - 1 && s.charCodeAt(e) === 46) return { key, mask: mask + '.', words };
      return null;
    }
    key += lastSeparator;
    p = next;
  }
}

export function isCjkCode(c: number): boolean {
  const k = cls(c);
  return k === C.HAN || k === C.HANGUL;
}

/** A name reduced to its letters and digits, without case or diacritics: "Yōko Kamikawa" and "Yoko Kamikawa" fold alike. */
export function foldLetters(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đð]/g, 'd')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ı/g, 'i')
    .replace(/þ/g, 'th')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
