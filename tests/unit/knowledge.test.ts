import { describe, expect, test } from 'vitest';
import countries from 'world-countries';
import { assembleKnowledge, type DatasetCountry } from '../../src/knowledge/assemble';
import { formatProblem } from '../../src/knowledge/model';
import { findPerson, holderOn, leadersOn, roleOn } from '../../src/knowledge/query';
import { loadKnowledge } from '../../scripts/knowledge-files';

const dataset = countries as unknown as DatasetCountry[];
const { knowledge, problems } = loadKnowledge();

describe('the bundled knowledge file', () => {
  test('has no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  test('holds every UN member, the observers and the places news names', () => {
    const ids = new Set(knowledge.countries.map((c) => c.iso3));
    const unMembers = dataset.filter((d) => d.unMember).map((d) => d.cca3);
    expect(unMembers.length).toBeGreaterThanOrEqual(193);
    for (const iso of [...unMembers, 'VAT', 'PSE', 'TWN', 'HKG', 'MAC', 'PRI', 'GRL', 'XKX']) expect(ids, iso).toContain(iso);
  });

  test('every office and event has a source and sane dates', () => {
    for (const p of knowledge.people) {
      for (const o of p.offices) {
        expect(o.source, p.wikipedia).toMatch(/^https?:\/\//);
        if (o.end) expect(o.end >= o.start, `${p.wikipedia} ${o.title}`).toBe(true);
      }
    }
    expect(knowledge.events.length).toBeGreaterThanOrEqual(150);
    for (const e of knowledge.events) expect(e.source, e.id).toMatch(/^https?:\/\//);
  });

  test('the Nov 2020 story: who held what on 2020-11-20', () => {
    const date = '2020-11-20';
    const role = (id: string) => {
      const p = findPerson(knowledge, id);
      expect(p, id).toBeDefined();
      return roleOn(p!, date)?.label;
    };
    expect(role('Wang Yi')).toMatch(/Foreign Affairs of China/);
    expect(role('Yoshihide Suga')).toBe('Prime Minister of Japan');
    expect(role('Toshimitsu Motegi')).toMatch(/^Minister for Foreign Affairs of Japan/);
    expect(role('Kang Kyung-wha')).toMatch(/Foreign Affairs of South Korea/);
    expect(role('Mike Pompeo')).toBe('United States Secretary of State');
    expect(role('Donald Trump')).toBe('President of the United States');
    expect(role('Joe Biden')).toBe('former Vice President of the United States');
    expect(role('Shinzo Abe')).toBe('former Prime Minister of Japan');
    expect(role('Scott Morrison')).toBe('Prime Minister of Australia');
    expect(role('Xi Jinping')).toBe('President of China');
    expect(role('Zhao Lijian')).toMatch(/Spokesperson/);
  });

  test('the same people on later dates', () => {
    const at = (id: string, date: string) => roleOn(findPerson(knowledge, id)!, date)?.label;
    expect(at('Yoshihide Suga', '2024-06-01')).toBe('former Prime Minister of Japan');
    expect(at('Joe Biden', '2024-06-01')).toBe('President of the United States');
    expect(at('Toshimitsu Motegi', '2024-06-01')).toMatch(/^former Minister for Foreign Affairs of Japan/);
    expect(holderOn(knowledge, 'JPN', 'head_of_government', '2024-06-01')?.person.wikipedia).toBe('Fumio Kishida');
    expect(holderOn(knowledge, 'USA', 'head_of_state', '2026-02-01')?.person.wikipedia).toBe('Donald Trump');
  });

  test('a handover day belongs to the new holder', () => {
    expect(holderOn(knowledge, 'JPN', 'head_of_government', '2020-09-16')?.person.wikipedia).toBe('Yoshihide Suga');
    expect(holderOn(knowledge, 'JPN', 'head_of_government', '2020-09-15')?.person.wikipedia).toBe('Shinzo Abe');
    const l = leadersOn(knowledge, 'JPN', '2020-11-20');
    expect(l.headOfGovernment?.person.wikipedia).toBe('Yoshihide Suga');
    expect(l.foreignMinister?.person.wikipedia).toBe('Toshimitsu Motegi');
  });

  test('the story\'s events are there', () => {
    const ids = knowledge.events.map((e) => `${e.start}/${e.end} ${e.people.join(',')} ${e.countries.join(',')}`);
    const has = (start: string, who: string, ...cs: string[]) =>
      expect(ids.some((s) => s.startsWith(start) && s.includes(who) && cs.every((c) => s.includes(c))), `${start} ${who}`).toBe(true);
    has('2020-11-24', 'Wang Yi', 'CHN', 'JPN');
    has('2020-11-25', 'Wang Yi', 'CHN', 'KOR');
    has('2020-10-06', 'Mike Pompeo', 'JPN');
    has('2020-11-17', 'Scott Morrison', 'AUS', 'JPN');
    has('2020-09-16', 'Yoshihide Suga', 'JPN');
    has('2020-11-12', 'Joe Biden', 'JPN');
    has('2020-11-12', 'Moon Jae-in', 'KOR');
    has('2020-03-05', 'Xi Jinping', 'JPN');
  });
});

describe('validation of a malformed file', () => {
  const person = {
    wikipedia: 'Test Person', name: 'Test Person', surname: 'Person', country: 'JPN', summary: 'A person made up for a test of the validator.',
    offices: [{ title: 'Prime Minister of Japan', roles: ['head_of_government'], country: 'JPN', start: '2020-01-01', end: null, source: 'https://example.org/' }],
  };
  const meta = { file: 'meta.json', data: { asOf: '2026-01-01' } };

  test('names the file, the entry, the field and what is wrong, for every error at once', () => {
    const bad = {
      people: [
        { ...person, wikipedia: 'Bad Dates', offices: [{ ...person.offices[0], start: '2020-13-01', source: 'not a url' }] },
        { ...person, wikipedia: 'No Summary', summary: undefined },
      ],
    };
    const { problems } = assembleKnowledge([meta, { file: 'people-bad.json', data: bad }], dataset);
    const text = problems.map(formatProblem);
    expect(text).toContainEqual(expect.stringMatching(/^people-bad\.json, entry "Bad Dates", field offices\.0\.start: .*date/));
    expect(text).toContainEqual(expect.stringMatching(/^people-bad\.json, entry "Bad Dates", field offices\.0\.source: /));
    expect(text).toContainEqual(expect.stringMatching(/^people-bad\.json, entry "No Summary", field summary: /));
  });

  test('catches inconsistencies: duplicates, dangling references, overlapping single-holder terms, reversed dates', () => {
    const part = {
      people: [
        person,
        { ...person, wikipedia: 'Rival', offices: [{ ...person.offices[0], start: '2021-01-01' }] },
        { ...person, wikipedia: 'Rival' },
        { ...person, wikipedia: 'Reversed', offices: [{ ...person.offices[0], title: 'x of y', roles: ['other'], start: '2020-05-01', end: '2020-04-01' }] },
      ],
      events: [{ id: '2020-01-02-x', start: '2020-01-02', end: '2020-01-02', title: 'Something', summary: 'An event made up for a test.', kind: 'talks', people: ['Nobody Here'], countries: ['ZZZ'], source: 'https://example.org/' }],
    };
    const { problems } = assembleKnowledge([meta, { file: 'p.json', data: part }], dataset);
    const text = problems.map(formatProblem).join('\n');
    expect(text).toMatch(/entry "Rival", field wikipedia: duplicate person/);
    expect(text).toMatch(/JPN head_of_government: term .* overlaps/);
    expect(text).toMatch(/entry "Reversed", field offices\.0\.end: ends .* before it starts/);
    expect(text).toMatch(/"Nobody Here" is not a tracked person/);
    expect(text).toMatch(/unknown country ZZZ/);
  });

  test('a file that is not an object of the known sections is refused, not half-read', () => {
    const { problems } = assembleKnowledge([meta, { file: 'x.json', data: { persons: [] } }], dataset);
    expect(problems.map(formatProblem).join('\n')).toMatch(/x\.json.*persons/);
  });
});
