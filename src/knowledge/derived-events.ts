/**
 * Every change of a tracked office, and of an organisation's leadership, is an event a reader may want beside a
 * story ("Ruto takes office as President of Kenya"). They are derived from the
 * office data, with the office's own source, so a fact is written once.
 */
import type { EventRecord, Knowledge } from './model';
import type { Office, Person, TrackedRole } from './schema';
import { COVERAGE_START } from './coverage';

const TRACKED = new Set<string>(['head_of_state', 'head_of_government', 'foreign_minister', 'organisation_leader']);

function slug(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** Who held the same role the day before `o` began (the predecessor), if anyone else did. */
function predecessor(people: readonly Person[], self: Person, o: Office, role: TrackedRole | 'organisation_leader'): Person | undefined {
  let best: { p: Person; start: string } | undefined;
  for (const p of people) {
    if (p === self) continue;
    for (const x of p.offices) {
      const same = o.organisation !== undefined ? x.organisation === o.organisation && x.title === o.title : x.country === o.country && x.roles.includes(role);
      if (!same || x.acting) continue;
      if (x.start < o.start && (x.end === null || x.end >= o.start) && (!best || x.start > best.start)) best = { p, start: x.start };
    }
  }
  return best?.p;
}

export function derivedOfficeEvents(k: Knowledge): EventRecord[] {
  const out: EventRecord[] = [];
  const authored = new Set(k.events.filter((e) => e.kind === 'inauguration' || e.kind === 'appointment').flatMap((e) => e.people.map((p) => `${e.start}|${p}`)));
  const ids = new Set<string>();
  for (const p of k.people) {
    for (const o of p.offices) {
      const role = o.roles.find((r) => TRACKED.has(r)) as TrackedRole | 'organisation_leader' | undefined;
      if (!role || o.start < COVERAGE_START || (k.asOf && o.start > k.asOf)) continue;
      // A story's own event written by hand says more than the derived line.
      if (authored.has(`${o.start}|${p.wikipedia}`)) continue;
      let id = `${o.start}-${slug(p.name)}-takes-office-${slug(o.title)}`;
      while (ids.has(id)) id += '-x';
      ids.add(id);
      const before = predecessor(k.people, p, o, role);
      const title = `${p.name} ${o.acting ? 'becomes acting' : 'takes office as'} ${o.title}`;
      out.push({
        id, start: o.start, end: o.start,
        title: title.length <= 120 ? title : `${title.slice(0, 117)}...`,
        summary: `${p.name} ${o.acting ? 'began acting as' : 'became'} ${o.title}${before ? `, succeeding ${before.name}` : ''}.`,
        kind: role === 'head_of_state' || role === 'head_of_government' ? 'inauguration' : 'appointment',
        people: before ? [p.wikipedia, before.wikipedia] : [p.wikipedia],
        countries: o.country !== undefined ? [o.country] : [],
        organisations: o.organisation !== undefined ? [o.organisation] : [],
        source: o.source,
        derived: true,
      });
    }
  }
  return out;
}
