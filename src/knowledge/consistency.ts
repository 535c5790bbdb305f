/** Checks that the schema cannot express: references, order of dates, one holder per office. */
import type { Knowledge, Problem } from './model';
import type { Office, OfficeRole } from './schema';
import { weakSource } from './sources';

/** Roles one person holds at a time in a state. An organisation's offices are single-holder by title (see below). */
const SINGLE_HOLDER: OfficeRole[] = ['head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister', 'finance_minister', 'national_security_adviser'];

function fileOf(x: object): string {
  return (x as { $file?: string }).$file ?? 'knowledge';
}

/** Two terms clash when they share more than a handover day. */
function overlaps(a: Office, b: Office): boolean {
  const aEnd = a.end ?? '9999-12-31';
  const bEnd = b.end ?? '9999-12-31';
  return a.start < bEnd && b.start < aEnd;
}

export function checkConsistency(k: Knowledge): Problem[] {
  const problems: Problem[] = [];
  const countries = new Set(k.countries.map((c) => c.iso3));
  const people = new Map<string, string>();
  const organisations = new Set<string>();

  for (const o of k.organisations) {
    const file = fileOf(o);
    if (organisations.has(o.wikipedia)) problems.push({ file, id: o.wikipedia, field: 'wikipedia', message: 'duplicate organisation' });
    organisations.add(o.wikipedia);
    if (o.seat && !countries.has(o.seat.country)) problems.push({ file, id: o.wikipedia, field: 'seat.country', message: `unknown country ${o.seat.country}` });
    const seen = new Set<string>();
    o.members.forEach((m, i) => {
      if (!countries.has(m.country)) problems.push({ file, id: o.wikipedia, field: `members.${i}.country`, message: `unknown country ${m.country}` });
      if (seen.has(m.country)) problems.push({ file, id: o.wikipedia, field: `members.${i}.country`, message: `${m.country} listed twice` });
      seen.add(m.country);
      if (m.since && m.until && m.until <= m.since) problems.push({ file, id: o.wikipedia, field: `members.${i}.until`, message: `leaves (${m.until}) before it joins (${m.since})` });
      const weak = m.source ? weakSource(m.source) : null;
      if (weak) problems.push({ file, id: o.wikipedia, field: `members.${i}.source`, message: `${m.source} ${weak}` });
    });
    o.suspensions.forEach((s, i) => {
      if (!seen.has(s.country)) problems.push({ file, id: o.wikipedia, field: `suspensions.${i}.country`, message: `${s.country} is not a member` });
      if (s.end !== null && s.end < s.start) problems.push({ file, id: o.wikipedia, field: `suspensions.${i}.end`, message: `ends (${s.end}) before it starts (${s.start})` });
      const weak = weakSource(s.source);
      if (weak) problems.push({ file, id: o.wikipedia, field: `suspensions.${i}.source`, message: `${s.source} ${weak}` });
    });
    const weak = weakSource(o.source);
    if (weak) problems.push({ file, id: o.wikipedia, field: 'source', message: `${o.source} ${weak}` });
  }
  for (const o of k.organisations) {
    o.memberOrganisations.forEach((m, i) => {
      if (!organisations.has(m)) problems.push({ file: fileOf(o), id: o.wikipedia, field: `memberOrganisations.${i}`, message: `unknown organisation "${m}"` });
    });
  }

  for (const p of k.people) {
    const file = fileOf(p);
    if (people.has(p.wikipedia)) problems.push({ file, id: p.wikipedia, field: 'wikipedia', message: `duplicate person; also in ${people.get(p.wikipedia)}` });
    people.set(p.wikipedia, file);
    if (!countries.has(p.country)) problems.push({ file, id: p.wikipedia, field: 'country', message: `unknown country ${p.country}` });
    p.offices.forEach((o, i) => {
      if (o.country !== undefined && !countries.has(o.country)) problems.push({ file, id: p.wikipedia, field: `offices.${i}.country`, message: `unknown country ${o.country}` });
      if (o.organisation !== undefined && !organisations.has(o.organisation)) {
        problems.push({ file, id: p.wikipedia, field: `offices.${i}.organisation`, message: `unknown organisation "${o.organisation}" (use its exact Wikipedia title)` });
      }
      if (o.end !== null && o.end < o.start) problems.push({ file, id: p.wikipedia, field: `offices.${i}.end`, message: `ends (${o.end}) before it starts (${o.start})` });
      const weak = weakSource(o.source);
      if (weak) problems.push({ file, id: p.wikipedia, field: `offices.${i}.source`, message: `${o.source} ${weak}` });
      const weakElected = o.elected ? weakSource(o.elected.source) : null;
      if (weakElected) problems.push({ file, id: p.wikipedia, field: `offices.${i}.elected.source`, message: `${o.elected!.source} ${weakElected}` });
      if (k.asOf && o.start > k.asOf) problems.push({ file, id: p.wikipedia, field: `offices.${i}.start`, message: `starts after the snapshot date ${k.asOf}` });
      if (k.asOf && o.end && o.end > k.asOf) problems.push({ file, id: p.wikipedia, field: `offices.${i}.end`, message: `ends after the snapshot date ${k.asOf}; use null while in office` });
    });
  }

  // One holder at a time for each country's single-holder roles (acting holders excepted).
  const terms = new Map<string, { person: string; file: string; office: Office }[]>();
  for (const p of k.people) {
    for (const o of p.offices) {
      if (o.acting) continue;
      // An organisation has several leading offices (the EU's four); each is held by one person at a time.
      const keys = o.organisation !== undefined ? [`${o.organisation}:${o.title}`] : o.roles.filter((r) => SINGLE_HOLDER.includes(r)).map((r) => `${o.country}:${r}`);
      for (const key of keys) {
        const list = terms.get(key) ?? [];
        list.push({ person: p.wikipedia, file: fileOf(p), office: o });
        terms.set(key, list);
      }
    }
  }
  for (const [key, list] of terms) {
    list.sort((a, b) => a.office.start.localeCompare(b.office.start));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.person !== b.person && overlaps(a.office, b.office)) {
          problems.push({
            file: b.file, id: b.person, field: 'offices',
            message: `${key.replace(':', ' ')}: term ${b.office.start}–${b.office.end ?? 'now'} overlaps ${a.person}'s ${a.office.start}–${a.office.end ?? 'now'}`,
          });
        }
      }
    }
  }

  const eventIds = new Set<string>();
  for (const e of k.events) {
    const file = fileOf(e);
    if (eventIds.has(e.id)) problems.push({ file, id: e.id, field: 'id', message: 'duplicate event id' });
    eventIds.add(e.id);
    if (e.end < e.start) problems.push({ file, id: e.id, field: 'end', message: `ends (${e.end}) before it starts (${e.start})` });
    if (!e.id.startsWith(e.start)) problems.push({ file, id: e.id, field: 'id', message: `must start with the event's start date ${e.start}` });
    if (k.asOf && e.start > k.asOf) problems.push({ file, id: e.id, field: 'start', message: `after the snapshot date ${k.asOf}` });
    e.people.forEach((who, i) => {
      if (!people.has(who)) problems.push({ file, id: e.id, field: `people.${i}`, message: `"${who}" is not a tracked person (use the exact Wikipedia title)` });
    });
    e.countries.forEach((c, i) => {
      if (!countries.has(c)) problems.push({ file, id: e.id, field: `countries.${i}`, message: `unknown country ${c}` });
    });
    e.organisations.forEach((o, i) => {
      if (!organisations.has(o)) problems.push({ file, id: e.id, field: `organisations.${i}`, message: `unknown organisation "${o}"` });
    });
    const weak = weakSource(e.source);
    if (weak) problems.push({ file, id: e.id, field: 'source', message: `${e.source} ${weak}` });
    if (e.place && !countries.has(e.place.country)) problems.push({ file, id: e.id, field: 'place.country', message: `unknown country ${e.place.country}` });
    if (e.people.length + e.countries.length + e.organisations.length === 0) problems.push({ file, id: e.id, field: 'people', message: 'an event needs at least one tracked person, country or organisation' });
  }

  k.vacancies.forEach((v) => {
    const file = fileOf(v);
    const id = `${v.country} ${v.role} vacancy ${v.start}`;
    if (!countries.has(v.country)) problems.push({ file, id, field: 'country', message: `unknown country ${v.country}` });
    if (v.end !== null && v.end < v.start) problems.push({ file, id, field: 'end', message: `ends (${v.end}) before it starts (${v.start})` });
    if (k.asOf && (v.start > k.asOf || (v.end && v.end > k.asOf))) problems.push({ file, id, field: 'end', message: `goes past the snapshot date ${k.asOf}; use null while vacant` });
    const weak = weakSource(v.source);
    if (weak) problems.push({ file, id, field: 'source', message: `${v.source} ${weak}` });
  });
  for (const x of k.exceptions) {
    if (!countries.has(x.country)) problems.push({ file: fileOf(x), id: `${x.country} ${x.role} exception`, field: 'country', message: `unknown country ${x.country}` });
  }
  for (const c of k.coverage) {
    const id = `${c.country} knownUntil`;
    if (!countries.has(c.country)) problems.push({ file: fileOf(c), id, field: 'country', message: `unknown country ${c.country}` });
    if (k.asOf && c.knownUntil > k.asOf) problems.push({ file: fileOf(c), id, field: 'knownUntil', message: `is after the snapshot date ${k.asOf}` });
  }
  return problems;
}
