/**
 * What a hover card or the popup shows for one entity on one date: plain
 * data, computed in the background from the full knowledge and passed to the
 * UI as props. Text only, never HTML.
 */
import type { Knowledge } from './model';
import { knownUntil } from './coverage';
import { eventsNear, findCountry, findPerson, leadersOn, roleOn, currentRoleIfDifferent, wikipediaUrl, type Holder } from './query';

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
  acting: boolean;
  countryFlag: string;
}

export interface PersonCard {
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
  /** The last day this person's country's offices are known for (the snapshot, or earlier for that state). */
  asOf: string;
  date: string;
  events: EventLine[];
}

export interface LeaderLine {
  id: string;
  name: string;
  title: string;
}

export interface CountryCard {
  kind: 'country';
  id: string;
  name: string;
  official: string;
  flag: string;
  capital: string | null;
  region: string;
  subregion: string;
  headOfState: LeaderLine | null;
  headOfGovernment: LeaderLine | null;
  foreignMinister: LeaderLine | null;
  asOf: string;
  date: string;
  events: EventLine[];
}

export type Card = PersonCard | CountryCard;

export function eventLine(e: Knowledge['events'][number]): EventLine {
  return { id: e.id, start: e.start, end: e.end, title: e.title, summary: e.summary, source: e.source, people: e.people, countries: e.countries };
}

function leader(h: Holder | null): LeaderLine | null {
  return h ? { id: h.person.wikipedia, name: h.person.name, title: h.office.title } : null;
}

function roleLine(k: Knowledge, r: ReturnType<typeof roleOn>): RoleLine | null {
  if (!r) return null;
  return {
    label: r.label, title: r.office.title, start: r.office.start, end: r.office.end, status: r.status,
    acting: !!r.office.acting, countryFlag: findCountry(k, r.office.country)?.flag ?? '',
  };
}

export function cardFor(k: Knowledge, id: string, date: string): Card | null {
  const person = findPerson(k, id);
  if (person) {
    const c = findCountry(k, person.country);
    // Offices are known to the snapshot, or to an earlier day for a state whose later changes are not yet known.
    const asOf = knownUntil(k, person.country);
    return {
      kind: 'person', id, name: person.name, native: person.native, wikipedia: person.wikipedia, wikipediaUrl: wikipediaUrl(person.wikipedia),
      country: c ? { iso3: c.iso3, name: c.name, flag: c.flag } : null, born: person.born ?? null, summary: person.summary,
      role: roleLine(k, roleOn(person, date)), now: roleLine(k, currentRoleIfDifferent(person, date, asOf)),
      asOf, date, events: eventsNear(k, id, date).map(eventLine),
    };
  }
  const country = findCountry(k, id);
  if (country) {
    const leaders = leadersOn(k, id, date);
    return {
      kind: 'country', id, name: country.name, official: country.official, flag: country.flag, capital: country.capital,
      region: country.region, subregion: country.subregion,
      headOfState: leader(leaders.headOfState), headOfGovernment: leader(leaders.headOfGovernment), foreignMinister: leader(leaders.foreignMinister),
      asOf: knownUntil(k, id), date, events: eventsNear(k, id, date).map(eventLine),
    };
  }
  return null;
}
