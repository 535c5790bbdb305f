/**
 * Compiles the knowledge into the compact index the content script loads on
 * every page (format: src/matching/format.ts). Everything that can be decided
 * once is decided here: keys are folded with the matcher's own reader, the
 * prefix table is precomputed, and names that must not link (ambiguous
 * ones, longer place names that contain a country's) are marked.
 */
import { cjkCountryNames } from './cjk-country-names';
import type { Knowledge } from './model';
import { addCjkForms } from './cjk-forms';
import { prominentPeople, isCommonWord } from './prominence';
import { aliasKey, C, cls, foldWord, type AliasKey } from '../matching/text';
import {
  decodeEntries, entryCode, entryEntity, entryFlags, entryKind, F_CALENDAR, F_CAREFUL, F_PROMINENT, F_TITLE_OK, K_ALIAS, K_BLOCK, K_DEMONYM, K_NAME, K_NATIVE, K_SEAT, K_SURNAME,
  type MatchIndex,
} from '../matching/format';

export type { MatchIndex };

/**
 * Names that contain a tracked name but mean something else: seas, US states,
 * regions, companies, tournaments. Longest match wins, so each one hides the
 * country or demonym inside it.
 */
export const NOT_MENTIONS: readonly string[] = [
  'East China Sea', 'South China Sea', 'South China Morning Post', 'Sea of Japan', 'Philippine Sea', 'Irish Sea', 'Indian Ocean',
  'Gulf of Mexico', 'Gulf of America', 'Gulf of Guinea', 'New Mexico', 'New Mexican', 'New Guinea', 'Northern Ireland',
  'Latin America', 'South America', 'North America', 'Central America', 'Latin American', 'South American', 'North American', 'Central American',
  'Native American', 'African American', 'Asian American', 'American Indian', 'American Samoa', 'Bank of America', 'Voice of America',
  'Captain America', 'American Airlines', 'American Express', 'British Columbia', 'British Virgin Islands', 'U.S. Virgin Islands',
  'US Virgin Islands', 'French Polynesia', 'French Guiana', 'East India Company', 'West Indian', 'Dutch East Indies',
  'US Open', 'U.S. Open', 'French Open', 'Australian Open',
  '日本海', '南中国海', '东中国海', '東中國海', '南中國海',
  // Taiwan's name for Trump and a Chinese form of Tô Lâm's inside ordinary words: 四川普通话, 江苏林业.
  '四川普', '江苏林', '江蘇林',
];

/** Surnames too common to link after an office title alone; they need the full name earlier on the page. */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set([
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo', 'gao',
  'kim', 'lee', 'park', 'choi', 'jung', 'chung', 'kang', 'cho', 'yoon', 'jang', 'lim', 'han', 'oh', 'seo', 'shin',
  'sato', 'suzuki', 'takahashi', 'tanaka', 'watanabe', 'ito', 'yamamoto', 'nakamura',
  'smith', 'johnson', 'williams', 'brown', 'jones', 'miller', 'davis', 'wilson', 'taylor', 'anderson', 'thomas', 'moore', 'martin',
  'jackson', 'white', 'harris', 'clark', 'lewis', 'young', 'walker', 'hall', 'allen', 'king', 'wright', 'price', 'cooper', 'hunt', 'bishop',
  'garcia', 'rodriguez', 'martinez', 'hernandez', 'lopez', 'gonzalez', 'perez', 'sanchez', 'ramirez', 'torres', 'fernandez',
  'nguyen', 'tran', 'le', 'pham', 'singh', 'kumar', 'sharma', 'khan', 'patel', 'mohammed', 'ahmed', 'ali', 'hassan', 'hussain',
]);

const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Case masks: the most permissive of two spellings that fold to one key ("Kim Jong Un" / "Kim Jong-un"). */
function mergeMask(a: string, b: string): string {
  const dot = a.endsWith('.') || b.endsWith('.');
  const x = a.replace(/\.$/, '');
  const y = b.replace(/\.$/, '');
  let out = '';
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? 'x';
    const q = y[i] ?? 'x';
    out += p === 'x' || q === 'x' ? 'x' : p === 'U' || q === 'U' ? 'U' : p;
  }
  return dot ? `${out}.` : out;
}

function defaultMask(words: number): string {
  return 'U'.repeat(words);
}

/** Higher wins when one key names one entity in several ways ("Singapore": the country and its capital). */
const KIND_PRIORITY: Record<number, number> = { [K_NAME]: 6, [K_ALIAS]: 5, [K_NATIVE]: 5, [K_DEMONYM]: 4, [K_SEAT]: 3, [K_SURNAME]: 2, [K_BLOCK]: 7 };

interface Entry {
  code: number;
  mask: string;
}

/** "Joseph R. Biden" is also written "Joseph R Biden". */
function initialVariants(alias: string): string[] {
  const bare = alias.replace(/\b(\p{Lu})\.(?=\s)/gu, '$1');
  return bare !== alias ? [alias, bare] : [alias];
}

/** Dataset demonyms come as "Antiguan, Barbudan" or "Kittitian or Nevisian"; news also writes the plural. */
function demonymForms(raw: string): { form: string; base: string }[] {
  const out: { form: string; base: string }[] = [];
  for (const d of raw.split(/,\s*|\s+or\s+/)) {
    const t = d.trim();
    if (!t) continue;
    out.push({ form: t, base: t });
    if (!/(ese|ish|ss|sh|tch|nch|x|z|s)$/i.test(t)) out.push({ form: `${t}s`, base: t });
    // "the Frenchman", "two Irishmen": the nouns of adjectives in -ch and -sh (forms no one writes, "Turkishman", cost a key and match nothing).
    if (/^[A-Z][a-z]+(ch|sh)$/.test(t)) for (const x of ['man', 'men', 'woman', 'women']) out.push({ form: `${t}${x}`, base: t });
  }
  return out;
}

/** Words of official country names in English: "Hashemite Kingdom of Jordan", "Co-operative Republic of Guyana". */
const OFFICIAL_WORDS = new Set(
  `republic kingdom state states commonwealth federation federal federated federative union united islands island democratic people's
  principality grand duchy sultanate emirates confederation hashemite islamic socialist plurinational bolivarian oriental co operative
  independent sovereign and of the arab nation special administrative region most serene territory realm dominion`.split(/\s+/),
);

/**
 * The world-countries dataset also lists names in the countries' own
 * languages ("Jamhuri ya Muungano wa Tanzania"); English news writes the
 * short names and the English official ones. A long name is kept only when
 * all its words are English official-name words or words of the country's
 * own name or demonym. (Every kept name costs the content script load time.)
 */
function newsStyleCountryName(alias: string, c: Knowledge['countries'][number]): boolean {
  const words = alias.split(/[\s-]+/).filter(Boolean);
  if (words.length <= 2 || isCjkName(alias)) return true;
  const own = new Set([c.name, ...c.demonyms].flatMap((n) => n.toLowerCase().split(/[\s,-]+/)));
  return words.every((w) => OFFICIAL_WORDS.has(w.toLowerCase()) || own.has(w.toLowerCase()));
}

/** Titles some data aliases carry ("Prince Faisal bin Farhan", "Ayatollah Ali Khamenei"). */
const TITLE_WORDS = new Set(['king', 'queen', 'prince', 'princess', 'crown', 'emperor', 'empress', 'sheikh', 'ayatollah', 'president', 'premier', 'chancellor']);

/**
 * An alias that is a title before another of the person's names: left out, so
 * that the title stays outside the mention ("Prince [Faisal bin Farhan]").
 * "King Salman" stays: "Salman" alone is not one of his names.
 */
function titledName(alias: string, names: readonly string[]): boolean {
  const words = alias.trim().split(/\s+/);
  let t = 0;
  while (t < words.length - 1 && TITLE_WORDS.has(foldWord(words[t]!))) t++;
  if (t === 0) return false;
  const rest = aliasKey(words.slice(t).join(' '))?.key;
  return !!rest && names.some((n) => n !== alias && aliasKey(n)?.key === rest);
}

/**
 * The surname as the data gives it, and its other spellings in the person's
 * aliases when the surname ends the name ("Zelensky": also "Zelenskyy" and
 * "Zelenskiy" from "Volodymyr Zelenskyy", "Volodymyr Zelenskiy").
 */
function surnameForms(p: Knowledge['people'][number]): string[] {
  const forms = [p.surname];
  const nameWords = p.name.trim().split(/\s+/);
  const surnameWords = p.surname.trim().split(/\s+/);
  const endsName = nameWords.length > surnameWords.length && aliasKey(nameWords.slice(-surnameWords.length).join(' '))?.key === aliasKey(p.surname)?.key;
  if (!endsName) return forms;
  const given = aliasKey(nameWords.slice(0, -surnameWords.length).join(' '))?.key;
  for (const a of p.aliases) {
    const words = a.trim().split(/\s+/);
    if (words.length !== nameWords.length) continue;
    if (aliasKey(words.slice(0, -surnameWords.length).join(' '))?.key !== given) continue;
    forms.push(words.slice(-surnameWords.length).join(' '));
  }
  return [...new Set(forms)];
}

function isCjkName(s: string): boolean {
  const k = cls(s.charCodeAt(0));
  return k === C.HAN || k === C.HANGUL;
}

export function compileMatchIndex(k: Knowledge): MatchIndex {
  const ids: string[] = [];
  const keyed = new Map<string, Entry[]>();
  const cjk = new Map<string, number[]>();

  const addKeyed = (ak: AliasKey, code: number) => {
    const list = keyed.get(ak.key) ?? [];
    const entity = entryEntity(code);
    const kind = entryKind(code);
    const same = list.findIndex((e) => entryEntity(e.code) === entity && entryKind(e.code) !== K_BLOCK && kind !== K_BLOCK);
    if (same >= 0) {
      const old = list[same]!;
      const pOld = KIND_PRIORITY[entryKind(old.code)]!;
      const pNew = KIND_PRIORITY[kind]!;
      // Every spelling's case is allowed, whichever kind of name wins.
      if (pNew > pOld) list[same] = { code, mask: mergeMask(old.mask, ak.mask) };
      else if (pNew < pOld) list[same] = { code: old.code, mask: mergeMask(old.mask, ak.mask) };
      else list[same] = { code: entryCode(entity, entryKind(old.code), entryFlags(old.code) | entryFlags(code)), mask: mergeMask(old.mask, ak.mask) };
    } else if (!(kind === K_BLOCK && list.some((e) => entryKind(e.code) === K_BLOCK))) {
      list.push({ code, mask: ak.mask });
    }
    keyed.set(ak.key, list);
  };

  const add = (alias: string, entity: number, kind: number, flags = 0) => {
    // "The Netherlands", "The Bahamas": news writes a lower-case "the", and the name alone is the mention.
    const text = alias.trim().replace(/^the\s+/i, '');
    if (!text) return;
    if (isCjkName(text)) {
      // The index keeps one name a line: a line break inside a name would shift every name after it onto another's entries.
      if (/[\n\r]/.test(text)) return;
      const code = entryCode(entity, kind === K_BLOCK ? K_BLOCK : K_NATIVE, flags);
      const list = cjk.get(text) ?? [];
      if (!list.some((c) => entryEntity(c) === entity && entryKind(c) === entryKind(code))) list.push(code);
      cjk.set(text, list);
      return;
    }
    const ak = aliasKey(text);
    // Candidates start at a capital (or a caseless letter); a key starting in lower case could never be reached.
    if (!ak || cls(text.charCodeAt(0)) === C.LOWER || cls(text.charCodeAt(0)) === C.DIGIT) return;
    addKeyed(ak, entryCode(entity, kind, flags));
  };

  // Every country's names in Japanese, Chinese and Korean (CLDR and world-countries): cjk-country-names.ts.
  const cjkNames = cjkCountryNames(k.countries);
  for (const c of k.countries) {
    const i = ids.push(c.iso3) - 1;
    for (const n of cjkNames.get(c.iso3) ?? []) add(n, i, K_ALIAS);
    const careful = new Set(c.ambiguousNames.map((n) => aliasKey(n)?.key));
    const flag = (n: string) => (careful.has(aliasKey(n)?.key) ? F_CAREFUL : 0);
    add(c.name, i, K_NAME, flag(c.name));
    for (const a of c.aliases) if (a !== c.name && newsStyleCountryName(a, c)) add(a, i, K_ALIAS, flag(a));
    // A careful demonym ("Georgian") is careful in the plural too.
    for (const d of c.demonyms) for (const { form, base } of demonymForms(d)) add(form, i, K_DEMONYM, flag(base) | flag(form));
    // A seat that is also a common name or word (Victoria, Kingston) is never read as its government.
    for (const s of c.governmentSeats) if (!careful.has(aliasKey(s)?.key)) add(s, i, K_SEAT);
  }
  const countries = ids.length;

  const surnameOwners = new Map<string, number>();
  for (const p of k.people) {
    for (const key of new Set(surnameForms(p).map((s) => aliasKey(s)?.key))) if (key) surnameOwners.set(key, (surnameOwners.get(key) ?? 0) + 1);
  }
  // A surname that is also someone's given name ("Mohamed", "Ibrahim", "Ali") is as likely that person after a
  // title: it waits for a full name, however few tracked people bear it as a surname.
  const givenNames = new Set<string>();
  for (const p of k.people) {
    const own = aliasKey(p.surname)?.key;
    for (const n of [p.name, ...p.aliases]) {
      const first = aliasKey(n.trim().split(/\s+/)[0] ?? '')?.key;
      if (first && first !== own && !TITLE_WORDS.has(first)) givenNames.add(first);
    }
  }
  const prominent = prominentPeople(k);
  for (const p of k.people) {
    const i = ids.push(p.wikipedia) - 1;
    const names = [p.name, ...p.aliases];
    add(p.name, i, K_NAME);
    for (const a of p.aliases) if (a !== p.name && !titledName(a, names)) for (const v of initialVariants(a)) add(v, i, K_ALIAS);
    for (const n of p.native) add(n, i, K_NATIVE);
    for (const surname of surnameForms(p)) {
      const sk = aliasKey(surname);
      if (!sk) continue;
      const calendar = CALENDAR_WORDS.has(sk.key);
      const titleOk = surnameOwners.get(sk.key) === 1 && !COMMON_SURNAMES.has(sk.key) && !givenNames.has(sk.key) && !calendar;
      // "Putin said" with no "Vladimir Putin" above: only a leader the news names so, by a surname that is nobody else's and no common word.
      const alone = titleOk && prominent.has(p.wikipedia) && !isCommonWord(sk.key);
      add(surname, i, K_SURNAME, (titleOk ? F_TITLE_OK : 0) | (calendar ? F_CALENDAR : 0) | (alone ? F_PROMINENT : 0));
    }
  }

  const organisations = ids.length;
  for (const o of k.organisations) {
    const i = ids.push(o.wikipedia) - 1;
    add(o.name, i, K_NAME);
    for (const a of [...o.aliases, ...o.acronyms]) if (a !== o.name) for (const v of initialVariants(a)) add(v, i, K_ALIAS);
    for (const n of o.native) add(n, i, K_NATIVE);
  }

  for (const n of NOT_MENTIONS) add(n, 0, K_BLOCK);

  const prefixes = new Set<string>();
  for (const key of keyed.keys()) {
    for (let i = 0; i < key.length; i++) if (key[i] === ' ' || key[i] === "'" || key[i] === '.') prefixes.add(key.slice(0, i));
  }
  const lines: [string, string][] = [];
  for (const key of new Set([...keyed.keys(), ...prefixes])) {
    const list = keyed.get(key) ?? [];
    const words = key.split(/[ '.]/).length;
    const val = list.map((e) => (e.mask === defaultMask(words) ? `${e.code}` : `${e.code}:${e.mask}`)).join(' ');
    lines.push([key, list.length && prefixes.has(key) ? `+${val}` : val]);
  }
  const multiWord = (key: string) => /[ '.]/.test(key);
  lines.sort(([a], [b]) => Number(multiWord(a)) - Number(multiWord(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const single = lines.filter(([key]) => !multiWord(key)).length;
  // Own-script surnames before titles (岸田首相) and every name's other Han spellings (習近平/习近平): cjk-forms.ts.
  addCjkForms(cjk, k.people, (p) => ids.indexOf(p.wikipedia, countries));
  const natives = [...cjk.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [key] of lines) if (key.includes('\n')) throw new Error(`alias key with a line break: ${JSON.stringify(key)}`);
  return {
    v: 3,
    asOf: k.asOf,
    ids,
    countries,
    organisations,
    keys: lines.map(([key]) => key).join('\n'),
    single,
    vals: lines.map(([, val]) => val).join('\n'),
    cjk: natives.map(([name]) => name).join('\n'),
    cjkVals: natives.map(([, codes]) => codes.join(' ')).join('\n'),
  };
}

const LINKING = new Set([K_NAME, K_ALIAS, K_NATIVE, K_DEMONYM, K_SEAT]);

/** Every alias key with its entries (prefix-only lines left out). */
export function indexEntries(index: MatchIndex): Map<string, { code: number; mask: string | null }[]> {
  const out = new Map<string, { code: number; mask: string | null }[]>();
  const keys = index.keys.split('\n');
  const vals = index.vals.split('\n');
  keys.forEach((key, i) => {
    const val = vals[i] ?? '';
    if (val) out.set(key, decodeEntries(val.startsWith('+') ? val.slice(1) : val));
  });
  const natives = index.cjk ? index.cjk.split('\n') : [];
  const nativeVals = index.cjkVals.split('\n');
  natives.forEach((name, i) => out.set(name, decodeEntries(nativeVals[i] ?? '')));
  return out;
}

/** Aliases that name more than one entity (never linked), for kb:check. Shared surnames are expected and not counted. */
export function indexStats(index: MatchIndex): { aliases: number; ambiguous: number; ambiguousExamples: string[] } {
  const amb: string[] = [];
  const all = indexEntries(index);
  for (const [key, list] of all) {
    const entities = new Set(list.filter((e) => LINKING.has(entryKind(e.code))).map((e) => entryEntity(e.code)));
    if (entities.size > 1) amb.push(key);
  }
  return { aliases: all.size, ambiguous: amb.length, ambiguousExamples: amb.slice(0, 5) };
}

/** For tests and tools: what an alias string is in the index. */
export function describeKey(index: MatchIndex, alias: string): { entity: string; kind: number; flags: number }[] {
  const key = isCjkName(alias) ? alias : (aliasKey(alias)?.key ?? foldWord(alias));
  return (indexEntries(index).get(key) ?? []).map((e) => ({ entity: index.ids[entryEntity(e.code)] ?? '', kind: entryKind(e.code), flags: entryFlags(e.code) }));
}
