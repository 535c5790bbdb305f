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

/** Index v3 (src/matching/format.ts): entry code = entity * 512 + flags * 8 + kind. */
const K_SURNAME = 3;
const K_BLOCK = 6;

/**
 * A folded key written back the way its case mask says the page writes it:
 * "kang kyung wha" + "UUU" → "Kang Kyung Wha"; "u.s" + "A." → "U.S.".
 */
export function renderKey(key: string, mask: string | null): string {
  const words = key.split(/([ '.])/);
  let w = 0;
  let out = '';
  for (const part of words) {
    if (part === ' ' || part === "'" || part === '.') {
      out += part;
      continue;
    }
    const req = mask?.[w] ?? 'U';
    out += req === 'A' ? part.toUpperCase() : req === 'x' ? part : part.charAt(0).toUpperCase() + part.slice(1);
    w++;
  }
  return mask?.endsWith('.') ? `${out}.` : out;
}

function v3Aliases(o: Record<string, unknown>): string[] {
  const keys = String(o['keys']).split('\n');
  const vals = String(o['vals']).split('\n');
  const out: string[] = [];
  keys.forEach((key, i) => {
    const val = (vals[i] ?? '').replace(/^\+/, '');
    if (!val) return; // a prefix of longer keys only
    const entries = val.split(' ').filter(Boolean).map((part) => {
      const [code, mask] = part.split(':');
      return { kind: Number(code) & 7, mask: mask ?? null };
    });
    // Surnames link only after the full name, blocks are not mentions: a plain alias list has neither.
    const linking = entries.find((e) => e.kind !== K_SURNAME && e.kind !== K_BLOCK);
    if (linking) out.push(renderKey(key, linking.mask));
  });
  if (typeof o['cjk'] === 'string' && o['cjk']) out.push(...o['cjk'].split('\n'));
  return out;
}

/**
 * Every distinct alias text in an index, as a page would write it.
 * Known shapes: v3 (`keys`/`vals` newline tables of folded keys with case
 * masks), v1 (`aliases: Record<text, …>`), or lists of strings / `[text, …]`
 * / `{ text | alias }`.
 */
export function aliasStrings(index: unknown): string[] {
  if (!index || typeof index !== 'object') throw new Error('match index: not an object');
  const o = index as Record<string, unknown>;
  const out = new Set<string>();
  if (typeof o['keys'] === 'string' && typeof o['vals'] === 'string') v3Aliases(o).forEach((a) => out.add(a));
  const take = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) {
      if (typeof v[0] === 'string') out.add(v[0]);
    } else if (v && typeof v === 'object') {
      const r = v as Record<string, unknown>;
      for (const k of ['text', 'alias']) if (typeof r[k] === 'string') out.add(r[k] as string);
    }
  };
  for (const key of ['aliases', 'entries', 'names']) {
    const v = o[key];
    if (Array.isArray(v)) v.forEach(take);
    else if (v && typeof v === 'object') Object.keys(v).forEach((k) => out.add(k));
  }
  const list = [...out].filter((s) => s.trim().length > 0);
  if (list.length === 0) throw new Error(`match index: no aliases found (top-level keys: ${Object.keys(o).join(', ')}); update bench/aliases.ts`);
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
