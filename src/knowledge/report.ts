/** What `kb:check` prints and the tests hold the knowledge to: coverage per region, events per region and year. Pure. */
import type { EventRecord, Knowledge } from './model';
import { coverageGaps, coveredStates, knownUntil } from './coverage';
import { NEWS_REGIONS, newsRegion, type NewsRegion } from './regions';

/** Countries by ISO3, made once per knowledge (eventRegions is asked once per event). */
const byIsoCache = new WeakMap<Knowledge, Map<string, Knowledge['countries'][number]>>();
function countriesByIso(k: Knowledge): Map<string, Knowledge['countries'][number]> {
  let m = byIsoCache.get(k);
  if (!m) byIsoCache.set(k, (m = new Map(k.countries.map((c) => [c.iso3, c]))));
  return m;
}

export interface RegionCoverage {
  region: NewsRegion;
  states: number;
  /** States whose three offices have a holder (or a documented vacancy or exception) on every day. */
  complete: number;
  incomplete: string[];
  /** Of the complete ones, those with days whose holder is documented as unconfirmed. */
  withUnconfirmed: string[];
}

export function coverageByRegion(k: Knowledge): RegionCoverage[] {
  const byIso = countriesByIso(k);
  const gaps = new Set(coverageGaps(k).map((g) => g.country));
  const strict = new Set(coverageGaps(k, coveredStates(k), false).map((g) => g.country));
  return NEWS_REGIONS.map((region) => {
    const states = coveredStates(k).filter((iso) => newsRegion(byIso.get(iso)!) === region);
    const incomplete = states.filter((iso) => gaps.has(iso));
    const withUnconfirmed = states.filter((iso) => !gaps.has(iso) && strict.has(iso));
    return { region, states: states.length, complete: states.length - incomplete.length, incomplete, withUnconfirmed };
  });
}

/** States known only up to a day before the snapshot. */
export function staleStates(k: Knowledge): { country: string; knownUntil: string }[] {
  return [...new Set(k.coverage.map((c) => c.country))].map((country) => ({ country, knownUntil: knownUntil(k, country) })).filter((s) => s.knownUntil < k.asOf);
}

/** The regions an event belongs to: those of its place and of every country it involves. */
export function eventRegions(k: Knowledge, e: EventRecord): Set<NewsRegion> {
  const byIso = countriesByIso(k);
  const out = new Set<NewsRegion>();
  for (const iso of [...e.countries, ...(e.place ? [e.place.country] : [])]) {
    const c = byIso.get(iso);
    if (c) out.add(newsRegion(c));
  }
  return out;
}

/** The minimum a year needs in a region: 8 written events, 3 for Oceania. */
export function minimumEvents(region: NewsRegion): number {
  return region === 'Oceania' ? 3 : 8;
}

export interface RegionYear {
  region: NewsRegion;
  year: number;
  /** Written (sourced, hand-made) events. */
  written: number;
  /** Changes of office derived from the office data. */
  derived: number;
}

export function eventsByRegionYear(k: Knowledge, from = 2017): RegionYear[] {
  const last = Number(k.asOf.slice(0, 4));
  const cells = new Map<string, RegionYear>();
  for (const region of NEWS_REGIONS) for (let year = from; year <= last; year++) cells.set(`${region}|${year}`, { region, year, written: 0, derived: 0 });
  for (const e of k.events) {
    const year = Number(e.start.slice(0, 4));
    for (const region of eventRegions(k, e)) {
      const cell = cells.get(`${region}|${year}`);
      if (!cell) continue;
      if (e.derived) cell.derived++;
      else cell.written++;
    }
  }
  return [...cells.values()];
}
