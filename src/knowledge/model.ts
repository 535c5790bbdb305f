/** The assembled knowledge: what the build writes and the background and CLI read. */
import type { CountryCoverage, CoverageException, KnowledgeEvent, Organisation, Person, UnconfirmedHolder, Vacancy } from './schema';

export interface Country {
  iso3: string;
  name: string;
  official: string;
  /** Every name that refers to the country itself, the common name first. */
  aliases: string[];
  demonyms: string[];
  capital: string | null;
  /** The capital and other seats that stand for the government in news ("Washington"). */
  governmentSeats: string[];
  flag: string;
  region: string;
  subregion: string;
  unMember: boolean;
  /** Names that are also ordinary words or personal names; the matcher wants context for them. */
  ambiguousNames: string[];
}

/** An event as the knowledge holds it: written in a file, or derived from a change of office (derived: true). */
export type EventRecord = KnowledgeEvent & { derived?: boolean };

export interface Knowledge {
  asOf: string;
  countries: Country[];
  people: Person[];
  /** International organisations and groupings (their leaders are people with offices naming them). */
  organisations: Organisation[];
  events: EventRecord[];
  vacancies: Vacancy[];
  exceptions: CoverageException[];
  /** States known only up to a day before asOf. */
  coverage: CountryCoverage[];
  /** Days whose holder the sources did not confirm (see schema.ts UnconfirmedHolder). */
  unconfirmed: UnconfirmedHolder[];
}

export interface Problem {
  file: string;
  /** The entry's id: a country's iso3, a person's Wikipedia title, an event's id. */
  id?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.id && `entry "${p.id}"`, p.field && `field ${p.field}`].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}
