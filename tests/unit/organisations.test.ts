/**
 * Organisations as a kind of entity: how their names and short forms are
 * matched (acronyms that are also words, short forms other bodies share),
 * and what the knowledge answers about them on a date (members, leaders).
 * Built on a small made-up knowledge so each rule is seen alone.
 */
import { describe, expect, test } from 'vitest';
import { compileMatchIndex } from '../../src/knowledge/compile';
import { assembleKnowledge, type DatasetCountry } from '../../src/knowledge/assemble';
import type { Knowledge } from '../../src/knowledge/model';
import type { Organisation, Person } from '../../src/knowledge/schema';
import { membersOn, organisationLeaders, relatedEvents } from '../../src/knowledge/query';
import { cardFor } from '../../src/knowledge/cards';
import { createPageMatcher } from '../../src/matching';
import { indexPartForText } from '../../src/matching/sub-index';
import { createPartMatcher } from '../../src/matching/matcher';

const WIKI = 'https://en.wikipedia.org/wiki/X';

function org(wikipedia: string, name: string, extra: Partial<Organisation> = {}): Organisation {
  return {
    wikipedia, name, aliases: [], acronyms: [], native: [], founded: 1949, summary: 'An organisation made up for a unit test.', members: [],
    memberOrganisations: [], suspensions: [], source: WIKI, ...extra,
  };
}

function country(iso3: string, name: string) {
  return { iso3, name, official: name, aliases: [name], demonyms: [], capital: null, governmentSeats: [], flag: '', region: 'Europe', subregion: '', unMember: true, ambiguousNames: [] };
}

const ORGS: Organisation[] = [
  org('NATO', 'NATO', {
    aliases: ['North Atlantic Treaty Organization', 'Nato'],
    members: [{ country: 'NOR' }, { country: 'FIN', since: '2023-04-04', source: WIKI }],
    seat: { city: 'Brussels', country: 'NOR' },
  }),
  org('World Health Organization', 'World Health Organization', { acronyms: ['WHO'], native: ['世界保健機関'] }),
  org('United Nations', 'United Nations', { acronyms: ['UN', 'U.N.'], native: ['国連', '联合国', '유엔'] }),
  org('International Criminal Court', 'International Criminal Court', { acronyms: ['ICC'] }),
  org('Quadrilateral Security Dialogue', 'Quadrilateral Security Dialogue', { aliases: ['Quad'] }),
  org('African Union', 'African Union', {
    acronyms: ['AU'],
    members: [{ country: 'NOR' }, { country: 'FIN' }],
    suspensions: [{ country: 'FIN', start: '2021-06-01', end: '2022-01-01', source: WIKI }],
  }),
];

function person(wikipedia: string, name: string, offices: Person['offices']): Person {
  return { wikipedia, name, native: [], aliases: [], surname: name.split(' ').pop()!, country: 'NOR', summary: 'A person made up for a unit test.', offices };
}

const PEOPLE: Person[] = [
  person('Jens Stoltenberg', 'Jens Stoltenberg', [
    { title: 'Prime Minister of Norway', roles: ['head_of_government'], country: 'NOR', start: '2005-10-17', end: '2013-10-16', source: WIKI },
    { title: 'Secretary General of NATO', roles: ['organisation_leader'], organisation: 'NATO', start: '2014-10-01', end: '2024-10-01', source: WIKI },
  ]),
  person('Mark Rutte', 'Mark Rutte', [{ title: 'Secretary General of NATO', roles: ['organisation_leader'], organisation: 'NATO', start: '2024-10-01', end: null, source: WIKI }]),
];

const K: Knowledge = {
  asOf: '2026-11-30', countries: [country('NOR', 'Norway'), country('FIN', 'Finland')], people: PEOPLE, organisations: ORGS,
  events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [],
};
const INDEX = compileMatchIndex(K);

function found(text: string): string[] {
  return createPageMatcher(INDEX).matchBlock(text).map((m) => `${text.slice(m.start, m.end)}=${m.entity}:${m.kind}`);
}

describe('organisation names and short forms', () => {
  test('full names, spellings and short forms link to the organisation, with kind "organisation"', () => {
    expect(found('The North Atlantic Treaty Organization and Nato met; NATO said so.')).toEqual([
      'North Atlantic Treaty Organization=NATO:organisation', 'Nato=NATO:organisation', 'NATO=NATO:organisation',
    ]);
    expect(found('The U.N. and the UN agreed.')).toEqual(['U.N.=United Nations:organisation', 'UN=United Nations:organisation']);
  });

  test('an acronym that is a word links only in capitals: "who" and "Who" in prose are words', () => {
    expect(found('The WHO said the virus, who knows, spread. Who said it?')).toEqual(['WHO=World Health Organization:organisation']);
    expect(found('un peu de français, un-American')).toEqual([]);
  });

  test('in an ALL-CAPS headline a word-like acronym needs THE before it; a hyphen compound keeps UN', () => {
    expect(found('LEADERS WHO FAILED THE TEST')).toEqual([]);
    expect(found('THE WHO WARNS OF NEW WAVE')).toEqual(['WHO=World Health Organization:organisation']);
    expect(found('UN-backed talks resume')).toEqual(['UN=United Nations:organisation']);
  });

  test('never inside another word', () => {
    expect(found('UNESCO and WHOIS and NATOs')).toEqual([]);
  });

  test('a short form another body shares gives way when the text speaks of that body', () => {
    expect(found('The ICC issued a warrant for the president.')).toEqual(['ICC=International Criminal Court:organisation']);
    expect(found('The ICC fined the captain after the T20 match.')).toEqual([]);
  });

  test('a name that is an ordinary word needs "the" and no name around it', () => {
    expect(found('Leaders of the Quad met in Tokyo.')).toEqual(['Quad=Quadrilateral Security Dialogue:organisation']);
    expect(found('Quad bikes were banned. Quad Cities news.')).toEqual([]);
  });

  test('names in Japanese, Chinese and Korean', () => {
    expect(found('国連と世界保健機関')).toEqual(['国連=United Nations:organisation', '世界保健機関=World Health Organization:organisation']);
    expect(found('联合国秘书长')).toEqual(['联合国=United Nations:organisation']);
    expect(found('유엔은 밝혔다')).toEqual(['유엔=United Nations:organisation']);
  });

  test('a page matcher started from a part of the index finds organisations as the whole index does', () => {
    const text = 'NATO and the WHO met at the U.N.';
    const whole = createPageMatcher(INDEX).matchBlock(text);
    const part = createPartMatcher(indexPartForText(INDEX, text)).matchBlock(text);
    expect(part).toEqual(whole);
    expect(whole.map((m) => m.kind)).toEqual(['organisation', 'organisation', 'organisation']);
  });
});

describe('organisations on a date', () => {
  const nato = ORGS[0]!;
  test('members on a date follow dated joins', () => {
    expect(membersOn(nato, '2023-04-03').members).toEqual(['NOR']);
    expect(membersOn(nato, '2023-04-04').members).toEqual(['NOR', 'FIN']);
  });

  test('a suspension holds from its start to the day before its end', () => {
    const au = ORGS.find((o) => o.wikipedia === 'African Union')!;
    expect(membersOn(au, '2021-05-31').suspended).toEqual([]);
    expect(membersOn(au, '2021-12-31').suspended).toEqual(['FIN']);
    expect(membersOn(au, '2022-01-01').suspended).toEqual([]);
  });

  test('its leader on a date, the newer term on a handover day', () => {
    expect(organisationLeaders(K, 'NATO', '2020-01-01').map((h) => h.person.wikipedia)).toEqual(['Jens Stoltenberg']);
    expect(organisationLeaders(K, 'NATO', '2024-10-01').map((h) => h.person.wikipedia)).toEqual(['Mark Rutte']);
  });

  test("the card shows leaders, members and seat on the article's date; the person's card shows both offices", () => {
    const card = cardFor(K, 'NATO', '2022-06-01');
    expect(card?.kind).toBe('organisation');
    if (card?.kind !== 'organisation') return;
    expect(card.leaders.map((l) => `${l.name} (${l.title})`)).toEqual(['Jens Stoltenberg (Secretary General of NATO)']);
    expect(card.members.map((m) => m.iso3)).toEqual(['NOR']);
    expect(card.seat?.city).toBe('Brussels');
    const jens = cardFor(K, 'Jens Stoltenberg', '2010-01-01');
    expect(jens?.kind === 'person' && jens.role?.title).toBe('Prime Minister of Norway');
    const later = cardFor(K, 'Jens Stoltenberg', '2020-01-01');
    expect(later?.kind === 'person' && later.role?.title).toBe('Secretary General of NATO');
  });

  test('an event of the organisation ranks for a page that names it', () => {
    const k: Knowledge = {
      ...K,
      events: [
        { id: '2023-07-11-nato-summit', start: '2023-07-11', end: '2023-07-12', title: 'NATO summit', summary: 'A summit made up for a unit test.', kind: 'summit', people: [], countries: [], organisations: ['NATO'], source: WIKI },
        { id: '2023-07-11-other', start: '2023-07-11', end: '2023-07-11', title: 'Other', summary: 'An event made up for a unit test.', kind: 'summit', people: [], countries: ['FIN'], organisations: [], source: WIKI },
      ],
    };
    expect(relatedEvents(k, ['NATO'], '2023-07-12').map((r) => r.event.id)).toEqual(['2023-07-11-nato-summit']);
  });
});

describe('assembling organisations and offices written in other files', () => {
  const dataset: DatasetCountry[] = [
    { cca3: 'NOR', name: { common: 'Norway', official: 'Kingdom of Norway' }, altSpellings: [], capital: ['Oslo'], flag: '', region: 'Europe', subregion: '', unMember: true },
  ];
  const base = { wikipedia: 'Jens Stoltenberg', name: 'Jens Stoltenberg', surname: 'Stoltenberg', country: 'NOR', summary: 'A person made up for a unit test.' };
  const pm = { title: 'Prime Minister of Norway', roles: ['head_of_government'], country: 'NOR', start: '2005-10-17', end: '2013-10-16', source: WIKI };
  const sg = { title: 'Secretary General of NATO', roles: ['organisation_leader'], organisation: 'NATO', start: '2014-10-01', end: '2024-10-01', source: WIKI };
  const files = (extra: object) => [
    { file: 'meta.json', data: { asOf: '2026-11-30' } },
    { file: 'people.json', data: { people: [{ ...base, offices: [pm] }] } },
    { file: 'orgs.json', data: { organisations: [{ wikipedia: 'NATO', name: 'NATO', founded: 1949, summary: 'An organisation made up for a unit test.', source: WIKI }] } },
    { file: 'extra.json', data: extra },
  ];

  test('extraOffices join the person written elsewhere, with their aliases', () => {
    const { knowledge, problems } = assembleKnowledge(files({ extraOffices: [{ wikipedia: 'Jens Stoltenberg', offices: [sg], aliases: ['Stoltenberg of NATO'] }] }), dataset);
    expect(problems).toEqual([]);
    const jens = knowledge.people.find((p) => p.wikipedia === 'Jens Stoltenberg')!;
    expect(jens.offices.map((o) => o.title)).toEqual(['Prime Minister of Norway', 'Secretary General of NATO']);
    expect(jens.aliases).toContain('Stoltenberg of NATO');
  });

  test('offices for an unknown person, an unknown organisation, or with both a country and an organisation are problems', () => {
    const unknownPerson = assembleKnowledge(files({ extraOffices: [{ wikipedia: 'Nobody', offices: [sg] }] }), dataset).problems;
    expect(unknownPerson.map((p) => p.id)).toContain('Nobody');
    const unknownOrg = assembleKnowledge(files({ extraOffices: [{ wikipedia: 'Jens Stoltenberg', offices: [{ ...sg, organisation: 'Nato Alliance' }] }] }), dataset).problems;
    expect(unknownOrg.some((p) => /unknown organisation "Nato Alliance"/.test(p.message))).toBe(true);
    const both = assembleKnowledge(files({ extraOffices: [{ wikipedia: 'Jens Stoltenberg', offices: [{ ...sg, country: 'NOR' }] }] }), dataset).problems;
    expect(both.some((p) => /exactly one country or one organisation/.test(p.message))).toBe(true);
  });

  test('a designation sets the day someone was elected to an office; one naming no office, or not before its start, is a problem', () => {
    const d = { wikipedia: 'Jens Stoltenberg', title: 'Prime Minister of Norway', start: '2005-10-17', source: WIKI };
    const ok = assembleKnowledge(files({ designations: [{ ...d, elected: '2005-09-12' }] }), dataset);
    expect(ok.problems).toEqual([]);
    expect(ok.knowledge.people[0]!.offices[0]!.elected).toEqual({ date: '2005-09-12', source: WIKI });
    const card = cardFor(ok.knowledge, 'Jens Stoltenberg', '2005-10-01');
    expect(card?.kind === 'person' && card.role).toMatchObject({ status: 'future', incoming: true, elected: '2005-09-12' });
    const before = cardFor(ok.knowledge, 'Jens Stoltenberg', '2005-09-01');
    // Not yet elected (and more than 90 days would not matter): "later", not "incoming".
    expect(before?.kind === 'person' && before.role?.incoming).toBe(false);
    expect(assembleKnowledge(files({ designations: [{ ...d, title: 'PM of Norway', elected: '2005-09-12' }] }), dataset).problems.map((p) => p.field)).toContain('designations');
    expect(assembleKnowledge(files({ designations: [{ ...d, elected: '2005-10-17' }] }), dataset).problems.map((p) => p.field)).toContain('elected');
  });

  test('two holders of one organisation office at once is a problem', () => {
    const rival = { ...base, wikipedia: 'Someone Else', name: 'Someone Else', surname: 'Else', offices: [{ ...sg, start: '2020-01-01', end: null }] };
    const { problems } = assembleKnowledge(files({ people: [rival], extraOffices: [{ wikipedia: 'Jens Stoltenberg', offices: [sg] }] }), dataset);
    expect(problems.some((p) => /NATO Secretary General of NATO: term/.test(p.message))).toBe(true);
  });
});
