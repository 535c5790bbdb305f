/**
 * Every word of the context rules' lists (src/matching/rules.ts), one by one:
 * for each, a sentence in which that word decides whether there is a mention,
 * and a control sentence with another word in its place that decides the
 * other way. The words are copied here, so that dropping one from rules.ts
 * fails that word's own case (a table read from the list would lose the case
 * together with the word); a check that every word of the live lists has a
 * case here keeps the copies complete.
 */
import { describe, expect, test } from 'vitest';
import indexJson from '../../src/generated/match-index.json';
import { createPageMatcher, type MatchIndex } from '../../src/matching';
import * as rules from '../../src/matching/rules';
import type { WordSet } from '../../src/matching/rules';

const index = indexJson as unknown as MatchIndex;

/** Every mention in the text, as "text:kind". */
function found(text: string): string[] {
  return createPageMatcher(index).matchBlock(text).map((m) => `${text.slice(m.start, m.end)}:${m.kind}`);
}
const words = (list: string) => list.trim().split(/\s+/);
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
/** The words of a live list (WordSet keeps them as one string). */
const live = (set: WordSet) => (set as unknown as { all: string }).all.split(' ').filter((w) => w.length > 0);

interface Table {
  /** The list's name in rules.ts. */
  list: keyof typeof rules;
  words: string[];
  /** The sentence for a word, and what must be found in it. */
  sentence: (w: string) => string;
  expected: string[];
  /** The same sentence with a word not in the list, and what is found then. */
  control: string;
  controlExpected: string[];
  /** Words whose case another list decides the same way (dropping them alone changes nothing), with why. */
  notAlone?: Record<string, string>;
}

const SUGA_NAMED = 'Yoshihide Suga spoke.';
const SUGA = ['Yoshihide Suga:person'];

/** The lists as they were written when these cases were (kept in the order of rules.ts). */
const TABLES: Table[] = [
  {
    list: 'GOVERNMENT_VERBS',
    words: words(`
      said says say has have had was is are were will would could can cannot should may might must did does do
      didn doesn don hasn haven hadn isn wasn won wouldn couldn shouldn
      want wants wanted accused accuses denied denies rejected rejects warned warns urged urges insisted insists hopes hoped believes
      believed considers considered sees saw needs needed announced announces responded responds retaliated retaliates protested protests
      condemned condemns welcomed welcomes criticised criticized criticises criticizes demanded demands called calls blamed blames
      threatened threatens imposed imposes agreed agrees refused refuses expressed expresses fears feared argued argues claims claimed
      views viewed regards regarded opposes opposed supports supported backs backed summoned summons lodged sent sends sought seeks
      signed signs suspended suspends vowed vows pledged pledges promised promises plans planned appears appeared seemed seems remains
      remained knows knew recognises recognizes recognised recognized approved approves launched launches ordered orders expelled
      expels sanctioned banned bans slammed slams blasted dismissed dismisses objected objects reacted reacts retorted countered conceded
      acknowledged acknowledges confirmed confirms declined declines chose decided decides moved moves took takes made makes gave gives
      offered offers proposed proposes maintains maintained stressed stresses reiterated reiterates noted notes told tells asked asks
      pushed pushes pressed presses pressured stepped ramped hit hits issued issues released releases stands stood
      eyes weighs mulls bristles signals rebuffs hails snubs scrambles readies prepares courts looks fires
      indicated indicates`),
    sentence: (w) => `Beijing ${w} nothing.`,
    expected: ['Beijing:capital'],
    control: 'Beijing sang nothing.',
    controlExpected: [],
  },
  {
    list: 'ADVERBS',
    words: words('also now still already never not reportedly quickly swiftly strongly repeatedly immediately again then long firmly openly publicly privately further'),
    sentence: (w) => `Beijing ${w} denied it.`,
    expected: ['Beijing:capital'],
    control: 'Beijing flatly denied it.',
    controlExpected: [],
  },
  {
    list: 'GOVERNMENT_OBJECT_OF',
    words: words(`
      told tell tells telling warned warn warns warning urged urge urges urging accused accuse accuses criticised criticized criticises
      criticizes pressed presses pressing pressured pressures pressuring asked asks lobbied lobbies blamed blames sanctioned condemned
      condemns thanked thanks informed informs notified assured assures reassured rebuked rebukes snubbed snubs angered angers irritated
      irritates rebuffed rebuffs challenged challenges defied defies courted courts persuade persuaded convince convinced
      engage engages engaged engaging support supports supported supporting`),
    sentence: (w) => `Officials ${w} Beijing.`,
    expected: ['Beijing:capital'],
    control: 'Officials photographed Beijing.',
    controlExpected: [],
  },
  {
    list: 'GOVERNMENT_BEFORE',
    words: words('between with against toward towards behind alongside like unlike by for'),
    sentence: (w) => `It was a setback ${w} Beijing.`,
    expected: ['Beijing:capital'],
    control: 'It was a setback of Beijing.',
    controlExpected: [],
  },
  {
    list: 'MOTION_BEFORE_FOR',
    words: words('left leave leaves leaving headed heading head heads bound departed departs depart set sets flew flight flights ticket tickets train trains'),
    sentence: (w) => `She ${w} for Beijing.`,
    expected: [],
    control: 'She voted for Beijing.',
    controlExpected: ['Beijing:capital'],
  },
  {
    list: 'GOVERNMENT_FROM_TO',
    words: words(`
      pressure pressures accusation accusations criticism demand demands warning warnings threat threats response objection objections
      complaint complaints protest protests request requests retaliation approval backing invitation message signal signals
      protested complained appealed apologised apologized objected assurance assurances guarantee guarantees feedback reply replies
      nod support aid loan loans letter letters note notes overture overtures concession concessions wrote write writes written appeal
      appeals pledge pledges commitment commitments delegation delegations envoy envoys ambassador ambassadors`),
    sentence: (w) => `There was ${w} from Beijing.`,
    expected: ['Beijing:capital'],
    control: 'There was rain from Beijing.',
    controlExpected: [],
  },
  {
    list: 'PLACE_BEFORE',
    words: words(`
      in at near outside around via into to from across throughout inside within visit visits visited visiting arrive arrives arrived
      arriving land landed flew fly flying travel travelled traveled travelling traveling left leave leaves reached toured tour tours
      based held hosted return returned returning back`),
    sentence: (w) => `People ${w} Beijing said so.`,
    expected: [],
    control: 'People met Beijing said so.',
    controlExpected: ['Beijing:capital'],
  },
  {
    list: 'LOCATIVES',
    words: words('in inside near outside around across throughout within'),
    sentence: (w) => `Crowds gathered ${w} Beijing's decision.`,
    expected: [],
    control: "Crowds gathered Beijing's decision.",
    controlExpected: ['Beijing:capital'],
  },
  {
    list: 'GOVERNMENT_NOUNS',
    words: words('spokesman spokeswoman spokesperson official officials aide aides adviser advisers advisor advisors envoy envoys readout insiders'),
    sentence: (w) => `Beijing ${w} arrived.`,
    expected: ['Beijing:capital'],
    control: 'Beijing lanterns arrived.',
    controlExpected: [],
  },
  {
    list: 'RELATION_NOUNS',
    words: words('ties relations relationship talks summit summits dialogue rift spat feud rivalry alliance agreement accord pact deal deals negotiations diplomacy detente tensions dispute'),
    sentence: (w) => `Officials discussed Beijing-Tokyo ${w} yesterday.`,
    expected: ['Beijing:capital', 'Tokyo:capital'],
    control: 'Officials discussed Beijing-Tokyo trains yesterday.',
    controlExpected: [],
  },
  {
    list: 'GOVERNMENT_COMPOUNDS',
    words: words('backed led friendly aligned allied sponsored controlled appointed imposed brokered funded installed'),
    sentence: (w) => `The Beijing-${w} group grew.`,
    expected: ['Beijing:capital'],
    control: 'The Beijing-based group grew.',
    controlExpected: [],
  },
  {
    list: 'FEATURE_AFTER',
    words: words('strait straits sea gulf bay ocean peninsula airlines airways times daily herald post financial broadcasting news press'),
    sentence: (w) => `Visitors love the Mongolia ${cap(w)} now.`,
    expected: [],
    control: 'Visitors love the Mongolia Club now.',
    controlExpected: ['Mongolia:country'],
  },
  {
    list: 'FEATURE_OF',
    words: words('gulf bay sea strait straits bank times'),
    sentence: (w) => `They saw the ${cap(w)} of Mongolia.`,
    expected: [],
    control: 'They saw the Coast of Mongolia.',
    controlExpected: ['Mongolia:country'],
  },
  {
    list: 'FEATURE_BEFORE',
    words: words('air'),
    sentence: (w) => `They flew ${cap(w)} Mongolia yesterday.`,
    expected: [],
    control: 'They flew Big Mongolia yesterday.',
    controlExpected: ['Mongolia:country'],
  },
  {
    // A capitalised word before a surname is part of someone else's name, unless it is one of these.
    list: 'FUNCTION_WORDS',
    words: words(`
      the a an in on at but and or so yet for with by from to of as if when while meanwhile after before since although though because
      both even also still now then today yesterday tomorrow last next this that these those it its he his she her they their we our i
      you why how what where who whom which only like unlike despite under over against between among amid without within during until
      unless whether however moreover instead indeed thus perhaps neither either nor not no yes did does do has have had is was are were
      will would can could should must might shall all some many most more several few every each any there here such another other once
      later earlier already according following including about above across along around behind beyond inside into near off onto
      outside through toward towards upon via neighbouring neighboring nearby rival fellow former late then-`),
    sentence: (w) => `${SUGA_NAMED} ${cap(w)} Suga said so.`,
    expected: [...SUGA, 'Suga:person'],
    control: `${SUGA_NAMED} Hiroshi Suga said so.`,
    controlExpected: SUGA,
    notAlone: {
      former: 'also a TITLE_WORDS word',
      'then-': 'never looked up: a word the matcher reads has no hyphen',
    },
  },
  {
    list: 'HONORIFICS',
    words: words('mr mrs ms miss mx dr prof sir dame lord lady madam mme herr senor senora'),
    // Theresa May: a surname that is also a date is hers only after a title or an honorific.
    sentence: (w) => `Theresa May spoke. ${cap(w)} May said so.`,
    expected: ['Theresa May:person', 'May:person'],
    control: 'Theresa May spoke. Hiroshi May said so.',
    controlExpected: ['Theresa May:person'],
  },
  {
    list: 'OFFICE_TITLES',
    words: words(`
      president premier chancellor minister secretary spokesman spokeswoman spokesperson ambassador king queen emperor empress
      sheikh ayatollah chairman chairwoman envoy pm fm state affairs`),
    sentence: (w) => `Theresa May spoke. ${cap(w)} May said so.`,
    expected: ['Theresa May:person', 'May:person'],
    control: 'Theresa May spoke. Hiroshi May said so.',
    controlExpected: ['Theresa May:person'],
  },
  {
    list: 'TITLE_WORDS',
    words: words(`
      prince princess crown vice deputy acting former general governor senator leader chief foreign prime defence defense finance trade
      interior premier-elect president-elect counterpart`),
    sentence: (w) => `${SUGA_NAMED} ${cap(w)} Suga said so.`,
    expected: [...SUGA, 'Suga:person'],
    control: `${SUGA_NAMED} Hiroshi Suga said so.`,
    controlExpected: SUGA,
    notAlone: {
      former: 'also a FUNCTION_WORDS word',
      // The matcher's words never hold a hyphen ("President-elect Suga": the word before Suga is "elect"), so these never match.
      'premier-elect': 'never looked up: a word the matcher reads has no hyphen',
      'president-elect': 'never looked up: a word the matcher reads has no hyphen',
    },
  },
  {
    list: 'CALENDAR',
    words: words(`
      january february march april may june july august september october november december
      monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec`),
    sentence: (w) => `${SUGA_NAMED} ${cap(w)} Suga said so.`,
    expected: [...SUGA, 'Suga:person'],
    control: `${SUGA_NAMED} Hiroshi Suga said so.`,
    controlExpected: SUGA,
  },
  {
    // What a capital's possessive owns decides: "Beijing's streets" are the city's.
    list: 'PLACE_POSSESSED',
    words: words('streets street residents resident mayor mayors airport airports skyline suburbs suburb outskirts centre center downtown district districts neighbourhood neighborhood neighbourhoods neighborhoods metro subway traffic population inhabitants citizens air smog hospitals schools universities university squares square markets restaurants buildings landmarks parks river port harbour harbor stadium museums museum zoo subways roads bridges police nightlife weather old'),
    sentence: (w) => `Officials praised Beijing's ${w}.`,
    expected: [],
    control: "Officials praised Beijing's plans.",
    controlExpected: ['Beijing:capital'],
  },
  {
    list: 'PERSON_GOVERNMENT_NOUNS',
    words: words('administration administrations government governments cabinet presidency premiership chancellorship regime era camp campaign'),
    sentence: (w) => `The Hipkins ${w} spoke.`,
    expected: ['Hipkins:person'],
    control: 'The Hipkins family spoke.',
    controlExpected: [],
  },
  {
    list: 'GOVERNMENT_OF',
    words: words('criticism critic critics ally allies rival rivals partner partners position stance view views policy policies demands approval consent rebuke ire wrath support backing intentions behaviour behavior recognition envoy envoys officials representatives representative request response decision refusal blessing expense wishes objections displeasure'),
    sentence: (w) => `There was ${w} of Beijing.`,
    expected: ['Beijing:capital'],
    control: 'There was rain of Beijing.',
    controlExpected: [],
  },
  {
    list: 'GOVERNMENT_ON',
    words: words('pressure pressures sanctions tariffs curbs restrictions demands calls reliance dependence influence leverage stance position policy embargo ban bans squeeze crackdown concessions limits duties levies hold grip'),
    sentence: (w) => `There was ${w} on Beijing.`,
    expected: ['Beijing:capital'],
    control: 'There was rain on Beijing.',
    controlExpected: [],
  },
  {
    // A verb in the past before a capital makes it a government ("joined Washington") unless it is done to a place.
    list: 'PLACE_OBJECT_VERBS',
    words: words('attacked shelled bombed bombarded targeted captured seized besieged encircled surrounded entered evacuated liberated occupied invaded raided stormed flooded rocked named renamed designated recognised recognized declared selected picked reached toured visited returned landed arrived based hosted located situated founded moved relocated centred centered headquartered destroyed damaged blanketed smothered paralysed paralyzed gridlocked cleaned painted photographed mapped described rebuilt renovated'),
    sentence: (w) => `Troops ${w} Beijing.`,
    expected: [],
    control: 'Troops joined Beijing.',
    controlExpected: ['Beijing:capital'],
    notAlone: {
      visited: 'also a PLACE_BEFORE word', toured: 'also a PLACE_BEFORE word', reached: 'also a PLACE_BEFORE word', landed: 'also a PLACE_BEFORE word',
      arrived: 'also a PLACE_BEFORE word', based: 'also a PLACE_BEFORE word', hosted: 'also a PLACE_BEFORE word', returned: 'also a PLACE_BEFORE word',
    },
  },
  {
    list: 'PAST_VERBS',
    words: words('wrote spoke held kept met began sought brought sold paid put set let got won lost built led felt thought went came struck drew threw'),
    sentence: (w) => `Beijing ${w} nothing.`,
    expected: ['Beijing:capital'],
    control: 'Beijing lanterns nothing.',
    controlExpected: [],
  },
  {
    // A present form in -s is a verb when one of these follows: "Kyiv trusts the …".
    list: 'DETERMINERS',
    words: words('the a an that it its their his her this these those no any'),
    sentence: (w) => `Beijing trusts ${w} plan.`,
    expected: ['Beijing:capital'],
    control: 'Beijing trusts our plan.',
    controlExpected: [],
  },
  {
    // In ALL-CAPS text "US" may be "us".
    list: 'WORD_ACRONYMS',
    words: words('us'),
    sentence: (w) => `LET ${w.toUpperCase()} GO NOW`,
    expected: [],
    control: 'LET CHINA GO NOW',
    controlExpected: ['CHINA:country'],
  },
  {
    // "Georgia" near a US-state cue is the state.
    list: 'US_STATE_KEYS',
    words: words('georgia georgian georgians'),
    sentence: (w) => `The ${cap(w)} governor spoke.`,
    expected: [],
    control: 'The Armenian governor spoke.',
    controlExpected: ['Armenian:demonym'],
  },
];

describe.each(TABLES.map((t) => [t.list, t] as const))('%s: each word decides', (name, t) => {
  test('the control sentence, with a word not in the list, goes the other way', () => {
    expect(t.words).not.toContain(t.control);
    expect(found(t.control)).toEqual(t.controlExpected);
  });

  test('every word of the live list has a case here', () => {
    const set = rules[name] as WordSet;
    expect(live(set).filter((w) => !t.words.includes(w))).toEqual([]);
  });

  const decisive = t.words.filter((w) => !Object.hasOwn(t.notAlone ?? {}, w));
  test.each(decisive)(`"%s"`, (w) => {
    expect(found(t.sentence(w))).toEqual(t.expected);
  });
});
