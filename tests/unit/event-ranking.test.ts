import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { EventRecord, Knowledge } from '../../src/knowledge/model';
import { relatedEvents } from '../../src/knowledge/query';
import { eventsByRegionYear, minimumEvents } from '../../src/knowledge/report';
import { loadKnowledge } from '../../scripts/knowledge-files';

function ev(id: string, start: string, people: string[], countries: string[], kind: EventRecord['kind'] = 'visit', derived = false): EventRecord {
  return { id: `${start}-${id}`, start, end: start, title: id, summary: 'An event made up for a ranking test.', kind, people, countries, organisations: [], source: 'https://en.wikipedia.org/wiki/X', ...(derived ? { derived } : {}) };
}
/** Background noise: the big countries are in many events, as in the real knowledge. */
function world(events: EventRecord[]): Knowledge {
  const noise = Array.from({ length: 60 }, (_, i) => ev(`noise-${i}`, `2019-0${1 + (i % 9)}-1${i % 10}`, [], i % 2 ? ['USA', 'CHN'] : ['USA', 'RUS']));
  return { asOf: '2026-11-30', countries: [], people: [], organisations: [], events: [...events, ...noise], vacancies: [], exceptions: [], coverage: [], unconfirmed: [] };
}
const ids = (r: { event: EventRecord }[]) => r.map((x) => x.event.id.slice(11));

describe('related events rank by what they share with the page', () => {
  test("the story's own event comes first; one sharing only a big country months away does not come before it", () => {
    const k = world([
      ev('ruto-visits-kampala', '2024-03-12', ['William Ruto', 'Yoweri Museveni'], ['KEN', 'UGA']),
      ev('us-sanctions', '2024-01-02', [], ['USA']),
      ev('us-kenya-deal-months-later', '2024-08-20', [], ['USA', 'KEN']),
    ]);
    const r = relatedEvents(k, ['William Ruto', 'Yoweri Museveni', 'KEN', 'UGA', 'USA'], '2024-03-13');
    expect(ids(r)[0]).toBe('ruto-visits-kampala');
    expect(ids(r).indexOf('us-sanctions')).toBeGreaterThan(0);
  });

  test('a person shared weighs more than a country shared', () => {
    const k = world([ev('person', '2020-05-01', ['A'], []), ev('country', '2020-05-01', [], ['KEN'])]);
    expect(ids(relatedEvents(k, ['A', 'KEN'], '2020-05-01'))).toEqual(['person', 'country']);
  });

  test('the more the page names someone, the more their events count', () => {
    const k = world([ev('a', '2020-05-01', ['A'], []), ev('b', '2020-05-01', ['B'], [])]);
    const counts = (a: number, b: number) => new Map([['A', a], ['B', b]]);
    expect(ids(relatedEvents(k, ['A', 'B'], '2020-05-01', 20, counts(1, 9)))[0]).toBe('b');
    expect(ids(relatedEvents(k, ['A', 'B'], '2020-05-01', 20, counts(9, 1)))[0]).toBe('a');
  });

  test('an event involving most of the page countries within days beats one involving one of them', () => {
    const k = world([ev('summit', '2022-06-10', [], ['KEN', 'UGA', 'TZA', 'RWA'], 'summit'), ev('one', '2022-06-10', [], ['TZA'], 'summit')]);
    expect(ids(relatedEvents(k, ['KEN', 'UGA', 'TZA', 'RWA'], '2022-06-11'))[0]).toBe('summit');
  });

  test("a bilateral visit days away beats a summit of twenty countries on the day that includes the page's two", () => {
    const members = ['CHN', 'JPN', 'USA', 'KOR', 'AUS', 'CAN', 'MEX', 'PER', 'CHL', 'RUS', 'IDN', 'MYS', 'SGP', 'THA', 'VNM', 'PHL', 'NZL', 'BRN', 'PNG', 'TWN', 'HKG'];
    const k = world([ev('summit', '2020-11-20', ['B'], members, 'summit'), ev('visit', '2020-11-24', ['B'], ['CHN', 'JPN'], 'visit')]);
    expect(ids(relatedEvents(k, ['A', 'B', 'CHN', 'JPN', 'USA'], '2020-11-20'))[0]).toBe('visit');
  });

  test('nearer in time ranks higher, and a meeting outranks a statement on the same day', () => {
    const k = world([ev('far', '2021-01-01', ['A'], []), ev('near', '2021-06-01', ['A'], [])]);
    expect(ids(relatedEvents(k, ['A'], '2021-06-02'))[0]).toBe('near');
    const kinds = world([ev('said', '2021-06-01', ['A'], [], 'statement'), ev('met', '2021-06-01', ['A'], [], 'talks')]);
    expect(ids(relatedEvents(kinds, ['A'], '2021-06-01'))[0]).toBe('met');
  });

  test('changes of office rank below a written event of the same weight, and never crowd out the list', () => {
    const derived = Array.from({ length: 12 }, (_, i) => ev(`office-${i}`, `2023-02-${String(10 + i).padStart(2, '0')}`, ['A'], ['KEN'], 'inauguration', true));
    const k = world([...derived, ev('written', '2023-02-15', ['A'], ['KEN'], 'inauguration')]);
    const r = relatedEvents(k, ['A', 'KEN'], '2023-02-15');
    expect(ids(r)[0]).toBe('written');
    expect(r.filter((x) => x.event.derived).length).toBe(4);
  });

  test('before and after are split at the article date', () => {
    const k = world([ev('before', '2020-01-01', ['A'], []), ev('same-day', '2020-01-05', ['A'], []), ev('after', '2020-01-09', ['A'], [])]);
    const when = Object.fromEntries(relatedEvents(k, ['A'], '2020-01-05').map((r) => [r.event.id.slice(11), r.when]));
    expect(when).toEqual({ before: 'before', 'same-day': 'before', after: 'after' });
  });
});

describe('the bundled events', () => {
  const { knowledge } = loadKnowledge();
  test('at least 800 written events with sources', () => {
    const written = knowledge.events.filter((e) => !e.derived);
    expect(written.length).toBeGreaterThanOrEqual(800);
  });

  test("every region has its minimum of written events in every year, the snapshot's own year included", () => {
    const last = Number(knowledge.asOf.slice(0, 4));
    const years = new Set(eventsByRegionYear(knowledge).map((c) => c.year));
    for (let y = 2017; y <= last; y++) expect(years.has(y), String(y)).toBe(true);
    const short = eventsByRegionYear(knowledge).filter((c) => c.year <= last && c.written < minimumEvents(c.region)).map((c) => `${c.region} ${c.year}: ${c.written}`);
    expect(short).toEqual([]);
  });

  test('every change of a tracked office since 2017 is an event, with the office source', () => {
    const derived = knowledge.events.filter((e) => e.derived);
    const biden = derived.find((e) => e.people[0] === 'Joe Biden' && e.start === '2021-01-20');
    expect(biden ?? knowledge.events.find((e) => e.start === '2021-01-20' && e.people.includes('Joe Biden') && e.kind === 'inauguration')).toBeDefined();
    for (const e of derived) expect(e.source).toMatch(/^https?:\/\//);
  });
});

describe("real stories from outside East Asia: the story's own event comes first", () => {
  const { knowledge } = loadKnowledge();
  const { stories } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ranking-stories.json'), 'utf8')) as {
    stories: { story: string; date: string; event: string; mentions: Record<string, number> }[];
  };
  test.each(stories.map((s) => [s.event, s] as const))('%s', (_, s) => {
    expect(knowledge.events.some((e) => e.id === s.event)).toBe(true);
    const ranked = relatedEvents(knowledge, Object.keys(s.mentions), s.date, 20, new Map(Object.entries(s.mentions)));
    expect(ranked[0]?.event.id).toBe(s.event);
    // An event sharing only one big country, months away, never comes before it.
    const big = new Set(['USA', 'CHN', 'RUS', 'GBR', 'FRA', 'DEU', 'IND', 'JPN']);
    const at = ranked.findIndex((r) => r.event.id === s.event);
    for (const r of ranked.slice(0, at)) {
      const shared = [...r.event.people, ...r.event.countries].filter((x) => x in s.mentions);
      expect(shared.length === 1 && big.has(shared[0]!) && Math.abs(r.days) > 60).toBe(false);
    }
  });
});
