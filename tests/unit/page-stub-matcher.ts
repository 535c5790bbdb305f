// A tiny stand-in for the real matcher, for tests of the page side only: exact names, plus a surname after its full name
// (and one before it, handed out late once the full name comes, as the real matcher does).
import type { LateMention, Mention, MatchHow, MentionKind, PageMatcher } from '../../src/matching/types';

export interface StubEntry { text: string; entity: string; kind: MentionKind; how: MatchHow }

export function stubMatcher(entries: StubEntry[], surnames: Record<string, string> = {}): PageMatcher & { calls: string[] } {
  const seen = new Set<string>();
  const calls: string[] = [];
  let waiting: LateMention[] = [];
  let late: LateMention[] = [];
  return {
    calls,
    takeLate() {
      const out = late;
      late = [];
      return out;
    },
    matchBlock(text: string, block?: unknown): Mention[] {
      calls.push(text);
      const found: Mention[] = [];
      // Where each person is first named in full in this block (a surname after it is theirs at once).
      const fullAt = new Map<string, number>();
      for (const e of entries) {
        const i = text.indexOf(e.text);
        if (e.how === 'name' && e.kind === 'person' && i >= 0) fullAt.set(e.entity, Math.min(i, fullAt.get(e.entity) ?? i));
      }
      const isSeen = (id: string, at: number) => seen.has(id) || (fullAt.get(id) ?? Infinity) < at;
      const surnameHits: { text: string; entity: string; start: number }[] = [];
      for (const [s, id] of Object.entries(surnames)) {
        for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) {
          if (/\w/.test(text[i - 1] ?? '') || /\w/.test(text[i + s.length] ?? '')) continue;
          if (isSeen(id, i)) surnameHits.push({ text: s, entity: id, start: i });
          else if (block !== undefined) waiting.push({ block, text: s, mention: { start: i, end: i + s.length, entity: id, kind: 'person', how: 'surname' } });
        }
      }
      for (const id of fullAt.keys()) seen.add(id);
      late.push(...waiting.filter((w) => seen.has(w.mention.entity)));
      waiting = waiting.filter((w) => !seen.has(w.mention.entity));
      const take = (start: number, end: number, entity: string, kind: MentionKind, how: MatchHow) => {
        const boundary = !/\w/.test(text[start - 1] ?? '') && !/\w/.test(text[end] ?? '');
        if (boundary && !found.some((m) => start < m.end && end > m.start)) found.push({ start, end, entity, kind, how });
      };
      for (const e of [...entries].sort((a, b) => b.text.length - a.text.length)) {
        for (let i = text.indexOf(e.text); i >= 0; i = text.indexOf(e.text, i + e.text.length)) take(i, i + e.text.length, e.entity, e.kind, e.how);
      }
      for (const h of surnameHits) take(h.start, h.start + h.text.length, h.entity, 'person', 'surname');
      // A waiting surname inside a full name ("Wang" of "Wang Yi") was never alone.
      late = late.filter((l) => !(l.block === block && found.some((m) => l.mention.start < m.end && l.mention.end > m.start)));
      return found.sort((a, b) => a.start - b.start);
    },
    reset() {
      seen.clear();
      waiting = [];
      late = [];
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
