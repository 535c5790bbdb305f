import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import knowledgeJson from '../../src/generated/knowledge.json';
import { cardFor, type Card, type PersonCard } from '../../src/knowledge/cards';
import type { Knowledge } from '../../src/knowledge/model';
import { CardView } from '../../src/ui/card/Card';
import { CARD_MESSAGES, cardTranslator } from '../../src/ui/card/messages';
import { createCardUi } from '../../src/ui/card/mount';
import { HOST_TAG } from '../../src/page/walk';
import en from '../../assets/public/_locales/en/messages.json';
import ja from '../../assets/public/_locales/ja/messages.json';
import { translatorFrom, type MessagesFile } from '../../src/platform/i18n';

const k = knowledgeJson as unknown as Knowledge;
const t = cardTranslator();

function show(card: Card, match: Parameters<typeof CardView>[0]['match'] = null, onClose = () => {}): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<CardView card={card} match={match} t={t} language="en" onClose={onClose} />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('person card', () => {
  test('the office on the article date with its term, the current one, country, birth year, events, Wikipedia and why it matched', () => {
    const card = cardFor(k, 'Yoshihide Suga', '2020-11-20')!;
    const root = show(card, { text: 'Suga', how: 'surname', kind: 'person' });
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Backstory: Yoshihide Suga');
    expect(root.querySelector('h2')!.textContent).toBe('Yoshihide Suga');
    expect(root.textContent).toContain('菅義偉');
    expect(root.querySelector('[data-testid="backstory-role"]')!.textContent).toContain('Prime Minister of Japan');
    expect(root.querySelector('[data-testid="backstory-role"]')!.textContent).toContain('Sep 16, 2020 – Oct 4, 2021');
    expect(root.querySelector('[data-testid="backstory-now"]')!.textContent).toBe('now: former Prime Minister of Japan, as of Nov 30, 2026');
    expect(root.textContent).toContain('Japan');
    expect(root.textContent).toContain('born 1948');
    expect(root.querySelectorAll('.bs-events li').length).toBe(Math.min(3, card.events.length));
    expect(card.events.length).toBeGreaterThan(0);
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Yoshihide_Suga');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(root.querySelector('[data-testid="backstory-why"]')!.textContent).toBe('“Suga” → Yoshihide Suga, named in full on this page');
  });

  test('a 2024 date shows the role then, not 2020\'s', () => {
    const card = cardFor(k, 'Yoshihide Suga', '2024-06-01') as PersonCard;
    const root = show(card);
    expect(root.querySelector('[data-testid="backstory-role"]')!.textContent).toContain('former Prime Minister of Japan');
    expect(root.querySelector('[data-testid="backstory-now"]')).toBeNull();
  });

  test('an article dated after the knowledge\'s snapshot says how far the knowledge goes, on person and country cards', () => {
    const later = show(cardFor(k, 'Xi Jinping', '2026-12-05')!);
    expect(later.querySelector('[data-testid="backstory-after-snapshot"]')!.textContent).toBe('Backstory knows offices up to Nov 30, 2026');
    expect(later.querySelector('[data-testid="backstory-role"]')!.textContent).toContain('President of China');
    const country = show(cardFor(k, 'JPN', '2026-12-05')!);
    expect(country.querySelector('[data-testid="backstory-after-snapshot"]')!.textContent).toBe('Backstory knows offices up to Nov 30, 2026');
    expect(show(cardFor(k, 'Xi Jinping', '2026-11-30')!).querySelector('[data-testid="backstory-after-snapshot"]')).toBeNull();
  });

  test('knowledge text is shown as text, never parsed as HTML', () => {
    const card = cardFor(k, 'Yoshihide Suga', '2020-11-20') as PersonCard;
    const evil: PersonCard = { ...card, name: '<img src=x onerror="alert(1)">', summary: '<b>bold</b><script>x()</script>', wikipediaUrl: 'javascript:alert(1)' };
    const root = show(evil);
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(root.textContent).toContain('<b>bold</b>');
    expect(root.querySelector('a')).toBeNull();
  });

  test('the close button is a labelled button that calls onClose', () => {
    const onClose = vi.fn();
    const root = show(cardFor(k, 'Wang Yi', '2020-11-20')!, null, onClose);
    const button = root.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Close');
    button.click();
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('country card', () => {
  test('flag, name, capital, head of state and of government on the date, region, and how a demonym matched', () => {
    const card = cardFor(k, 'JPN', '2020-11-20')!;
    const root = show(card, { text: 'Japanese', how: 'demonym', kind: 'demonym' });
    expect(root.textContent).toContain('🇯🇵');
    expect(root.querySelector('h2')!.textContent).toBe('Japan');
    const facts = root.querySelector('dl')!.textContent!;
    expect(facts).toContain('Tokyo');
    expect(facts).toContain('Naruhito');
    expect(facts).toContain('Yoshihide Suga (Prime Minister of Japan)');
    expect(facts).toContain('Asia');
    expect(root.querySelector('[data-testid="backstory-why"]')!.textContent).toBe('“Japanese” → Japan, the word for its people');
    const later = show(cardFor(k, 'JPN', '2022-06-01')!);
    expect(later.querySelector('dl')!.textContent).not.toContain('Yoshihide Suga');
  });
});

describe('card strings', () => {
  test('every card key is in the English and Japanese messages and renders with its substitutions', () => {
    const enT = translatorFrom(en as unknown as MessagesFile);
    const jaT = translatorFrom(ja as unknown as MessagesFile);
    for (const key of Object.keys(CARD_MESSAGES) as (keyof typeof CARD_MESSAGES)[]) {
      expect(Object.hasOwn(en, key), key).toBe(true);
      expect(Object.hasOwn(ja, key), key).toBe(true);
      expect(enT(key as never, 'A', 'B')).toBe(cardTranslator()(key, 'A', 'B'));
      expect(jaT(key as never, 'A', 'B')).not.toMatch(/\$/);
    }
    expect(jaT('card_how_surname' as never, '菅', '菅義偉')).toBe('「菅」→ 菅義偉（このページでフルネームで登場）');
  });

  test('the translator falls back to English when the browser has no such key', () => {
    const tr = cardTranslator(() => '');
    expect(tr('card_now', 'former PM', 'Mar 31, 2026')).toBe('now: former PM, as of Mar 31, 2026');
    const throwing = cardTranslator(() => {
      throw new Error('Extension context invalidated');
    });
    expect(throwing('card_close')).toBe('Close');
  });
});

describe('card host', () => {
  test('one host element with a shadow root, created on first show, removed on destroy', () => {
    document.body.innerHTML = '<p id="p">Yoshihide Suga</p>';
    const before = document.body.outerHTML;
    const ui = createCardUi(document, { t, language: 'en', onClose: () => {} });
    expect(document.querySelector(HOST_TAG)).toBeNull();
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    ui.show({ card: cardFor(k, 'Yoshihide Suga', '2020-11-20')!, match: null, anchor: range });
    const host = document.querySelector(HOST_TAG)!;
    expect(host).not.toBeNull();
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull();
    expect(ui.open).toBe(true);
    expect(ui.contains(host)).toBe(true);
    expect(document.body.outerHTML).toBe(before);
    ui.hide();
    expect(host.shadowRoot!.querySelector('[role="dialog"]')).toBeNull();
    ui.destroy();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  test('a card prepared while the pointer comes to rest stays unseen, and show() for that mention reveals it at once', async () => {
    document.body.innerHTML = '<p id="p">Yoshihide Suga and Wang Yi</p>';
    const ui = createCardUi(document, { t, language: 'en', onClose: () => {} });
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    const card = cardFor(k, 'Yoshihide Suga', '2020-11-20')!;
    const key = {};
    ui.prepare({ card, match: null, anchor: range, key });
    const shadow = document.querySelector(HOST_TAG)!.shadowRoot!;
    const floating = shadow.querySelector('div > *') as HTMLElement;
    expect(floating.style.visibility).toBe('hidden');
    expect(ui.open).toBe(false);
    // Placing it is asynchronous (floating-ui): let it finish.
    await new Promise((r) => setTimeout(r, 20));
    expect(floating.style.visibility).toBe('hidden');
    ui.show({ card, match: null, anchor: range, key });
    // Revealed in the same task, the very element drawn before: nothing is drawn again.
    expect(floating.style.visibility).toBe('visible');
    expect(shadow.querySelector('div > *')).toBe(floating);
    expect(floating.isConnected).toBe(true);
    expect(ui.open).toBe(true);
    // Another mention is drawn afresh, hidden until placed.
    ui.show({ card: cardFor(k, 'Wang Yi', '2020-11-20')!, match: null, anchor: range, key: {} });
    const other = shadow.querySelector('div > *') as HTMLElement;
    expect(other.getAttribute('aria-label') ?? other.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toContain('Wang Yi');
    // prepare() never disturbs an open card.
    ui.prepare({ card, match: null, anchor: range, key });
    expect((shadow.querySelector('div > *') as HTMLElement).outerHTML).toContain('Wang Yi');
    ui.destroy();
  });
});
