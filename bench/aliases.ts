/**
 * The alias strings of the compiled match index, for the contenders that take
 * a plain list (mark.js, the one-big-RegExp baseline) and for the page
 * generators. The index format belongs to the matching engine and changes, so
 * this adapter looks for alias text wherever the known shapes keep it instead
 * of importing the engine's types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MATCH_INDEX_PATH = join(import.meta.dirname, '..', 'src', 'generated', 'match-index.json');

export function readMatchIndex(path = MATCH_INDEX_PATH): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * Every distinct alias text in an index.
 * Known shapes: `aliases: Record<text, …>`; `aliases: [text, …][]` or
 * `{ text | alias | a: string }[]`; `entries`/`names`/`keys` likewise.
 */
export function aliasStrings(index: unknown): string[] {
  if (!index || typeof index !== 'object') throw new Error('match index: not an object');
  const o = index as Record<string, unknown>;
  const out = new Set<string>();
  const take = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) {
      if (typeof v[0] === 'string') out.add(v[0]);
    } else if (v && typeof v === 'object') {
      const r = v as Record<string, unknown>;
      for (const k of ['text', 'alias', 'a']) if (typeof r[k] === 'string') out.add(r[k] as string);
    }
  };
  for (const key of ['aliases', 'entries', 'names', 'keys']) {
    const v = o[key];
    if (Array.isArray(v)) v.forEach(take);
    else if (v && typeof v === 'object') Object.keys(v).forEach((k) => out.add(k));
  }
  const list = [...out].filter((s) => s.trim().length > 0);
  if (list.length === 0) throw new Error(`match index: no aliases found (top-level keys: ${Object.keys(o).join(', ')})`);
  return list;
}

/**
 * The "one big RegExp" baseline: every alias, longest first so that
 * "South Korea" wins over "Korea", case-sensitive, bounded by non-letters.
 * Kept as source + flags so it crosses into a page unchanged.
 */
export function aliasRegExpSource(aliases: readonly string[]): { source: string; flags: string } {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alts = [...aliases].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(esc);
  return { source: `(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, flags: 'gu' };
}

/** A deterministic subset (every k-th of a fixed shuffle) for the growth runs. */
export function aliasSubset(aliases: readonly string[], fraction: number, seed = 7): string[] {
  const shuffled = [...aliases];
  let s = seed >>> 0;
  for (let i = shuffled.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    const j = s % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, Math.max(1, Math.round(shuffled.length * fraction)));
}
