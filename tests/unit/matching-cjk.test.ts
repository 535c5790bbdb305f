/**
 * Japanese, Chinese and Korean text (issue #18, part 4): a name in the other
 * presses' characters (尹錫悦 for 尹錫悅), a surname before a title (岸田首相,
 * 윤 대통령), and countries written one character each (日米首脳会談, 中美关系,
 * 한미일). Built from the knowledge as the build builds it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import countriesDataset from 'world-countries';
import { loadKnowledge } from '../../scripts/knowledge-files';
import { assembleKnowledge, type DatasetCountry } from '../../src/knowledge/assemble';
import { addCjkVariants, cjkVariants, nativeSurnamesOf } from '../../src/knowledge/cjk-forms';
import { compileMatchIndex, describeKey } from '../../src/knowledge/compile';
import { entryCode, F_FM, F_LEADER, K_NATIVE, K_SURNAME } from '../../src/matching/format';
import { createPageMatcher, createPartMatcher, indexPartForText, type Mention } from '../../src/matching';

const { knowledge } = loadKnowledge();
const index = compileMatchIndex(knowledge);

/** Every mention of a page whose blocks are given in order, as [text, entity, kind, how]. */
function find(...blocks: string[]): [string, string, string, string][] {
  const m = createPageMatcher(index);
  return blocks.flatMap((b) => m.matchBlock(b).map((x): [string, string, string, string] => [b.slice(x.start, x.end), x.entity, x.kind, x.how]));
}
/** The mentions of the last block only. */
function last(...blocks: string[]): [string, string, string, string][] {
  const m = createPageMatcher(index);
  let out: readonly Mention[] = [];
  for (const b of blocks) out = m.matchBlock(b);
  const b = blocks[blocks.length - 1]!;
  return out.map((x) => [b.slice(x.start, x.end), x.entity, x.kind, x.how]);
}
const countries = (text: string) => find(text).filter((x) => x[2] === 'country').map((x) => `${x[0]}:${x[1]}`);

describe('a name in the characters of another press', () => {
  test('the variants of a name: traditional, simplified and Japanese', () => {
    expect(cjkVariants('尹錫悅')).toEqual(expect.arrayContaining(['尹錫悅', '尹锡悦', '尹錫悦']));
    expect(cjkVariants('习近平')).toEqual(expect.arrayContaining(['习近平', '習近平']));
    expect(cjkVariants('国際連合')).toEqual(expect.arrayContaining(['國際連合']));
    expect(cjkVariants('윤석열')).toEqual(['윤석열']);
  });

  test('尹錫悦 as Japanese papers write it is the person stored as 尹錫悅', () => {
    expect(knowledge.people.find((p) => p.wikipedia === 'Yoon Suk Yeol')?.native).not.toContain('尹錫悦');
    expect(find('韓国の尹錫悦大統領は')).toContainEqual(['尹錫悦', 'Yoon Suk Yeol', 'person', 'native']);
  });

  test('a Taiwanese name in Japanese shinjitai, and an organisation in traditional characters', () => {
    expect(find('台湾の頼清徳総統')).toContainEqual(['頼清徳', 'Lai Ching-te', 'person', 'native']);
    expect(describeKey(index, '國際連合').map((e) => e.entity)).toEqual(['United Nations']);
  });

  test('a longer name that contains a country\'s hides it in every spelling (朝鮮半島, 朝鲜半岛, 台灣海峽)', () => {
    for (const t of ['朝鮮半島の非核化', '朝鲜半岛无核化', '台灣海峽和平', '台湾海峡の平和']) expect(find(t), t).toEqual([]);
  });

  test('a variant that is another entity\'s name is left out', () => {
    const cjk = new Map<string, number[]>([
      ['习近平', [entryCode(300, K_NATIVE)]],
      ['習近平', [entryCode(301, K_NATIVE)]],
    ]);
    addCjkVariants(cjk);
    expect(cjk.get('習近平')).toEqual([entryCode(301, K_NATIVE)]);
    expect(cjk.get('习近平')).toEqual([entryCode(300, K_NATIVE)]);
  });

  test('two names whose variants meet give neither the shared spelling', () => {
    const cjk = new Map<string, number[]>([
      ['国连', [entryCode(300, K_NATIVE)]],
      ['國連', [entryCode(301, K_NATIVE)]],
    ]);
    addCjkVariants(cjk);
    // 国连 and 國連 both become 國連 in traditional and 国连 in simplified: each keeps its own, nothing is added for the other.
    expect(cjk.get('國連')).toEqual([entryCode(301, K_NATIVE)]);
    expect(cjk.get('国连')).toEqual([entryCode(300, K_NATIVE)]);
  });
});

describe('a surname before a title', () => {
  test('the Japanese prime ministers and foreign ministers since 2017 declare their family name, a prefix of their name', () => {
    const ids = ['Shinzo Abe', 'Yoshihide Suga', 'Fumio Kishida', 'Shigeru Ishiba', 'Sanae Takaichi', 'Taro Kono', 'Toshimitsu Motegi', 'Yoshimasa Hayashi', 'Yōko Kamikawa', 'Takeshi Iwaya'];
    for (const id of ids) {
      const p = knowledge.people.find((x) => x.wikipedia === id)!;
      expect(p.nativeSurnames?.length, id).toBeGreaterThan(0);
      for (const s of p.nativeSurnames!) expect(p.native.some((n) => n.startsWith(s) && n.length > s.length), `${id} ${s}`).toBe(true);
    }
    expect(nativeSurnamesOf(knowledge.people.find((x) => x.wikipedia === 'Yoshihide Suga')!)).toEqual(['菅']);
    expect(nativeSurnamesOf(knowledge.people.find((x) => x.wikipedia === 'Yoon Suk Yeol')!)).toEqual(expect.arrayContaining(['윤', '尹']));
  });

  test('a surname written for a person in another file (extraNames) joins theirs', () => {
    const person = {
      wikipedia: 'Test Person', name: 'Test Person', native: ['試験太郎'], surname: 'Person', country: 'JPN', summary: 'A person made up for a test of the merge.',
      offices: [{ title: 'Prime Minister of Japan', roles: ['head_of_government'], country: 'JPN', start: '2020-01-01', end: null, source: 'https://example.org/' }],
    };
    const { knowledge: k, problems } = assembleKnowledge(
      [
        { file: 'meta.json', data: { asOf: '2026-01-01' } },
        { file: 'people.json', data: { people: [person] } },
        { file: 'names.json', data: { extraNames: [{ wikipedia: 'Test Person', native: ['试验太郎'], nativeSurnames: ['試験'] }] } },
      ],
      countriesDataset as unknown as DatasetCountry[],
    );
    expect(problems).toEqual([]);
    expect(k.people[0]!.nativeSurnames).toEqual(['試験']);
    expect(createPageMatcher(compileMatchIndex(k)).matchBlock('試験首相は').map((m) => m.entity)).toEqual(['Test Person']);
  });

  test('surnames carry the office flags', () => {
    expect(describeKey(index, '岸田')).toEqual([{ entity: 'Fumio Kishida', kind: K_SURNAME, flags: F_LEADER | F_FM }]);
    expect(describeKey(index, '菅')).toEqual([{ entity: 'Yoshihide Suga', kind: K_SURNAME, flags: F_LEADER }]);
    expect(describeKey(index, '王')).toContainEqual({ entity: 'Wang Yi', kind: K_SURNAME, flags: F_FM });
  });

  test.each([
    ['岸田首相は会見で述べた。', '岸田', 'Fumio Kishida'],
    ['茂木外相が訪問した。', '茂木', 'Toshimitsu Motegi'],
    ['菅総理大臣は', '菅', 'Yoshihide Suga'],
    ['習主席は述べた', '習', 'Xi Jinping'],
    ['习主席指出', '习', 'Xi Jinping'],
    ['王外长表示', '王', 'Wang Yi'],
    ['王外交部長說', '王', 'Wang Yi'],
    ['尹大統領は', '尹', 'Yoon Suk Yeol'],
    ['윤 대통령은 말했다', '윤', 'Yoon Suk Yeol'],
    ['윤대통령은 말했다', '윤', 'Yoon Suk Yeol'],
    ['賴總統表示', '賴', 'Lai Ching-te'],
    ['尹 대통령은', '尹', 'Yoon Suk Yeol'],
  ])('%s', (text, surname, entity) => {
    expect(find(text)).toEqual([[surname, entity, 'person', 'surname']]);
  });

  test('not without a title, nor before a title of an office the person never held', () => {
    expect(find('岸田は')).toEqual([]);
    expect(find('菅外相は')).toEqual([]);
    expect(find('윤 교수는')).toEqual([]);
    // Inside a Korean word, the syllable is no surname.
    expect(find('김윤 대통령')).toEqual([]);
  });

  test('several people fit the title: only the one named in full on the page', () => {
    expect(find('李総理は述べた')).toEqual([]);
    expect(last('李克強首相が来日した。', '李総理は述べた')).toEqual([['李', 'Li Keqiang', 'person', 'surname']]);
    expect(find('林外相は')).toEqual([]);
    expect(last('林芳正外相が', '林外相は')).toEqual([['林', 'Yoshimasa Hayashi', 'person', 'surname']]);
  });

  test('a title other offices share (장관) links only someone named in full', () => {
    expect(find('박 장관은')).toEqual([]);
    expect(last('박진 외교부 장관은', '박 장관은')).toEqual([['박', 'Park Jin (politician)', 'person', 'surname']]);
    expect(find('박 외교부 장관은')).toEqual([['박', 'Park Jin (politician)', 'person', 'surname']]);
  });

  test('an honorific links only someone named in full, or by a title only they held', () => {
    expect(find('岸田氏は')).toEqual([]);
    expect(last('上川外相は', '上川大臣は')).toEqual([['上川', 'Yōko Kamikawa', 'person', 'surname']]);
    expect(last('岸田文雄首相は', '岸田氏は')).toEqual([['岸田', 'Fumio Kishida', 'person', 'surname']]);
    expect(find('王氏は')).toEqual([]);
    expect(last('王毅外相と会談した。', '王氏は')).toEqual([['王', 'Wang Yi', 'person', 'surname']]);
  });

  test('the full name wins over its surname', () => {
    expect(find('岸田文雄首相')).toEqual([['岸田文雄', 'Fumio Kishida', 'person', 'native']]);
  });
});

describe('two or three countries written one character each', () => {
  test.each([
    ['日米首脳会談が開かれた', ['日:JPN', '米:USA']],
    ['日中関係の改善', ['日:JPN', '中:CHN']],
    ['韓日両国政府が', ['韓:KOR', '日:JPN']],
    ['日米韓首脳会談', ['日:JPN', '米:USA', '韓:KOR']],
    ['米中間の対立が', ['米:USA', '中:CHN']],
    ['推动中美关系取得更大发展', ['中:CHN', '美:USA']],
    ['台美關係堅若磐石', ['台:TWN', '美:USA']],
    ['首相が訪米した', ['米:USA']],
    ['来日中のバイデン', ['日:JPN']],
    ['中方期待', ['中:CHN']],
    ['米大統領は', ['米:USA']],
    ['한미 정상회담을 가졌다', ['한:KOR', '미:USA']],
    ['한미일 정상회의', ['한:KOR', '미:USA', '일:JPN']],
    ['한·중 관계를', ['한:KOR', '중:CHN']],
    ['북미 정상은', ['북:PRK', '미:USA']],
    ['방미 중인 대통령', ['미:USA']],
    ['対中政策を見直す', ['中:CHN']],
    ['中日韩三国合作', ['中:CHN', '日:JPN', '韩:KOR']],
    ['港媒报道', ['港:HKG']],
  ])('%s', (text, expected) => {
    expect(countries(text)).toEqual(expected);
  });

  test.each([
    '日中の気温が上がる',
    '米中間選挙の結果',
    '今日中に返事する',
    '来訪中の首相',
    '欧州歴訪中の首相',
    '习近平访华',
    '采访中美',
    '북미 지역의 날씨',
    '방한 용품을 샀다',
    '한미약품 주가',
    '미미한 차이',
    '미남이다',
    '중남미 국가',
    '회의 중일 때',
    '対中東政策',
    '对美好生活的向往',
    '新政府成立',
    '港澳合作',
  ])('none in %s', (text) => {
    expect(countries(text)).toEqual([]);
  });

  test('a name written from the same character wins (日本, 북한, 中国)', () => {
    expect(countries('日本と中国')).toEqual(['日本:JPN', '中国:CHN']);
    expect(countries('북한과')).toEqual(['북한:PRK']);
  });

  test('a compound with a country the knowledge lacks is not read at all', () => {
    const noTaiwan = compileMatchIndex({ ...knowledge, countries: knowledge.countries.filter((c) => c.iso3 !== 'TWN') });
    expect(createPageMatcher(noTaiwan).matchBlock('台美關係堅若磐石').filter((m) => m.kind === 'country')).toEqual([]);
  });

  test('a page\'s part of the index carries the countries', () => {
    for (const text of ['日米首脳会談', '한미 정상회담', '中美关系']) {
      const m = createPartMatcher(indexPartForText(index, text));
      expect(m.matchBlock(text).map((x) => x.entity), text).toEqual(countries(text).map((c) => c.split(':')[1]));
    }
    // And the surnames: their lines start with their character, as names do.
    expect(createPartMatcher(indexPartForText(index, '岸田首相は')).matchBlock('岸田首相は').map((x) => x.entity)).toEqual(['Fumio Kishida']);
  });
});

// ---------------------------------------------------------------- properties

const cjkLines = index.cjk.split('\n');
const cjkVals = index.cjkVals.split('\n').map((v) => v.split(' ').map(Number));
const isSurnameLine = (i: number) => cjkVals[i]!.every((c) => (c & 7) === K_SURNAME);
/** Full names (people, countries, organisations) as the index has them, and surnames. */
const FULL = cjkLines.filter((n, i) => !isSurnameLine(i) && n.length >= 2);
const SURNAMES = cjkLines.filter((_, i) => isSurnameLine(i));
const SHARED = cjkLines.filter((_, i) => isSurnameLine(i) && new Set(cjkVals[i]!.map((c) => Math.floor(c / 512))).size >= 2);
const LEADER = ['首相', '総理', '総理大臣', '大統領', '主席', '国家主席', '國家主席', '总理', '總理', '总统', '總統', '대통령', '총리', '주석', '국무위원장', '위원장'];
const FM = ['外相', '外務大臣', '大臣', '外長', '外长', '外交部長', '外交部长', '国務委員', '國務委員', '国务委员', '장관', '외교부 장관', '외교부장관', '외무상', '외교부장', '부장'];
const HONORIFIC = ['氏', '씨', '님'];
/** Titles other offices share: like an honorific, they need the person named in full. */
const GENERIC = ['장관', '大臣', '부장', '위원장'];
const TITLES = [...LEADER, ...FM, ...HONORIFIC];
const FILLERS = ['', '', 'は', 'の', '、', 'と', ' ', '。', '이', '는', '大', '会', '表示'];

/** The title right after a surname mention (one space allowed in Hangul), longest first, or null. */
function titleAfterMention(text: string, m: Mention): string | null {
  let p = m.end;
  if (text.charAt(p) === ' ' && /[\uac00-\ud7a3]/.test(text.charAt(p + 1))) p++;
  return [...TITLES].sort((a, b) => b.length - a.length).find((t) => text.startsWith(t, p)) ?? null;
}

describe('properties', () => {
  test('text made of the knowledge\'s own names never yields a surname mention inside a longer name', () => {
    const piece = fc.oneof(
      fc.constantFrom(...FULL).map((t) => ({ t, full: true })),
      fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...TITLES)).map(([s, title]) => ({ t: s + title, full: false })),
      fc.constantFrom(...FILLERS).map((t) => ({ t, full: false })),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const spans: [number, number][] = [];
        let text = '';
        for (const p of pieces) {
          if (p.full) spans.push([text.length, text.length + p.t.length]);
          text += p.t;
        }
        const out = createPageMatcher(index).matchBlock(text);
        for (const m of out) {
          if (m.how !== 'surname') continue;
          // A surname mention starts no name written there in full, and lies inside none.
          for (const [a, b] of spans) expect(m.start >= a && m.start < b, `${text} @${m.start}`).toBe(false);
          expect(titleAfterMention(text, m), text).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a surname two tracked people share links only by the title rules', () => {
    const owners = new Map<string, { entity: string; flags: number }[]>(SHARED.map((s) => [s, describeKey(index, s).map((e) => ({ entity: e.entity, flags: e.flags }))]));
    const fullOf = new Map<string, string[]>();
    for (const p of knowledge.people) fullOf.set(p.wikipedia, p.native.filter((n) => /[\u4e00-\u9fff\uac00-\ud7a3]/.test(n.charAt(0))));
    const piece = fc.oneof(
      fc.tuple(fc.constantFrom(...SHARED), fc.constantFrom(...TITLES, ...FILLERS, ' 대표', '教授', '先生')).map(([s, tail]) => s + tail),
      fc.constantFrom(...SHARED).chain((s) => fc.constantFrom(...owners.get(s)!.flatMap((o) => fullOf.get(o.entity) ?? []), s)),
      fc.constantFrom(...FILLERS),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        const out = createPageMatcher(index).matchBlock(text);
        for (const m of out) {
          if (m.how !== 'surname') continue;
          const surname = text.slice(m.start, m.end);
          const own = owners.get(surname);
          if (!own) continue;
          expect(own.map((o) => o.entity), text).toContain(m.entity);
          const title = titleAfterMention(text, m);
          expect(title, text).not.toBeNull();
          const flag = LEADER.includes(title!) ? F_LEADER : FM.includes(title!) ? F_FM : 0;
          const fits = own.filter((o) => !flag || (o.flags & flag) !== 0);
          expect(fits.map((o) => o.entity), text).toContain(m.entity);
          if (flag && fits.length === 1 && !GENERIC.includes(title!)) continue;
          // Several fit (or an honorific): exactly one of them was named before (in full, or by a title only they held), and it is the one linked.
          const named = new Set(out.filter((x) => x.start < m.start && x.kind === 'person').map((x) => x.entity));
          expect(fits.filter((o) => named.has(o.entity)).map((o) => o.entity), text).toEqual([m.entity]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('East Asian leaders in each other\'s scripts (names-cjk-east-asia.json)', () => {
  test('Hangul for Chinese, Japanese and Taiwanese leaders, katakana for Korean ones, and their surnames before a title', () => {
    expect(find('시진핑 중국 국가주석과 기시다 후미오 일본 총리')).toEqual([
      ['시진핑', 'Xi Jinping', 'person', 'native'], ['중국', 'CHN', 'country', 'native'],
      ['기시다 후미오', 'Fumio Kishida', 'person', 'native'], ['일본', 'JPN', 'country', 'native'],
    ]);
    expect(find('시 주석은 이시바 총리와 만났다').map((x) => x[1])).toEqual(['Xi Jinping', 'Shigeru Ishiba']);
    expect(find('라이 총통은 말했다').map((x) => x[1])).toEqual(['Lai Ching-te']);
    expect(find('ユン・ソンニョル大統領とイ・ジェミョン氏').map((x) => x[1])).toEqual(['Yoon Suk Yeol', 'Lee Jae Myung']);
  });

  test('a Chinese name written in Hangul gives no one-syllable surname: 차이잉원\'s is 차이, an everyday word, so none', () => {
    const tsai = knowledge.people.find((p) => p.wikipedia === 'Tsai Ing-wen')!;
    expect(tsai.native).toContain('차이잉원');
    expect(nativeSurnamesOf(tsai)).not.toContain('차');
    expect(find('차 총통과 차이 총통')).toEqual([]);
    // A katakana name inside a longer katakana word is no one's: イ・ジェミョン begins at its own word.
    expect(find('タイ・ジェミョン').map((x) => x[1])).not.toContain('Lee Jae Myung');
  });
});

describe('Korean leaders\' katakana surnames before a title (NHK style)', () => {
  test('イ大統領, ユン大統領 and キム総書記 link; イ inside タイ首相 and ユン inside a longer katakana word do not', () => {
    expect(find('イ大統領は高市首相と会談した').map((x) => x[1])).toEqual(['Lee Jae Myung', 'Sanae Takaichi']);
    expect(find('ユン大統領').map((x) => x[1])).toEqual(['Yoon Suk Yeol']);
    expect(find('キム総書記').map((x) => x[1])).toEqual(['Kim Jong Un']);
    expect(find('タイ首相が来日').map((x) => `${x[0]}:${x[1]}`)).toEqual(['タイ:THA', '日:JPN']);
    expect(find('バンコクのタイ首相府')).toEqual([['タイ', 'THA', 'country', 'native']]);
  });

  test('a surname two people share (チョ: Cho Tae-yul, Cho Hyun) links only to the one the page named in full', () => {
    expect(find('チョ外相は述べた')).toEqual([]);
    expect(find('チョ・ヒョン外相が就任した。', 'チョ外相は述べた').map((x) => x[1])).toEqual(['Cho Hyun (diplomat)', 'Cho Hyun (diplomat)']);
  });
});

describe('Japanese compounds without a relation word, and ロ for Russia', () => {
  test.each([
    ['常任理事国の米英仏と中ロが対立', ['米:USA', '英:GBR', '仏:FRA', '中:CHN', 'ロ:RUS']],
    ['中ロの反対で否決された', ['中:CHN', 'ロ:RUS']],
    ['米主導の決議案', ['米:USA']],
    ['日ロ首脳会談', ['日:JPN', 'ロ:RUS']],
    ['対ロ制裁を強化', ['ロ:RUS']],
  ])('%s', (text, expected) => {
    expect(countries(text)).toEqual(expected);
  });

  test.each([
    // ロ inside a katakana word, a pair that is a word (日中 "daytime", 中米 "Central America"), a run before katakana.
    ['ロシアとヨーロッパ', ['ロシア:RUS']],
    ['日中は気温が上がる', []],
    ['中米のコスタリカ', ['コスタリカ:CRI']],
    ['ブロ中の記事', []],
    ['この日朝には石油相が', []],
    ['朝日が昇る', []],
  ])('not a compound: %s', (text, expected) => {
    expect(countries(text)).toEqual(expected);
  });
});

describe('a country and a continent or group before a relation word', () => {
  test.each([
    ['高度评价中非关系发展', ['中:CHN']],
    ['中欧合作不断深化', ['中:CHN']],
    ['中阿合作不断深化', ['中:CHN']],
    ['日欧関係の強化', ['日:JPN']],
  ])('%s', (text, expected) => {
    expect(countries(text)).toEqual(expected);
  });

  test.each([
    // Central Europe, the Central African Republic by its name, a continent without a relation word.
    ['中欧国家的经济', []],
    ['中非共和国总统', ['中非共和国:CAF']],
    ['中非两字', []],
    // The forums' names are names (as the Bank of Japan is): 中非合作论坛, 中拉论坛.
    ['主持中非合作论坛峰会', []],
    ['中拉论坛部长级会议', []],
  ])('not: %s', (text, expected) => {
    expect(countries(text)).toEqual(expected);
  });
});

describe('a Korean organisation\'s short name run into the next word', () => {
  test('유엔총회, 유엔대표부 and 나토정상회의 name the organisation; inside another word they do not', () => {
    const orgs = (text: string) => find(text).filter((x) => x[2] === 'organisation').map((x) => `${x[0]}:${x[1]}`);
    expect(orgs('유엔총회에서 연설했다')).toEqual(['유엔:United Nations']);
    expect(orgs('주유엔대표부는')).toEqual([]);
    expect(orgs('나토정상회의 참석')).toEqual(['나토:NATO']);
  });
});
