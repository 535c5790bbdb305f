/** The popup's questions: names and roles for a page's entities, related events, search. */
import type { Knowledge } from './model';
import { eventLine } from './cards';
import { findCountry, findOrganisation, findPerson, leadersOn, membersOn, organisationLeaders, relatedEvents, roleOn } from './query';
import type { Office, OfficeRole } from './schema';
import type { EntityLine, OfficeRef, RelatedEvents, SearchHit } from '../vocabulary';

/** An office with what a UI needs to word its title itself (the popup's Japanese "日本首相"): its roles and country (ISO3). */
export interface OfficeFacts extends OfficeRef {
  roles?: OfficeRole[];
  country?: string;
}

/** A person's own-script names and country, for a UI that shows the native name beside the English one. */
interface PersonFacts {
  native?: string[];
  /** ISO3: the person's country, or the country itself. */
  country?: string;
}

export type EntityFacts = EntityLine & PersonFacts & { office: OfficeFacts | null };
export type SearchFacts = SearchHit & PersonFacts & { role?: { status: 'serving' | 'former' | 'future'; office: OfficeFacts } | null };

function officeRef(o: Office): OfficeFacts {
  return { title: o.title, start: o.start, end: o.end, roles: o.roles, country: o.country };
}

export function describeEntities(k: Knowledge, ids: string[], date: string): Record<string, EntityFacts> {
  const out: Record<string, EntityFacts> = {};
  for (const id of ids) {
    const p = findPerson(k, id);
    if (p) {
      const role = roleOn(p, date);
      out[id] = {
        name: p.name, role: role?.label ?? null, status: role?.status ?? null, office: role ? officeRef(role.office) : null,
        flag: findCountry(k, p.country)?.flag ?? '', leaders: [], native: p.native, country: p.country,
      };
      continue;
    }
    const c = findCountry(k, id);
    if (c) {
      const { headOfState, headOfGovernment } = leadersOn(k, id, date);
      const leaders = [headOfState, headOfGovernment]
        .filter((h): h is NonNullable<typeof h> => h !== null)
        .filter((h, i, all) => all.findIndex((o) => o.person === h.person) === i)
        .map((h) => ({ name: h.person.name, title: h.office.title }));
      out[id] = { name: c.name, role: null, status: null, office: null, flag: c.flag, leaders, country: c.iso3 };
      continue;
    }
    const o = findOrganisation(k, id);
    if (o) {
      const leaders = organisationLeaders(k, id, date).slice(0, 2).map((h) => ({ name: h.person.name, title: h.office.title }));
      out[id] = { name: o.name, role: null, status: null, office: null, flag: '', leaders };
    }
  }
  return out;
}

export function relatedFor(k: Knowledge, ids: string[], date: string, counts?: Record<string, number>): RelatedEvents {
  const ranked = relatedEvents(k, ids, date, 20, counts ? new Map(Object.entries(counts)) : undefined);
  const names: Record<string, string> = {};
  for (const r of ranked) {
    for (const p of r.event.people) names[p] ??= findPerson(k, p)?.name ?? p;
    for (const c of r.event.countries) names[c] ??= findCountry(k, c)?.name ?? c;
    for (const o of r.event.organisations) names[o] ??= findOrganisation(k, o)?.name ?? o;
  }
  return {
    before: ranked.filter((r) => r.when === 'before').map((r) => eventLine(r.event)),
    after: ranked.filter((r) => r.when === 'after').map((r) => eventLine(r.event)),
    names,
  };
}

/** Case, accents and punctuation do not matter: "kang kyung wha" finds "Kang Kyung-wha", "o'brien" finds "O’Brien". */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/** How well `q` (folded) fits a set of folded names: whole name, start of name, start of a word, anywhere. */
function fit(q: string, names: readonly string[]): number {
  let best = 0;
  for (const n of names) {
    if (n === q) return 4;
    if (n.startsWith(q)) best = Math.max(best, 3);
    else if (n.split(' ').some((w, i, words) => words.slice(i).join(' ').startsWith(q))) best = Math.max(best, 2);
    else if (n.includes(q)) best = Math.max(best, 1);
  }
  return best;
}

/** People and countries whose names fit the query, best first; a person's detail is their office on `date`. */
export function searchKnowledge(k: Knowledge, query: string, date: string, limit = 12): SearchFacts[] {
  const q = fold(query);
  // One character is too little in Latin script, but a whole name in Chinese or Japanese can be two.
  if (q.length === 0 || (q.length < 2 && /^[\p{Script=Latin}\d ]+$/u.test(q))) return [];
  const hits: (SearchFacts & { score: number })[] = [];
  for (const p of k.people) {
    const score = fit(q, [p.name, ...p.aliases, ...p.native].map(fold));
    if (!score) continue;
    const role = roleOn(p, date);
    const country = findCountry(k, p.country);
    // Someone in office on the date comes before a namesake who was not.
    hits.push({
      id: p.wikipedia, kind: 'person', name: p.name, flag: country?.flag ?? '', detail: role?.label ?? country?.name ?? '',
      role: role ? { status: role.status, office: officeRef(role.office) } : null, native: p.native, country: p.country,
      score: score + (role?.status === 'serving' ? 0.5 : 0),
    });
  }
  for (const c of k.countries) {
    let score = fit(q, [c.name, ...c.aliases, ...c.demonyms].map(fold));
    // A capital finds its country, below any name that fits as well.
    if (!score && c.capital && fit(q, [fold(c.capital)]) >= 2) score = 1.5;
    if (!score) continue;
    hits.push({ id: c.iso3, kind: 'country', name: c.name, flag: c.flag, country: c.iso3, detail: [c.capital, c.subregion || c.region].filter(Boolean).join(' · '), score: score + 0.25 });
  }
  for (const o of k.organisations) {
    const score = fit(q, [o.name, ...o.aliases, ...o.acronyms, ...o.native].map(fold));
    if (!score) continue;
    const detail = [o.acronyms[0], `${membersOn(o, date).members.length}`].filter(Boolean).join(' · ');
    hits.push({ id: o.wikipedia, kind: 'organisation', name: o.name, flag: '', detail, score: score + 0.2 });
  }
  return hits
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ score: _s, ...h }) => h);
}
