/** The popup's questions: names and roles for a page's entities, related events, search. */
import type { Knowledge } from './model';
import { eventLine } from './cards';
import { findCountry, findPerson, relatedEvents, roleOn } from './query';
import type { RelatedEvents, SearchHit } from '../platform/messages';

export function describeEntities(k: Knowledge, ids: string[], date: string): Record<string, { name: string; role: string | null }> {
  const out: Record<string, { name: string; role: string | null }> = {};
  for (const id of ids) {
    const p = findPerson(k, id);
    if (p) out[id] = { name: p.name, role: roleOn(p, date)?.label ?? null };
    const c = findCountry(k, id);
    if (c) out[id] = { name: c.name, role: null };
  }
  return out;
}

export function relatedFor(k: Knowledge, ids: string[], date: string): RelatedEvents {
  const ranked = relatedEvents(k, ids, date);
  const names: Record<string, string> = {};
  for (const r of ranked) {
    for (const p of r.event.people) names[p] ??= findPerson(k, p)?.name ?? p;
    for (const c of r.event.countries) names[c] ??= findCountry(k, c)?.name ?? c;
  }
  return {
    before: ranked.filter((r) => r.when === 'before').map((r) => eventLine(r.event)),
    after: ranked.filter((r) => r.when === 'after').map((r) => eventLine(r.event)),
    names,
  };
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchKnowledge(k: Knowledge, query: string, date: string, limit = 12): SearchHit[] {
  const q = fold(query.trim());
  if (q.length < 2) return [];
  const hits: (SearchHit & { score: number })[] = [];
  for (const p of k.people) {
    const names = [p.name, ...p.aliases, ...p.native].map(fold);
    const score = names.some((n) => n.startsWith(q)) ? 2 : names.some((n) => n.includes(q)) ? 1 : 0;
    if (score) hits.push({ id: p.wikipedia, kind: 'person', name: p.name, detail: roleOn(p, date)?.label ?? '', score });
  }
  for (const c of k.countries) {
    const names = [c.name, ...c.aliases, ...c.demonyms].map(fold);
    const score = names.some((n) => n.startsWith(q)) ? 2 : names.some((n) => n.includes(q)) ? 1 : 0;
    if (score) hits.push({ id: c.iso3, kind: 'country', name: c.name, detail: `${c.flag} ${c.region}`, score });
  }
  return hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit).map(({ score: _s, ...h }) => h);
}
