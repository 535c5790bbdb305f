/**
 * The weights of relatedEvents, each pinned: crafted events whose scores
 * differ by one factor only (the entities' rarity made equal, the same day,
 * the same kind), so that the ratio of two scores is that factor, and orders
 * that flip when a weight moves.
 */
import { describe, expect, test } from 'vitest';
import type { EventRecord, Knowledge } from '../../src/knowledge/model';
import { relatedEvents } from '../../src/knowledge/query';

function ev(id: string, start: string, people: string[], countries: string[], kind: EventRecord['kind'] = 'visit', derived = false): EventRecord {
  return { id: `${start}-${id}`, start, end: start, title: id, summary: 'An event made up for a ranking test.', kind, people, countries, organisations: [], source: 'https://en.wikipedia.org/wiki/X', ...(derived ? { derived } : {}) };
}
function world(events: EventRecord[]): Knowledge {
  return { asOf: '2026-11-30', countries: [], people: [], organisations: [], events, vacancies: [], exceptions: [], coverage: [], unconfirmed: [] };
}
function scores(k: Knowledge, page: string[], date: string, counts?: Map<string, number>): Record<string, number> {
  return Object.fromEntries(relatedEvents(k, page, date, 1000, counts).map((r) => [r.event.id.slice(11), r.score]));
}
const ids = (r: { event: EventRecord }[]) => r.map((x) => x.event.id.slice(11));
const DAY = '2020-05-01';
/** The coverage factor: 0.3 + the share of the page's mentions the event accounts for. */
const cov = (share: number) => 0.3 + share;

describe('each weight of the score', () => {
  test('a person shared counts twice a country shared (one page country, in a one-country event)', () => {
    // A and KEN are each in one event: equally rare. Page: one country, so breadth is (0.6 + 0.8) * sqrt(1/1) = 1.4.
    const s = scores(world([ev('person', DAY, ['A'], []), ev('country', DAY, [], ['KEN'])]), ['A', 'KEN'], DAY);
    // Each event accounts for one of the page's two mentions.
    expect(s.person! / s.country!).toBeCloseTo(2 / 1.4, 9);
  });

  test('breadth: 0.6 + 0.8 x the share of the page countries, times the square root of the share of the event countries that are the page', () => {
    // KEN and UGA are each in three events: equally rare.
    const k = world([
      ev('ken', DAY, [], ['KEN']),
      ev('uga', DAY, [], ['UGA']),
      ev('both', DAY, [], ['KEN', 'UGA']),
      ev('both-of-four', DAY, [], ['KEN', 'UGA', 'RUS', 'FRA']),
    ]);
    const s = scores(k, ['KEN', 'UGA'], DAY);
    const half = 0.6 + 0.8 * 0.5;
    const all = 0.6 + 0.8;
    expect(s.ken! / s.uga!).toBeCloseTo(1, 9);
    // Coverage: one of two mentions; both; both, each counted by the square root of the share of the event's countries.
    expect(s.both! / s.ken!).toBeCloseTo(((2 * all) / half) * (cov(1) / cov(0.5)), 9);
    expect(s['both-of-four']! / s.both!).toBeCloseTo(Math.sqrt(2 / 4) * (cov(Math.sqrt(2 / 4)) / cov(1)), 9);
    expect(ids(relatedEvents(k, ['KEN', 'UGA'], DAY))).toEqual(['both', 'both-of-four', 'ken', 'uga']);
  });

  test('a page without countries: a country-free event scores by its people alone (breadth 1)', () => {
    const k = world([ev('a', DAY, ['A'], []), ev('b', DAY, ['B'], ['KEN', 'UGA', 'RUS', 'FRA'])]);
    const s = scores(k, ['A', 'B'], DAY);
    expect(s.a! / s.b!).toBeCloseTo(1, 9);
  });

  test('how often the page names someone: a person by 1 + ln(n), a country by 1 + 0.5 ln(n)', () => {
    const people = world([ev('a', DAY, ['A'], []), ev('b', DAY, ['B'], [])]);
    const p = scores(people, ['A', 'B'], DAY, new Map([['A', 3]]));
    // Coverage: A's event accounts for 3 of the page's 4 mentions, B's for 1.
    expect(p.a! / p.b!).toBeCloseTo((1 + Math.log(3)) * (cov(3 / 4) / cov(1 / 4)), 9);
    const countries = world([ev('ken', DAY, [], ['KEN']), ev('uga', DAY, [], ['UGA'])]);
    const c = scores(countries, ['KEN', 'UGA'], DAY, new Map([['KEN', 3]]));
    expect(c.ken! / c.uga!).toBeCloseTo((1 + 0.5 * Math.log(3)) * (cov(3 / 4) / cov(1 / 4)), 9);
    // A count below 1 counts as 1.
    const z = scores(people, ['A', 'B'], DAY, new Map([['A', 0]]));
    expect(z.a! / z.b!).toBeCloseTo(1, 9);
  });

  test("coverage: an event accounting for more of the page's mentions scores more, by 0.3 + its share", () => {
    // A is named 9 times, B once; each event has one of them, equally rare.
    const k = world([ev('a', DAY, ['A'], []), ev('b', DAY, ['B'], []), ev('ab', DAY, ['A', 'B'], [])]);
    const counts = new Map([['A', 9], ['B', 1]]);
    const s = scores(k, ['A', 'B'], DAY, counts);
    expect(s.a! / s.b!).toBeCloseTo(((1 + Math.log(9)) / 1) * (cov(0.9) / cov(0.1)), 9);
    expect(s.ab! / s.a!).toBeCloseTo(((1 + Math.log(9) + 1) / (1 + Math.log(9))) * (cov(1) / cov(0.9)), 9);
    // Without counts every entity weighs one mention.
    const even = scores(k, ['A', 'B'], DAY);
    expect(even.ab! / even.a!).toBeCloseTo(2 * (cov(1) / cov(0.5)), 9);
  });

  test('rarity: ln(1 + events / (1 + events with the entity))', () => {
    // 6 events; A is in 1 of them, B in 3.
    const k = world([ev('a', DAY, ['A'], []), ev('b', DAY, ['B'], []), ev('b2', '1990-01-01', ['B'], []), ev('b3', '1990-01-01', ['B'], []), ev('x', DAY, ['X'], []), ev('y', DAY, ['Y'], [])]);
    const s = scores(k, ['A', 'B'], DAY);
    expect(s.a! / s.b!).toBeCloseTo(Math.log(1 + 6 / 2) / Math.log(1 + 6 / 4), 9);
    expect(ids(relatedEvents(k, ['A', 'B'], DAY)).slice(0, 2)).toEqual(['a', 'b']);
  });

  test('every kind weighs as written, against a visit', () => {
    const weights: Record<EventRecord['kind'], number> = {
      summit: 1.1, visit: 1, talks: 1, agreement: 1, conflict: 1, election: 1, inauguration: 0.9, resignation: 0.9, appointment: 0.85, call: 0.8, statement: 0.8, other: 0.85,
    };
    const kinds = Object.keys(weights) as EventRecord['kind'][];
    const s = scores(world(kinds.map((kind) => ev(kind, DAY, ['A'], [], kind))), ['A'], DAY);
    expect(Object.fromEntries(kinds.map((kind) => [kind, Number((s[kind]! / s.visit!).toFixed(9))]))).toEqual(weights);
  });

  test('a change of office counts half a written event of its kind', () => {
    const s = scores(world([ev('written', DAY, ['A'], [], 'inauguration'), ev('derived', DAY, ['A'], [], 'inauguration', true)]), ['A'], DAY);
    expect(s.derived! / s.written!).toBeCloseTo(0.5, 9);
  });

  test('the score halves 45 days away and is a third 90 days away, before as after', () => {
    const k = world([ev('same-day', '2020-05-01', ['A'], []), ev('45-before', '2020-03-17', ['A'], []), ev('45-after', '2020-06-15', ['A'], []), ev('90-after', '2020-07-30', ['A'], [])]);
    const s = scores(k, ['A'], DAY);
    expect(s['45-before']! / s['same-day']!).toBeCloseTo(1 / 2, 9);
    expect(s['45-after']! / s['same-day']!).toBeCloseTo(1 / 2, 9);
    expect(s['90-after']! / s['same-day']!).toBeCloseTo(1 / 3, 9);
  });
});

describe('orders that flip when a weight moves', () => {
  test('a person a little rarer than a country still beats it only by the person weight', () => {
    // Person 2w vs country 1.4w', events at different distances: 2 / 1.4 ~ 1.43; the country event 40 days nearer (decay 1 + 40/45 = 1.89) wins.
    const k = world([ev('person-far', '2020-06-10', ['A'], []), ev('country-near', DAY, [], ['KEN'])]);
    expect(ids(relatedEvents(k, ['A', 'KEN'], DAY))).toEqual(['country-near', 'person-far']);
    // 15 days (1.33 < 1.43): the person's event wins.
    const k2 = world([ev('person-far', '2020-05-16', ['A'], []), ev('country-near', DAY, [], ['KEN'])]);
    expect(ids(relatedEvents(k2, ['A', 'KEN'], DAY))).toEqual(['person-far', 'country-near']);
  });

  test('a visit 12 days away (1 / (1 + 12/45) = 0.79) falls just below a statement on the day (0.8); a summit on the day leads', () => {
    const k = world([ev('summit', DAY, ['A'], [], 'summit'), ev('visit', '2020-05-13', ['A'], [], 'visit'), ev('statement', DAY, ['A'], [], 'statement')]);
    expect(ids(relatedEvents(k, ['A'], DAY))).toEqual(['summit', 'statement', 'visit']);
  });

  test('ties: the nearer first, then by id', () => {
    // A change of office on the day (x 0.5) and a written event 45 days away (/ 2) score exactly alike.
    const k = world([ev('z-derived', DAY, ['A'], [], 'visit', true), ev('a-written', '2020-03-17', ['A'], [])]);
    const r = relatedEvents(k, ['A'], DAY);
    expect(r[0]!.score).toBe(r[1]!.score);
    expect(ids(r)).toEqual(['z-derived', 'a-written']);
    // The same distance before and after: by id.
    const k2 = world([ev('b-after', '2020-05-11', ['A'], []), ev('a-before', '2020-04-21', ['A'], [])]);
    expect(ids(relatedEvents(k2, ['A'], DAY))).toEqual(['a-before', 'b-after']);
  });
});

describe('changes of office never crowd out the list', () => {
  test('at most four, the four best; written events below them are kept, and the limit counts only what is listed', () => {
    const derived = Array.from({ length: 6 }, (_, i) => ev(`office-${i}`, `2020-05-0${1 + i}`, ['A'], [], 'inauguration', true));
    const written = [ev('written-far', '2021-01-01', ['A'], []), ev('written-farther', '2022-01-01', ['A'], [])];
    const k = world([...derived, ...written]);
    expect(ids(relatedEvents(k, ['A'], DAY))).toEqual(['office-0', 'office-1', 'office-2', 'office-3', 'written-far', 'written-farther']);
    expect(ids(relatedEvents(k, ['A'], DAY, 5))).toEqual(['office-0', 'office-1', 'office-2', 'office-3', 'written-far']);
  });
});
