/**
 * A person's office in the reader's language: "Prime Minister of Japan", "former …", "later … (from …)".
 * In Japanese the title is built from the office's role and country ("日本首相", "アメリカ合衆国大統領");
 * an office the template does not cover keeps the knowledge's English title.
 */
import type { OfficeFacts } from '../../knowledge/lookup';
import type { OfficeRole } from '../../knowledge/schema';
import type { Translate } from '../../vocabulary';
import { countryName, formatDate, japaneseFacts } from './format';

export type RoleStatus = 'serving' | 'former' | 'future';

/** An office as the title template needs it: the roles when the knowledge gave them, the country as ISO alpha-3 or alpha-2. */
export interface TitleFacts {
  title: string;
  roles?: readonly OfficeRole[];
  country?: string;
}

/** The roles an office's English title names, for a line that came without them (a card's). */
export function rolesFromTitle(title: string): OfficeRole[] {
  const t = title.toLowerCase();
  if (/\b(vice|deputy|alternate|ambassador|co-|first secretary|general secretary|secretary[- ]general|crown prince)/.test(t)) return ['other'];
  if (/spokes|press secretary|chief cabinet secretary/.test(t)) return ['spokesperson'];
  if (/foreign|external affairs|secretary of state|relations with states/.test(t)) return ['foreign_minister'];
  if (/prime minister|premier|chancellor|taoiseach|head of government|president of the government/.test(t)) return ['head_of_government'];
  if (/^(interim |provisional |transitional )?president\b|\b(king|queen|emperor|emir|sultan|monarch|grand duke|prince|pope|supreme leader|governor-general)\b/.test(t)) return ['head_of_state'];
  return ['other'];
}

/** The Japanese word for an office, and whether it reads with the country before it. */
function japaneseRole(title: string, roles: readonly OfficeRole[], iso: string): { word: string; withCountry: boolean } | null {
  const t = title.toLowerCase();
  const usa = iso === 'USA' || iso === 'US';
  if (roles.includes('head_of_state')) {
    if (/^(interim |provisional |transitional )?president\b/.test(t)) {
      if (iso === 'CHN' || iso === 'CN') return { word: '国家主席', withCountry: true };
      if (iso === 'TWN' || iso === 'TW') return { word: '総統', withCountry: true };
      return { word: '大統領', withCountry: true };
    }
    if (/^emperor of japan/.test(t)) return { word: '天皇', withCountry: false };
    if (/^pope\b/.test(t)) return { word: 'ローマ教皇', withCountry: false };
    if (/^king\b/.test(t)) return { word: '国王', withCountry: true };
    if (/^queen\b/.test(t)) return { word: '女王', withCountry: true };
    if (/^supreme leader\b/.test(t)) return { word: '最高指導者', withCountry: true };
    if (roles.includes('head_of_government')) return { word: '首相', withCountry: true };
    return { word: '国家元首', withCountry: true };
  }
  if (roles.includes('head_of_government')) return { word: '首相', withCountry: true };
  if (roles.includes('foreign_minister')) return { word: usa ? '国務長官' : '外相', withCountry: true };
  if (roles.includes('spokesperson')) {
    if (/chief cabinet secretary/.test(t)) return { word: '官房長官', withCountry: false };
    if (/department of state/.test(t)) return { word: '国務省報道官', withCountry: true };
    if (/foreign/.test(t)) return { word: '外務省報道官', withCountry: true };
    return { word: '報道官', withCountry: true };
  }
  return null;
}

/** An office's title in the reader's language: in Japanese "{country}{role}", else (and for offices outside the template) the knowledge's own. */
export function officeTitle(language: string, office: TitleFacts): string {
  if (!japaneseFacts(language) || !office.country) return office.title;
  const roles = office.roles && office.roles.length > 0 ? office.roles : rolesFromTitle(office.title);
  const role = japaneseRole(office.title, roles, office.country);
  if (!role) return office.title;
  if (!role.withCountry) return role.word;
  const country = countryName(language, office.country, '');
  return country ? `${country}${role.word}` : office.title;
}

export function roleText(t: Translate, language: string, status: RoleStatus, office: OfficeFacts | (TitleFacts & { start: string })): string {
  const title = officeTitle(language, office);
  if (status === 'serving') return title;
  if (status === 'former') return t('popup_role_former', title);
  return t('popup_role_future', title, formatDate(office.start, language));
}
