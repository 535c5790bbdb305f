/** The popup's translator and language, handed down the tree. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../../vocabulary';

export interface Locale {
  t: Translate;
  language: string;
}

export const LocaleContext = createContext<Locale>({ t: (key) => key, language: 'en' });

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
