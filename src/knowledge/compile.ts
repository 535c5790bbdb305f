/**
 * Compiles the knowledge into the compact index the content script loads on
 * every page. PLACEHOLDER format: the matching engine owns and will reshape it.
 */
import type { Knowledge } from './model';

export type AliasKind = 'name' | 'native' | 'surname' | 'demonym' | 'seat';

export interface MatchIndex {
  v: 1;
  asOf: string;
  /** Entity table; other fields refer to entities by position. */
  entities: { id: string; kind: 'person' | 'country'; name: string; country: string }[];
  /** alias text -> [entity position, alias kind][]; more than one entry = ambiguous. */
  aliases: Record<string, [number, AliasKind][]>;
}

export function compileMatchIndex(k: Knowledge): MatchIndex {
  const entities: MatchIndex['entities'] = [];
  const aliases: MatchIndex['aliases'] = {};
  const add = (text: string, entity: number, kind: AliasKind) => {
    const list = (aliases[text] ??= []);
    if (!list.some(([e, k2]) => e === entity && k2 === kind)) list.push([entity, kind]);
  };
  for (const c of k.countries) {
    const i = entities.push({ id: c.iso3, kind: 'country', name: c.name, country: c.iso3 }) - 1;
    c.aliases.forEach((a) => add(a, i, 'name'));
    c.demonyms.forEach((a) => add(a, i, 'demonym'));
    c.governmentSeats.forEach((a) => add(a, i, 'seat'));
  }
  for (const p of k.people) {
    const i = entities.push({ id: p.wikipedia, kind: 'person', name: p.name, country: p.country }) - 1;
    [p.name, ...p.aliases].forEach((a) => add(a, i, 'name'));
    p.native.forEach((a) => add(a, i, 'native'));
  }
  return { v: 1, asOf: k.asOf, entities, aliases };
}

export function indexStats(index: MatchIndex): { aliases: number; ambiguous: number; ambiguousExamples: string[] } {
  const amb = Object.entries(index.aliases).filter(([, list]) => new Set(list.map(([e]) => e)).size > 1).map(([a]) => a);
  return { aliases: Object.keys(index.aliases).length, ambiguous: amb.length, ambiguousExamples: amb.slice(0, 5) };
}
