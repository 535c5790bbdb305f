/**
 * Every country by its Japanese, Chinese and Korean names (CLDR and
 * world-countries, src/knowledge/cjk-country-names.ts), and the words around
 * them that are something else.
 */
import { describe, expect, test } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge-files';
import { COMMON_WORD_NAMES, cjkCountryNames } from '../../src/knowledge/cjk-country-names';
import { compileMatchIndex } from '../../src/knowledge/compile';
import { katakanaBounded } from '../../src/matching/cjk';
import { createPageMatcher } from '../../src/matching';

const { knowledge } = loadKnowledge();
const index = compileMatchIndex(knowledge);
const names = cjkCountryNames(knowledge.countries);

/** The mentions in a text, as "text:entity". */
function found(text: string): string[] {
  return createPageMatcher(index).matchBlock(text).map((m) => `${text.slice(m.start, m.end)}:${m.entity}`);
}

const KANA = /[\u30a0-\u30ff]/;
const HANGUL = /[\uac00-\ud7af]/;
const HAN = /^[\u3400-\u9fff]+$/;
/** Countries the Japanese press writes in kanji, not katakana. */
const KANJI_IN_JAPANESE = new Set(['JPN', 'CHN', 'KOR', 'PRK', 'TWN', 'HKG', 'MAC']);

describe('every country has its names in the three languages', () => {
  test('a katakana name for every country Japanese writes so, a Han name for every one, a Hangul name for every one, but for the few left out on purpose', () => {
    const missing: Record<'ja' | 'zh' | 'ko', string[]> = { ja: [], zh: [], ko: [] };
    for (const c of knowledge.countries) {
      const n = names.get(c.iso3) ?? [];
      if (!KANJI_IN_JAPANESE.has(c.iso3) && !n.some((x) => KANA.test(x))) missing.ja.push(c.iso3);
      if (!n.some((x) => HAN.test(x))) missing.zh.push(c.iso3);
      if (!n.some((x) => HANGUL.test(x))) missing.ko.push(c.iso3);
    }
    // Georgia: ジョージア and 조지아 are the US state as often (COMMON_WORD_NAMES); 도미니카 공화국 is both Dominicas in
    // the data; Guam is one syllable in Korean (괌).
    expect(missing).toEqual({ ja: ['GEO'], zh: [], ko: ['DOM', 'GEO', 'GUM'] });
    expect(knowledge.countries.length).toBeGreaterThan(200);
  });

  test('no name is given to two countries, and none of the common words is a name', () => {
    const owner = new Map<string, string>();
    for (const [iso3, list] of names) {
      for (const n of list) {
        expect(owner.get(n), `${n}: ${iso3} and ${owner.get(n)}`).toBeUndefined();
        owner.set(n, iso3);
        expect(COMMON_WORD_NAMES.has(n)).toBe(false);
      }
    }
  });
});

describe('countries in Japanese, Chinese and Korean text', () => {
  test.each([
    ['ウクライナとペルーの首脳が会談した', ['ウクライナ:UKR', 'ペルー:PER']],
    ['インドとタイは協力を確認', ['インド:IND', 'タイ:THA']],
    ['乌克兰和秘鲁领导人会晤', ['乌克兰:UKR', '秘鲁:PER']],
    ['烏克蘭與義大利外長通話', ['烏克蘭:UKR', '義大利:ITA']],
    ['우크라이나와 페루 정상이 만났다', ['우크라이나:UKR', '페루:PER']],
    ['보스니아 헤르체고비나 정부는', ['보스니아 헤르체고비나:BIH']],
    ['인도를 방문한 대통령', ['인도:IND']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    // A katakana name inside a longer katakana word.
    ['ニューギニア島の東部', []],
    ['アメリカンフットボールの試合', []],
    ['チリソースを添える', []],
    // Words that begin with a country's name.
    ['インド太平洋の安全保障', []],
    ['印度洋上的航运', []],
    ['马里兰州州长', []],
    // The Sultan of Brunei: the title is no Sudan (the whole title is passed over, Brunei with it).
    ['文莱苏丹哈桑纳尔', []],
    // Korean: humanitarian (인도적), means (수단), a short name inside a word.
    ['인도적 지원을 늘린다', []],
    ['외교적 수단을 동원했다', []],
  ])('not a country where it is something else: %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('organisations as Taiwan and Southeast Asia write them', () => {
    expect(found('東協外長會議在雅加達舉行')).toEqual(['東協:ASEAN']);
    expect(found('东协峰会')).toEqual(['东协:ASEAN']);
    expect(found('亞太經濟合作會議領袖會議')).toEqual(['亞太經濟合作會議:Asia-Pacific Economic Cooperation']);
  });
});

describe('katakanaBounded', () => {
  test('a katakana name is a whole katakana word; kanji, hiragana and the middle dot end it', () => {
    const t = 'のマリアとマリ・ドイツ人';
    expect(katakanaBounded(t, 1, 3)).toBe(false); // マリ in マリア
    expect(katakanaBounded(t, 5, 7)).toBe(true); // マリ before ・
    expect(katakanaBounded(t, 8, 11)).toBe(true); // ドイツ before 人
    expect(katakanaBounded('ニューギニア', 3, 6)).toBe(false);
  });
});

describe('official forms and the press\'s short forms', () => {
  test.each([
    ['吐瓦魯國與帛琉共和國', ['吐瓦魯國:TUV', '帛琉共和國:PLW']],
    ['史瓦帝尼王國支持', ['史瓦帝尼王國:SWZ']],
    ['남아프리카공화국 대통령', ['남아프리카공화국:ZAF']],
    ['南アフリカ共和国の大統領', ['南アフリカ共和国:ZAF']],
    // A lone 国 is the official form only before a conjunction, a particle or no Han at all.
    ['印度国防部表示', ['印度:IND']],
    ['沙特和阿联酋', ['沙特:SAU', '阿联酋:ARE']],
    ['사우디와 남아공', ['사우디:SAU', '남아공:ZAF']],
    ['サウジの皇太子', ['サウジ:SAU']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
