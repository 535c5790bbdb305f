/**
 * Property-based tests of the matching engine: arbitrary Unicode text against
 * arbitrary alias sets (small knowledge objects compiled the way the build
 * compiles the real one) and against the bundled index.
 *
 * matchBlock swallows any error its scan throws (a bug must never break a
 * page), which would also hide a crash from a test; so the tests wrap the
 * matcher's internal scan and fail on anything it throws.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import realIndexJson from '../../src/generated/match-index.json';
import { compileMatchIndex, describeKey } from '../../src/knowledge/compile';
import type { Country, Knowledge } from '../../src/knowledge/model';
import type { Person } from '../../src/knowledge/schema';
import { K_ALIAS, K_DEMONYM, K_NAME, K_NATIVE, K_SEAT, K_SURNAME, type MatchIndex } from '../../src/matching/format';
import { createPageMatcher, type Mention, type PageMatcher } from '../../src/matching/index';
import { collectBlocks, locate } from '../../src/page/walk';
import { work } from './helpers/work';

const realIndex = realIndexJson as unknown as MatchIndex;

// ---------------------------------------------------------------- generators

const chars = (s: string) => [...s];
/** Letters from scripts with and without case, with diacritics that fold away, and the characters that need special folding. */
const UPPER = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZÉÖÅĞİŁØÆŒÇБДЖΣΔ');
const LOWER = chars('abcdefghijklmnopqrstuvwxyzéöåğıłøæœßçбджσδ');
const CASELESS = chars('عربيשלוםहनक');
const MARKS = ['\u0301', '\u0308', '\u200d', '\u200c', '\u093f', '\u094d'];
const HAN = chars('王毅菅義偉習近平中国日本茂木敏充');
const HANGUL = chars('강경화대한민국박진감은는의');
/** What joins the words of a name, and what ends one. */
const NAME_SEPS = [' ', ' ', ' ', '-', "'", '’', '. ', '.', '\u00a0'];
const PUNCT = chars(' ,.;:!?()"“”«»—–-/\'’\n\t\u00a0\u3000\u2009\u200b\u00ad');

const word = fc
  .tuple(fc.constantFrom(...UPPER, ...CASELESS), fc.array(fc.constantFrom(...LOWER, ...LOWER, ...UPPER, ...MARKS), { maxLength: 7 }))
  .map(([a, rest]) => a + rest.join(''));
const latinName = fc
  .tuple(word, fc.array(fc.tuple(fc.constantFrom(...NAME_SEPS), word), { maxLength: 3 }), fc.boolean())
  .map(([w, more, dot]) => w + more.map(([s, x]) => s + x).join('') + (dot ? '.' : ''));
const cjkName = fc.oneof(
  fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...HANGUL), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
);
/** Any string at all, lone surrogates included: the compiler must cope with whatever a data file holds. */
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }));
const alias = fc.oneof({ weight: 6, arbitrary: latinName }, { weight: 2, arbitrary: cjkName }, { weight: 1, arbitrary: anyString });

interface Names {
  knowledge: Knowledge;
  /** Every string the knowledge gives, to plant in text. */
  all: string[];
}

const countryArb = (i: number): fc.Arbitrary<Country> =>
  fc
    .record({
      name: latinName,
      aliases: fc.array(alias, { maxLength: 3 }),
      demonyms: fc.array(latinName, { maxLength: 2 }),
      seats: fc.array(latinName, { maxLength: 2 }),
      careful: fc.boolean(),
    })
    .map(({ name, aliases, demonyms, seats, careful }) => ({
      iso3: `C${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
      name,
      official: name,
      aliases: [name, ...aliases],
      demonyms,
      capital: seats[0] ?? null,
      governmentSeats: seats,
      flag: '',
      region: '',
      subregion: '',
      unMember: true,
      ambiguousNames: careful ? [name, ...demonyms] : [],
    }));

const personArb = (i: number): fc.Arbitrary<Person> =>
  fc
    .record({
      first: word,
      last: word,
      aliases: fc.array(alias, { maxLength: 3 }),
      native: fc.array(fc.oneof(cjkName, anyString), { maxLength: 2 }),
      surnameIsLast: fc.boolean(),
      otherSurname: word,
    })
    .map(({ first, last, aliases, native, surnameIsLast, otherSurname }) => ({
      wikipedia: `Person ${i}`,
      name: `${first} ${last}`,
      native,
      aliases,
      surname: surnameIsLast ? last : otherSurname,
      country: 'CAA',
      summary: 'A person made up for a property test.',
      offices: [],
    }));

const knowledgeArb: fc.Arbitrary<Names> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }))
  .chain(([nc, np]) =>
    fc.tuple(fc.tuple(...Array.from({ length: nc }, (_, i) => countryArb(i))), np ? fc.tuple(...Array.from({ length: np }, (_, i) => personArb(i))) : fc.constant([] as Person[])),
  )
  .map(([countries, people]) => {
    const knowledge: Knowledge = { asOf: '2026-01-01', countries, people, organisations: [], events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [] };
    const all = [
      ...countries.flatMap((c) => [...c.aliases, ...c.demonyms, ...c.demonyms.map((d) => `${d}s`), ...c.governmentSeats]),
      ...people.flatMap((p) => [p.name, ...p.aliases, ...p.native, p.surname]),
    ].filter((s) => s.length > 0);
    return { knowledge, all };
  });

/** Words that change what a name means next to it: titles, honorifics, government verbs, capitalised neighbours. */
const CONTEXT = ['President', 'Foreign Minister', 'Mr.', 'said', 'and', 'The', 'Meanwhile', 'in', 'with', 'May', 'US', 'THE'];

function textArb(names: string[]): fc.Arbitrary<string> {
  const planted = names.length
    ? fc
        .tuple(fc.constantFrom(...names), fc.constantFrom('as is', 'as is', 'upper', 'lower'), fc.constantFrom('', '', '’s', "'s", '.', ',', '-backed', '은'))
        .map(([n, c, suffix]) => (c === 'upper' ? n.toUpperCase() : c === 'lower' ? n.toLowerCase() : n) + suffix)
    : word;
  const token = fc.oneof(
    { weight: 5, arbitrary: planted },
    { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
    { weight: 2, arbitrary: word },
    { weight: 1, arbitrary: fc.constantFrom(...CONTEXT) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  );
  return fc.array(token, { maxLength: 30 }).map((ts) => ts.join(''));
}

const world = knowledgeArb.chain((names) => fc.record({ names: fc.constant(names), text: textArb(names.all) }));

// ------------------------------------------------------------------ checks

/** A matcher whose internal errors fail the test instead of being swallowed. */
function strictMatcher(index: MatchIndex): PageMatcher {
  const m = createPageMatcher(index) as PageMatcher & { scan?: () => void };
  const scan = m.scan;
  if (typeof scan !== 'function') throw new Error("the matcher has no scan() to watch: update this test to the engine's inner loop");
  let thrown: unknown = null;
  m.scan = function watched(this: unknown) {
    try {
      scan.call(this);
    } catch (e) {
      thrown ??= e;
      throw e;
    }
  };
  return {
    reset: () => m.reset(),
    takeLate: () => m.takeLate(),
    matchBlock(text, block) {
      thrown = null;
      const out = m.matchBlock(text, block);
      // matchBlock swallows what scan throws; a test must not.
      if (thrown) throw new Error(`the matcher threw inside matchBlock on ${JSON.stringify(text)}: ${(thrown as Error)?.stack ?? String(thrown)}`);
      return out;
    },
  };
}

const HOW_KINDS: Record<Mention['how'], number[]> = {
  name: [K_NAME, K_ALIAS, K_NATIVE],
  alias: [K_NAME, K_ALIAS, K_NATIVE],
  native: [K_NAME, K_ALIAS, K_NATIVE],
  surname: [K_SURNAME],
  demonym: [K_DEMONYM],
  capital: [K_SEAT],
};

/** Fails with a message built only on failure (texts may be long and mentions many). */
function ensure(ok: boolean, message: () => string): void {
  if (!ok) expect.fail(message());
}

/** Everything a mention list must be, whatever the text. */
function checkMentions(index: MatchIndex, text: string, mentions: readonly Mention[]): void {
  const people = new Set(index.ids.slice(index.countries, index.organisations));
  const organisations = new Set(index.ids.slice(index.organisations));
  const ids = new Set(index.ids);
  const described = new Map<string, ReturnType<typeof describeKey>>();
  let prevEnd = 0;
  for (const m of mentions) {
    const where = () => `${JSON.stringify(m)} in ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text)}`;
    ensure(Number.isInteger(m.start) && Number.isInteger(m.end), () => `offsets are integers: ${where()}`);
    ensure(m.start >= prevEnd, () => `sorted and non-overlapping: ${where()}`);
    ensure(m.start >= 0 && m.end > m.start && m.end <= text.length, () => `in bounds: ${where()}`);
    prevEnd = m.end;
    ensure(ids.has(m.entity), () => `a known entity: ${where()}`);
    ensure((m.kind === 'person') === people.has(m.entity), () => `kind "person" iff a person: ${where()}`);
    ensure((m.kind === 'organisation') === organisations.has(m.entity), () => `kind "organisation" iff an organisation: ${where()}`);
    if (m.how === 'demonym') ensure(m.kind === 'demonym', () => `a demonym is of kind demonym: ${where()}`);
    if (m.how === 'capital') ensure(m.kind === 'capital', () => `a capital is of kind capital: ${where()}`);
    if (m.how === 'surname') ensure(m.kind === 'person', () => `a surname is of kind person: ${where()}`);
    // The text it covers is one of that entity's names, of the kind it says.
    const covered = text.slice(m.start, m.end);
    if (!described.has(covered)) described.set(covered, describeKey(index, covered));
    const kinds = described.get(covered)!.filter((e) => e.entity === m.entity).map((e) => e.kind);
    ensure(kinds.some((k) => HOW_KINDS[m.how].includes(k)), () => `"${covered}" is not a ${m.how} of ${m.entity}: ${where()}`);
  }
}

function match(index: MatchIndex, text: string): readonly Mention[] {
  return strictMatcher(index).matchBlock(text);
}


/** The text laid out as inline elements and bare text nodes, cut at the given offsets (which may fall inside words, even inside surrogate pairs). */
function splitBlock(text: string, cuts: number[], wrappers: string[]): HTMLElement {
  const p = document.createElement('p');
  const at = [...new Set(cuts.filter((c) => c > 0 && c < text.length))].sort((a, b) => a - b);
  let prev = 0;
  [...at, text.length].forEach((cut, i) => {
    const piece = document.createTextNode(text.slice(prev, cut));
    prev = cut;
    const tag = wrappers[i % wrappers.length]!;
    if (tag === 'text') {
      p.append(piece);
    } else {
      // Nested inline wrappers: <span><b>…</b></span>.
      const [outer, inner] = tag.split('>');
      const el = document.createElement(outer!);
      if (inner) {
        const child = document.createElement(inner);
        child.append(piece);
        el.append(child);
      } else {
        el.append(piece);
      }
      p.append(el);
    }
  });
  return p;
}

const RUNS = { numRuns: 400 };

// ------------------------------------------------------------------- tests

describe('matching engine properties (arbitrary alias sets)', () => {
  test('compiling any alias set never throws, and the index survives JSON as the extension ships it', () => {
    fc.assert(
      fc.property(knowledgeArb, ({ knowledge }) => {
        const index = compileMatchIndex(knowledge);
        expect(JSON.parse(JSON.stringify(index))).toEqual(index);
      }),
      RUNS,
    );
  });

  test('matching never throws; mentions are in bounds, sorted, non-overlapping and cover a name of their entity', () => {
    fc.assert(
      fc.property(world, ({ names, text }) => {
        const index = compileMatchIndex(names.knowledge);
        checkMentions(index, text, match(index, text));
      }),
      { numRuns: 1500 },
    );
  });

  test('a native name with a line break in it is left out, not allowed to shift the names after it (found by the property above)', () => {
    const country = (iso3: string, aliases: string[]): Country => ({
      iso3, name: 'A', official: 'A', aliases, demonyms: [], capital: null, governmentSeats: [], flag: '', region: '', subregion: '', unMember: true, ambiguousNames: [],
    });
    const person = (i: number, native: string[]): Person => ({
      wikipedia: `Person ${i}`, name: 'A A', native, aliases: [], surname: 'A', country: 'CAA', summary: 'A person made up for a property test.', offices: [],
    });
    const knowledge: Knowledge = {
      asOf: '2026-01-01',
      countries: [country('CAA', ['A']), country('CAB', ['王'])],
      people: [person(0, ['㐀\n강']), person(1, ['강'])],
      organisations: [], events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [],
    };
    const index = compileMatchIndex(knowledge);
    for (const text of ['강', '王', '㐀']) checkMentions(index, text, match(index, text));
    expect(match(index, '王').map((m) => m.entity)).toEqual(['CAB']);
    expect(match(index, '강').map((m) => m.entity)).toEqual(['Person 1']);
  });

  test('a planted name alone between spaces is found (the properties above are not vacuous)', () => {
    // A person's full name, unambiguous and written as in the data, must be found; countries and others may need context.
    fc.assert(
      fc.property(knowledgeArb, ({ knowledge }) => {
        const index = compileMatchIndex(knowledge);
        for (const p of knowledge.people) {
          const clash = describeKey(index, p.name).filter((e) => [K_NAME, K_ALIAS, K_NATIVE].includes(e.kind));
          if (clash.length !== 1 || clash[0]!.entity !== p.wikipedia) continue;
          const text = `Then ${p.name} spoke.`;
          const found = match(index, text);
          expect(found.some((m) => m.entity === p.wikipedia && text.slice(m.start, m.end) === p.name), `${p.name} in ${JSON.stringify(text)}: ${JSON.stringify(found)}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test('the same text matched twice gives the same result (fresh matchers, and one matcher after reset)', () => {
    fc.assert(
      fc.property(world, ({ names, text }) => {
        const index = compileMatchIndex(names.knowledge);
        const first = match(index, text);
        expect(match(index, text)).toEqual(first);
        const m = strictMatcher(index);
        expect(m.matchBlock(text)).toEqual(first);
        m.reset();
        expect(m.matchBlock(text)).toEqual(first);
        // The index compiled again from the same knowledge matches the same.
        expect(match(compileMatchIndex(names.knowledge), text)).toEqual(first);
      }),
      RUNS,
    );
  });

  test('splitting the text across inline nodes anywhere, inside words too, finds the same mentions with ranges over the same text', () => {
    const wrappers = fc.array(fc.constantFrom('text', 'b', 'span', 'i', 'a', 'em>span', 'span>b', 'strong'), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(world, fc.array(fc.nat(), { maxLength: 12 }), wrappers, ({ names, text }, rawCuts, tags) => {
        const index = compileMatchIndex(names.knowledge);
        const whole = match(index, text);
        const cuts = rawCuts.map((c) => (text.length ? c % (text.length + 1) : 0));
        const p = splitBlock(text, cuts, tags);
        const blocks = collectBlocks(p);
        if (!/\S/.test(text)) {
          expect(blocks).toEqual([]);
          return;
        }
        expect(blocks.map((b) => b.text)).toEqual([text]);
        const block = blocks[0]!;
        const split = match(index, block.text);
        expect(split).toEqual(whole);
        for (const m of split) {
          const s = locate(block, m.start);
          const e = locate(block, m.end, true);
          const range = document.createRange();
          range.setStart(s.node, s.offset);
          range.setEnd(e.node, e.offset);
          expect(range.toString()).toBe(text.slice(m.start, m.end));
        }
      }),
      RUNS,
    );
  });
});

describe('matching engine properties (the bundled index)', () => {
  const REAL_NAMES = [
    'Wang Yi', 'Wang', 'Yoshihide Suga', 'Suga', 'Toshimitsu Motegi', 'Kang Kyung-wha', 'Scott Morrison', 'Zhao Lijian', 'Michael Pompeo',
    'Shinzo Abe', 'Xi Jinping', 'President Xi', 'China', 'the U.S.', 'U.S.', 'US', 'Japan', 'South Korea', 'India', 'Australia', 'Hong Kong',
    'Beijing', 'Tokyo', 'Chinese', 'Japanese', 'East China Sea', 'Georgia', 'Jordan', 'May', 'Theresa May', '王毅', '菅義偉', '강경화', 'Erdoğan', 'ERDOGAN',
    'NATO', 'the EU', 'U.N.', 'WHO', 'who', 'AU', 'ICC', 'the Quad', 'バイデン', '拜登', '바이든', '国連',
  ];
  const realText = textArb(REAL_NAMES);

  test('never throws; mentions are in bounds, sorted, non-overlapping and cover a name of their entity', () => {
    fc.assert(
      fc.property(realText, (text) => {
        checkMentions(realIndex, text, match(realIndex, text));
      }),
      { numRuns: 2000 },
    );
  });

  test('deterministic, and unchanged by splitting across inline nodes', () => {
    fc.assert(
      fc.property(realText, fc.array(fc.nat(), { maxLength: 10 }), (text, rawCuts) => {
        const whole = match(realIndex, text);
        expect(match(realIndex, text)).toEqual(whole);
        const p = splitBlock(text, rawCuts.map((c) => c % (text.length + 1)), ['b', 'text', 'span>i']);
        const blocks = collectBlocks(p);
        if (!/\S/.test(text)) return;
        expect(blocks.map((b) => b.text)).toEqual([text]);
        expect(match(realIndex, blocks[0]!.text)).toEqual(whole);
      }),
      RUNS,
    );
  });

  test('the story\'s own sentences are found (guards against a vacuous run)', () => {
    const text = 'Chinese Foreign Minister Wang Yi met Prime Minister Yoshihide Suga in Tokyo. Suga’s talks with Wang touched on the U.S.';
    const found = match(realIndex, text).map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga', 'Suga', 'Wang', 'U.S.']));
    checkMentions(realIndex, text, match(realIndex, text));
  });

  test('pathological inputs: very long words, long whitespace runs, only marks, only surrogates: sound, in work linear in their length', () => {
    // Each case at full size (n = 1) and at half size; the work is counted, not timed.
    const cases: ((n: number) => string)[] = [
      (n) => 'A'.repeat(50_000 * n),
      (n) => `Wang${' '.repeat(10_000 * n)}Yi`,
      (n) => '\u0301'.repeat(10_000 * n),
      (n) => '\ud800'.repeat(5_000 * n) + 'Japan' + '\udfff'.repeat(5_000 * n),
      (n) => 'Wang-Yi-'.repeat(5_000 * n),
      (n) => 'U.'.repeat(10_000 * n),
      (n) => '王'.repeat(20_000 * n),
      (n) => 'Japan '.repeat(3000 * n),
    ];
    for (const make of cases) {
      const text = make(1);
      checkMentions(realIndex, text, match(realIndex, text));
      // Twice the text, about twice the work; a quadratic path (reading the rest of the text again at each position) is four times.
      const half = work(() => void match(realIndex, make(0.5)));
      const full = work(() => void match(realIndex, text));
      expect(full / half, `${JSON.stringify(text.slice(0, 20))}: work ${half} for half the text, ${full} for all of it`).toBeLessThan(2.6);
    }
    expect(match(realIndex, 'Japan '.repeat(3000)).length).toBe(3000);
  });
});
