/**
 * The seven regions Backstory reports its coverage in, as a reader of
 * international news would group the world. Built on the dataset's UN
 * geoscheme regions, with the moves news makes: Iran, the Arab states of
 * Western Asia and Israel are the Middle East; Sudan stays with North Africa
 * as the geoscheme has it; Turkey, Cyprus and the Caucasus are reported with
 * Europe, and Central Asia with South Asia.
 */
import type { Country } from './model';

export const NEWS_REGIONS = [
  'East Asia', 'South and Southeast Asia', 'Middle East and North Africa', 'Sub-Saharan Africa', 'Europe', 'Americas', 'Oceania',
] as const;
export type NewsRegion = (typeof NEWS_REGIONS)[number];

const WITH_EUROPE = new Set(['TUR', 'CYP', 'ARM', 'AZE', 'GEO']);

export function newsRegion(c: Pick<Country, 'iso3' | 'region' | 'subregion'>): NewsRegion {
  if (c.iso3 === 'IRN') return 'Middle East and North Africa';
  if (WITH_EUROPE.has(c.iso3)) return 'Europe';
  switch (c.region) {
    case 'Europe': return 'Europe';
    case 'Americas': return 'Americas';
    case 'Oceania': return 'Oceania';
    case 'Africa': return c.subregion === 'Northern Africa' ? 'Middle East and North Africa' : 'Sub-Saharan Africa';
    default:
      if (c.subregion === 'Eastern Asia') return 'East Asia';
      if (c.subregion === 'Western Asia') return 'Middle East and North Africa';
      return 'South and Southeast Asia';
  }
}
