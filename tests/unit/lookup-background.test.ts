import { describe, expect, test } from 'vitest';
import knowledgeJson from '../../src/generated/knowledge.json';
import type { Knowledge } from '../../src/knowledge/model';
import { backgroundHandlers } from '../../entrypoints/background';

const h = backgroundHandlers(knowledgeJson as unknown as Knowledge);
const bad = <T>(x: unknown) => x as T;

describe('the background answers', () => {
  test('well-formed requests', () => {
    expect(h.describe({ type: 'describe', entities: ['Toshimitsu Motegi'], date: '2020-11-20' })['Toshimitsu Motegi']).toMatchObject({
      status: 'serving', office: { title: 'Minister for Foreign Affairs of Japan', start: '2019-09-11' },
    });
    expect(h.card({ type: 'card', entity: 'JPN', date: '2020-11-20' })?.kind).toBe('country');
    expect(h.search({ type: 'search', query: 'motegi', date: '2020-11-20' })[0]?.role).toMatchObject({ status: 'serving' });
    expect(h.related({ type: 'related', entities: ['Wang Yi', 'JPN'], date: '2020-11-20' }).after.length).toBeGreaterThan(0);
  });

  test('malformed requests get well-formed, empty answers instead of exceptions', () => {
    expect(h.describe({ type: 'describe', entities: bad('Wang Yi'), date: bad(7) })).toEqual({});
    expect(h.describe({ type: 'describe', entities: bad([1, null, 'JPN']), date: 'nonsense' })['JPN']?.name).toBe('Japan');
    expect(h.related({ type: 'related', entities: bad({}), date: bad(undefined) })).toEqual({ before: [], after: [], names: {} });
    expect(h.search({ type: 'search', query: bad(null), date: '2020-11-20' })).toEqual([]);
    expect(h.card({ type: 'card', entity: bad(['Wang Yi']), date: '2020-11-20' })).toBeNull();
  });

  test('an unreadable date means today, not an error', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(h.card({ type: 'card', entity: 'Wang Yi', date: '20 Nov 2020' })?.date).toBe(today);
  });
});
