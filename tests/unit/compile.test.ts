/** The compiled match index: what goes in, how it is keyed, and that it stays small. */
import { describe, expect, test } from 'vitest';
import { compileMatchIndex, describeKey, indexStats } from '../../src/knowledge/compile';
import type { Country, Knowledge } from '../../src/knowledge/model';
import type { Person } from '../../src/knowledge/schema';
import { F_CALENDAR, F_CAREFUL, F_TITLE_OK, K_ALIAS, K_BLOCK, K_DEMONYM, K_NAME, K_NATIVE, K_SEAT, K_SURNAME } from '../../src/matching/format';
import { aliasKey } from '../../src/matching/text';
import { loadKnowledge } from '../../scripts/knowledge-files';

function country(iso3: string, name: string, extra: Partial<Country> = {}): Country {
  return {
    iso3, name, official: name, aliases: [name], demonyms: [], capital: null, governmentSeats: [], flag: '', region: '', subregion: '',
    unMember: true, ambiguousNames: [], ...extra,
  };
}

function person(wikipedia: string, name: string, surname: string, extra: Partial<Person> = {}): Person {
  return { wikipedia, name, surname, native: [], aliases: [], country: 'AAA', summary: 'A person made up for a unit test.', offices: [], ...extra };
}

function knowledge(countries: Country[], people: Person[]): Knowledge {
  return { asOf: '2026-01-01', countries, people, organisations: [], events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [] };
}

const kinds = (index: ReturnType<typeof compileMatchIndex>, alias: string) => describeKey(index, alias).map((e) => [e.entity, e.kind]);

describe('alias keys', () => {
  test('fold case, diacritics and hyphens; keep apostrophes and periods as separators', () => {
    expect(aliasKey('Kang Kyung-wha')).toEqual({ key: 'kang kyung wha', mask: 'UUx', words: 3 });
    expect(aliasKey('Recep Tayyip Erdoğan')?.key).toBe('recep tayyip erdogan');
    expect(aliasKey('Binali Yıldırım')?.key).toBe('binali yildirim');
    expect(aliasKey('Côte d’Ivoire')).toEqual(aliasKey("Cote d'Ivoire"));
    expect(aliasKey('U.S.')).toEqual({ key: 'u.s', mask: 'UU.', words: 2 });
    expect(aliasKey('DPRK')).toEqual({ key: 'dprk', mask: 'A', words: 1 });
    // Not a run of words joined by name separators: left out.
    expect(aliasKey('Republic of China (Taiwan)')).toBeNull();
    expect(aliasKey('Joko "Jokowi" Widodo')).toBeNull();
  });
});

describe('compileMatchIndex', () => {
  const k = knowledge(
    [
      country('JOR', 'Jordan', { demonyms: ['Jordanian'], capital: 'Amman', governmentSeats: ['Amman'], ambiguousNames: ['Jordan'] }),
      country('SYC', 'Seychelles', { capital: 'Victoria', governmentSeats: ['Victoria'], ambiguousNames: ['Victoria'] }),
      country('COD', 'DR Congo', { aliases: ['DR Congo', 'Congo'], demonyms: ['Congolese'] }),
      country('COG', 'Republic of the Congo', { aliases: ['Republic of the Congo', 'Congo'], demonyms: ['Congolese'] }),
      country('NLD', 'Netherlands', { aliases: ['Netherlands', 'The Netherlands'], demonyms: ['Dutch'] }),
      country('BIH', 'Bosnia and Herzegovina', { demonyms: ['Bosnian, Herzegovinian'] }),
      country('SGP', 'Singapore', { capital: 'Singapore', governmentSeats: ['Singapore'] }),
    ],
    [
      person('Wang Yi', 'Wang Yi', 'Wang', { native: ['王毅'] }),
      person('Wang Wenbin', 'Wang Wenbin', 'Wang'),
      person('Xi Jinping', 'Xi Jinping', 'Xi', { aliases: ['Xi Jin-ping'] }),
      person('Theresa May', 'Theresa May', 'May'),
      person('Joe Biden', 'Joe Biden', 'Biden', { aliases: ['Joseph R. Biden'] }),
    ],
  );
  const index = compileMatchIndex(k);

  test('entities: countries first, then people', () => {
    expect(index.ids.slice(0, index.countries)).toEqual(['JOR', 'SYC', 'COD', 'COG', 'NLD', 'BIH', 'SGP']);
    expect(index.ids.slice(index.countries)).toEqual(['Wang Yi', 'Wang Wenbin', 'Xi Jinping', 'Theresa May', 'Joe Biden']);
  });

  test('each kind of name is keyed with its kind', () => {
    expect(kinds(index, 'Jordan')).toEqual([['JOR', K_NAME]]);
    expect(kinds(index, 'Jordanians')).toEqual([['JOR', K_DEMONYM]]);
    expect(kinds(index, 'Amman')).toEqual([['JOR', K_SEAT]]);
    expect(kinds(index, 'Xi Jin-ping')).toEqual([['Xi Jinping', K_ALIAS]]);
    expect(kinds(index, '王毅')).toEqual([['Wang Yi', K_NATIVE]]);
    expect(describeKey(index, 'East China Sea').map((e) => e.kind)).toEqual([K_BLOCK]);
  });

  test('a name that is both a country and its capital is the country', () => {
    expect(kinds(index, 'Singapore')).toEqual([['SGP', K_NAME]]);
  });

  test('ambiguous names: careful flag on the country name; an ambiguous capital is not a seat', () => {
    expect(describeKey(index, 'Jordan')[0]!.flags & F_CAREFUL).toBe(F_CAREFUL);
    expect(describeKey(index, 'Amman')[0]!.flags & F_CAREFUL).toBe(0);
    expect(describeKey(index, 'Victoria')).toEqual([]);
  });

  test('a name shared by two countries keeps both entries, and kb:check counts it as ambiguous', () => {
    expect(kinds(index, 'Congo')).toEqual([['COD', K_ALIAS], ['COG', K_ALIAS]]);
    const stats = indexStats(index);
    expect(stats.ambiguousExamples).toEqual(expect.arrayContaining(['congo', 'congolese']));
    expect(stats.ambiguous).toBe(2);
  });

  test('surnames: shared ones are not title-linkable, months need a title', () => {
    expect(kinds(index, 'Wang')).toEqual([['Wang Yi', K_SURNAME], ['Wang Wenbin', K_SURNAME]]);
    expect(describeKey(index, 'Xi')[0]!.flags & F_TITLE_OK).toBe(F_TITLE_OK);
    expect(describeKey(index, 'Wang')[0]!.flags & F_TITLE_OK).toBe(0);
    expect(describeKey(index, 'May')[0]!.flags).toBe(F_CALENDAR);
  });

  test('demonym lists are split and pluralised; a leading "The" is dropped; initials are also written without periods', () => {
    expect(kinds(index, 'Herzegovinians')).toEqual([['BIH', K_DEMONYM]]);
    expect(kinds(index, 'Dutchs')).toEqual([]);
    expect(kinds(index, 'The Netherlands')).toEqual([]);
    expect(kinds(index, 'Netherlands')).toEqual([['NLD', K_NAME]]);
    expect(kinds(index, 'Joseph R Biden')).toEqual([['Joe Biden', K_ALIAS]]);
  });

  test('the index is plain JSON and deterministic', () => {
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
    expect(JSON.stringify(compileMatchIndex(k))).toBe(JSON.stringify(index));
  });
});

describe('the real knowledge', () => {
  const { knowledge: real } = loadKnowledge();
  const index = compileMatchIndex(real);

  test('what a page loads stays small: the part of the index a story needs, not the whole', async () => {
    const { indexPartForText } = await import('../../src/matching/sub-index');
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, '..', 'fixtures', 'annotate');
    const stories = readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.includes('gold'));
    expect(stories.length).toBeGreaterThan(5);
    for (const f of stories) {
      const part = JSON.stringify(indexPartForText(index, readFileSync(join(dir, f), 'utf8')));
      expect(part.length, f).toBeLessThan(24 * 1024);
    }
  });

  test('news names from countries.json are in, dataset oddities are out', () => {
    for (const [alias, iso3] of [['U.S.', 'USA'], ['Britain', 'GBR'], ['Burma', 'MMR'], ['Türkiye', 'TUR'], ['Turkey', 'TUR'], ['UAE', 'ARE'], ['中国', 'CHN'], ['한국', 'KOR']]) {
      expect(describeKey(index, alias!).map((e) => e.entity), alias).toContain(iso3);
    }
    expect(describeKey(index, 'Washington')).toEqual([{ entity: 'USA', kind: K_SEAT, flags: 0 }]);
    expect(describeKey(index, 'Island')).toEqual([]);
    expect(describeKey(index, 'Nippon')).toEqual([]);
    expect(describeKey(index, 'Turkey')[0]!.flags & F_CAREFUL).toBe(F_CAREFUL);
  });

  test('ambiguous aliases are few and known', () => {
    const stats = indexStats(index);
    expect(stats.ambiguous).toBeLessThan(10);
  });
});

describe('surnames after an office title', () => {
  test("a surname that is another tracked person's given name waits for a full name ('President Mohamed')", () => {
    const k = knowledge([country('AAA', 'Aland')], [
      person('Mohamed Bazoum', 'Mohamed Bazoum', 'Bazoum'),
      person('Farmaajo', 'Mohamed Abdullahi Mohamed', 'Mohamed'),
      person('Xi Jinping', 'Xi Jinping', 'Xi'),
    ]);
    const index = compileMatchIndex(k);
    expect(describeKey(index, 'Mohamed').find((e) => e.kind === K_SURNAME)!.flags & F_TITLE_OK).toBe(0);
    expect(describeKey(index, 'Bazoum')[0]!.flags & F_TITLE_OK).toBe(F_TITLE_OK);
    // A family name written first is the person's own, not a given name: "Xi" stays linkable after a title.
    expect(describeKey(index, 'Xi')[0]!.flags & F_TITLE_OK).toBe(F_TITLE_OK);
  });
});
