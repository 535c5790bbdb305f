/** Dates, ranges and source links as the popup writes them, in the reader's language. Pure. */
import type { DateSource } from '../../vocabulary';
import type { MessageKey } from '../../vocabulary';

export { formatDate, formatRange } from '../dates';

/** The site a source link points to, for a short label: "reuters.com". */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Only web links are followed from the popup; anything else is shown as text. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export const DATE_SOURCE_KEY: Record<DateSource, MessageKey> = {
  meta: 'popup_date_source_meta',
  'json-ld': 'popup_date_source_json_ld',
  time: 'popup_date_source_time',
  url: 'popup_date_source_url',
  today: 'popup_date_source_today',
};

/** Today in the reader's time zone, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * ISO 3166-1 alpha-3 → alpha-2, as the world-countries dataset has them (Kosovo: XKX → XK), packed
 * as "AFGAF": the dataset itself is too big for the popup. A unit test holds it to the dataset.
 */
const ALPHA2_PAIRS = [
  'ABWAW AFGAF AGOAO AIAAI ALAAX ALBAL ANDAD AREAE ARGAR ARMAM ASMAS ATAAQ ATFTF ATGAG AUSAU AUTAT',
  'AZEAZ BDIBI BELBE BENBJ BESBQ BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLMBL BLRBY BLZBZ BMUBM BOLBO',
  'BRABR BRBBB BRNBN BTNBT BVTBV BWABW CAFCF CANCA CCKCC CHECH CHLCL CHNCN CIVCI CMRCM CODCD COGCG',
  'COKCK COLCO COMKM CPVCV CRICR CUBCU CUWCW CXRCX CYMKY CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK DOMDO',
  'DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE ETHET FINFI FJIFJ FLKFK FRAFR FROFO FSMFM GABGA GBRGB',
  'GEOGE GGYGG GHAGH GIBGI GINGN GLPGP GMBGM GNBGW GNQGQ GRCGR GRDGD GRLGL GTMGT GUFGF GUMGU GUYGY',
  'HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IMNIM INDIN IOTIO IRLIE IRNIR IRQIQ ISLIS ISRIL ITAIT',
  'JAMJM JEYJE JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB LBRLR LBYLY',
  'LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MACMO MAFMF MARMA MCOMC MDAMD MDGMG MDVMV MEXMX MHLMH',
  'MKDMK MLIML MLTMT MMRMM MNEME MNGMN MNPMP MOZMZ MRTMR MSRMS MTQMQ MUSMU MWIMW MYSMY MYTYT NAMNA',
  'NCLNC NERNE NFKNF NGANG NICNI NIUNU NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PCNPN PERPE',
  'PHLPH PLWPW PNGPG POLPL PRIPR PRKKP PRTPT PRYPY PSEPS PYFPF QATQA REURE ROURO RUSRU RWARW SAUSA',
  'SDNSD SENSN SGPSG SGSGS SHNSH SJMSJ SLBSB SLESL SLVSV SMRSM SOMSO SPMPM SRBRS SSDSS STPST SURSR',
  'SVKSK SVNSI SWESE SWZSZ SXMSX SYCSC SYRSY TCATC TCDTD TGOTG THATH TJKTJ TKLTK TKMTM TLSTL TONTO',
  'TTOTT TUNTN TURTR TUVTV TWNTW TZATZ UGAUG UKRUA UMIUM URYUY USAUS UZBUZ VATVA VCTVC VENVE VGBVG',
  'VIRVI VNMVN VUTVU WLFWF WSMWS XKXXK YEMYE ZAFZA ZMBZM ZWEZW',
];

/** Built on first use: the content script carries this module for the card, and most pages never ask. */
let alpha2Map: ReadonlyMap<string, string> | null = null;

/** A country's alpha-2 code, for Intl.DisplayNames; null for a code not in the dataset. */
export function alpha2(iso3: string): string | null {
  alpha2Map ??= new Map(ALPHA2_PAIRS.join(' ').split(' ').map((pair) => [pair.slice(0, 3), pair.slice(3)] as const));
  return alpha2Map.get(iso3) ?? null;
}

/** The alpha-2 code behind a flag emoji (two regional indicator letters), or null. */
export function flagAlpha2(flag: string): string | null {
  const letters = [...flag].map((ch) => ch.codePointAt(0)! - 0x1f1e6);
  if (letters.length !== 2 || letters.some((n) => n < 0 || n > 25)) return null;
  return String.fromCharCode(...letters.map((n) => n + 65));
}

/** Countries whose people are written in Chinese characters, kana or Hangul: their own script is one of these. */
export const CJK_COUNTRIES: ReadonlySet<string> = new Set(['JPN', 'CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK']);

/** Whether the popup's facts are given in Japanese (country names, office titles) rather than as the English knowledge has them. */
export function japaneseFacts(language: string): boolean {
  return /^ja(-|$)/i.test(language);
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/**
 * A country's name in the reader's language from CLDR (Intl.DisplayNames) when the UI is Japanese;
 * the knowledge's English name otherwise, and whenever CLDR has none.
 */
export function countryName(language: string, code: string, english: string): string {
  if (!japaneseFacts(language)) return english;
  const two = /^[A-Z]{2}$/.test(code) ? code : alpha2(code);
  if (!two) return english;
  let names = regionNames.get('ja');
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['ja'], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    regionNames.set('ja', names);
  }
  try {
    return names?.of(two) ?? english;
  } catch {
    return english;
  }
}
