/**
 * Every country's name as Japanese, Chinese and Korean news writes it:
 * CLDR's names (Intl.DisplayNames in ja, zh-Hans, zh-Hant, zh-Hant-HK and ko)
 * and world-countries' translations (jpn, kor, zho; common and official).
 * Build time only: the compiled index carries the names.
 *
 * Left out:
 * - names with brackets or dashes (CLDR's disambiguations such as 刚果（金）
 *   or 콩고-킨샤사): a name is read as one run of Han, kana or Hangul (Korean
 *   words spaced as the press spaces them);
 * - a name two countries share (도미니카: Dominica in CLDR, the Dominican
 *   Republic in the press);
 * - names that are also everyday words or other places in that language
 *   (COMMON_WORD_NAMES), which would be marked in text about something else.
 *
 * Katakana names need no list of longer words around them: the matcher never
 * reads one inside a longer katakana word (マリ in マリア, ギニア in
 * ニューギニア, チリ in チリソース); Korean names must begin a word and, when
 * short, end it or meet a particle (matcher.ts hangulBounded). Longer words
 * that begin with a country's name but are something else (the Indian Ocean)
 * are blocks, with the other not-mentions in cjk-forms.ts.
 */
import worldCountries from 'world-countries';

const LOCALES = ['ja', 'zh-Hans', 'zh-Hant', 'zh-Hant-HK', 'ko'] as const;
const TRANSLATIONS = ['jpn', 'kor', 'zho'] as const;

/**
 * Country names that are also common words: Korean 가나 (the syllabary order, 가나다), 말리 (말리다, to dry or to
 * stop), 수단 (means, 외교적 수단), 조선 (the Joseon dynasty, 조선일보), 조지아 and ジョージア (the US state, more
 * often in the news than the country, and a coffee brand); Japanese マリ (a given name).
 */
export const COMMON_WORD_NAMES: ReadonlySet<string> = new Set(['가나', '말리', '수단', '조선', '조지아', 'ジョージア', 'マリ']);

/** Words that begin with a country's name and are not it: the Indian Ocean, the Indo-Pacific, Maryland, the Sultan of Brunei. */
export const CJK_COUNTRY_NOT_MENTIONS: readonly string[] = [
  'インド洋', 'インド太平洋', '印度洋', '印度太平洋', '马里兰', '馬里蘭', '马里奥', '文莱苏丹', '汶萊蘇丹', '新几内亚',
];

/**
 * One unbroken run of Han, kana (with the long-vowel mark and the middle dot) or Hangul, two characters at
 * least; Korean, which spaces its words, may go on in further words of Hangul (보스니아 헤르체고비나).
 */
const NAME = /^(?:[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]{2,}|[\uac00-\ud7af]+(?: [\uac00-\ud7af]+)+)$/u;

/** A flag emoji's two regional indicators as an alpha-2 code ("🇯🇵" → "JP"). */
function alpha2OfFlag(flag: string): string | null {
  const letters = [...flag].map((ch) => (ch.codePointAt(0) ?? 0) - 0x1f1e6);
  if (letters.length !== 2 || letters.some((n) => n < 0 || n > 25)) return null;
  return String.fromCharCode(...letters.map((n) => n + 65));
}

/** world-countries names Kosovo UNK; the knowledge, XKX. */
const DATASET_ISO3: Readonly<Record<string, string>> = { XKX: 'UNK' };

/** ISO3 → the country's names in the three languages, each name given to one country only. */
export function cjkCountryNames(countries: readonly { iso3: string; flag: string }[]): Map<string, string[]> {
  const displayNames = LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  const dataset = new Map(worldCountries.map((w) => [w.cca3, w]));
  const owners = new Map<string, Set<string>>();
  const byCountry = new Map<string, Set<string>>();
  for (const c of countries) {
    const names = new Set<string>();
    const a2 = alpha2OfFlag(c.flag);
    if (a2) {
      for (const d of displayNames) {
        try {
          const n = d.of(a2);
          if (n) names.add(n);
        } catch {
          // Not a region code CLDR knows: nothing from it.
        }
      }
    }
    const w = dataset.get(DATASET_ISO3[c.iso3] ?? c.iso3);
    for (const t of TRANSLATIONS) {
      const tr = (w?.translations as Record<string, { common: string; official: string }> | undefined)?.[t];
      if (tr) names.add(tr.common).add(tr.official);
    }
    const kept = new Set([...names].filter((n) => NAME.test(n) && !COMMON_WORD_NAMES.has(n)));
    byCountry.set(c.iso3, kept);
    for (const n of kept) owners.set(n, (owners.get(n) ?? new Set()).add(c.iso3));
  }
  const out = new Map<string, string[]>();
  for (const [iso3, names] of byCountry) out.set(iso3, [...names].filter((n) => owners.get(n)!.size === 1));
  return out;
}
