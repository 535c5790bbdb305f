/**
 * Hangul names followed by particles (rules.ts HANGUL_FOLLOWERS, the matcher's
 * native run): a name of three syllables or more is found before any Hangul;
 * a shorter one only before a listed particle or title, each of which is
 * checked here.
 */
import { describe, expect, test } from 'vitest';
import indexJson from '../../src/generated/match-index.json';
import { createPageMatcher, type MatchIndex } from '../../src/matching';
import { HANGUL_FOLLOWERS } from '../../src/matching/rules';

const index = indexJson as unknown as MatchIndex;
const find = (text: string) => createPageMatcher(index).matchBlock(text).map((m) => [text.slice(m.start, m.end), m.entity]);

const KANG = ['강경화', 'Kang Kyung-wha'];
const PARK = ['박진', 'Park Jin (politician)'];
/** Particles that are not on the list. */
const UNLISTED = ['까지', '조차', '마저', '한테', '보다', '처럼', '부터'];

describe('a three-syllable Korean name', () => {
  test.each(UNLISTED)('is found before %s, a particle not on the list', (p) => {
    expect(HANGUL_FOLLOWERS).not.toContain(p);
    expect(find(`회의에는 강경화${p} 참석했다.`)).toEqual([KANG]);
  });

  test('a two-syllable one is not, before the same particles', () => {
    for (const p of UNLISTED) expect(find(`회의에는 박진${p} 참석했다.`)).toEqual([]);
  });

  test('is found before a listed particle, at the end of the text and before punctuation', () => {
    expect(find('강경화는 말했다')).toEqual([KANG]);
    expect(find('발언자: 강경화')).toEqual([KANG]);
    expect(find('강경화, 박진.')).toEqual([KANG, PARK]);
  });

  test('is not found after Hangul (inside a longer word)', () => {
    expect(find('김강경화까지')).toEqual([]);
  });
});

/**
 * The followers, copied here so that dropping one from rules.ts fails its own case below (a table read from the list
 * would lose the case with the word). A follower that starts with another (이다 with 이, 에게 and 에서 with 에) is
 * decided by that one, so it has no case of its own.
 */
const FOLLOWERS = [
  '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '로', '으로', '만', '께', '씨', '님', '측', '장관', '대통령', '총리',
  '위원장', '대변인', '외무상', '외상', '부장', '주석', '총서기', '전', '입니다', '정부', '국민', '인',
];

describe('a two-syllable Korean name before each listed follower', () => {
  test('every follower of the list has a case here, or starts with one that has', () => {
    expect(HANGUL_FOLLOWERS.filter((f) => !FOLLOWERS.some((g) => f.startsWith(g)))).toEqual([]);
  });
  test.each(FOLLOWERS)('박진%s', (f) => {
    expect(find(`어제 박진${f} 발표했다.`)).toEqual([PARK]);
  });
  test('the control: an unlisted syllable after the name hides it (박진감)', () => {
    expect(find('어제 박진감 발표했다.')).toEqual([]);
  });
});

describe('a nationality: a two-syllable country before 인', () => {
  test('미국인, 중국인 and 일본인 are the countries; 미인 ("a beauty") is no one', () => {
    const countries = (text: string) => find(text).map((x) => x.join(':'));
    expect(countries('미국인 관광객과 중국인, 일본인')).toEqual(['미국:USA', '중국:CHN', '일본:JPN']);
    expect(countries('미인 대회')).toEqual([]);
  });
});
