import { describe, expect, test } from 'vitest';
import knowledgeJson from '../../src/generated/knowledge.json';
import type { Knowledge } from '../../src/knowledge/model';
import { describeEntities, fold, relatedFor, searchKnowledge } from '../../src/knowledge/lookup';

const k = knowledgeJson as unknown as Knowledge;
const STORY = ['Wang Yi', 'Yoshihide Suga', 'Toshimitsu Motegi', 'Kang Kyung-wha', 'Zhao Lijian', 'Shinzo Abe', 'Xi Jinping', 'CHN', 'JPN', 'KOR', 'USA', 'AUS', 'IND'];

describe('describeEntities', () => {
  test('people get their office on the date, countries their leaders then', () => {
    const d = describeEntities(k, ['Yoshihide Suga', 'Shinzo Abe', 'JPN', 'nobody'], '2020-11-20');
    expect(d['Yoshihide Suga']).toMatchObject({ name: 'Yoshihide Suga', role: 'Prime Minister of Japan', status: 'serving', flag: '🇯🇵' });
    expect(d['Shinzo Abe']?.status).toBe('former');
    expect(d['Shinzo Abe']?.role).toMatch(/^former Prime Minister of Japan/);
    expect(d['JPN']).toMatchObject({ name: 'Japan', role: null, flag: '🇯🇵' });
    expect(d['JPN']?.leaders.map((l) => l.name)).toContain('Yoshihide Suga');
    expect(d).not.toHaveProperty('nobody');
  });

  test('the same person is not listed twice as a country\'s leaders', () => {
    const d = describeEntities(k, ['USA'], '2020-11-20');
    const names = d['USA']!.leaders.map((l) => l.name);
    expect(names).toEqual([...new Set(names)]);
    expect(names).toContain('Donald Trump');
  });

  test('a later date shows the later office holder', () => {
    expect(describeEntities(k, ['JPN'], '2025-01-15')['JPN']!.leaders.map((l) => l.name)).not.toContain('Yoshihide Suga');
  });
});

describe('relatedFor', () => {
  test('the Wang Yi story: the Japan visit comes after the article, first among the later events', () => {
    const r = relatedFor(k, STORY, '2020-11-20');
    expect(r.after[0]?.id).toBe('2020-11-24-wang-yi-visits-japan');
    expect(r.after[0]?.start).toBe('2020-11-24');
    expect(r.before.every((e) => e.start <= '2020-11-20')).toBe(true);
    expect(r.after.every((e) => e.start > '2020-11-20')).toBe(true);
    for (const e of [...r.before, ...r.after]) for (const id of [...e.people, ...e.countries]) expect(r.names[id]).toBeTruthy();
    expect(r.names['JPN']).toBe('Japan');
  });

  test('nothing on the page, nothing related', () => {
    expect(relatedFor(k, [], '2020-11-20')).toEqual({ before: [], after: [], names: {} });
  });
});

describe('searchKnowledge', () => {
  test('a surname finds the person, with the office on the date', () => {
    const hits = searchKnowledge(k, 'suga', '2020-11-20');
    expect(hits[0]).toMatchObject({ id: 'Yoshihide Suga', kind: 'person', detail: 'Prime Minister of Japan', flag: '🇯🇵' });
  });

  test('case, accents and hyphens do not matter', () => {
    expect(searchKnowledge(k, 'KANG KYUNG WHA', '2020-11-20')[0]?.id).toBe('Kang Kyung-wha');
    expect(fold('Nguyễn Xuân Phúc')).toBe('nguyen xuan phuc');
  });

  test('native script finds the person', () => {
    expect(searchKnowledge(k, '王毅', '2020-11-20')[0]?.id).toBe('Wang Yi');
  });

  test('a country by name, demonym or capital', () => {
    expect(searchKnowledge(k, 'Japan', '2020-11-20')[0]).toMatchObject({ id: 'JPN', kind: 'country' });
    expect(searchKnowledge(k, 'japanese', '2020-11-20')[0]?.id).toBe('JPN');
    expect(searchKnowledge(k, 'Tokyo', '2020-11-20').map((h) => h.id)).toContain('JPN');
  });

  test('too short or no match gives nothing; results are bounded', () => {
    expect(searchKnowledge(k, 'a', '2020-11-20')).toEqual([]);
    expect(searchKnowledge(k, '   ', '2020-11-20')).toEqual([]);
    expect(searchKnowledge(k, 'zzqxv', '2020-11-20')).toEqual([]);
    expect(searchKnowledge(k, 'an', '2020-11-20', 5).length).toBeLessThanOrEqual(5);
  });

  test('the office follows the date asked', () => {
    const later = searchKnowledge(k, 'Yoshihide Suga', '2023-06-01')[0];
    expect(later?.detail).toMatch(/^former /);
  });
});
