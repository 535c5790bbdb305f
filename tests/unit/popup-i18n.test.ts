import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderMessage, translatorFrom, type MessagesFile } from '../../src/platform/i18n';

const load = (lang: string) => JSON.parse(readFileSync(`assets/public/_locales/${lang}/messages.json`, 'utf8')) as MessagesFile;
const en = load('en');
const ja = load('ja');

/** The $NAME$ placeholders a message uses, sorted and lower-cased. */
const used = (message: string) => [...message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => m[1]!.toLowerCase()).sort();

describe('locales', () => {
  test('Japanese has every English string, with the same placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      expect(used(ja[key]!.message), key).toEqual(used(entry.message));
    }
  });

  test('the files follow the browser\'s rules: key names, declared placeholders, no empty message', () => {
    for (const file of [en, ja]) {
      for (const [key, entry] of Object.entries(file)) {
        expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(entry.message.trim(), key).not.toBe('');
        const declared = Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase());
        for (const p of used(entry.message)) expect(declared, `${key} uses $${p}$`).toContain(p);
      }
    }
  });

  test('the popup\'s strings are translated, not copied', () => {
    const popupKeys = Object.keys(en).filter((k) => k.startsWith('popup_'));
    expect(popupKeys.length).toBeGreaterThan(30);
    const same = popupKeys.filter((k) => ja[k]!.message === en[k]!.message && !/^\$[A-Z]+\$[^a-z]*\$[A-Z]+\$$/.test(en[k]!.message));
    expect(same).toEqual([]);
  });
});

describe('renderMessage', () => {
  test('named placeholders, positional substitutions and $$', () => {
    const entry = { message: 'Show $COUNT$ more ($$) of $1', placeholders: { count: { content: '$1' } } };
    expect(renderMessage(entry, ['3'])).toBe('Show 3 more ($) of 3');
    expect(renderMessage({ message: '$A$ – $B$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } }, ['x', 'y'])).toBe('x – y');
    expect(renderMessage({ message: 'no subs' }, ['x'])).toBe('no subs');
  });

  test('a translator falls back to another file, then to the key', () => {
    const tr = translatorFrom({ a: { message: 'A' } }, { b: { message: 'B' } });
    expect(tr('a' as never)).toBe('A');
    expect(tr('b' as never)).toBe('B');
    expect(tr('c' as never)).toBe('c');
  });

  test('the English popup strings render with their substitutions', () => {
    const t = translatorFrom(en);
    expect(t('popup_mentions_other', 4)).toBe('4 mentions');
    expect(t('popup_article_date', 'Nov 20, 2020')).toBe('Article date: Nov 20, 2020');
    expect(translatorFrom(ja)('popup_show_more', 3)).toBe('さらに3件を表示');
  });
});
