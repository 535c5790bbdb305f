/**
 * Labelled fixture articles: tests/fixtures/annotate/NAME.gold.txt marks each
 * mention as [text]{kind:entity}; NAME.txt is the same article without the
 * marks (what `npm run annotate` reads).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GOLD_DIR = join(import.meta.dirname, '..', 'fixtures', 'annotate');

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  entity: string;
  kind: string;
}

const MARK = /\[([^\][{}]+)\]\{(person|country|demonym|capital|organisation):([^{}[\]]+)\}/g;

export function parseGold(marked: string, file = 'gold'): { text: string; gold: GoldMention[] } {
  let text = '';
  const gold: GoldMention[] = [];
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[1]!;
    gold.push({ start, end: text.length, text: m[1]!, kind: m[2]!, entity: m[3]! });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  // A mark the pattern did not take ("{country:PRK]") would otherwise pass silently as text.
  const stray = /[[\]{}]/.exec(text);
  if (stray) throw new Error(`${file}: malformed mark near ${JSON.stringify(text.slice(Math.max(0, stray.index - 30), stray.index + 30))}`);
  return { text, gold };
}

export function goldFixtures(): { name: string; marked: string; plainPath: string }[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.gold.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.gold\.txt$/, ''), marked: readFileSync(join(GOLD_DIR, f), 'utf8'), plainPath: join(GOLD_DIR, f.replace(/\.gold\.txt$/, '.txt')) }));
}
