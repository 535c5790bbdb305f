/**
 * Questions the cards, the popup and `annotate` ask of the knowledge: who
 * held what on a date, who led a country then, which events relate to a page.
 * Pure functions over the assembled knowledge.
 */
import type { Country, EventRecord, Knowledge } from './model';
import type { KnowledgeEvent, Office, OfficeRole, Organisation, Person, TrackedRole } from './schema';
import { TRACKED_ROLES } from './coverage';
import { foldLetters } from '../matching/text';

const ROLE_RANK: Record<OfficeRole, number> = {
  head_of_state: 0, head_of_government: 0, organisation_leader: 0, foreign_minister: 1, defence_minister: 1, finance_minister: 1,
  national_security_adviser: 1, spokesperson: 2, other: 3,
};

function rank(o: Office): number {
  return Math.min(...o.roles.map((r) => ROLE_RANK[r]));
}

/** In office on `date`: the last day counts, so a handover day belongs to both (callers prefer the newer term). */
export function heldOn(o: Office, date: string): boolean {
  return o.start <= date && (o.end === null || date <= o.end);
}

function byImportanceThenRecency(a: Office, b: Office): number {
  return rank(a) - rank(b) || b.start.localeCompare(a.start);
}

export type RoleStatus = 'serving' | 'former' | 'future';

export interface RoleOnDate {
  office: Office;
  status: RoleStatus;
  /** "Prime Minister of Japan", "former Prime Minister of Japan", "later Prime Minister of Japan (from 2024-10-01)". */
  label: string;
}

/**
 * The office to show for a person on a date: the most important one held that
 * day; else the most recent one already left ("former …"); else the first one
 * still to come ("later …") — never a role they did not have on that day.
 */
export function roleOn(person: Person, date: string): RoleOnDate | null {
  const offices = person.offices;
  const held = offices.filter((o) => heldOn(o, date) && !(o.end === date && offices.some((n) => n !== o && n.start === date)));
  if (held.length) {
    const office = [...held].sort(byImportanceThenRecency)[0]!;
    return { office, status: 'serving', label: office.title };
  }
  const past = offices.filter((o) => o.end !== null && o.end < date).sort((a, b) => b.end!.localeCompare(a.end!) || rank(a) - rank(b));
  if (past.length) {
    const office = past[0]!;
    return { office, status: 'former', label: `former ${office.title}` };
  }
  const future = offices.filter((o) => o.start > date).sort((a, b) => a.start.localeCompare(b.start));
  if (future.length) {
    const office = future[0]!;
    return { office, status: 'future', label: `later ${office.title} (from ${office.start})` };
  }
  return null;
}

/** The role for the snapshot date, when it differs from the one on the article's date. */
export function currentRoleIfDifferent(person: Person, date: string, asOf: string): RoleOnDate | null {
  const then = roleOn(person, date);
  const now = roleOn(person, asOf);
  if (!now || (then && then.office === now.office && then.status === now.status)) return null;
  return now;
}

export interface Holder {
  person: Person;
  office: Office;
}

/** Who held `role` for `country` on `date`; the newest term wins a handover day, acting holders only when no one else. */
export function holderOn(k: Knowledge, country: string, role: OfficeRole, date: string): Holder | null {
  const found: Holder[] = [];
  for (const person of k.people) {
    for (const office of person.offices) {
      if (office.country === country && office.roles.includes(role) && heldOn(office, date)) found.push({ person, office });
    }
  }
  found.sort((a, b) => Number(!!a.office.acting) - Number(!!b.office.acting) || b.office.start.localeCompare(a.office.start));
  // A suspended holder stays in office while an acting one exercises it: show the acting one.
  const acting = found.find((h) => h.office.acting);
  if (acting && found[0] && acting.office.start > found[0].office.start) return acting;
  return found[0] ?? null;
}

export interface CountryLeaders {
  headOfState: Holder | null;
  headOfGovernment: Holder | null;
  foreignMinister: Holder | null;
}

export function leadersOn(k: Knowledge, country: string, date: string): CountryLeaders {
  return {
    headOfState: holderOn(k, country, 'head_of_state', date),
    headOfGovernment: holderOn(k, country, 'head_of_government', date),
    foreignMinister: holderOn(k, country, 'foreign_minister', date),
  };
}

export interface Leader {
  person: Person;
  /** The offices that make them a leader that day, most important first. */
  offices: Office[];
  roles: TrackedRole[];
}

/**
 * A country's leaders on a date, one entry per person (a president who also
 * heads the government, or a premier who is also foreign minister, appears
 * once with all their roles), head of state first.
 */
export function leaderList(k: Knowledge, country: string, date: string): Leader[] {
  const out: Leader[] = [];
  for (const role of TRACKED_ROLES) {
    const h = holderOn(k, country, role, date);
    if (!h) continue;
    const same = out.find((l) => l.person === h.person);
    if (same) {
      same.roles.push(role);
      if (!same.offices.includes(h.office)) same.offices.push(h.office);
    } else {
      out.push({ person: h.person, offices: [h.office], roles: [role] });
    }
  }
  return out;
}

export interface RankedEvent {
  event: EventRecord;
  score: number;
  /** Days from the article's date to the event's start; negative = before. */
  days: number;
  when: 'before' | 'after';
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** How telling it is that an event involves an entity: rare entities say more than the US or China (inverse event frequency). */
const specificity = new WeakMap<Knowledge, Map<string, number>>();
function entityWeight(k: Knowledge, id: string): number {
  let m = specificity.get(k);
  if (!m) {
    const df = new Map<string, number>();
    for (const e of k.events) for (const x of [...e.people, ...e.countries, ...e.organisations]) df.set(x, (df.get(x) ?? 0) + 1);
    m = new Map([...df].map(([x, n]) => [x, Math.log(1 + k.events.length / (1 + n))]));
    specificity.set(k, m);
  }
  return m.get(id) ?? Math.log(1 + k.events.length);
}

/** What a kind of event is worth beside a story: meetings and deals above statements; derived changes of office below written events. */
const KIND_WEIGHT: Record<KnowledgeEvent['kind'], number> = {
  summit: 1.1, visit: 1, talks: 1, agreement: 1, conflict: 1, election: 1, inauguration: 0.9, resignation: 0.9, appointment: 0.85,
  call: 0.8, statement: 0.8, other: 0.85,
};
const DERIVED_WEIGHT = 0.5;
/** At most this many changes of office among the events listed, so that they never crowd out the rest. */
const MAX_DERIVED = 4;

/**
 * Events that involve the page's entities, most relevant first. An event
 * scores for each page person it involves (weighted above countries) and each
 * page country, every one by how often the page names it and how rare it is
 * among events; more when it involves most of the page's countries; by its
 * kind; and the score fades with distance from the article's date (halved at
 * about 45 days). `counts` gives the page's mentions per entity (1 if absent).
 */
export function relatedEvents(k: Knowledge, entityIds: readonly string[], date: string, limit = 20, counts?: ReadonlyMap<string, number>): RankedEvent[] {
  const wanted = new Set(entityIds);
  const pageCountries = entityIds.filter((id) => /^[A-Z]{3}$/.test(id)).length;
  const often = (id: string) => 1 + Math.log(Math.max(1, counts?.get(id) ?? 1));
  const base = dayNumber(date);
  const mentions = (id: string) => Math.max(1, counts?.get(id) ?? 1);
  let pageMentions = 0;
  for (const id of wanted) pageMentions += mentions(id);
  const ranked: RankedEvent[] = [];
  for (const event of k.events) {
    let people = 0;
    let countries = 0;
    let shared = 0;
    for (const p of event.people) if (wanted.has(p)) people += 2 * entityWeight(k, p) * often(p);
    for (const c of event.countries) {
      if (!wanted.has(c)) continue;
      shared++;
      countries += entityWeight(k, c) * (1 + 0.5 * Math.log(Math.max(1, counts?.get(c) ?? 1)));
    }
    // An organisation the page names counts as a country does, without the breadth that fits states.
    let organisations = 0;
    for (const o of event.organisations) if (wanted.has(o)) organisations += entityWeight(k, o) * often(o);
    if (people + countries + organisations === 0) continue;
    // Most of the page's countries in the event counts for more; so does an event about few countries: the page's two
    // countries among a summit's twenty-one say less than the same two in a bilateral visit.
    const breadth = (pageCountries ? 0.6 + 0.8 * (shared / pageCountries) : 1) * (shared ? Math.sqrt(shared / event.countries.length) : 1);
    const days = dayNumber(event.start) - base;
    const kind = KIND_WEIGHT[event.kind] * ((event as EventRecord).derived ? DERIVED_WEIGHT : 1);
    // How much of the page the event accounts for, by mentions: a story about Lebanon and Israel that names Khamenei
    // once is about an event of Lebanon and Israel before one of Khamenei's. A country counts as in breadth: the page's
    // countries among a summit's twenty-one account for less of it than in a bilateral visit.
    let covered = 0;
    for (const x of event.people) if (wanted.has(x)) covered += mentions(x);
    for (const x of event.organisations) if (wanted.has(x)) covered += mentions(x);
    const countryShare = shared ? Math.sqrt(shared / event.countries.length) : 0;
    for (const x of event.countries) if (wanted.has(x)) covered += mentions(x) * countryShare;
    const coverage = 0.3 + Math.min(1, covered / pageMentions);
    const score = ((people + countries * breadth + organisations) * kind * coverage) / (1 + Math.abs(days) / 45);
    ranked.push({ event, score, days, when: days <= 0 && event.start <= date ? 'before' : 'after' });
  }
  ranked.sort((a, b) => b.score - a.score || Math.abs(a.days) - Math.abs(b.days) || a.event.id.localeCompare(b.event.id));
  const out: RankedEvent[] = [];
  let derived = 0;
  for (const r of ranked) {
    if (out.length >= limit) break;
    if ((r.event as EventRecord).derived && ++derived > MAX_DERIVED) continue;
    out.push(r);
  }
  return out;
}

/** Events that involve one entity, closest to the date first (for a card); a change of office counts as three times farther, so written events lead. */
export function eventsNear(k: Knowledge, entityId: string, date: string, limit = 3): KnowledgeEvent[] {
  const base = dayNumber(date);
  const distance = (e: EventRecord) => Math.abs(dayNumber(e.start) - base) * (e.derived ? 3 : 1);
  return k.events
    .filter((e) => e.people.includes(entityId) || e.countries.includes(entityId) || e.organisations.includes(entityId))
    .sort((a, b) => distance(a) - distance(b) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

export function findPerson(k: Knowledge, id: string): Person | undefined {
  return k.people.find((p) => p.wikipedia === id);
}

export function findOrganisation(k: Knowledge, key: string): Organisation | undefined {
  return k.organisations.find((o) => o.wikipedia === key);
}

/** A state's membership on a date: joined on or before it, and not yet left (`until` is the first day outside). */
export function memberOn(m: Organisation['members'][number], date: string): boolean {
  return (m.since === undefined || m.since <= date) && (m.until === undefined || date < m.until);
}

/** The organisation's members on a date (ISO3), and those whose rights were suspended that day. */
export function membersOn(o: Organisation, date: string): { members: string[]; suspended: string[] } {
  const members = o.members.filter((m) => memberOn(m, date)).map((m) => m.country);
  const inside = new Set(members);
  const suspended = o.suspensions.filter((s) => inside.has(s.country) && s.start <= date && (s.end === null || date < s.end)).map((s) => s.country);
  return { members, suspended: [...new Set(suspended)] };
}

/** Who held each of an organisation's offices on a date, one line per office, in the order the data lists the offices' first holders. */
export function organisationLeaders(k: Knowledge, key: string, date: string): Holder[] {
  const byTitle = new Map<string, Holder[]>();
  for (const person of k.people) {
    for (const office of person.offices) {
      if (office.organisation !== key || !heldOn(office, date)) continue;
      const list = byTitle.get(office.title) ?? [];
      list.push({ person, office });
      byTitle.set(office.title, list);
    }
  }
  const out: Holder[] = [];
  for (const list of byTitle.values()) {
    // The newest term wins a handover day; an acting holder only when no one else held it.
    list.sort((a, b) => Number(!!a.office.acting) - Number(!!b.office.acting) || b.office.start.localeCompare(a.office.start));
    out.push(list[0]!);
  }
  return out.sort((a, b) => leaderOrder(a.office.title) - leaderOrder(b.office.title) || a.office.title.localeCompare(b.office.title));
}

/** The head of the whole organisation before the heads of its parts, and a rotating chair last. */
function leaderOrder(title: string): number {
  if (/secretary[- ]general|director[- ]general|managing director|^president of the (european commission|world bank|european central bank)/i.test(title)) return 0;
  if (/^chairperson of the african union$/i.test(title)) return 2;
  return 1;
}

export function findCountry(k: Knowledge, iso3: string): Country | undefined {
  return k.countries.find((c) => c.iso3 === iso3);
}

export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

/** The next office a person takes after `date` whose title they do not already hold that day (a new term of the same office is not news). */
export function nextOfficeAfter(person: Person, date: string): Office | null {
  const heldTitles = new Set(person.offices.filter((o) => heldOn(o, date)).map((o) => o.title));
  const future = person.offices.filter((o) => o.start > date && !heldTitles.has(o.title)).sort((a, b) => a.start.localeCompare(b.start) || rank(a) - rank(b));
  return future[0] ?? null;
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The name to show for a person: their English Wikipedia title (without a
 * trailing disambiguation such as " (diplomat)") when it is the knowledge's
 * name with its diacritics ("Yōko Kamikawa" for "Yoko Kamikawa"); else the name.
 */
export function displayName(person: Person): string {
  const title = person.wikipedia.replace(/\s+\([^()]*\)$/, '').trim();
  return title && title !== person.name && foldLetters(title) === foldLetters(person.name) ? title : person.name;
}

/** English Wikipedia titles for countries whose common name leads elsewhere (a region, an island, a disambiguation page). */
const COUNTRY_ARTICLE: Record<string, string> = {
  BHS: 'The Bahamas',
  COD: 'Democratic Republic of the Congo',
  FSM: 'Federated States of Micronesia',
  GEO: 'Georgia (country)',
  GMB: 'The Gambia',
  IRL: 'Republic of Ireland',
  PSE: 'State of Palestine',
};

/** The country's English Wikipedia article. */
export function countryWikipediaUrl(c: Country): string {
  return wikipediaUrl(COUNTRY_ARTICLE[c.iso3] ?? c.name);
}

/**
 * Events involving one entity (for a card), split into those up to the
 * article's date and those after it, each most relevant first (as
 * relatedEvents ranks them for a page with that one entity).
 */
export function eventsAround(k: Knowledge, entityId: string, date: string, before = 3, after = 2): { before: EventRecord[]; after: EventRecord[] } {
  const ranked = relatedEvents(k, [entityId], date, k.events.length);
  return {
    before: ranked.filter((r) => r.when === 'before').slice(0, before).map((r) => r.event),
    after: ranked.filter((r) => r.when === 'after').slice(0, after).map((r) => r.event),
  };
}
