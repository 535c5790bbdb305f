/**
 * The part of the match index a page needs. The whole index grows with the
 * knowledge (every leader of every state, their spellings and native names);
 * a page uses the few hundred keys whose first word it contains. So the
 * content script ships no index: the background, which holds the whole one,
 * answers with the keys whose first word occurs in the text it is given, and
 * the page's matcher works on that part exactly as it would on the whole
 * (same keys, same entries, same entity numbers), asking again for words it
 * meets later. What a page loads then stays flat as the knowledge grows.
 */
import { entryEntity, type MatchIndex } from './format';
import { foldWord, isWordCode } from './text';
import { HAN_SHORT_JA, HAN_SHORT_ZH, HANGUL_SHORT } from './rules';

/** Characters that stand for a country in compounds (日米, 中美, 한미: rules.ts), with its ISO3; the matcher's tables, not the index, know them. */
const SHORT_FORMS = new Map<number, string[]>();
for (const table of [HAN_SHORT_JA, HAN_SHORT_ZH, HANGUL_SHORT]) {
  for (const [ch, iso3] of table) {
    const list = SHORT_FORMS.get(ch.charCodeAt(0)) ?? [];
    if (!list.includes(iso3)) list.push(iso3);
    SHORT_FORMS.set(ch.charCodeAt(0), list);
  }
}

/** Keys of the whole index for the words a text contains; entity numbers are those of the whole index. */
export interface IndexPart {
  v: 3;
  asOf: string;
  /** How many entity numbers are countries (as in the whole index). */
  countries: number;
  /** The first organisation's entity number (as in the whole index). */
  organisations: number;
  /** [entity number, id] for every entity the part's entries name. */
  ids: [number, string][];
  /** One-word keys and prefixes, one per line, then keys of several words: the whole index's lines, in its order. */
  keys: string;
  single: number;
  vals: string;
  /** Han, kana and Hangul names whose first character occurs in the text. */
  cjk: string;
  cjkVals: string;
}

interface Lines {
  keys: string[];
  vals: string[];
  single: number;
  /** First word of a key -> its line numbers, in order. */
  byFirst: Map<string, number[]>;
  cjk: string[];
  cjkVals: string[];
  /** First character code of a Han/Hangul name -> its line numbers. */
  cjkByFirst: Map<number, number[]>;
  /** ISO3 -> entity number, for the countries of SHORT_FORMS. */
  countryOf: Map<string, number>;
}

const cache = new WeakMap<MatchIndex, Lines>();

/** Where a key's first word ends: keys join their words with " ", "'" or "." (see format.ts). */
function firstWordOf(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 32 || c === 39 || c === 46) return key.slice(0, i);
  }
  return key;
}

function linesOf(index: MatchIndex): Lines {
  let l = cache.get(index);
  if (l) return l;
  const keys = index.keys.split('\n');
  const vals = index.vals.split('\n');
  const byFirst = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const w = firstWordOf(k);
    const list = byFirst.get(w);
    if (list) list.push(i);
    else byFirst.set(w, [i]);
  });
  const cjk = index.cjk ? index.cjk.split('\n') : [];
  const cjkVals = index.cjkVals ? index.cjkVals.split('\n') : [];
  const cjkByFirst = new Map<number, number[]>();
  cjk.forEach((n, i) => {
    const c = n.charCodeAt(0);
    const list = cjkByFirst.get(c);
    if (list) list.push(i);
    else cjkByFirst.set(c, [i]);
  });
  const countryOf = new Map<string, number>();
  for (let e = 0; e < index.countries; e++) countryOf.set(index.ids[e]!, e);
  l = { keys, vals, single: Math.min(index.single, keys.length), byFirst, cjk, cjkVals, cjkByFirst, countryOf };
  cache.set(index, l);
  return l;
}

/** The folded words of a text, as the matcher reads them (runs of word characters), and the codes of its characters outside Latin-1. */
export function textWords(text: string, words = new Set<string>(), chars = new Set<number>()): { words: Set<string>; chars: Set<number> } {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c > 0x2fff) chars.add(c);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < n && isWordCode(text.charCodeAt(e))) e++;
    // A word longer than any name (a URL, a hash) is no key's first word.
    if (e - i <= 40) words.add(foldWord(text.slice(i, e)));
    i = e;
  }
  return { words, chars };
}

/**
 * The part of `index` for the given words (folded) and characters: every key
 * whose first word is one of them, with the prefix lines those keys need, and
 * the Han/Hangul names that start with one of the characters.
 */
export function indexPart(index: MatchIndex, words: Iterable<string>, chars: Iterable<number> = []): IndexPart {
  const l = linesOf(index);
  const lines: number[] = [];
  for (const w of words) {
    const found = l.byFirst.get(w);
    if (found) for (const i of found) lines.push(i);
  }
  lines.sort((a, b) => a - b);
  const entities = new Set<number>();
  const keys: string[] = [];
  const vals: string[] = [];
  let single = 0;
  for (const i of lines) {
    keys.push(l.keys[i]!);
    const v = l.vals[i] ?? '';
    vals.push(v);
    if (i < l.single) single++;
    for (const part of (v.charCodeAt(0) === 43 ? v.slice(1) : v).split(' ')) if (part) entities.add(entryEntity(Number(part.split(':')[0])));
  }
  const cjkLines: number[] = [];
  for (const c of chars) {
    for (const i of l.cjkByFirst.get(c) ?? []) cjkLines.push(i);
    // A country's one-character short form (日, 美, 한) names it with no line of the index: its id must come along.
    for (const iso3 of SHORT_FORMS.get(c) ?? []) {
      const e = l.countryOf.get(iso3);
      if (e !== undefined) entities.add(e);
    }
  }
  cjkLines.sort((a, b) => a - b);
  for (const i of cjkLines) for (const code of (l.cjkVals[i] ?? '').split(' ')) if (code) entities.add(entryEntity(Number(code)));
  return {
    v: 3,
    asOf: index.asOf,
    countries: index.countries,
    organisations: index.organisations,
    ids: [...entities].sort((a, b) => a - b).map((e) => [e, index.ids[e]!]),
    keys: keys.join('\n'),
    single,
    vals: vals.join('\n'),
    cjk: cjkLines.map((i) => l.cjk[i]!).join('\n'),
    cjkVals: cjkLines.map((i) => l.cjkVals[i] ?? '').join('\n'),
  };
}

/** The part of `index` a text needs. */
export function indexPartForText(index: MatchIndex, text: string): IndexPart {
  const { words, chars } = textWords(text);
  return indexPart(index, words, chars);
}

/**
 * An IndexPart as the background sends it to a page (every page pays for
 * these bytes): the sorted key lines front-coded (each line starts with one
 * character, code 48 + how many leading characters it shares with the line
 * before, then the rest: the multi-word keys are a name's successive word
 * prefixes, so this halves them), and the entity ids as lines of "step id",
 * the step from the previous entity number in base 36. Everything else as in
 * IndexPart; `unpackPart` gives back exactly the IndexPart that was packed.
 */
export interface PackedPart {
  v: 4;
  asOf: string;
  countries: number;
  organisations: number;
  ids: string;
  keys: string;
  single: number;
  vals: string;
  cjk: string;
  cjkVals: string;
}

/** The most leading characters a front-coded line says it shares (keeps the count character printable ASCII). */
const MAX_SHARED = 70;

export function packPart(part: IndexPart): PackedPart {
  let prev = '';
  const keys = part.keys
    ? part.keys
        .split('\n')
        .map((k) => {
          let n = 0;
          const most = Math.min(k.length, prev.length, MAX_SHARED);
          while (n < most && k.charCodeAt(n) === prev.charCodeAt(n)) n++;
          prev = k;
          return String.fromCharCode(48 + n) + k.slice(n);
        })
        .join('\n')
    : '';
  let last = 0;
  const ids = part.ids
    .map(([n, id]) => {
      const step = n - last;
      last = n;
      return `${step.toString(36)} ${id}`;
    })
    .join('\n');
  return { ...part, v: 4, ids, keys };
}

export function unpackPart(p: PackedPart): IndexPart {
  let keys = '';
  if (p.keys) {
    const lines = p.keys.split('\n');
    let prev = '';
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      prev = prev.slice(0, l.charCodeAt(0) - 48) + l.slice(1);
      lines[i] = prev;
    }
    keys = lines.join('\n');
  }
  const ids: [number, string][] = [];
  if (p.ids) {
    let n = 0;
    for (const line of p.ids.split('\n')) {
      const space = line.indexOf(' ');
      n += parseInt(line.slice(0, space), 36);
      ids.push([n, line.slice(space + 1)]);
    }
  }
  return { ...p, v: 3, ids, keys };
}
