/**
 * A person's name in their own script (王毅, 菅義偉, 강경화), beside the name the knowledge writes in
 * English. Labelled as the person's own script, never as the reader's language, and marked with the
 * language it is written in so that it is read and drawn right.
 */
import { CJK_COUNTRIES } from './format';
import { useLocale } from './i18n';


const CJK_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005・\s]+$/u;

/** The language a native-script name is written in, from its script and the person's country; '' when unknown. */
export function nativeLang(name: string, country: string | undefined): string {
  if (/\p{Script=Hangul}/u.test(name)) return 'ko';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name)) return 'ja';
  if (/\p{Script=Han}/u.test(name)) {
    if (country === 'JPN') return 'ja';
    if (country === 'KOR' || country === 'PRK') return 'ko';
    if (country === 'TWN') return 'zh-TW';
    if (country === 'HKG' || country === 'MAC') return 'zh-HK';
    return 'zh-CN';
  }
  return '';
}

/** A Japanese, Chinese or Korean person's own-script name, for the lists of a Japanese UI; null for anyone else. */
export function cjkNativeName(native: readonly string[] | undefined, country: string | undefined): string | null {
  if (!country || !CJK_COUNTRIES.has(country)) return null;
  return native?.find((n) => CJK_SCRIPT.test(n)) ?? null;
}

export function NativeName({ name, country }: { name: string; country: string | undefined }) {
  const { t } = useLocale();
  const label = t('popup_native_name');
  return (
    <span class="native" data-testid="native-name" title={label}>
      <span class="native-label">{label}: </span>
      <span lang={nativeLang(name, country)}>{name}</span>
    </span>
  );
}
