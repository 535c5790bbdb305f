/**
 * What a hover card or the popup shows for one entity on one date: plain
 * data, computed in the background from the full knowledge and passed to the
 * UI as props. Text only, never HTML.
 */
import type { Knowledge } from './model';
import type { Office, Person, TrackedRole } from './schema';
import type { DateSource } from '../vocabulary';
import { knownUntil } from './coverage';
import {
  countryWikipediaUrl, currentRoleIfDifferent, daysBetween, displayName, eventsAround, eventsNear, findCountry, findOrganisation, findPerson, leaderList, leadersOn,
  membersOn, nextOfficeAfter, organisationLeaders, roleOn, wikipediaUrl, type Holder,
} from './query';

export interface EventLine {
  id: string;
  start: string;
  end: string;
  title: string;
  summary: string;
  source: string;
  people: string[];
  countries: string[];
}

export interface RoleLine {
  label: string;
  title: string;
  start: string;
  end: string | null;
  status: 'serving' | 'former' | 'future';
  /** An office already won on the card's date (elected or appointed, per the data), or starting within INCOMING_DAYS: "incoming …" rather than "later …". */
  incoming: boolean;
  /** The day they were elected or appointed to it, where the data has it. */
  elected: string | null;
  acting: boolean;
  countryFlag: string;
}

/**
 * An office starting at most this many days after the article's date is
 * called "incoming": the knowledge has no election or appointment dates, and
 * this covers the usual wait from an election to taking office (the US's
 * 76 days) without calling an office years away "incoming".
 */
export const INCOMING_DAYS = 90;

/** What every card has: the date it is for, how far its facts are known, and the events around that date. */
interface DatedCard {
  /** The last day this card's facts are known for (the snapshot, or earlier for a state whose later changes are unknown). */
  asOf: string;
  date: string;
  /** Where the page's date came from, when the page says ('today': none found on the page). */
  dateSource?: DateSource;
  /** Closest to the date first (the popup's list). */
  events: EventLine[];
  /** Up to the article's date, most relevant first. */
  before: EventLine[];
  /** After the article's date, most relevant first. */
  after: EventLine[];
}

export interface PersonCard extends DatedCard {
  kind: 'person';
  id: string;
  name: string;
  native: string[];
  wikipedia: string;
  wikipediaUrl: string;
  country: { iso3: string; name: string; flag: string } | null;
  born: number | null;
  summary: string;
  role: RoleLine | null;
  /** The role at the snapshot date when it differs from the one on the article's date. */
  now: RoleLine | null;
  /** An office taken after the article's date, beside the one shown for that date (Trump in Nov 2024: former President, and President again from Jan 20, 2025). */
  next: RoleLine | null;
}

export interface LeaderLine {
  id: string;
  name: string;
  title: string;
}

/** One person among a country's leaders on a date, with every role they held then. */
export interface CountryLeader {
  id: string;
  name: string;
  /** Their offices' titles, most important first, each once. */
  titles: string[];
  roles: TrackedRole[];
}

export interface CountryCard extends DatedCard {
  kind: 'country';
  id: string;
  name: string;
  official: string;
  flag: string;
  wikipediaUrl: string;
  capital: string | null;
  region: string;
  subregion: string;
  headOfState: LeaderLine | null;
  headOfGovernment: LeaderLine | null;
  foreignMinister: LeaderLine | null;
  /** The leaders on the date, one entry per person (a president who also heads the government appears once), head of state first. */
  leaders: CountryLeader[];
}

export interface OrganisationMember {
  iso3: string;
  name: string;
  flag: string;
  /** Its rights suspended on the date (the African Union after a coup). */
  suspended: boolean;
}

export interface OrganisationCard extends DatedCard {
  kind: 'organisation';
  id: string;
  name: string;
  /** Short forms news writes: "NATO", "EU". */
  acronyms: string[];
  native: string[];
  wikipediaUrl: string;
  summary: string;
  founded: number;
  seat: { city: string; country: string; flag: string } | null;
  /** Who led it on the date: one line per office (the EU has four). */
  leaders: LeaderLine[];
  /** Member states on the date, by name. */
  members: OrganisationMember[];
  /** Members that are organisations themselves (the EU in the G20). */
  memberOrganisations: string[];
}

export type Card = PersonCard | CountryCard | OrganisationCard;

export function eventLine(e: Knowledge['events'][number]): EventLine {
  return { id: e.id, start: e.start, end: e.end, title: e.title, summary: e.summary, source: e.source, people: e.people, countries: e.countries };
}

function leader(h: Holder | null): LeaderLine | null {
  return h ? { id: h.person.wikipedia, name: displayName(h.person), title: h.office.title } : null;
}

function roleLine(k: Knowledge, r: ReturnType<typeof roleOn>, date: string): RoleLine | null {
  if (!r) return null;
  return {
    label: r.label, title: r.office.title, start: r.office.start, end: r.office.end, status: r.status,
    // Won already (elected or appointed on or before the date) is incoming; without that day, a start soon after is.
    incoming: r.status === 'future' && (r.office.elected ? r.office.elected.date <= date : daysBetween(date, r.office.start) <= INCOMING_DAYS),
    elected: r.office.elected?.date ?? null,
    acting: !!r.office.acting, countryFlag: (r.office.country !== undefined && findCountry(k, r.office.country)?.flag) || '',
  };
}

/** The office after the date beside the one shown for it; none when the one shown is itself still to come. */
function nextLine(k: Knowledge, person: Person, date: string, shown: ReturnType<typeof roleOn>): RoleLine | null {
  if (shown?.status === 'future') return null;
  const office: Office | null = nextOfficeAfter(person, date);
  if (!office) return null;
  return roleLine(k, { office, status: 'future', label: `later ${office.title} (from ${office.start})` }, date);
}

function around(k: Knowledge, id: string, date: string): { before: EventLine[]; after: EventLine[] } {
  const { before, after } = eventsAround(k, id, date);
  return { before: before.map(eventLine), after: after.map(eventLine) };
}

export function cardFor(k: Knowledge, id: string, date: string): Card | null {
  const person = findPerson(k, id);
  if (person) {
    const c = findCountry(k, person.country);
    // Offices are known to the snapshot, or to an earlier day for a state whose later changes are not yet known.
    const asOf = knownUntil(k, person.country);
    const role = roleOn(person, date);
    return {
      kind: 'person', id, name: displayName(person), native: person.native, wikipedia: person.wikipedia, wikipediaUrl: wikipediaUrl(person.wikipedia),
      country: c ? { iso3: c.iso3, name: c.name, flag: c.flag } : null, born: person.born ?? null, summary: person.summary,
      role: roleLine(k, role, date),
      // Only for a date before what is known: a later article's own date is already the latest word.
      now: asOf > date ? roleLine(k, currentRoleIfDifferent(person, date, asOf), asOf) : null,
      next: nextLine(k, person, date, role),
      asOf, date, events: eventsNear(k, id, date).map(eventLine), ...around(k, id, date),
    };
  }
  const country = findCountry(k, id);
  if (country) {
    const leaders = leadersOn(k, id, date);
    return {
      kind: 'country', id, name: country.name, official: country.official, flag: country.flag, wikipediaUrl: countryWikipediaUrl(country),
      capital: country.capital, region: country.region, subregion: country.subregion,
      headOfState: leader(leaders.headOfState), headOfGovernment: leader(leaders.headOfGovernment), foreignMinister: leader(leaders.foreignMinister),
      leaders: leaderList(k, id, date).map((l) => ({
        id: l.person.wikipedia, name: displayName(l.person), titles: [...new Set(l.offices.map((o) => o.title))], roles: l.roles,
      })),
      asOf: knownUntil(k, id), date, events: eventsNear(k, id, date).map(eventLine), ...around(k, id, date),
    };
  }
  const org = findOrganisation(k, id);
  if (org) {
    const { members, suspended } = membersOn(org, date);
    const off = new Set(suspended);
    const seatCountry = org.seat ? findCountry(k, org.seat.country) : undefined;
    return {
      kind: 'organisation', id, name: org.name, acronyms: org.acronyms.filter((a) => a !== org.name), native: org.native,
      wikipediaUrl: wikipediaUrl(org.wikipedia), summary: org.summary, founded: org.founded,
      seat: org.seat ? { city: org.seat.city, country: seatCountry?.name ?? org.seat.country, flag: seatCountry?.flag ?? '' } : null,
      leaders: organisationLeaders(k, id, date).map((h) => leader(h)!),
      members: members
        .map((iso3) => findCountry(k, iso3))
        .filter((c) => c !== undefined)
        .map((c) => ({ iso3: c.iso3, name: c.name, flag: c.flag, suspended: off.has(c.iso3) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      memberOrganisations: org.memberOrganisations.map((m) => findOrganisation(k, m)?.name ?? m),
      asOf: k.asOf, date, events: eventsNear(k, id, date).map(eventLine), ...around(k, id, date),
    };
  }
  return null;
}
