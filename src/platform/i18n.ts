/**
 * UI strings from _locales through browser.i18n, typed by the English file so
 * a misspelt key fails the type check. `translatorFrom` renders a messages
 * file the way the browser does, for tests and for the CLI.
 */
// The browser's own API rather than webextension-polyfill: the content script uses these, and the polyfill's set-up is too slow for every page load.
import { browser } from 'wxt/browser';
import type { MessageEntry, MessageKey, MessagesFile, Translate } from '../vocabulary';

export type { MessageEntry, MessageKey, MessagesFile, Translate };

/** What the browser does with a message: named placeholders to their content, then $1…$9 to the substitutions, $$ to $. */
export function renderMessage(entry: MessageEntry, subs: readonly string[]): string {
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const expand = (text: string) => text.replace(/\$\$|\$([1-9])/g, (m: string, n: string | undefined) => (n ? subs[Number(n) - 1] ?? '' : '$'));
  return entry.message.replace(/\$\$|\$([a-z0-9_@]+)\$|\$([1-9])/gi, (m: string, name: string | undefined, n: string | undefined) => {
    if (name !== undefined) return expand(named.get(name.toLowerCase()) ?? '');
    if (n !== undefined) return subs[Number(n) - 1] ?? '';
    return '$';
  });
}

export function translatorFrom(messages: MessagesFile, fallback?: MessagesFile): Translate {
  return (key, ...subs) => {
    const entry = messages[key] ?? fallback?.[key];
    return entry ? renderMessage(entry, subs.map(String)) : key;
  };
}

/** The browser's translation; the key itself if a string is missing, so a gap shows instead of a blank. */
export const t: Translate = (key, ...subs) => {
  try {
    return browser.i18n.getMessage(key, subs.map(String)) || key;
  } catch {
    return key;
  }
};

/**
 * The browser's message for a key only known at run time (the card's keys); ''
 * when missing or unreadable, as the browser itself answers a missing key.
 */
export function lookupMessage(key: string, subs: string[]): string {
  try {
    // WXT types getMessage by the English file's keys; a key outside it just reads as missing.
    return browser.i18n.getMessage(key as MessageKey, subs) || '';
  } catch {
    return '';
  }
}

/** The browser's UI language ("en-US", "ja"), for dates and numbers. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
