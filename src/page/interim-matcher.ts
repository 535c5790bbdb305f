/**
 * INTERIM: a crude matcher over the compiled index, used only until the real
 * engine (src/matching/index.ts) lands. Exact aliases at word boundaries; no
 * surnames, no context rules.
 */
import type { Mention, PageMatcher } from '../matching/types';

interface V1 {
  entities: { id: string; kind: 'person' | 'country' }[];
  aliases: Record<string, [number, string][]>;
}

export function createInterimMatcher(raw: unknown): PageMatcher {
  const index = raw as V1;
  if (!index || typeof index.aliases !== 'object' || !Array.isArray(index.entities)) return { matchBlock: () => [], reset() {} };
  const keys = Object.keys(index.aliases).filter((k) => k.length > 2).sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    matchBlock(text) {
      const out: Mention[] = [];
      for (const m of text.matchAll(re)) {
        const [entry] = index.aliases[m[0]] ?? [];
        if (!entry) continue;
        const e = index.entities[entry[0]];
        if (!e) continue;
        const kind = e.kind === 'person' ? 'person' : entry[1] === 'demonym' ? 'demonym' : entry[1] === 'seat' ? 'capital' : 'country';
        const how = entry[1] === 'native' ? 'native' : entry[1] === 'demonym' ? 'demonym' : entry[1] === 'seat' ? 'capital' : 'name';
        out.push({ start: m.index, end: m.index + m[0].length, entity: e.id, kind, how });
      }
      return out;
    },
    reset() {},
  };
}
