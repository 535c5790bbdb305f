/**
 * Changes of office as events, derived from the offices (derived-events.ts):
 * exactly what each one says, and which offices make none. Made-up people,
 * so each rule is seen alone.
 */
import { describe, expect, test } from 'vitest';
import { derivedOfficeEvents } from '../../src/knowledge/derived-events';
import type { EventRecord, Knowledge } from '../../src/knowledge/model';
import type { Office, Person } from '../../src/knowledge/schema';

const SRC = 'https://en.wikipedia.org/wiki/X';

function office(title: string, roles: Office['roles'], start: string, end: string | null, extra: Partial<Office> = {}): Office {
  return { title, roles, country: 'KEN', start, end, source: `${SRC}/${start}`, ...extra };
}

function person(wikipedia: string, name: string, offices: Office[]): Person {
  return { wikipedia, name, native: [], aliases: [], surname: name.split(' ').pop()!, country: 'KEN', summary: 'A person made up for a unit test.', offices };
}

function world(people: Person[], events: EventRecord[] = [], asOf = '2026-11-30'): Knowledge {
  return { asOf, countries: [], people, organisations: [], events, vacancies: [], exceptions: [], coverage: [], unconfirmed: [] };
}

const PRESIDENT = 'President of Kenya';
const FM = 'Minister of Foreign Affairs of Kenya';

describe('changes of office as events', () => {
  test('a head of state taking office: an inauguration, with the predecessor, the office source and one day', () => {
    const k = world([
      person('Old One', 'Old One', [office(PRESIDENT, ['head_of_state', 'head_of_government'], '2013-04-09', '2022-09-13')]),
      person('New One', 'New One', [office(PRESIDENT, ['head_of_state', 'head_of_government'], '2022-09-13', null)]),
    ]);
    expect(derivedOfficeEvents(k)).toEqual([
      {
        id: '2022-09-13-new-one-takes-office-president-of-kenya', start: '2022-09-13', end: '2022-09-13',
        title: 'New One takes office as President of Kenya', summary: 'New One became President of Kenya, succeeding Old One.',
        kind: 'inauguration', people: ['New One', 'Old One'], countries: ['KEN'], organisations: [], source: `${SRC}/2022-09-13`, derived: true,
      },
    ]);
  });

  test('a foreign minister is an appointment; an acting one "becomes acting", and is nobody\'s predecessor', () => {
    const k = world([
      person('Reg', 'Reg Ular', [office(FM, ['foreign_minister'], '2018-01-01', '2020-01-01')]),
      person('Act', 'Act Ing', [office(FM, ['foreign_minister'], '2020-01-01', '2020-02-01', { acting: true })]),
      person('Next', 'Next Minister', [office(FM, ['foreign_minister'], '2020-02-01', null)]),
    ]);
    const events = derivedOfficeEvents(k);
    const act = events.find((e) => e.people[0] === 'Act')!;
    expect(act).toMatchObject({ kind: 'appointment', title: 'Act Ing becomes acting Minister of Foreign Affairs of Kenya', summary: 'Act Ing began acting as Minister of Foreign Affairs of Kenya, succeeding Reg Ular.', people: ['Act', 'Reg'] });
    // The acting holder is no predecessor, and the regular one left before the day: none is named.
    expect(events.find((e) => e.people[0] === 'Next')).toMatchObject({ kind: 'appointment', people: ['Next'], summary: 'Next Minister became Minister of Foreign Affairs of Kenya.' });
    expect(events.find((e) => e.people[0] === 'Reg')).toMatchObject({ people: ['Reg'], summary: 'Reg Ular became Minister of Foreign Affairs of Kenya.' });
  });

  test('the predecessor is the latest one in office the day before, in the same office of the same country', () => {
    const k = world([
      person('Early', 'Early One', [office(FM, ['foreign_minister'], '2017-06-01', '2019-01-01')]),
      person('Later', 'Later One', [office(FM, ['foreign_minister'], '2018-01-01', '2019-01-01')]),
      person('Elsewhere', 'Else Where', [office('Minister of Foreign Affairs of Uganda', ['foreign_minister'], '2018-06-01', null, { country: 'UGA' })]),
      person('Pm', 'Prime Minister', [office('Prime Minister of Kenya', ['head_of_government'], '2018-06-01', null)]),
      person('New', 'New One', [office(FM, ['foreign_minister'], '2019-01-01', null)]),
    ]);
    expect(derivedOfficeEvents(k).find((e) => e.people[0] === 'New')!.people).toEqual(['New', 'Later']);
  });

  test('no event for offices before 2017, after the snapshot, untracked, or written by hand that day', () => {
    const k = world(
      [
        person('Old', 'Old Timer', [office(FM, ['foreign_minister'], '2016-12-31', '2017-03-01')]),
        person('Late', 'Late Comer', [office(PRESIDENT, ['head_of_state'], '2027-01-01', null)]),
        person('Other', 'Other Role', [office('Minister of Health of Kenya', ['other'], '2019-01-01', null)]),
        person('Written', 'Written Up', [office(PRESIDENT, ['head_of_state'], '2017-03-01', '2018-01-01')]),
        person('Named', 'Named Later', [office(PRESIDENT, ['head_of_state'], '2018-01-01', null)]),
      ],
      [
        { id: '2017-03-01-written-sworn-in', start: '2017-03-01', end: '2017-03-01', title: 'Written Up sworn in', summary: 'An event made up for a unit test.', kind: 'inauguration', people: ['Written'], countries: ['KEN'], organisations: [], source: SRC },
        // A statement that day is no inauguration: it does not stand in for the change of office.
        { id: '2018-01-01-named-speaks', start: '2018-01-01', end: '2018-01-01', title: 'Named Later speaks', summary: 'An event made up for a unit test.', kind: 'statement', people: ['Named'], countries: ['KEN'], organisations: [], source: SRC },
      ],
      '2026-11-30',
    );
    expect(derivedOfficeEvents(k).map((e) => e.people[0])).toEqual(['Named']);
  });

  test("an organisation's office names the organisation, its predecessor holds the same title there, and the id stays unique", () => {
    const sg = (start: string, end: string | null): Office => ({ title: 'Secretary General of NATO', roles: ['organisation_leader'], organisation: 'NATO', start, end, source: SRC });
    const k = world([
      person('A', 'Same Name', [sg('2014-10-01', '2024-10-01')]),
      person('B', 'Same Name', [sg('2024-10-01', null), { ...sg('2024-10-01', null), title: 'Deputy of NATO' }]),
      person('C', 'Chair', [{ title: 'Chair of the Military Committee', roles: ['organisation_leader'], organisation: 'NATO', start: '2021-06-25', end: null, source: SRC }]),
    ]);
    const events = derivedOfficeEvents(k);
    const b = events.filter((e) => e.people[0] === 'B');
    expect(b[0]).toMatchObject({ kind: 'appointment', countries: [], organisations: ['NATO'], people: ['B', 'A'], id: '2024-10-01-same-name-takes-office-secretary-general-of-nato' });
    // The chair holds another title: no predecessor of the Secretary General, and none of its own.
    expect(events.find((e) => e.people[0] === 'C')!.people).toEqual(['C']);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  test('a title too long for an event title is cut with an ellipsis at 120 characters', () => {
    const long = `Minister of ${'Very '.repeat(30)}Long Affairs of Kenya`;
    const k = world([person('L', 'Long Title', [office(long, ['foreign_minister'], '2019-01-01', null)])]);
    const [e] = derivedOfficeEvents(k);
    expect(e!.title.length).toBe(120);
    expect(e!.title.endsWith('...')).toBe(true);
    expect(e!.id.startsWith('2019-01-01-long-title-takes-office-minister-of-very-very')).toBe(true);
    // The slug is at most 60 characters of the title, without leading or trailing hyphens.
    expect(e!.id.length).toBeLessThanOrEqual('2019-01-01-long-title-takes-office-'.length + 60);
    expect(e!.id.endsWith('-')).toBe(false);
  });

  test('two events with one id get distinct ids', () => {
    const k = world([
      person('X1', 'Twin Name', [office(FM, ['foreign_minister'], '2019-01-01', '2019-06-01')]),
      person('X2', 'Twin Name', [office(FM, ['foreign_minister'], '2019-01-01', '2019-06-01', { acting: true })]),
    ]);
    expect(derivedOfficeEvents(k).map((e) => e.id)).toEqual(['2019-01-01-twin-name-takes-office-minister-of-foreign-affairs-of-kenya', '2019-01-01-twin-name-takes-office-minister-of-foreign-affairs-of-kenya-x']);
  });
});
