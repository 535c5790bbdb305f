/**
 * Chinese-character names as the three presses write them, and the surnames
 * papers write before a title (岸田首相, 習主席, 윤 대통령). Build time only
 * (node): it uses the dev dependency opencc-js, whose tables never reach the
 * extension; the compiled index carries the spellings it adds.
 *
 * Japanese shinjitai, simplified and traditional characters differ (悦/悅,
 * 习/習, 韩/韓, 国/國): a name stored in one is added in the others, character
 * by character (a phrase table would rewrite a name as a word), unless the
 * spelling is already another entity's name.
 */
import * as OpenCC from 'opencc-js';
import { CJK_COUNTRY_NOT_MENTIONS } from './cjk-country-names';
import type { Knowledge } from './model';
import { entryCode, entryEntity, entryKind, F_FM, F_LEADER, K_BLOCK, K_SURNAME } from '../matching/format';

/**
 * Han names that contain a country's name but are not it, as NOT_MENTIONS in
 * compile.ts (one spelling each: the others are added as for any name): the
 * Taiwan Strait, the Taiwan Relations Act, Japan's broadcaster NHK, the Korean
 * Peninsula (朝鮮 alone, North Korea in Taiwan's press, is Korea as a whole in
 * 朝鮮半島), Seoul's Chosun Ilbo, the China–Africa, China–Arab and China–Latin America forums (names, like the
 * Bank of Japan); and those of cjk-country-names.ts.
 */
export const CJK_NOT_MENTIONS: readonly string[] = [
  '台湾海峡', '台灣關係法', '台湾関係法', '日本放送協会', '日本放送协会', '朝鲜半岛', '朝鮮半島', '朝鮮日報', '朝鲜日报', '中非合作论坛', '中阿合作论坛',
  '中拉论坛', ...CJK_COUNTRY_NOT_MENTIONS,
];

/**
 * Everything this module adds to the index's Han/kana/Hangul names (name ->
 * entry codes): own-script surnames (addCjkSurnames), the names above as
 * blocks, then every name's other spellings (addCjkVariants).
 */
export function addCjkForms(cjk: Map<string, number[]>, people: Knowledge['people'], entityOf: (p: Knowledge['people'][number]) => number): void {
  addCjkSurnames(cjk, people, entityOf);
  for (const n of CJK_NOT_MENTIONS) if (!cjk.has(n)) cjk.set(n, [entryCode(0, K_BLOCK)]);
  addCjkVariants(cjk);
}

type Convert = (s: string) => string;

let converters: { toT: Convert[]; fromT: Convert[] } | null = null;

/** Character-level converters: to traditional (from simplified, from Japanese), and from traditional to the others. */
function chars(): { toT: Convert[]; fromT: Convert[] } {
  if (converters) return converters;
  const make = (from: string, to: string): Convert => {
    const conv = OpenCC.Converter({ from, to });
    const memo = new Map<string, string>();
    return (s) => {
      let out = '';
      for (const ch of s) {
        let v = memo.get(ch);
        if (v === undefined) {
          const c = conv(ch);
          // One character in, one out: a conversion that is not one character is no spelling of this one.
          v = [...c].length === 1 ? c : ch;
          memo.set(ch, v);
        }
        out += v;
      }
      return out;
    };
  };
  converters = { toT: [make('cn', 't'), make('jp', 't')], fromT: [make('t', 'cn'), make('t', 'jp'), make('t', 'tw'), make('t', 'hk')] };
  return converters;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** A name's spellings in traditional, simplified and Japanese characters (the name itself first); one spelling when it has no Han character. */
export function cjkVariants(name: string): string[] {
  if (!HAN.test(name)) return [name];
  const { toT, fromT } = chars();
  let t = name;
  for (const f of toT) t = f(t);
  return [...new Set([name, t, ...fromT.map((f) => f(t))])];
}

const sameEntities = (a: readonly number[], b: readonly number[]) => {
  const x = new Set(a.map(entryEntity));
  const y = new Set(b.map(entryEntity));
  return x.size === y.size && [...x].every((e) => y.has(e));
};
const onlySurnames = (codes: readonly number[]) => codes.every((c) => entryKind(c) === K_SURNAME);

/** Codes of both lists, once per entity and kind (the first list's code kept). */
function union(a: readonly number[], b: readonly number[]): number[] {
  const out = [...a];
  for (const c of b) if (!out.some((o) => entryEntity(o) === entryEntity(c) && entryKind(o) === entryKind(c))) out.push(c);
  return out;
}

/**
 * Adds to the index's Han/kana/Hangul names (name -> entry codes) every
 * other spelling of each name. A spelling that is another entity's name, or
 * a spelling of two entities' names, is left out; surnames (shared by design)
 * take each other's people.
 */
export function addCjkVariants(cjk: Map<string, number[]>): void {
  const proposed = new Map<string, number[] | null>();
  for (const [name, codes] of cjk) {
    for (const v of cjkVariants(name)) {
      if (v === name) continue;
      const had = proposed.get(v);
      if (had === undefined) proposed.set(v, codes);
      else if (had === null) continue;
      else if (sameEntities(had, codes) || (onlySurnames(had) && onlySurnames(codes))) proposed.set(v, union(had, codes));
      else proposed.set(v, null);
    }
  }
  for (const [v, codes] of proposed) {
    if (!codes) continue;
    const existing = cjk.get(v);
    if (!existing) cjk.set(v, codes);
    else if (existing.some((c) => entryKind(c) === K_BLOCK) || codes.some((c) => entryKind(c) === K_BLOCK)) continue;
    else if (sameEntities(existing, codes) || (onlySurnames(existing) && onlySurnames(codes))) cjk.set(v, union(existing, codes));
  }
}

/** Countries whose people's Han or Hangul names start with the surname, one character long. */
const SURNAME_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'SGP', 'KOR', 'PRK']);
const HAN_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,4}$/;
const HANGUL_NAME = /^[\uac00-\ud7a3]{2,4}$/;

/** Countries whose people's own names are written in Hangul: there a Hangul name's first syllable is the surname. */
const HANGUL_OWN = new Set(['KOR', 'PRK']);

/**
 * A person's surnames in their own script: the data's (Japanese, and Hangul forms of foreign names), or the first
 * character of a Chinese or Korean name. Not the first syllable of a Chinese name written in Hangul: 차이잉원's
 * surname is 차이, two syllables, so those come from the data.
 */
export function nativeSurnamesOf(p: Knowledge['people'][number]): string[] {
  const out = new Set(p.nativeSurnames ?? []);
  if (SURNAME_FIRST.has(p.country)) {
    for (const n of p.native) if (HAN_NAME.test(n) || (HANGUL_OWN.has(p.country) && HANGUL_NAME.test(n))) out.add(n.slice(0, 1));
  }
  return [...out];
}

/** F_LEADER when the person ever held a head of state's or government's office, F_FM a foreign minister's. */
export function officeFlags(p: Knowledge['people'][number]): number {
  let flags = 0;
  for (const o of p.offices) {
    if (o.roles.includes('head_of_state') || o.roles.includes('head_of_government')) flags |= F_LEADER;
    if (o.roles.includes('foreign_minister')) flags |= F_FM;
  }
  return flags;
}

/**
 * Adds each person's own-script surname (nativeSurnamesOf) as a K_SURNAME
 * entry with their office flags; the matcher links it only before a title
 * (岸田首相) or an honorific. `entityOf` gives a person's entity number.
 */
export function addCjkSurnames(cjk: Map<string, number[]>, people: Knowledge['people'], entityOf: (p: Knowledge['people'][number]) => number): void {
  for (const p of people) {
    const entity = entityOf(p);
    if (entity < 0) continue;
    const code = entryCode(entity, K_SURNAME, officeFlags(p));
    for (const s of nativeSurnamesOf(p)) {
      const list = cjk.get(s) ?? [];
      if (!list.some((c) => entryEntity(c) === entity && entryKind(c) === K_SURNAME)) list.push(code);
      cjk.set(s, list);
    }
  }
}
