/**
 * The matching engine against the bundled index, rule by rule: each test
 * names the rule it holds, and fails when that rule is taken out.
 */
import { describe, expect, test } from 'vitest';
import indexJson from '../../src/generated/match-index.json';
import { createPageMatcher, type MatchIndex, type Mention, type PageMatcher } from '../../src/matching';
import { STOPS } from '../../src/matching/matcher';
import { FUNCTION_WORDS, GOVERNMENT_VERBS, WordSet } from '../../src/matching/rules';
import { C, cls } from '../../src/matching/text';
import { collectBlocks } from '../../src/page/walk';
import { compileMatchIndex } from '../../src/knowledge/compile';
import type { Knowledge } from '../../src/knowledge/model';
import { work } from './helpers/work';

const index = indexJson as unknown as MatchIndex;

type Found = [text: string, entity: string, kind: Mention['kind']];

function find(text: string, m: PageMatcher = createPageMatcher(index)): Found[] {
  return m.matchBlock(text).map((x) => [text.slice(x.start, x.end), x.entity, x.kind]);
}

/** Blocks of one page, in order, with one matcher. */
function page(...blocks: string[]): Found[][] {
  const m = createPageMatcher(index);
  return blocks.map((b) => find(b, m));
}

const texts = (found: Found[]) => found.map(([t]) => t);


describe('names', () => {
  test('full names and other spellings link to the person', () => {
    expect(find('Chinese Foreign Minister Wang Yi met Michael Pompeo and Mike Pompeo.')).toEqual([
      ['Chinese', 'CHN', 'demonym'],
      ['Wang Yi', 'Wang Yi', 'person'],
      ['Michael Pompeo', 'Mike Pompeo', 'person'],
      ['Mike Pompeo', 'Mike Pompeo', 'person'],
    ]);
  });

  test('a surname that starts with an apostrophe (a glottal stop) is still part of the full name', () => {
    const found = find("Tonga's foreign minister Fekitamoeloa 'Utoikamanu said.").filter(([, , kind]) => kind === 'person');
    expect(found).toEqual([["Fekitamoeloa 'Utoikamanu", 'Fekitamoeloa ʻUtoikamanu', 'person']]);
  });

  test('with and without diacritics, whichever the data wrote', () => {
    expect(find('Recep Tayyip Erdoğan and Recep Tayyip Erdogan')).toEqual([
      ['Recep Tayyip Erdoğan', 'Recep Tayyip Erdoğan', 'person'],
      ['Recep Tayyip Erdogan', 'Recep Tayyip Erdoğan', 'person'],
    ]);
    // The data writes "Taro Kono" and "Tarō Kōno"; news also writes "Taro Kōno" and "TARŌ KŌNO".
    expect(texts(find('Taro Kōno met Yōko Kamikawa and Yoko Kamikawa; TARŌ KŌNO left.'))).toEqual(['Taro Kōno', 'Yōko Kamikawa', 'Yoko Kamikawa', 'TARŌ KŌNO']);
  });

  test('hyphen and space variants, and either case after a hyphen', () => {
    const found = find('Kang Kyung-wha, Kang Kyung Wha, Kang Kyung-Wha and Kim Jong-un met Kim Jong Un.');
    expect(found).toEqual([
      ['Kang Kyung-wha', 'Kang Kyung-wha', 'person'],
      ['Kang Kyung Wha', 'Kang Kyung-wha', 'person'],
      ['Kang Kyung-Wha', 'Kang Kyung-wha', 'person'],
      ['Kim Jong-un', 'Kim Jong Un', 'person'],
      ['Kim Jong Un', 'Kim Jong Un', 'person'],
    ]);
  });

  test('titles and honorifics stay outside the mention', () => {
    expect(page('Foreign Minister Wang Yi met Prime Minister Yoshihide Suga.', 'Mr. Suga and Mr Suga thanked him.')).toEqual([
      [['Wang Yi', 'Wang Yi', 'person'], ['Yoshihide Suga', 'Yoshihide Suga', 'person']],
      [['Suga', 'Yoshihide Suga', 'person'], ['Suga', 'Yoshihide Suga', 'person']],
    ]);
  });

  test('the names news uses for some leaders alone: "Lula", "Shehbaz", and "FM" as an office title', () => {
    expect(find('Lula lashes out as PM Shehbaz and Iran FM Araghchi meet.')).toEqual([
      ['Lula', 'Luiz Inácio Lula da Silva', 'person'],
      ['Shehbaz', 'Shehbaz Sharif', 'person'],
      ['Iran', 'IRN', 'country'],
      ['Araghchi', 'Abbas Araghchi', 'person'],
    ]);
  });

  test('an office title before a surname that only one tracked person has links it without the full name ("President Xi")', () => {
    expect(find('President Xi and Chancellor Merkel spoke.')).toEqual([
      ['Xi', 'Xi Jinping', 'person'],
      ['Merkel', 'Angela Merkel', 'person'],
    ]);
    // An honorific is not enough, and neither is a very common surname.
    expect(find('Mr. Lavrov spoke. Foreign Minister Wang spoke. Blinken spoke.')).toEqual([]);
  });

  test('possessives with straight and curly apostrophes: the mention is the name', () => {
    const [first, second] = page('Yoshihide Suga and Xi Jinping met.', "Suga's aides, Suga’s plan, Xi’s speech and China’s reply.");
    expect(first).toHaveLength(2);
    expect(second).toEqual([
      ['Suga', 'Yoshihide Suga', 'person'],
      ['Suga', 'Yoshihide Suga', 'person'],
      ['Xi', 'Xi Jinping', 'person'],
      ['China', 'CHN', 'country'],
    ]);
  });

  test('a title the data wrote into an alias stays outside the mention when the rest is a name of the person', () => {
    expect(find('Prince Faisal bin Farhan met Ayatollah Ali Khamenei and King Salman.')).toEqual([
      ['Faisal bin Farhan', 'Faisal bin Farhan Al Saud', 'person'],
      ['Ali Khamenei', 'Ali Khamenei', 'person'],
      ['King Salman', 'Salman of Saudi Arabia', 'person'],
    ]);
  });

  test('a surname of several words that is not a mention gives way to a full name inside it', () => {
    // "Prince Mohammed" (a surname) must not swallow "Mohammed bin Salman"; "Prince Faisal" must not swallow "Faisal bin Farhan".
    expect(find('Crown Prince Mohammed bin Salman and Foreign Minister Prince Faisal bin Farhan.').map(([t, e]) => `${t}=${e}`)).toEqual([
      'Mohammed bin Salman=Mohammed bin Salman', 'Faisal bin Farhan=Faisal bin Farhan Al Saud',
    ]);
  });

  test('a name split across inline elements of one block is one mention', () => {
    document.body.innerHTML = '<p>Prime Minister <b>Yoshihide</b> Suga met <a href="#">Wang</a><span> Yi</span>.</p>';
    const [block] = collectBlocks(document.body);
    expect(block!.nodes.length).toBeGreaterThan(3);
    expect(find(block!.text)).toEqual([
      ['Yoshihide Suga', 'Yoshihide Suga', 'person'],
      ['Wang Yi', 'Wang Yi', 'person'],
    ]);
  });
});

describe('a surname alone', () => {
  test('links only after the full name appeared earlier on the page', () => {
    expect(page('Lavrov said nothing.', 'Sergey Lavrov spoke.', 'Lavrov said more.')).toEqual([
      [],
      [['Sergey Lavrov', 'Sergey Lavrov', 'person']],
      [['Lavrov', 'Sergey Lavrov', 'person']],
    ]);
  });

  test('does not link when another person on the page has that surname', () => {
    const [, second, , fourth] = page('Wang Yi arrived.', 'Wang said yes.', 'Spokesman Wang Wenbin spoke.', 'Wang said no.');
    expect(second).toEqual([['Wang', 'Wang Yi', 'person']]);
    expect(fourth).toEqual([]);
  });

  test('common surnames ("Wang", "Kim", "Lee", "Li") never link without the full name, even after a title', () => {
    expect(find('Foreign Minister Wang, President Kim, President Lee and Premier Li met.')).toEqual([]);
  });

  test('is not linked when it is part of a longer name ("Wang Huning", "Kevin Morrison")', () => {
    const [, second] = page('Wang Yi and Scott Morrison met.', 'Wang Huning and Kevin Morrison watched; Morrison spoke.');
    expect(second).toEqual([['Morrison', 'Scott Morrison', 'person']]);
  });

  test('a shared surname written in someone else\'s name since the person was last named in full is theirs no more, until named again', () => {
    expect(page(
      'Kim Jong Un watched the launch; Kim said it went well.',
      'His sister Kim Yo Jong, a senior official, spoke later. Kim stated that talks were pointless.',
      'Kim Jong Un then spoke again. Kim added that the tests would go on.',
    )).toEqual([
      [['Kim Jong Un', 'Kim Jong Un', 'person'], ['Kim', 'Kim Jong Un', 'person']],
      [],
      [['Kim Jong Un', 'Kim Jong Un', 'person'], ['Kim', 'Kim Jong Un', 'person']],
    ]);
    // A surname only one tracked person has is not shadowed by a name or place that starts with it ("Trump Tower").
    expect(page('Donald Trump spoke.', 'Trump Tower was closed. Trump said so.')[1]).toEqual([['Trump', 'Donald Trump', 'person']]);
  });

  test('a surname that is also a month needs a title or honorific ("in May" is the month)', () => {
    const [, second] = page('Theresa May spoke.', 'In May, Mrs May and Prime Minister May met.');
    expect(second).toEqual([
      ['May', 'Theresa May', 'person'],
      ['May', 'Theresa May', 'person'],
    ]);
  });

  test('other spellings of the surname in the aliases count too ("Zelenskyy" after "Volodymyr Zelensky")', () => {
    const [, second] = page('Volodymyr Zelensky spoke.', 'Zelenskyy, Zelenskiy and Zelensky agreed.');
    expect(second).toEqual([
      ['Zelenskyy', 'Volodymyr Zelenskyy', 'person'],
      ['Zelenskiy', 'Volodymyr Zelenskyy', 'person'],
      ['Zelensky', 'Volodymyr Zelenskyy', 'person'],
    ]);
  });

  describe('written before the full name (a headline above the story)', () => {
    /** Blocks of one page with their handles; the late mentions each block's matching gave out, as [block, text, entity]. */
    function late(...blocks: string[]): { found: Found[][]; late: [number, string, string][] } {
      const m = createPageMatcher(index);
      const out: [number, string, string][] = [];
      const found = blocks.map((b, i) => {
        const f = m.matchBlock(b, i).map((x): Found => [b.slice(x.start, x.end), x.entity, x.kind]);
        for (const l of m.takeLate()) {
          const text = blocks[l.block as number]!.slice(l.mention.start, l.mention.end);
          expect(l.text).toBe(text);
          expect(l.mention).toMatchObject({ kind: 'person', how: 'surname' });
          out.push([l.block as number, text, l.mention.entity]);
        }
        return f;
      });
      return { found, late: out };
    }

    test('a headline surname is linked once the story names the person in full', () => {
      const r = late("Japan's Hayashi plans to visit Yoon", 'Foreign Minister Yoshimasa Hayashi will travel to Seoul to meet President Yoon Suk Yeol.');
      expect(r.found[0]).toEqual([['Japan', 'JPN', 'country']]);
      expect(r.late).toEqual([
        [0, 'Hayashi', 'Yoshimasa Hayashi'],
        [0, 'Yoon', 'Yoon Suk Yeol'],
      ]);
    });

    test('common surnames too, and a title-case headline\'s verb is no part of a name ("Biden Seeks")', () => {
      expect(late("Blinken Seeks Unity With Japan's Hayashi", 'Secretary of State Antony Blinken hosted Foreign Minister Yoshimasa Hayashi.').late).toEqual([
        [0, 'Blinken', 'Antony Blinken'],
        [0, 'Hayashi', 'Yoshimasa Hayashi'],
      ]);
      expect(late('Lavrov and Kim shake hands', 'Sergey Lavrov met Kim Jong Un.').late).toEqual([
        [0, 'Lavrov', 'Sergey Lavrov'],
        [0, 'Kim', 'Kim Jong Un'],
      ]);
      // In ordinary text a capitalised word after the surname still makes it part of a longer name.
      expect(late('Blinken Seeks unity with old allies', 'Antony Blinken spoke.').late).toEqual([]);
    });

    test('only in a headline-like block, one short sentence: in the story\'s text a surname before the full name is as likely someone else\'s', () => {
      expect(late('Foreign Minister Wang did not attend. Later Wang Yi met party officials.').late).toEqual([]);
      expect(late('Lavrov said on Monday that talks would go on, and more was expected of them in the week to come, he said', 'Sergey Lavrov spoke.').late).toEqual([
        [0, 'Lavrov', 'Sergey Lavrov'],
      ]);
    });

    test('only if the full name follows soon, and only for the person it names', () => {
      const filler = 'Officials met again and talked for hours about trade. '.repeat(60);
      expect(late('Lavrov in Seoul', filler, 'Sergey Lavrov spoke.').late).toEqual([]);
      expect(late('Lavrov in Seoul', 'Antony Blinken spoke.').late).toEqual([]);
      // A month-name surname needs its title before it.
      expect(late('May meets Lavrov', 'Theresa May met Sergey Lavrov.').late).toEqual([[0, 'Lavrov', 'Sergey Lavrov']]);
      expect(late('Prime Minister May meets Lavrov', 'Theresa May met Sergey Lavrov.').late).toEqual([
        [0, 'May', 'Theresa May'],
        [0, 'Lavrov', 'Sergey Lavrov'],
      ]);
    });

    test('without a handle for its block (or after reset) nothing is handed out late', () => {
      const m = createPageMatcher(index);
      m.matchBlock('Lavrov in Seoul');
      m.matchBlock('Sergey Lavrov spoke.', 1);
      expect(m.takeLate()).toEqual([]);
      m.matchBlock('Lavrov in Seoul', 0);
      m.reset();
      m.matchBlock('Sergey Lavrov spoke.', 1);
      expect(m.takeLate()).toEqual([]);
    });
  });

  test('reset() forgets who the page named', () => {
    const m = createPageMatcher(index);
    expect(find('Sergey Lavrov spoke. Lavrov left.', m)).toHaveLength(2);
    m.reset();
    expect(find('Lavrov left.', m)).toEqual([]);
  });
});

describe('a surname by evidence (no full name on the page)', () => {
  test('a leader the news names by surname alone links so: a G20 head of state or government, or a UN Secretary-General, whose surname is nobody else\'s', () => {
    expect(find('Putin said on Friday that Modi and Meloni would come.')).toEqual([
      ['Putin', 'Vladimir Putin', 'person'],
      ['Modi', 'Narendra Modi', 'person'],
      ['Meloni', 'Giorgia Meloni', 'person'],
    ]);
    // So does a leader of another state whom many of the knowledge's events are about.
    expect(texts(find('Zelenskyy and Kagame spoke.'))).toEqual(['Zelenskyy', 'Kagame']);
    // A foreign minister, or a leader of a state outside the G20 whom few events name, still needs the full name or a title.
    expect(find('Lavrov said on Friday that Hipkins would come.')).toEqual([]);
  });

  test('never a surname that is a common English word, one another tracked person shares, or part of a longer name', () => {
    expect(find('Moon rose. Guterres said so. Kevin Morrison and Trump Tower.')).toEqual([]);
    // "Xi\'an" is a city, not Xi.
    expect(find("Officials in Xi'an met.")).toEqual([]);
  });

  test('"<surname> administration", "government", "cabinet" links a distinctive surname', () => {
    expect(find('The Hipkins government and the Lavrov camp disagreed; the Wang government did not.')).toEqual([
      ['Hipkins', 'Chris Hipkins', 'person'],
      ['Lavrov', 'Sergey Lavrov', 'person'],
    ]);
    expect(find('The Hipkins family farm.')).toEqual([]);
  });

  test('in a Title Case headline, a capitalised noun after a surname is no part of a name once the story names the person', () => {
    const m = createPageMatcher(index);
    m.matchBlock('Hipkins Election Loss Sparks Review', 0);
    m.matchBlock('Chris Hipkins conceded.', 1);
    expect(m.takeLate().map((l) => [l.text, l.mention.entity])).toEqual([['Hipkins', 'Chris Hipkins']]);
    // A capitalised word that starts a known name is still read as part of a longer name ("Wang Yi"); a shared surname never links so.
    const m2 = createPageMatcher(index);
    m2.matchBlock('Wang Election Win Sparks Protests', 0);
    m2.matchBlock('Wang Yi spoke.', 1);
    expect(m2.takeLate()).toEqual([]);
  });
});

describe('countries, demonyms and capitals', () => {
  test('a capital after "from" or "to" is its government when what comes or goes is a government\'s ("pressure from Beijing")', () => {
    expect(texts(find('Amid pressure from Beijing and accusations from Washington, Tokyo protested to Seoul.'))).toEqual([
      'Beijing', 'Washington', 'Tokyo', 'Seoul',
    ]);
    expect(find('Flights from Beijing to Seoul resumed.')).toEqual([]);
  });

  test('a capital is its government as the object of "engage" or "support", and as a subject with a day before its verb', () => {
    expect(texts(find('They sought to engage Moscow at a conference supporting Kyiv. Washington on Friday said no, and the White House indicated so.'))).toEqual([
      'Moscow', 'Kyiv', 'Washington', 'White House',
    ]);
    // A day alone, with no verb after it, says nothing.
    expect(find('Talks in Washington on Friday ended.')).toEqual([]);
  });

  test('two capitals (or a capital and a country) joined by a hyphen or dash before "ties", "talks" … are governments', () => {
    expect(find('Beijing-Tokyo ties are "extremely important", and Seoul–Washington talks resumed.')).toEqual([
      ['Beijing', 'CHN', 'capital'],
      ['Tokyo', 'JPN', 'capital'],
      ['Seoul', 'KOR', 'capital'],
      ['Washington', 'USA', 'capital'],
    ]);
    expect(find('The Beijing-Tokyo flight and the Seoul–Busan train were late.')).toEqual([]);
  });

  test('"U.S." keeps its period, also at the end of a sentence', () => {
    const text = 'Allies of the U.S. Japan and the U.S. met; they trust the U.S.';
    const found = createPageMatcher(index).matchBlock(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['U.S.', 'Japan', 'U.S.', 'U.S.']);
    expect(found[3]!.end).toBe(text.length);
  });

  test('the names news uses for countries', () => {
    const found = find('The United States, America, the US, the UK, Britain, South Korea, North Korea, the DPRK, the UAE, Ivory Coast, Côte d’Ivoire, Türkiye, Burma, the Czech Republic, DR Congo and Eswatini.');
    expect(found.map(([t, e]) => `${t}=${e}`)).toEqual([
      'United States=USA', 'America=USA', 'US=USA', 'UK=GBR', 'Britain=GBR', 'South Korea=KOR', 'North Korea=PRK', 'DPRK=PRK', 'UAE=ARE', 'Ivory Coast=CIV',
      'Côte d’Ivoire=CIV', 'Türkiye=TUR', 'Burma=MMR', 'Czech Republic=CZE', 'DR Congo=COD', 'Eswatini=SWZ',
    ]);
  });

  test('demonyms are their own kind, plurals too', () => {
    expect(find('Chinese officials, Australians, South Koreans and a Briton.')).toEqual([
      ['Chinese', 'CHN', 'demonym'],
      ['Australians', 'AUS', 'demonym'],
      ['South Koreans', 'KOR', 'demonym'],
      ['Briton', 'GBR', 'demonym'],
    ]);
  });

  test('names shared by two countries ("Congo", "Dominican") link to neither', () => {
    expect(find('Congo and Dominican officials.')).toEqual([]);
  });

  test('a capital standing for its government is a capital mention', () => {
    expect(find('Beijing was irritated.')).toEqual([['Beijing', 'CHN', 'capital']]);
    expect(find("Tokyo's only ally, and Seoul’s answer.")).toEqual([
      ['Tokyo', 'JPN', 'capital'],
      ['Seoul', 'KOR', 'capital'],
    ]);
    expect(find('Relations between Washington and Beijing soured; Moscow has said little.')).toEqual([
      ['Washington', 'USA', 'capital'],
      ['Beijing', 'CHN', 'capital'],
      ['Moscow', 'RUS', 'capital'],
    ]);
    expect(find('Pyongyang told Tokyo it would launch; a Beijing-backed plan.')).toEqual([
      ['Pyongyang', 'PRK', 'capital'],
      ['Tokyo', 'JPN', 'capital'],
      ['Beijing', 'CHN', 'capital'],
    ]);
    expect(find('The Kremlin declined to comment and the White House said no.')).toEqual([
      ['Kremlin', 'RUS', 'capital'],
      ['White House', 'USA', 'capital'],
    ]);
  });

  test('a capital after "by"/"for", or before "spokesman"/"officials", is its government; "left for" goes to the place', () => {
    expect(find('A win for Beijing, long overshadowed by Washington. Kremlin spokesman Dmitry Peskov and White House officials spoke.')).toEqual([
      ['Beijing', 'CHN', 'capital'],
      ['Washington', 'USA', 'capital'],
      ['Kremlin', 'RUS', 'capital'],
      ['Dmitry Peskov', 'Dmitry Peskov', 'person'],
      ['White House', 'USA', 'capital'],
    ]);
    expect(find('He left for Beijing, a flight for Tokyo.')).toEqual([]);
  });

  test('a capital as a place is no mention', () => {
    expect(find('The summit was hosted in Tokyo. He visited Beijing, flew to Seoul, and met at the White House. A Beijing-based firm. BEIJING (Reuters) -')).toEqual([]);
    expect(find("In Tokyo's Shinjuku district, Tokyo streets were busy.")).toEqual([]);
  });

  test('"Brussels said" is the EU, not Belgium', () => {
    expect(find('Brussels said no; Belgium agreed.')).toEqual([['Belgium', 'BEL', 'country']]);
  });

  test('"Washington" the man, the state and the newspaper are not the US government', () => {
    expect(find('George Washington said so. Washington state has rules. The Washington Post reported.')).toEqual([]);
  });
});

describe('not mentions', () => {
  test('a country\'s name inside a place\'s or company\'s name: "Taiwan Strait", "Gulf of Oman", "Air China"', () => {
    expect(find('Ships crossed the Taiwan Strait and the Strait of Taiwan, then the Gulf of Oman and the Persian Gulf.')).toEqual([]);
    expect(find('Bank of China, Air China and Japan Airlines reported profits.')).toEqual([]);
    expect(find('The Japan Times, China Daily and the Korea Herald reported it.')).toEqual([]);
    expect(find('The Australian Financial Review, the Times of India and the Australian Broadcasting Corporation reported it.')).toEqual([]);
    // Not a feature without its capital, nor with a word that names none.
    expect(texts(find('Taiwan straits and China sea lanes; the Republic of Korea and the Kingdom of Saudi Arabia.'))).toEqual([
      'Taiwan', 'China', 'Republic of Korea', 'Kingdom of Saudi Arabia',
    ]);
  });

  test('the rest of a list of places after "in" are places too ("met in Mexico City, Guatemala City and Kuwait City")', () => {
    expect(find('Officials met in Mexico City, Panama City, Guatemala City and Kuwait City.')).toEqual([]);
    // Not once a clause lies between them, nor after a long run of other names.
    expect(find('Officials met in Lima on Monday, and Kuwait City and Guatemala City said they would come.')).toEqual([
      ['Kuwait City', 'KWT', 'capital'],
      ['Guatemala City', 'GTM', 'capital'],
    ]);
    expect(find('They met in Lima, and Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel Kilo Oscar Papa and Kuwait City said no.')).toEqual([
      ['Kuwait City', 'KWT', 'capital'],
    ]);
  });

  test('seas and other longer names that contain a country', () => {
    expect(find('The East China Sea, the South China Sea, New Mexico, the Indian Ocean, Latin America and Northern Ireland.')).toEqual([]);
  });

  test('longest match wins: Papua New Guinea is not Guinea, Israel Katz is not Israel, Chinese Taipei is Taiwan', () => {
    expect(find('Papua New Guinea, Guinea-Bissau, Equatorial Guinea, Israel Katz and Chinese Taipei.').map(([t, e]) => `${t}=${e}`)).toEqual([
      'Papua New Guinea=PNG', 'Guinea-Bissau=GNB', 'Equatorial Guinea=GNQ', 'Israel Katz=Israel Katz', 'Chinese Taipei=TWN',
    ]);
  });

  test('"Niger" inside "Nigeria" is a whole different word', () => {
    expect(find('Nigeria and Nigerian troops.')).toEqual([
      ['Nigeria', 'NGA', 'country'],
      ['Nigerian', 'NGA', 'demonym'],
    ]);
  });

  test('names are case-sensitive: "turkey" the bird, "china" plates', () => {
    expect(find('We ate turkey off china plates with polish.')).toEqual([]);
    expect(find('Turkey and China.')).toEqual([
      ['Turkey', 'TUR', 'country'],
      ['China', 'CHN', 'country'],
    ]);
  });

  test('an ambiguous country name inside a longer capitalised name is not the country', () => {
    expect(find('Michael Jordan met Chad Wolf at Georgia Tech; the Niger Delta; Lake Chad.')).toEqual([]);
    // A sentence-start word or a possessive beside it does not make a longer name.
    expect(find("Meanwhile Jordan said no. The King of Jordan agreed. Erdogan's Turkey.").map(([t]) => t)).toEqual(['Jordan', 'Jordan', 'Erdogan', 'Turkey']);
  });

  test('Georgia in a US-state context is not the country', () => {
    expect(find('He lives in Atlanta, Georgia.')).toEqual([]);
    expect(find("Georgia's governor said the Senate runoff would go ahead.")).toEqual([]);
    expect(find('Georgians voted in the Senate runoff in Atlanta.')).toEqual([]);
    expect(find('Georgia and Armenia held talks in Tbilisi.')).toEqual([
      ['Georgia', 'GEO', 'country'],
      ['Armenia', 'ARM', 'country'],
    ]);
  });
});

describe('ALL-CAPS text', () => {
  test('headlines in capitals still match', () => {
    expect(find("WANG YI MEETS YOSHIHIDE SUGA AS CHINA'S CHINESE ENVOY VISITS JAPAN")).toEqual([
      ['WANG YI', 'Wang Yi', 'person'],
      ['YOSHIHIDE SUGA', 'Yoshihide Suga', 'person'],
      ['CHINA', 'CHN', 'country'],
      ['CHINESE', 'CHN', 'demonym'],
      ['JAPAN', 'JPN', 'country'],
    ]);
  });

  test('"US" in capitals is "us" unless the context says the country', () => {
    expect(find('TELL US WHY')).toEqual([]);
    expect(find('US-CHINA TALKS; THE US AND JAPAN')).toEqual([
      ['US', 'USA', 'country'],
      ['CHINA', 'CHN', 'country'],
      ['US', 'USA', 'country'],
      ['JAPAN', 'JPN', 'country'],
    ]);
  });
});

describe('native-script names in text without spaces', () => {
  test('Chinese', () => {
    expect(find('中国外交部长王毅与国家主席习近平会见了日本首相菅义伟。')).toEqual([
      ['中国', 'CHN', 'country'],
      ['王毅', 'Wang Yi', 'person'],
      ['习近平', 'Xi Jinping', 'person'],
      ['日本', 'JPN', 'country'],
      ['菅义伟', 'Yoshihide Suga', 'person'],
    ]);
  });

  test('Japanese, and 日本海 is a sea', () => {
    expect(find('菅義偉首相は王毅外相と会談した。日本海で。')).toEqual([
      ['菅義偉', 'Yoshihide Suga', 'person'],
      ['王毅', 'Wang Yi', 'person'],
    ]);
  });

  test('Korean: a name before a particle, but not inside another word (박진감 is not 박진)', () => {
    expect(find('강경화 장관은 박진 장관과 만났다. 강경화는 미국과 협의했다. 경기는 박진감이 넘쳤다.')).toEqual([
      ['강경화', 'Kang Kyung-wha', 'person'],
      ['박진', 'Park Jin (politician)', 'person'],
      ['강경화', 'Kang Kyung-wha', 'person'],
      ['미국', 'USA', 'country'],
    ]);
  });
});

describe('robustness', () => {
  test('never throws, and returns sorted, non-overlapping mentions inside the text', () => {
    const m = createPageMatcher(index);
    const inputs = [
      '', ' ', '\ud800', 'U.', 'U.S', "'s", 'Wang-', '-Wang Yi-', 'A'.repeat(5000), '王'.repeat(1000), '강'.repeat(100), 'Wang\u0301 Yi',
      'Kang Kyung\u00a0Wha', 'U.\u00a0S.', null as unknown as string, 42 as unknown as string,
    ];
    let seed = 7;
    const alphabet = "Wang Yi Suga U.S. ’' -.,China Beijing said 王毅 강경화 \n\t\u0301é";
    for (let k = 0; k < 300; k++) {
      let s = '';
      for (let j = 0; j < 60; j++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        s += alphabet[seed % alphabet.length];
      }
      inputs.push(s);
    }
    for (const text of inputs) {
      const found = m.matchBlock(text);
      let prev = 0;
      for (const x of found) {
        expect(x.start).toBeGreaterThanOrEqual(prev);
        expect(x.end).toBeGreaterThan(x.start);
        expect(x.end).toBeLessThanOrEqual(text.length);
        prev = x.end;
      }
    }
  });

  test('the work per text does not grow with the number of aliases in the index (lookups, not a pass over the aliases)', () => {
    const k = (people: number): Knowledge => ({
      asOf: '2026-01-01',
      countries: [{ iso3: 'AAA', name: 'Aland', official: 'Aland', aliases: ['Aland'], demonyms: ['Alandish'], capital: 'Alb', governmentSeats: ['Alb'], flag: '', region: '', subregion: '', unMember: true, ambiguousNames: [] }],
      people: Array.from({ length: people }, (_, i) => ({
        wikipedia: `P${i}`, name: `Given${i} Family${i}`, surname: `Family${i}`, native: [], aliases: [`G${i}. Family${i}`], country: 'AAA', summary: 'A person made up for a unit test.', offices: [],
      })),
      organisations: [], events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [],
    });
    const small = compileMatchIndex(k(10));
    const large = compileMatchIndex(k(20_000));
    const text = 'The Minister said Given5 Family5 met Aland officials in Alb on Monday, and Family5 agreed. '.repeat(2000);
    // Once per index first: its tables are made on first use and shared by every page after (the bench's index load).
    const found = (index: MatchIndex) => createPageMatcher(index).matchBlock(text).length;
    expect(found(large)).toBe(found(small));
    expect(found(small)).toBeGreaterThanOrEqual(2000 * 3);
    const cost = (index: MatchIndex) => work(() => void createPageMatcher(index).matchBlock(text));
    const [w10, w20k] = [cost(small), cost(large)];
    console.log(`work: ${w10} with ${small.keys.split('\n').length} keys, ${w20k} with ${large.keys.split('\n').length}`);
    // The same text costs the same work with 2,000 times the aliases; a pass over the aliases per word would
    // multiply it by thousands, a binary search over them adds a few comparisons a word. (Time: npm run bench, growth with alias count.)
    expect(w10).toBeGreaterThan(text.length);
    expect(w20k / w10).toBeLessThan(1.2);
  });

  test('the work is linear in the text length', () => {
    const para = 'Chinese Foreign Minister Wang Yi said on Tuesday that Beijing would work with Tokyo and the U.S. The Meeting In Parliament ';
    const cost = (text: string) => work(() => void createPageMatcher(index).matchBlock(text));
    cost(para.repeat(200));
    const small = cost(para.repeat(400));
    const large = cost(para.repeat(3200));
    console.log(`work: ${small} for ${para.length * 400} characters, ${large} for ${para.length * 3200}`);
    // Eight times the text: about eight times the work; reading the text again per word (quadratic) would be 64.
    // (Time: npm run bench, growth with text length.)
    expect(large / small).toBeGreaterThan(6);
    expect(large / small).toBeLessThan(10);
  });
});

describe('where the scan stops', () => {
  test('names right after curly quotes, dashes and no-break spaces, and names with letters outside ASCII, are found', () => {
    const text =
      '\u201cPedro Sánchez\u201d met \u2018Lula da Silva\u2019\u2014Recep Tayyip Erdoğan\u2013and\u00a0Wang\u00a0Yi\u202fin\u2009Japan\u2026 ' +
      '«Mexico» ¿Jordan? ¡Spain! (Brazil)\u00b7France\u00a7Italy\u3001日本\u3002中国\uff08Mongolia\uff09 \u201cÁngela Merkel\u201d';
    expect(texts(find(text))).toEqual([
      'Pedro Sánchez', 'Lula da Silva', 'Recep Tayyip Erdoğan', 'Wang\u00a0Yi', 'Japan', 'Mexico', 'Jordan', 'Spain', 'Brazil', 'France', 'Italy',
      '日本', '中国', 'Mongolia', 'Ángela Merkel',
    ]);
  });

  test('the scan passes over only characters the class table calls neither letter, digit, mark, Han nor Hangul', () => {
    const skipped: number[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      STOPS.lastIndex = 0;
      if (!STOPS.test(String.fromCharCode(c))) skipped.push(c);
    }
    expect(skipped).toContain(0x201c);
    expect(skipped).toContain(0x2014);
    expect(skipped).toContain(0xa0);
    expect(skipped.filter((c) => cls(c) !== C.OTHER).map((c) => c.toString(16))).toEqual([]);
  });
});

describe('word lists of the context rules', () => {
  test('hold whole listed words only, across line breaks and runs of spaces, before and after being hashed', () => {
    const words = new WordSet(`
      said  says
      told then-`);
    const check = () => {
      for (const w of ['said', 'says', 'told', 'then-']) expect(words.has(w)).toBe(true);
      for (const w of ['', ' ', 'sa', 'aid', 'said says', 'then', 'Said', 'said ', '\n']) expect(words.has(w)).toBe(false);
    };
    // The first checks search the list as a string; past CHECKS_BEFORE_HASH (64) it is a Set.
    for (let k = 0; k < 10; k++) check();
    expect(FUNCTION_WORDS.has('meanwhile')).toBe(true);
    expect(GOVERNMENT_VERBS.has('said')).toBe(true);
    expect(GOVERNMENT_VERBS.has('sai')).toBe(false);
  });
});

describe('honorific aliases the data declares', () => {
  const person = (wikipedia: string, name: string, aliases: string[], surname: string) => ({
    wikipedia, name, surname, native: [], aliases, country: 'AAA', summary: 'A person made up for a unit test.', offices: [],
  });
  const k: Knowledge = {
    asOf: '2026-01-01',
    countries: [{ iso3: 'AAA', name: 'Aland', official: 'Aland', aliases: ['Aland'], demonyms: [], capital: 'Alb', governmentSeats: ['Alb'], flag: '', region: '', subregion: '', unMember: true, ambiguousNames: [] }],
    people: [person('Faisal bin Farhan Al Saud', 'Faisal bin Farhan', ['Prince Faisal'], 'Faisal bin Farhan'), person('Tamim bin Hamad Al Thani', 'Tamim bin Hamad Al Thani', ['Sheikh Tamim'], 'Tamim')],
    organisations: [], events: [], vacancies: [], exceptions: [], coverage: [], unconfirmed: [],
  };
  const m = () => createPageMatcher(compileMatchIndex(k));
  const texts = (s: string) => m().matchBlock(s).map((x) => `${s.slice(x.start, x.end)}=${x.entity}`);

  test('"Sheikh Tamim" and "Prince Faisal" alone name the person, as Gulf news writes them', () => {
    expect(texts('Sheikh Tamim met Prince Faisal in Alb.')).toEqual(['Sheikh Tamim=Tamim bin Hamad Al Thani', 'Prince Faisal=Faisal bin Farhan Al Saud']);
  });

  test('a title-led alias gives way to a full name starting inside it, so the title stays outside the mention', () => {
    expect(texts('Prince Faisal bin Farhan spoke.')).toEqual(['Faisal bin Farhan=Faisal bin Farhan Al Saud']);
  });
});

describe('invisible characters and full-width letters inside names', () => {
  const m = () => createPageMatcher(index);
  const found = (t: string) => m().matchBlock(t).map((x) => [t.slice(x.start, x.end), x.entity]);

  test('a soft hyphen, zero-width space, word joiner or BOM inside a name does not hide it', () => {
    expect(found('Vla\u00addimir Putin met Xi Jin\u200bping.')).toEqual([['Vla\u00addimir Putin', 'Vladimir Putin'], ['Xi Jin\u200bping', 'Xi Jinping']]);
    expect(found('Kim\u2060 Jong Un and Moon Jae\ufeff-in')).toEqual([['Kim\u2060 Jong Un', 'Kim Jong Un'], ['Moon Jae\ufeff-in', 'Moon Jae-in']]);
  });

  test('full-width Latin letters read as their ASCII forms', () => {
    expect(found('President Ｅｍｍａｎｕｅｌ Ｍａｃｒｏｎ said the ＵＳ and Ｊａｐａｎ agreed.')).toEqual([
      ['Ｅｍｍａｎｕｅｌ Ｍａｃｒｏｎ', 'Emmanuel Macron'], ['ＵＳ', 'USA'], ['Ｊａｐａｎ', 'JPN'],
    ]);
  });
});

describe('a capital that ends another name, or that something befalls, is the place', () => {
  const capitals = (t: string) => find(t).filter(([, , kind]) => kind === 'capital').map(([text]) => text);

  test('"the Treaty of Asunción", "the Port of Tokyo": no government', () => {
    expect(capitals('The Treaty of Asunción was signed in 1991.')).toEqual([]);
    expect(capitals('Ships waited outside the Port of Tokyo for days.')).toEqual([]);
    // The same capitals acting are their governments.
    expect(capitals('Asunción said it would sign. Tokyo said it would not.')).toEqual(['Asunción', 'Tokyo']);
  });

  test('"Noumea has suffered huge damage", "Kyiv was shaken by blasts": the city, not its government', () => {
    expect(capitals('Kyiv was shaken by blasts overnight, and Beirut suffered power cuts.')).toEqual([]);
    expect(capitals('Kyiv has said it will not cede land, and Beirut has asked for help.')).toEqual(['Kyiv', 'Beirut']);
  });
});

describe('foreign leaders as the Japanese, Chinese and Korean press write them', () => {
  const people = (t: string) => find(t).filter(([, , kind]) => kind === 'person').map(([text, entity]) => `${text}=${entity}`);

  test('katakana, Chinese characters and Hangul names link to the person', () => {
    expect(people('バイデン大統領はプーチン大統領と会談した。')).toEqual(['バイデン=Joe Biden', 'プーチン=Vladimir Putin']);
    expect(people('拜登与普京通电话')).toEqual(['拜登=Joe Biden', '普京=Vladimir Putin']);
    expect(people('바이든 대통령은 푸틴 대통령과 통화했다')).toEqual(['바이든=Joe Biden', '푸틴=Vladimir Putin']);
    expect(people('マルク・ルッテ事務総長')).toEqual(['マルク・ルッテ=Mark Rutte']);
  });

  test('a name inside an ordinary word is not the name: 四川普通话 is not Trump', () => {
    expect(people('他说四川普通话。')).toEqual([]);
    expect(people('川普表示')).toEqual(['川普=Donald Trump']);
  });
});
