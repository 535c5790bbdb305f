/**
 * Merges the knowledge files with the world-countries dataset and validates
 * them. Pure: callers pass file contents in, problems come back as data, so
 * the build, `kb:check` and the tests all report the same way.
 */
import { KnowledgePart, type CountryPatch, type Designation, type ExtraNames, type ExtraOffices, type Person } from './schema';
import type { Country, Knowledge, Problem } from './model';
import { checkConsistency } from './consistency';
import { derivedOfficeEvents } from './derived-events';

/** The subset of a world-countries record that Backstory reads. */
export interface DatasetCountry {
  cca3: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital: string[];
  flag: string;
  region: string;
  subregion: string;
  unMember: boolean;
}

/** Observer states and territories that news writes about as places of their own. */
const EXTRA_PLACES = new Set(['VAT', 'PSE', 'TWN', 'HKG', 'MAC', 'PRI', 'GRL', 'UNK', 'ESH', 'GIB', 'BMU', 'FLK', 'GUM', 'NCL', 'FRO', 'CYM']);

/** world-countries uses the non-standard UNK for Kosovo; news data and the EU use XKX. */
const CODE_FIXES: Record<string, string> = { UNK: 'XKX' };

export interface SourceFile {
  file: string;
  data: unknown;
}

function isDatasetAlias(s: string): boolean {
  // Two- and three-letter codes collide with ordinary words ("IN", "IT", "NO");
  // the ones news really uses (US, UK, UAE) are added back by hand.
  if (/^[A-Z]{2,3}$/.test(s)) return false;
  // "Korea, Republic of" is index-speak, never prose.
  if (s.includes(',')) return false;
  return s.length >= 3;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
}

function countryFromDataset(d: DatasetCountry): Country {
  const demonym = d.demonyms?.eng;
  return {
    iso3: CODE_FIXES[d.cca3] ?? d.cca3,
    name: d.name.common,
    official: d.name.official,
    aliases: uniq([d.name.common, d.name.official, ...d.altSpellings.filter(isDatasetAlias)]),
    demonyms: uniq(demonym ? [demonym.m, demonym.f] : []),
    capital: d.capital[0] ?? null,
    governmentSeats: uniq(d.capital.slice(0, 1)),
    flag: d.flag,
    region: d.region,
    subregion: d.subregion,
    unMember: d.unMember,
    ambiguousNames: [],
  };
}

function applyPatch(base: Country | undefined, p: CountryPatch, file: string, problems: Problem[]): Country | undefined {
  if (!base) {
    if (!p.name || !p.official || !p.capital || !p.flag || !p.region) {
      problems.push({ file, id: p.iso3, field: 'iso3', message: 'not in the world-countries dataset; a new place needs name, official, capital, flag and region' });
      return undefined;
    }
    base = {
      iso3: p.iso3, name: p.name, official: p.official, aliases: [p.name, p.official], demonyms: [], capital: p.capital,
      governmentSeats: [p.capital], flag: p.flag, region: p.region, subregion: p.region, unMember: p.unMember ?? false, ambiguousNames: [],
    };
  }
  const drop = new Set(p.dropAliases);
  const name = p.name ?? base.name;
  const capital = p.capital ?? base.capital;
  return {
    ...base,
    name,
    official: p.official ?? base.official,
    aliases: uniq([name, ...base.aliases, ...p.aliases]).filter((a) => !drop.has(a)),
    demonyms: uniq([...base.demonyms, ...p.demonyms]),
    capital,
    governmentSeats: uniq([...(capital ? [capital] : []), ...base.governmentSeats.filter((s) => s === capital || !p.capital), ...p.governmentSeats]),
    flag: p.flag ?? base.flag,
    region: p.region ?? base.region,
    unMember: p.unMember ?? base.unMember,
    ambiguousNames: uniq([...base.ambiguousNames, ...p.ambiguousNames]),
  };
}

function zodProblems(file: string, data: unknown, error: { issues: { path: PropertyKey[]; message: string }[] }): Problem[] {
  return error.issues.map((issue) => {
    const [section, index, ...rest] = issue.path;
    let id: string | undefined;
    if (typeof section === 'string' && typeof index === 'number') {
      const entry = (data as Record<string, unknown[]>)[section]?.[index] as Record<string, unknown> | undefined;
      const raw = entry?.['wikipedia'] ?? entry?.['id'] ?? entry?.['iso3'];
      id = typeof raw === 'string' ? raw : `${section}[${index}]`;
    }
    const field = (typeof index === 'number' ? rest : issue.path).map(String).join('.') || undefined;
    return { file, id, field, message: issue.message };
  });
}

/**
 * Offices written for a person in another file (a prime minister who later
 * led an organisation) join that person's record; aliases too, once each.
 */
function addExtraOffices(k: Knowledge, extras: readonly (ExtraOffices & { $file: string })[], problems: Problem[]): void {
  forEachPerson(k, extras, 'extraOffices', problems, (person, x) => {
    person.offices = [...person.offices, ...x.offices];
    addAliases(person, x.aliases);
  });
}

/** Calls `add` with each entry's person; an entry naming no person written in full is a problem. */
function forEachPerson<T extends { wikipedia: string; $file: string }>(k: Knowledge, list: readonly T[], field: string, problems: Problem[], add: (person: Person, x: T) => void): void {
  const byKey = new Map(k.people.map((p) => [p.wikipedia, p]));
  for (const x of list) {
    const person = byKey.get(x.wikipedia);
    if (person) add(person, x);
    else problems.push({ file: x.$file, id: x.wikipedia, field, message: 'names a person no file writes in full (use the exact Wikipedia title)' });
  }
}

function addAliases(person: Person, aliases: readonly string[]): void {
  const names = new Set([person.name, ...person.aliases]);
  person.aliases = [...person.aliases, ...aliases.filter((a) => !names.has(a))];
}

/** Election or appointment days written in another file, onto the office they name. */
function addDesignations(k: Knowledge, list: readonly (Designation & { $file: string })[], problems: Problem[]): void {
  const byKey = new Map(k.people.map((p) => [p.wikipedia, p]));
  for (const d of list) {
    const id = `${d.wikipedia} ${d.title} ${d.start}`;
    const office = byKey.get(d.wikipedia)?.offices.find((o) => o.title === d.title && o.start === d.start);
    if (!office) {
      problems.push({ file: d.$file, id, field: 'designations', message: 'names no office of a person in the knowledge (title and start must match exactly)' });
    } else if (d.elected >= d.start) {
      problems.push({ file: d.$file, id, field: 'elected', message: `must come before the office starts (${d.start})` });
    } else {
      office.elected = { date: d.elected, source: d.source };
    }
  }
}

/** Names written for a person in another file (their name in Japanese, Chinese, Korean), once each. */
function addExtraNames(k: Knowledge, extras: readonly (ExtraNames & { $file: string })[], problems: Problem[]): void {
  forEachPerson(k, extras, 'extraNames', problems, (person, x) => {
    const native = new Set(person.native);
    person.native = [...person.native, ...x.native.filter((n) => !native.has(n))];
    if (x.nativeSurnames?.length) person.nativeSurnames = [...new Set([...(person.nativeSurnames ?? []), ...x.nativeSurnames])];
    addAliases(person, x.aliases);
  });
}

/**
 * Returns the knowledge assembled from every file that parsed, and all problems.
 * Callers must refuse to ship knowledge that came with problems.
 */
export function assembleKnowledge(files: SourceFile[], dataset: DatasetCountry[]): { knowledge: Knowledge; problems: Problem[] } {
  const problems: Problem[] = [];
  const countries = new Map<string, Country>();
  for (const d of dataset) {
    if (d.unMember || EXTRA_PLACES.has(d.cca3)) {
      const c = countryFromDataset(d);
      countries.set(c.iso3, c);
    }
  }
  const byIso = new Map(dataset.map((d) => [CODE_FIXES[d.cca3] ?? d.cca3, d]));

  let asOf: string | undefined;
  const extras: (ExtraOffices & { $file: string })[] = [];
  const names: (ExtraNames & { $file: string })[] = [];
  const designations: (Designation & { $file: string })[] = [];
  const knowledge: Knowledge = { asOf: '', countries: [], people: [], organisations: [], events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [] };
  for (const { file, data } of files) {
    const parsed = KnowledgePart.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(file, data, parsed.error));
      continue;
    }
    const part = parsed.data;
    if (part.asOf) {
      if (asOf) problems.push({ file, field: 'asOf', message: 'the snapshot date is set in more than one file' });
      asOf = part.asOf;
    }
    for (const patch of part.countries) {
      if (patch.include === false) {
        countries.delete(patch.iso3);
        continue;
      }
      const existing = countries.get(patch.iso3);
      const fromDataset = existing ?? (byIso.get(patch.iso3) ? countryFromDataset(byIso.get(patch.iso3)!) : undefined);
      const patched = applyPatch(fromDataset, patch, file, problems);
      if (patched) countries.set(patched.iso3, patched);
    }
    knowledge.people.push(...part.people.map((p) => ({ ...p, $file: file })));
    knowledge.organisations.push(...part.organisations.map((o) => ({ ...o, $file: file })));
    extras.push(...part.extraOffices.map((x) => ({ ...x, $file: file })));
    names.push(...part.extraNames.map((x) => ({ ...x, $file: file })));
    designations.push(...part.designations.map((x) => ({ ...x, $file: file })));
    knowledge.events.push(...part.events.map((e) => ({ ...e, $file: file })));
    knowledge.vacancies.push(...part.vacancies.map((v) => ({ ...v, $file: file })));
    knowledge.exceptions.push(...part.exceptions.map((x) => ({ ...x, $file: file })));
    knowledge.coverage.push(...part.coverage.map((c) => ({ ...c, $file: file })));
    knowledge.unconfirmed.push(...part.unconfirmed.map((u) => ({ ...u, $file: file })));
  }
  if (!asOf) problems.push({ file: 'meta.json', field: 'asOf', message: 'no snapshot date (asOf) is set' });
  knowledge.asOf = asOf ?? '';
  knowledge.countries = [...countries.values()].sort((a, b) => a.iso3.localeCompare(b.iso3));
  addExtraOffices(knowledge, extras, problems);
  addExtraNames(knowledge, names, problems);
  addDesignations(knowledge, designations, problems);
  problems.push(...checkConsistency(knowledge));
  knowledge.events.push(...derivedOfficeEvents(knowledge));
  knowledge.events.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  // Provenance was only for messages; the shipped knowledge stays clean.
  for (const p of knowledge.people) delete (p as { $file?: string }).$file;
  for (const o of knowledge.organisations) delete (o as { $file?: string }).$file;
  for (const list of [knowledge.events, knowledge.vacancies, knowledge.exceptions, knowledge.coverage, knowledge.unconfirmed]) {
    for (const x of list) delete (x as { $file?: string }).$file;
  }
  return { knowledge, problems };
}
