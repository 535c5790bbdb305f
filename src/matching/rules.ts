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
  protested complained appealed apologised apologized objected assurance assurances guarantee guarantees feedback reply replies
  nod support aid loan loans letter letters note notes overture overtures concession concessions wrote write writes written appeal
  appeals pledge pledges commitment commitments delegation delegations envoy envoys ambassador ambassadors`);

/** Irregular past forms of verbs whose subject a capital may be, as its government: "Dhaka wrote to New Delhi". */
export const PAST_VERBS = set('wrote spoke held kept met began sought brought sold paid put set let got won lost built led felt thought went came struck drew threw');

/** After a verb in the past, a capital is its government ("joined Washington") unless the verb is done to a place: these. */
export const PLACE_OBJECT_VERBS = set(`
  attacked shelled bombed bombarded targeted captured seized besieged encircled surrounded entered evacuated liberated occupied
  invaded raided stormed flooded rocked named renamed designated recognised recognized declared selected picked reached
  toured visited returned landed arrived based hosted located situated founded moved relocated centred centered headquartered
  destroyed damaged blanketed smothered paralysed paralyzed gridlocked cleaned painted photographed mapped described rebuilt renovated`);

/** What a capital's owner is when these follow its possessive: "Moscow's streets", "Kyiv's mayor" are the city's. */
export const PLACE_POSSESSED = set(`
  streets street residents resident mayor mayors airport airports skyline suburbs suburb outskirts centre center downtown district
  districts neighbourhood neighborhood neighbourhoods neighborhoods metro subway traffic population inhabitants citizens air smog
  hospitals schools universities university squares square markets restaurants buildings landmarks parks river port harbour harbor
  stadium museums museum zoo subways roads bridges police nightlife weather old`);

/** Determiners and pronouns that follow a verb rather than a plural noun: "trusts the", "wants a". */
export const DETERMINERS = set('the a an that it its their his her this these those no any');

/** Nouns before "of" that make the capital after it the actor: "criticism of Beijing", "allies of Washington". */
export const GOVERNMENT_OF = set(`
  criticism critic critics ally allies rival rivals partner partners position stance view views policy policies demands approval
  consent rebuke ire wrath support backing intentions behaviour behavior recognition envoy envoys officials representatives
  representative request response decision refusal blessing expense wishes objections displeasure`);

/** Nouns before "on" (or "over") that make the capital after it a government: "pressure on Beijing", "sanctions on Moscow". */
export const GOVERNMENT_ON = set(`
  pressure pressures sanctions tariffs curbs restrictions demands calls reliance dependence influence leverage stance position
  policy embargo ban bans squeeze crackdown concessions limits duties levies hold grip`);

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
export const FEATURE_AFTER = set('strait straits sea gulf bay ocean peninsula airlines airways times daily herald post financial broadcasting news press');
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

/** Nouns after a leader's surname that name their government or time in office: "the Biden administration", "the Sunak government". */
export const PERSON_GOVERNMENT_NOUNS = set('administration administrations government governments cabinet presidency premiership chancellorship regime era camp campaign');

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
  // A nationality: 미국인, 중국인 (the country, as Korean pages are labelled).
  '인',
];

/** US-state cues for "Georgia": the state, not the country, unless a cue for the country is there too. */
export const US_STATE_CUES =
  /\b(?:Atlanta|Savannah|Macon|Augusta|Gwinnett|Fulton County|Cobb County|DeKalb|Peach State|Kemp|Raffensperger|Abrams|Ossoff|Warnock|Loeffler|Perdue|Republicans?|Democrats?|GOP|[Gg]overnor|Gov\.|[Ss]enate|runoff|county|counties|electoral votes|state legislature|US state|U\.S\. state|Ga\.)/;
export const GEORGIA_COUNTRY_CUES =
  /\b(?:Tbilisi|Caucasus|Ossetia|Abkhazia|Batumi|Georgian Dream|Kremlin|Moscow|Russia|Russian|Armenia|Azerbaijan|Ukraine|NATO|European Union|EU|Black Sea|Saakashvili|Kobakhidze|Zourabichvili|Ivanishvili|Kavelashvili|Garibashvili)\b/;
/** Keys that are also the name of a US state. */
export const US_STATE_KEYS = set('georgia georgian georgians');

/*
 * Han and Hangul text (the matcher's native run). Kept here rather than in the index: they are small, and every
 * page's part of the index (sub-index.ts) then has them whatever words it holds.
 */

/** Titles after a surname that name a head of state's or government's office (岸田首相, 習主席, 윤 대통령). */
export const CJK_LEADER_TITLES: readonly string[] = [
  '首相', '総理', '総理大臣', '大統領', '主席', '国家主席', '國家主席', '总理', '總理', '总统', '總統', '대통령', '총리', '주석', '총통', '국무위원장', '위원장', '総書記', '总书记', '總書記', '총비서',
];

/** Titles after a surname that name a foreign minister's office (茂木外相, 王外长, 박 장관). */
export const CJK_FM_TITLES: readonly string[] = [
  '外相', '外務大臣', '大臣', '外長', '外长', '外交部長', '外交部长', '国務委員', '國務委員', '国务委员', '장관', '외교부 장관', '외교부장관', '외무상', '외교부장', '부장',
];

/**
 * Titles of those lists that other offices share (장관 any minister, 大臣, 부장 a department head, 위원장 any
 * chairman): the surname links only to one of the fitting people the page named in full, as after an honorific.
 */
export const CJK_GENERIC_TITLES: ReadonlySet<string> = new Set(['장관', '大臣', '부장', '위원장']);

/** Honorifics after a surname that say nothing of the office (岸田氏, 윤 씨): the surname links only to someone the page named in full. */
export const CJK_HONORIFICS: readonly string[] = ['氏', '씨', '님'];

/**
 * One-character short forms of country names in compounds of two or three countries (日米首脳会談, 中美关系):
 * Japanese pages (with kana) and Chinese pages (without), by ISO3. 台 stands for Taiwan only if the knowledge
 * has Taiwan as a country (the matcher checks the index).
 */
export const HAN_SHORT_JA: ReadonlyMap<string, string> = new Map([
  ['日', 'JPN'], ['米', 'USA'], ['中', 'CHN'], ['韓', 'KOR'], ['朝', 'PRK'], ['露', 'RUS'], ['英', 'GBR'], ['仏', 'FRA'], ['独', 'DEU'],
  ['豪', 'AUS'], ['印', 'IND'], ['台', 'TWN'], ['ロ', 'RUS'],
]);
export const HAN_SHORT_ZH: ReadonlyMap<string, string> = new Map([
  ['中', 'CHN'], ['美', 'USA'], ['日', 'JPN'], ['韩', 'KOR'], ['韓', 'KOR'], ['朝', 'PRK'], ['俄', 'RUS'], ['英', 'GBR'], ['法', 'FRA'],
  ['德', 'DEU'], ['澳', 'AUS'], ['印', 'IND'], ['台', 'TWN'], ['乌', 'UKR'], ['烏', 'UKR'], ['港', 'HKG'], ['新', 'SGP'],
  // An all-Han Japanese headline has no kana to tell it from Chinese: 米 is the United States in both.
  ['米', 'USA'],
]);

/** What passes between the countries of a compound, written right after it (日中関係, 中美关系, 日米首脳会談). */
export const HAN_RELATION_WORDS: readonly string[] = [
  '関係', '首脳', '会談', '外相', '両国', '間', '対立', '摩擦', '協議', '同盟', '貿易', '合意', '共同', '対話', '交渉', '協力', '友好', '国交',
  '戦争', '安保', '経済', '防衛', '連携', '国防', '領袖', '関税',
  '关系', '關係', '峰会', '峰會', '会谈', '會談', '会晤', '會晤', '两国', '兩國', '之间', '之間', '间', '贸易', '對話', '对话', '合作', '外长', '外長',
  '元首', '领导人', '領導人', '建交', '戰爭', '战争', '冲突', '衝突', '关税', '關稅', '经贸', '經貿', '双边', '雙邊', '领袖', '首脑',
  '局势', '局勢', '紧张', '緊張', '竞争', '競争', '競爭', '对抗', '對抗', '交流', '往来', '往來', '互动', '互動', '高层', '高層', '会议', '會議', '会議',
  '双方', '雙方', '军事', '軍事', '经济', '經濟', '联合', '聯合', '演習', '演习', '訓練', '训练', '戦略', '战略', '戰略', '首腦', '三国', '三國', '3国', '3カ国', '3か国',
];

/**
 * After a single short form, an office or side of that country's (米大統領, 日相, 中方, 美媒, 米軍). 相 only after
 * 日 and 英 (法相 is Japan's justice minister); 方 not before 面 (方面 "direction").
 */
export const HAN_SHORT_TITLES: readonly string[] = [
  '大統領', '首相', '外相', '総理', '総統', '国防相', '国務長官', '政府', '軍', '側', '当局', '大使', '議会', '主導', '主导',
  '总统', '總統', '总理', '總理', '外长', '外長', '国务卿', '國務卿', '军', '媒', '方', '當局', '相',
];
/** The short forms 相 may follow (日相 "Japan's prime minister"). */
export const HAN_SHORT_BEFORE_XIANG = '日英';
/** Short forms read only alone before an office or side (港媒: 港澳 is Hong Kong and Macau), or only in a compound (中新两国: 新政府 is "a new government"). */
export const HAN_SHORT_ALONE_ONLY = '港';
export const HAN_SHORT_COMPOUND_ONLY = '新';
/** Japanese short forms that may stand before a foreign name in katakana or Latin letters (米ホワイトハウス, 英BBC). */
export const HAN_SHORT_BEFORE_NAMES = '米英仏独露韓豪';

/**
 * A character before a short form that makes the two one word, so no compound starts there: 今日中 (within today),
 * 昨日, 来日, 出台中美… (出台 "bring out"), 上台, 其中. The run is then read again from the next character.
 */
export const HAN_SHORT_NOT_AFTER: ReadonlyMap<string, string> = new Map([
  ['日', '今昨毎每本前翌同当當連终終先後后平休祝期抗反親亲在滞離离知対对駐驻半元縦'],
  ['中', '其心空途集最年市国國家宮宫胸意眼手水山街城当當之暗选選命正考打看射击擊熱热居网網'],
  ['台', '出平舞上下電电講讲登站阳陽灶櫃柜後后前擂炮砲'],
  ['港', '香口海空军軍商渔漁入出离離到抵返回寻尋良避岸船深'],
  ['新', '更创創革最重全翻刷维維清崭嶄一日出推守求温溫从從焕煥日'],
  ['美', '欧歐優优完甜健審审赞讚'],
  ['英', '精群'],
  ['法', '方宪憲司立合非违違执執办辦说說想做看语語手'],
  ['朝', '王清唐明今翌早毎每本前'],
  ['印', '影打刻封烙'],
  ['德', '道品美公'],
]);

/**
 * A visit to a country, or (Japanese) a policy toward it, written with its short form (訪米, 访美, 来日, 来韓,
 * 対中): the character before it. Not Chinese 对: 对美好生活, 对日益增长.
 */
export const HAN_VISIT_JA = '訪来対';
export const HAN_VISIT_ZH = '访訪';
/** After a visit word, 中 is not China before these: 対中東 "toward the Middle East", 訪中南米. */
export const HAN_ZHONG_NOT_BEFORE = '東东南央心部間间小型堅坚級级旬期';
/** Before 訪, 访, 来 or 対, these make another word (来訪中 "visiting", 采访 "interview", 以来, 将来, 反対): no visit there. */
export const HAN_VISIT_NOT_AFTER: ReadonlyMap<string, string> = new Map([
  ['訪', '来來歴歷探往再巡'],
  ['访', '来來歴歷探往再巡采採走拜回互查暗寻尋造'],
  ['来', '以将將本未従從元出由到夜近古伝傳外生爾尔年月从原素往再'],
  ['対', '反絶相応'],
]);

/** Hangul one-syllable short forms in compounds (한미, 미중, 한미일, 북미). */
export const HANGUL_SHORT: ReadonlyMap<string, string> = new Map([
  ['한', 'KOR'], ['남', 'KOR'], ['미', 'USA'], ['중', 'CHN'], ['일', 'JPN'], ['북', 'PRK'], ['러', 'RUS'],
]);

/** Words after a Hangul compound (directly or after a space) for what passes between the countries. */
export const HANGUL_RELATION_WORDS: readonly string[] = [
  '관계', '정상', '동맹', '회담', '외교', '무역', '갈등', '협력', '공조', '훈련', '연합', '대화', '협상', '외무', '외교장관', '국방', '경제', '안보', '협의',
  '전쟁', '간', '사이', '수교', '양국', '3국', '삼국', '3자', '회의', '연대', '밀착', '군사', '양측', '정상회담', '정상회의',
];

/** A one-syllable short form standing alone before another word (미 해군, 북 미사일), or 미군 "US forces". */
export const HANGUL_SHORT_ALONE = '미북러';

/**
 * Hangul compounds that are also ordinary words or other places (북미 North America, 중미 Central America,
 * 미러 "mirror", 중한 "grave", 일한 "worked", 남북 north–south, 일중 …): linked only before a relation word.
 */
export const HANGUL_COMPOUND_NEEDS_RELATION: ReadonlySet<string> = new Set(['북미', '중미', '미러', '중한', '일한', '일중', '중일', '남북', '남미', '일북', '한북', '러일', '일러', '미일러', '한일러']);
/** 남 (South Korea) only first in a compound (남북미): 미남 is "a handsome man", 중남미 Latin America. */
export const HANGUL_SHORT_FIRST_ONLY = '남';

/** A visit to a country in Korean: 방미, 방중, 방일, 방한. */
export const HANGUL_VISIT = '방';
/** What may follow a Korean visit word (방미 중, 방한 기간): besides punctuation and the particles of HANGUL_FOLLOWERS. */
export const HANGUL_VISIT_AFTER: readonly string[] = ['중', '중인', '중이던', '중이다', '중에', '길', '일정', '기간', '때', '당시', '계획', '후', '이후', '직후', '전', '을', '를', '은', '는', '의', '에', '이', '하', '한', '했', '할'];

/**
 * What an official name adds after a country's name (吐瓦魯國, 帛琉共和國, 史瓦帝尼王國, 남아프리카공화국,
 * 南アフリカ共和国): the mention takes it in, as it would the whole official name had the index held it.
 * Longest first.
 */
export const CJK_OFFICIAL_SUFFIXES: readonly string[] = [
  '民主共和国', '民主共和國', '合众国', '合眾國', '大公国', '大公國', '共和国', '共和國', '王国', '王國', '联邦', '聯邦', '連邦', '公国', '公國',
  '공화국', '왕국', '연방',
];
/** A lone 国/國 after a Chinese country name is its official form (吐瓦魯國) only before one of these, or before no Han at all. */
export const CJK_LONE_GUO_BEFORE = '与與和及的在是为為于於对對';

/**
 * Japanese particles after which a compound of two short forms is read without a relation word (常任理事国の米英仏と
 * 中ロが対立, 中ロの反対); a compound of three needs neither. Not the pairs that are words: 日中 "daytime",
 * 中日 (a newspaper, a baseball team), 中米 "Central America", 台中 (Taichung), 日朝 (この日朝には "on the morning of
 * that day"), 朝日 "the morning sun" (and a newspaper).
 */
export const HAN_JA_PARTICLES = 'がとはのをにもへでや';
export const HAN_PAIRS_THAT_ARE_WORDS: readonly string[] = ['日中', '中日', '中米', '台中', '日朝', '朝日'];

/**
 * A continent or a group written as one character after a country's short form (中非关系 China–Africa, 中欧合作,
 * 中拉论坛 Latin America, 中阿 the Arab states, 日欧, 米欧): before a relation word the country is read, the other
 * side is no country. Japanese takes only 欧.
 */
export const HAN_REGION_SHORT_ZH = '非欧歐拉阿';
export const HAN_REGION_SHORT_JA = '欧';
