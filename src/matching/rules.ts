/**
 * The words the context rules look at, folded (lower case, no diacritics).
 * They are general English news grammar, not fitted to particular articles.
 */

/**
 * A word list. The first checks search it as one string (" said says … "):
 * hashing a list costs more, on a first, cold run, than the few checks a
 * short page makes. A list checked often (a long page) is then hashed, so a
 * check costs one lookup instead of a fresh " word " string and a scan of the
 * whole list.
 */
export class WordSet {
  private readonly all: string;
  private words: Set<string> | null = null;
  private checks = 0;

  constructor(list: string) {
    this.all = ` ${list.split('\n').map((line) => line.trim()).join(' ')} `;
  }

  has(word: string): boolean {
    if (this.words) return this.words.has(word);
    if (++this.checks > CHECKS_BEFORE_HASH) {
      this.words = new Set(this.all.split(' ').filter((w) => w.length > 0));
      return this.words.has(word);
    }
    return word.length > 0 && !word.includes(' ') && this.all.includes(` ${word} `);
  }
}

/** About the checks an article page makes of the busiest list (FUNCTION_WORDS). */
const CHECKS_BEFORE_HASH = 64;

function set(words: string): WordSet {
  return new WordSet(words);
}

/** Capitalised at a sentence start but never part of a name: "Meanwhile Jordan said" is Jordan the country. */
export const FUNCTION_WORDS = set(`
  the a an in on at but and or so yet for with by from to of as if when while meanwhile after before since although though because
  both even also still now then today yesterday tomorrow last next this that these those it its he his she her they their we our i
  you why how what where who whom which only like unlike despite under over against between among amid without within during until
  unless whether however moreover instead indeed thus perhaps neither either nor not no yes did does do has have had is was are were
  will would can could should must might shall all some many most more several few every each any there here such another other once
  later earlier already according following including about above across along around behind beyond inside into near off onto
  outside through toward towards upon via neighbouring neighboring nearby rival fellow former late then-`);

/** Honorifics: "Mr. Suga" names the Suga of the page. */
export const HONORIFICS = set('mr mrs ms miss mx dr prof sir dame lord lady madam mme herr senor senora');

/** Office words before a name: "President Xi", "Foreign Minister Wang", "Secretary of State Blinken". */
export const OFFICE_TITLES = set(`
  president premier chancellor minister secretary spokesman spokeswoman spokesperson ambassador king queen emperor empress
  sheikh ayatollah chairman chairwoman envoy pm fm state affairs`);

/** Other words that may stand before a name without being part of it. */
export const TITLE_WORDS = set(`
  prince princess crown vice deputy acting former general governor senator leader chief foreign prime defence defense finance trade
  interior premier-elect president-elect counterpart`);

export const CALENDAR = set(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec`);

/** A capital after these is the place: "in Tokyo", "visited Beijing", "the flight to Seoul". */
export const PLACE_BEFORE = set(`
  in at near outside around via into to from across throughout inside within visit visits visited visiting arrive arrives arrived
  arriving land landed flew fly flying travel travelled traveled travelling traveling left leave leaves reached toured tour tours
  based held hosted return returned returning back`);

/** Prepositions of being somewhere: even "in Tokyo's" is the place. */
export const LOCATIVES = set('in inside near outside around across throughout within');

/**
 * Before "from" or "to", these make the capital after it a government, not a
 * place: "pressure from Beijing", "accusations from Washington", "protested
 * to Seoul".
 */
export const GOVERNMENT_FROM_TO = set(`
  pressure pressures accusation accusations criticism demand demands warning warnings threat threats response objection objections
  complaint complaints protest protests request requests retaliation approval backing invitation message signal signals
  protested complained appealed apologised apologized objected`);

/** A capital after these is its government: "relations between Washington and Beijing", "talks with Tokyo", "lining up behind Washington". */
export const GOVERNMENT_BEFORE = set('between with against toward towards behind alongside like unlike by for');

/** "left for Beijing", "bound for Tokyo": after these, "for" goes to the place. */
export const MOTION_BEFORE_FOR = set('left leave leaves leaving headed heading head heads bound departed departs depart set sets flew flight flights ticket tickets train trains');

/** Nouns after a capital that make it its government: "Kremlin spokesman", "White House officials", "Beijing officials". */
export const GOVERNMENT_NOUNS = set('spokesman spokeswoman spokesperson official officials aide aides adviser advisers advisor advisors envoy envoys readout insiders');

/** What passes between two governments written as a pair: "Beijing-Tokyo ties", "Seoul–Washington talks". */
export const RELATION_NOUNS = set(
  'ties relations relationship talks summit summits dialogue rift spat feud rivalry alliance agreement accord pact deal deals negotiations diplomacy detente tensions dispute',
);

/**
 * A capitalised word after a country's name that makes the name part of a
 * place's, company's or newspaper's ("Taiwan Strait", "Japan Airlines", "the
 * Korea Herald"), or before "of"
 * in front of it ("Gulf of Oman", "Bank of China"), or right before it ("Air
 * China"): the country itself is not what is meant.
 */
export const FEATURE_AFTER = set('strait straits sea gulf bay ocean peninsula airlines airways times daily herald post financial broadcasting');
export const FEATURE_OF = set('gulf bay sea strait straits bank times');
export const FEATURE_BEFORE = set('air');

/** Verbs whose object is a government, not a place: "Pyongyang told Tokyo", "urged Beijing". */
export const GOVERNMENT_OBJECT_OF = set(`
  told tell tells telling warned warn warns warning urged urge urges urging accused accuse accuses criticised criticized criticises
  criticizes pressed presses pressing pressured pressures pressuring asked asks lobbied lobbies blamed blames sanctioned condemned
  condemns thanked thanks informed informs notified assured assures reassured rebuked rebukes snubbed snubs angered angers irritated
  irritates rebuffed rebuffs challenged challenges defied defies courted courts persuade persuaded convince convinced
  engage engages engaged engaging support supports supported supporting`);

/** Verbs (and auxiliaries) that make a capital the subject, i.e. its government: "Beijing said", "Tokyo has". */
export const GOVERNMENT_VERBS = set(`
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
  pushed pushes pressed presses pressured stepped ramped hit hits issued issues released releases stands stood insisted
  eyes weighs mulls bristles signals rebuffs hails snubs scrambles readies prepares courts looks sees eyes fires warns
  indicated indicates`);

/** Adverbs between a capital and its verb: "Beijing quickly denied". */
export const ADVERBS = set('also now still already never not reportedly quickly swiftly strongly repeatedly immediately again then long firmly openly publicly privately further');

/** Words after a hyphen that make a capital its government: "Beijing-backed", "Moscow-led". */
export const GOVERNMENT_COMPOUNDS = set('backed led friendly aligned allied sponsored controlled appointed imposed brokered funded installed');

/** Acronym aliases that are also ordinary words: in ALL-CAPS text "US" may be "us". */
export const WORD_ACRONYMS = set('us');

/**
 * What happens to a city rather than what a government does: "Noumea has
 * suffered huge damage", "Kyiv was shaken by blasts". After a capital (and an
 * auxiliary), these make it the place.
 */
export const PLACE_PREDICATES = set('suffered suffer suffers endured endures experienced shaken rocked flooded burned burning damaged devastated');
export const AUXILIARIES = set('has have had was is were are been');

/**
 * Organisations' short forms that are also English words when written in
 * capitals ("WHO", "AU"): in ALL-CAPS text they need "THE" before them or a
 * hyphen beside them, as "US" does.
 */
export const ORG_WORD_ACRONYMS = set('who au');

/**
 * Organisations' names that are also ordinary words ("the Quad", "the
 * Commonwealth"): linked only right after "the", and never as part of a
 * longer name ("Quad Cities").
 */
export const ORG_NEEDS_THE = set('quad commonwealth union alliance league forum court bank fund');

/**
 * Short forms that other bodies share: "ICC" is also cricket's council, "PIF"
 * Saudi Arabia's wealth fund. A block that speaks of the other body
 * leaves the short form unlinked.
 */
export const ORG_OTHER_SENSES: ReadonlyMap<string, RegExp> = new Map([
  ['icc', /\b(cricket|t20|odi|wickets?|test match|world cup|champions trophy|bcci|batting|bowling)\b/i],
  ['ecb', /\b(cricket|t20|odi|wickets?|test match|county championship|ashes)\b/i],
  ['gcc', /\b(compiler|gnu|clang|linux)\b/i],
  ['pif', /\b(public investment fund|saudi|sovereign wealth|fund)\b/i],
  ['wto', /\b(wildlife|tourism)\b/i],
  // Case matters: "the WHO" is the organisation, "The Who" the band.
  ['who', /\b(The Who|Doctor Who|Roger Daltrey|Pete Townshend)\b/],
]);

/**
 * Hangul particles and titles that may follow a name with no space between:
 * a short Hangul name is a match only before one of them (or a non-Hangul
 * character), so 박진 is not found inside 박진감.
 */
export const HANGUL_FOLLOWERS = [
  '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '로', '으로', '만', '께', '씨', '님', '측', '장관', '대통령', '총리',
  '위원장', '대변인', '외무상', '외상', '부장', '주석', '총서기', '전', '에게', '에서', '이다', '입니다', '정부', '국민',
];

/** US-state cues for "Georgia": the state, not the country, unless a cue for the country is there too. */
export const US_STATE_CUES =
  /\b(?:Atlanta|Savannah|Macon|Augusta|Gwinnett|Fulton County|Cobb County|DeKalb|Peach State|Kemp|Raffensperger|Abrams|Ossoff|Warnock|Loeffler|Perdue|Republicans?|Democrats?|GOP|[Gg]overnor|Gov\.|[Ss]enate|runoff|county|counties|electoral votes|state legislature|US state|U\.S\. state|Ga\.)/;
export const GEORGIA_COUNTRY_CUES =
  /\b(?:Tbilisi|Caucasus|Ossetia|Abkhazia|Batumi|Georgian Dream|Kremlin|Moscow|Russia|Russian|Armenia|Azerbaijan|Ukraine|NATO|European Union|EU|Black Sea|Saakashvili|Kobakhidze|Zourabichvili|Ivanishvili|Kavelashvili|Garibashvili)\b/;
/** Keys that are also the name of a US state. */
export const US_STATE_KEYS = set('georgia georgian georgians');
