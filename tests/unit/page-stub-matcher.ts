// A tiny stand-in for the real matcher, for tests of the page side only: exact names, plus a surname after its full name.
import type { Mention, MatchHow, MentionKind, PageMatcher } from '../../src/matching/types';

export interface StubEntry { text: string; entity: string; kind: MentionKind; how: MatchHow }

export function stubMatcher(entries: StubEntry[], surnames: Record<string, string> = {}): PageMatcher & { calls: string[] } {
  const seen = new Set<string>();
  const calls: string[] = [];
  return {
    calls,
    matchBlock(text: string): Mention[] {
      calls.push(text);
      const found: Mention[] = [];
      for (const e of entries) if (e.how === 'name' && e.kind === 'person' && text.includes(e.text)) seen.add(e.entity);
      const all = [...entries, ...Object.entries(surnames).filter(([, id]) => seen.has(id)).map(([s, id]) => ({ text: s, entity: id, kind: 'person' as const, how: 'surname' as const }))];
      for (const e of all.sort((a, b) => b.text.length - a.text.length)) {
        let i = text.indexOf(e.text);
        while (i >= 0) {
          const end = i + e.text.length;
          const boundary = !/\w/.test(text[i - 1] ?? '') && !/\w/.test(text[end] ?? '');
          if (boundary && !found.some((m) => i < m.end && end > m.start)) found.push({ start: i, end, entity: e.entity, kind: e.kind, how: e.how });
          i = text.indexOf(e.text, end);
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
    reset() {
      seen.clear();
    },
  };
}

export const STORY_ENTRIES: StubEntry[] = [
  { text: 'Wang Yi', entity: 'Wang Yi', kind: 'person', how: 'name' },
  { text: 'Yoshihide Suga', entity: 'Yoshihide Suga', kind: 'person', how: 'name' },
  { text: 'Japan', entity: 'JPN', kind: 'country', how: 'name' },
  { text: 'China', entity: 'CHN', kind: 'country', how: 'name' },
  { text: 'Chinese', entity: 'CHN', kind: 'demonym', how: 'demonym' },
  { text: 'Tokyo', entity: 'JPN', kind: 'capital', how: 'capital' },
];
export const STORY_SURNAMES = { Suga: 'Yoshihide Suga', Wang: 'Wang Yi' };
