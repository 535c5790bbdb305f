/**
 * Which days of the tracked span have no holder of an office. Every sovereign
 * state must have a head of state, a head of government and a foreign minister
 * on every day from COVERAGE_START to the snapshot, unless the day falls in a
 * documented vacancy or the office is a documented exception. Pure.
 */
import type { Knowledge } from './model';
import type { TrackedRole } from './schema';

export const COVERAGE_START = '2017-01-01';
export const TRACKED_ROLES: readonly TrackedRole[] = ['head_of_state', 'head_of_government', 'foreign_minister'];
/** Sovereign states outside the UN that Backstory covers like members. */
const NON_MEMBER_STATES = new Set(['VAT', 'PSE', 'TWN', 'XKX']);

export interface Gap {
  country: string;
  role: TrackedRole;
  /** First and last uncovered day, inclusive. */
  from: string;
  to: string;
}

const DAY = 86_400_000;
const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const fromDay = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);

export function coveredStates(k: Knowledge): string[] {
  return k.countries.filter((c) => c.unMember || NON_MEMBER_STATES.has(c.iso3)).map((c) => c.iso3);
}

/** The last day a state's offices are known for: its own knownUntil, else the snapshot. */
export function knownUntil(k: Knowledge, iso3: string): string {
  const own = k.coverage.filter((c) => c.country === iso3).map((c) => c.knownUntil).sort()[0];
  return own && own < k.asOf ? own : k.asOf;
}

/** Uncovered day ranges for one state and office. */
export function officeGaps(k: Knowledge, country: string, role: TrackedRole, withUnconfirmed = true): Gap[] {
  if (k.exceptions.some((x) => x.country === country && x.role === role)) return [];
  const last = toDay(knownUntil(k, country));
  const spans: [number, number][] = [];
  for (const p of k.people) {
    for (const o of p.offices) {
      if (o.country === country && o.roles.includes(role)) spans.push([toDay(o.start), o.end ? toDay(o.end) : last]);
    }
  }
  for (const v of k.vacancies) if (v.country === country && v.role === role) spans.push([toDay(v.start), v.end ? toDay(v.end) : last]);
  if (withUnconfirmed) for (const u of k.unconfirmed) if (u.country === country && u.role === role) spans.push([toDay(u.start), toDay(u.end)]);
  spans.sort((a, b) => a[0] - b[0]);
  const gaps: Gap[] = [];
  let next = toDay(COVERAGE_START);
  for (const [s, e] of spans) {
    if (s > next && next <= last) gaps.push({ country, role, from: fromDay(next), to: fromDay(Math.min(s - 1, last)) });
    next = Math.max(next, e + 1);
  }
  if (next <= last) gaps.push({ country, role, from: fromDay(next), to: fromDay(last) });
  return gaps;
}

/** Gaps left once documented vacancies, exceptions and (unless `withUnconfirmed` is false) unconfirmed days are counted. */
export function coverageGaps(k: Knowledge, countries: readonly string[] = coveredStates(k), withUnconfirmed = true): Gap[] {
  return countries.flatMap((c) => TRACKED_ROLES.flatMap((r) => officeGaps(k, c, r, withUnconfirmed)));
}

/** The G20's member states: their three offices must be confirmed on every day. */
export const G20_STATES: ReadonlySet<string> = new Set([
  'ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'FRA', 'DEU', 'IND', 'IDN', 'ITA', 'JPN', 'KOR', 'MEX', 'RUS', 'SAU', 'ZAF', 'TUR', 'GBR', 'USA',
]);
