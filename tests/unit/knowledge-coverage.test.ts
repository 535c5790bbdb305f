import { describe, expect, test } from 'vitest';
import type { Knowledge } from '../../src/knowledge/model';
import { coverageGaps, coveredStates, G20_STATES, knownUntil, officeGaps } from '../../src/knowledge/coverage';
import type { Office, Person } from '../../src/knowledge/schema';
import { loadKnowledge } from '../../scripts/knowledge-files';

const { knowledge } = loadKnowledge();

describe('every state has its three leaders on every day from 2017 to the snapshot', () => {
  test('197 states are walked: the UN members, the Holy See, Palestine, Taiwan and Kosovo', () => {
    const states = coveredStates(knowledge);
    expect(states.length).toBe(197);
    for (const iso of ['VAT', 'PSE', 'TWN', 'XKX', 'KEN', 'FJI']) expect(states).toContain(iso);
  });

  test('no day without a holder, outside documented vacancies and exceptions', () => {
    const gaps = coverageGaps(knowledge).map((g) => `${g.country} ${g.role} ${g.from}..${g.to}`);
    expect(gaps).toEqual([]);
  });

  test('only a foreign minister of a state outside the G20 may be unconfirmed: heads of state and government, and the G20, are confirmed on every day', () => {
    for (const u of knowledge.unconfirmed) {
      expect(u.role, `${u.country} ${u.start}`).toBe('foreign_minister');
      expect(G20_STATES.has(u.country), u.country).toBe(false);
      expect(u.end >= u.start, `${u.country} ${u.start}`).toBe(true);
    }
    const strict = coverageGaps(knowledge, coveredStates(knowledge), false);
    expect(strict.filter((g) => g.role !== 'foreign_minister' || G20_STATES.has(g.country)).map((g) => `${g.country} ${g.role} ${g.from}`)).toEqual([]);
  });

  test('every exception and vacancy gives its reason', () => {
    for (const x of knowledge.exceptions) expect(x.reason.length, `${x.country} ${x.role}`).toBeGreaterThan(10);
    for (const v of knowledge.vacancies) expect(v.source, `${v.country} ${v.role}`).toMatch(/^https?:\/\//);
  });
});

function office(start: string, end: string | null, roles: Office['roles'] = ['head_of_state'], country = 'AAA'): Office {
  return { title: 'President of A', roles, country, start, end, source: 'https://en.wikipedia.org/wiki/A' };
}
function person(id: string, offices: Office[]): Person {
  return { wikipedia: id, name: id, native: [], aliases: [], surname: id, country: 'AAA', summary: 'A person made up for a test.', offices };
}
function world(people: Person[], extra: Partial<Knowledge> = {}): Knowledge {
  return { asOf: '2017-12-31', countries: [], people, organisations: [], events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [], ...extra };
}

describe('officeGaps', () => {
  test('a handover on the same day leaves no gap; a day between two terms is a gap', () => {
    const k = world([person('A', [office('2010-01-01', '2017-05-01')]), person('B', [office('2017-05-01', null)])]);
    expect(officeGaps(k, 'AAA', 'head_of_state')).toEqual([]);
    const gap = world([person('A', [office('2010-01-01', '2017-05-01')]), person('B', [office('2017-05-03', null)])]);
    expect(officeGaps(gap, 'AAA', 'head_of_state')).toEqual([{ country: 'AAA', role: 'head_of_state', from: '2017-05-02', to: '2017-05-02' }]);
  });

  test('the start of the span and the snapshot are edges too', () => {
    const k = world([person('A', [office('2017-01-02', '2017-12-30')])]);
    expect(officeGaps(k, 'AAA', 'head_of_state').map((g) => [g.from, g.to])).toEqual([['2017-01-01', '2017-01-01'], ['2017-12-31', '2017-12-31']]);
  });

  test('only the role asked for counts, in the country asked for', () => {
    const k = world([person('A', [office('2000-01-01', null, ['head_of_government']), office('2000-01-01', null, ['head_of_state'], 'BBB')])]);
    expect(officeGaps(k, 'AAA', 'head_of_state')).toHaveLength(1);
    expect(officeGaps(k, 'AAA', 'head_of_government')).toEqual([]);
  });

  test('an acting holder fills the days they acted', () => {
    const k = world([person('A', [office('2000-01-01', '2017-03-01')]), person('B', [{ ...office('2017-03-01', '2017-04-01'), acting: true }]), person('C', [office('2017-04-01', null)])]);
    expect(officeGaps(k, 'AAA', 'head_of_state')).toEqual([]);
  });

  test('a documented vacancy covers its days; an exception covers the office', () => {
    const people = [person('A', [office('2000-01-01', '2017-03-01')]), person('C', [office('2017-06-01', null)])];
    expect(officeGaps(world(people), 'AAA', 'head_of_state')).toHaveLength(1);
    const vacancy = { country: 'AAA', role: 'head_of_state' as const, start: '2017-03-01', end: '2017-06-01', reason: 'The post was left empty.', source: 'https://en.wikipedia.org/wiki/A' };
    expect(officeGaps(world(people, { vacancies: [vacancy] }), 'AAA', 'head_of_state')).toEqual([]);
    expect(officeGaps(world(people, { vacancies: [{ ...vacancy, role: 'foreign_minister' }] }), 'AAA', 'head_of_state')).toHaveLength(1);
    const unconfirmed = { country: 'AAA', role: 'head_of_state' as const, start: '2017-03-01', end: '2017-05-31', reason: 'No source names the holder to the day.' };
    expect(officeGaps(world(people, { unconfirmed: [unconfirmed] }), 'AAA', 'head_of_state')).toEqual([]);
    expect(officeGaps(world(people, { unconfirmed: [unconfirmed] }), 'AAA', 'head_of_state', false)).toHaveLength(1);
    const exception = { country: 'AAA', role: 'head_of_state' as const, reason: 'A collective headship news rarely names.' };
    expect(officeGaps(world([], { exceptions: [exception] }), 'AAA', 'head_of_state')).toEqual([]);
  });

  test("a state's own knownUntil ends its span early", () => {
    const k = world([person('A', [office('2000-01-01', '2017-06-01')])], { coverage: [{ country: 'AAA', knownUntil: '2017-06-01', note: 'Later changes unknown.' }] });
    expect(knownUntil(k, 'AAA')).toBe('2017-06-01');
    expect(knownUntil(k, 'BBB')).toBe('2017-12-31');
    expect(officeGaps(k, 'AAA', 'head_of_state')).toEqual([]);
  });
});
