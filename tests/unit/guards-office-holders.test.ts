/**
 * Who holds an office on a day, on a synthetic knowledge (no bundled data):
 * the handover day (one term's last day is the next one's first) and acting
 * holders who stand in for a suspended one.
 */
import { describe, expect, test } from 'vitest';
import type { Knowledge } from '../../src/knowledge/model';
import type { Office, OfficeRole, Person } from '../../src/knowledge/schema';
import { heldOn, holderOn, leadersOn, roleOn } from '../../src/knowledge/query';

function office(title: string, start: string, end: string | null, role: OfficeRole = 'head_of_government', extra: Partial<Office> = {}): Office {
  return { title, roles: [role], country: 'KEN', start, end, source: 'https://en.wikipedia.org/wiki/X', ...extra };
}
function person(id: string, offices: Office[]): Person {
  return { wikipedia: id, name: id, native: [], aliases: [], surname: id, country: 'KEN', summary: 'A person made up for an office-holder test.', offices };
}
function world(people: Person[]): Knowledge {
  return { asOf: '2030-01-01', countries: [], people, organisations: [], events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [] };
}
const PM = 'Prime Minister of Kenya';

describe('the handover day: the last day of one term is the first of the next', () => {
  const a = person('A', [office(PM, '2010-01-01', '2015-05-01')]);
  const b = person('B', [office(PM, '2015-05-01', null)]);
  const k = world([a, b]);

  test('heldOn counts both the first and the last day, and no day outside', () => {
    const o = a.offices[0]!;
    expect(['2009-12-31', '2010-01-01', '2012-06-01', '2015-05-01', '2015-05-02'].map((d) => heldOn(o, d))).toEqual([false, true, true, true, false]);
    expect(heldOn(b.offices[0]!, '2099-01-01')).toBe(true);
  });

  test('the newer term holds the office on the handover day; the older one the day before', () => {
    const who = (d: string) => holderOn(k, 'KEN', 'head_of_government', d)?.person.wikipedia ?? null;
    expect(['2009-12-31', '2010-01-01', '2015-04-30', '2015-05-01', '2015-05-02'].map(who)).toEqual([null, 'A', 'A', 'B', 'B']);
    // The same whichever order the people are listed in.
    const reversed = world([b, a]);
    expect(holderOn(reversed, 'KEN', 'head_of_government', '2015-05-01')?.person.wikipedia).toBe('B');
    expect(leadersOn(k, 'KEN', '2015-05-01').headOfGovernment?.person.wikipedia).toBe('B');
  });

  test('the one leaving is still serving on their last day, and former only after it', () => {
    const at = (d: string) => {
      const r = roleOn(a, d);
      return r && [r.status, r.label];
    };
    expect(at('2015-04-30')).toEqual(['serving', PM]);
    expect(at('2015-05-01')).toEqual(['serving', PM]);
    expect(at('2015-05-02')).toEqual(['former', `former ${PM}`]);
    expect(at('2009-12-31')).toEqual(['future', `later ${PM} (from 2010-01-01)`]);
    expect(at('2010-01-01')).toEqual(['serving', PM]);
    expect(roleOn(b, '2015-04-30')).toMatchObject({ status: 'future', label: `later ${PM} (from 2015-05-01)` });
    expect(roleOn(b, '2015-05-01')).toMatchObject({ status: 'serving', label: PM });
  });

  test("one person moving from one office to another on the same day: that day shows the new office, even a less important one", () => {
    const fm = 'Foreign Minister of Kenya';
    const p = person('P', [office(PM, '2010-01-01', '2015-05-01'), office(fm, '2015-05-01', '2018-01-01', 'foreign_minister')]);
    expect(roleOn(p, '2015-04-30')?.label).toBe(PM);
    expect(roleOn(p, '2015-05-01')?.label).toBe(fm);
    expect(roleOn(p, '2015-05-01')?.status).toBe('serving');
    expect(roleOn(p, '2018-01-01')?.label).toBe(fm);
    expect(roleOn(p, '2018-01-02')?.label).toBe(`former ${fm}`);
    // Two offices held together (no handover): the more important one.
    const both = person('Q', [office(PM, '2010-01-01', '2015-05-01'), office(fm, '2012-01-01', '2018-01-01', 'foreign_minister')]);
    expect(roleOn(both, '2015-05-01')?.label).toBe(PM);
    expect(roleOn(both, '2015-05-02')?.label).toBe(fm);
  });

  test('former: the most recent office left; later: the first still to come', () => {
    const fm = 'Foreign Minister of Kenya';
    const p = person('P', [office(fm, '2001-01-01', '2003-01-01', 'foreign_minister'), office(PM, '2004-01-01', '2006-01-01'), office('Speaker', '2020-01-01', null, 'other'), office(fm, '2012-01-01', null, 'foreign_minister')]);
    expect(roleOn(p, '2008-01-01')?.label).toBe(`former ${PM}`);
    expect(roleOn(p, '2003-06-01')?.label).toBe(`former ${fm}`);
    expect(roleOn(p, '2000-01-01')?.label).toBe(`later ${fm} (from 2001-01-01)`);
  });
});

describe('acting holders', () => {
  test('while a suspended holder stays in office, the one acting for them holds it; before and after, the holder', () => {
    const president = office('President of Kenya', '2013-01-01', null, 'head_of_state');
    const acting = office('Acting President of Kenya', '2016-12-09', '2017-03-10', 'head_of_state', { acting: true });
    const k = world([person('Suspended', [president]), person('Acting', [acting])]);
    const who = (d: string) => holderOn(k, 'KEN', 'head_of_state', d)?.person.wikipedia ?? null;
    expect(['2016-12-08', '2016-12-09', '2017-01-15', '2017-03-10', '2017-03-11'].map(who)).toEqual(['Suspended', 'Acting', 'Acting', 'Acting', 'Suspended']);
    // The same whichever order the people are listed in.
    const reversed = world([person('Acting', [acting]), person('Suspended', [president])]);
    expect(holderOn(reversed, 'KEN', 'head_of_state', '2017-01-15')?.person.wikipedia).toBe('Acting');
    expect(holderOn(reversed, 'KEN', 'head_of_state', '2016-12-08')?.person.wikipedia).toBe('Suspended');
  });

  test('an acting holder gives way to a full holder who took office after the acting one began, or the same day', () => {
    const acting = office('Acting PM', '2010-01-01', '2010-06-01', 'head_of_government', { acting: true });
    const later = office(PM, '2010-03-01', null);
    const k = world([person('Acting', [acting]), person('Full', [later])]);
    const who = (d: string) => holderOn(k, 'KEN', 'head_of_government', d)?.person.wikipedia ?? null;
    expect(['2010-02-01', '2010-03-01', '2010-04-01', '2010-06-01'].map(who)).toEqual(['Acting', 'Full', 'Full', 'Full']);
    const sameDay = world([person('Acting', [office('Acting PM', '2010-03-01', '2010-06-01', 'head_of_government', { acting: true })]), person('Full', [later])]);
    expect(holderOn(sameDay, 'KEN', 'head_of_government', '2010-04-01')?.person.wikipedia).toBe('Full');
  });

  test('of two acting holders with no full one, the newer', () => {
    const k = world([
      person('Old', [office('Acting PM', '2010-01-01', '2010-06-01', 'head_of_government', { acting: true })]),
      person('New', [office('Acting PM', '2010-06-01', '2010-09-01', 'head_of_government', { acting: true })]),
    ]);
    expect(holderOn(k, 'KEN', 'head_of_government', '2010-06-01')?.person.wikipedia).toBe('New');
    expect(holderOn(k, 'KEN', 'head_of_government', '2010-05-31')?.person.wikipedia).toBe('Old');
  });
});
