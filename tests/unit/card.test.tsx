import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import knowledgeJson from '../../src/generated/knowledge.json';
import { cardFor, type Card, type CountryCard, type PersonCard } from '../../src/knowledge/cards';
import type { Knowledge } from '../../src/knowledge/model';
import { CardView } from '../../src/ui/card/Card';
import { CARD_MESSAGES, cardTranslator } from '../../src/ui/card/messages';
import { createCardUi } from '../../src/ui/card/mount';
import { pageTheme } from '../../src/page/page-theme';
import { displayName, relatedEvents } from '../../src/knowledge/query';
import { HOST_TAG } from '../../src/page/walk';
import en from '../../assets/public/_locales/en/messages.json';
import ja from '../../assets/public/_locales/ja/messages.json';
import { translatorFrom, type MessagesFile } from '../../src/platform/i18n';

const k = knowledgeJson as unknown as Knowledge;
const t = cardTranslator();

function show(card: Card, match: Parameters<typeof CardView>[0]['match'] = null, onClose = () => {}, tr = t, language = 'en'): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<CardView card={card} match={match} t={tr} language={language} onClose={onClose} />, root);
  return root;
}

const jaT = () => {
  const tr = translatorFrom(ja as unknown as MessagesFile);
  return cardTranslator((key, subs) => tr(key as never, ...subs));
};

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
    expect(root.querySelectorAll('.bs-events li').length).toBe(card.before.length + card.after.length);
    expect(card.before.length + card.after.length).toBeGreaterThan(0);
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

describe('an office still to come on the article\'s date', () => {
  test('a president-elect, formerly president, is shown as President-elect with the day they take office', () => {
    // Nov 20, 2024: Trump had won the election and took office again on Jan 20, 2025.
    const card = cardFor(k, 'Donald Trump', '2024-11-20') as PersonCard;
    const root = show(card);
    expect(root.querySelector('[data-testid="backstory-role"]')!.textContent).toContain('former President of the United States');
    // The data has the election day (2024-11-05): he had won, and was President-elect.
    expect(root.querySelector('[data-testid="backstory-next"]')!.textContent).toBe('President-elect of the United States, from Jan 20, 2025');
    const ja = show(card, null, () => {}, jaT(), 'ja');
    expect(ja.querySelector('[data-testid="backstory-next"]')!.textContent).toMatch(/^次期アメリカ合衆国大統領（2025\D+0?1\D+20\D*就任）$/);
  });

  test('a president elected (the data has the day) and not yet in office is "President-elect"; anyone else is "incoming"', () => {
    const card = cardFor(k, 'Donald Trump', '2024-11-20') as PersonCard;
    const elect = show({ ...card, next: { ...card.next!, incoming: true, elected: '2024-11-05' } });
    expect(elect.querySelector('[data-testid="backstory-next"]')!.textContent).toBe('President-elect of the United States, from Jan 20, 2025');
    const pm = show({ ...card, next: { ...card.next!, title: 'Prime Minister of Japan', incoming: true, elected: '2024-11-05' } });
    expect(pm.querySelector('[data-testid="backstory-next"]')!.textContent).toBe('incoming Prime Minister of Japan, from Jan 20, 2025');
  });

  test('someone with no office yet is incoming, from the start date, never "since"; an office years away is only "later"', () => {
    const soon = show(cardFor(k, 'Robinah Nabbanja', '2021-06-10')!);
    const role = soon.querySelector('[data-testid="backstory-role"]')!.textContent!;
    expect(role).toContain('incoming Prime Minister of Uganda');
    expect(role).toContain('from Jun 21, 2021');
    expect(role).not.toMatch(/since|2021-06-21/);
    const far = show(cardFor(k, 'Robinah Nabbanja', '2019-01-10')!);
    expect(far.querySelector('[data-testid="backstory-role"]')!.textContent).toContain('later Prime Minister of Uganda');
    expect(far.querySelector('[data-testid="backstory-role"]')!.textContent).not.toContain('incoming');
  });

  test('a new term of an office already held is not announced as a later office', () => {
    const card = cardFor(k, 'Yoshihide Suga', '2020-11-20') as PersonCard;
    expect(card.next).toBeNull();
  });
});

describe('the "now" line', () => {
  test('reads in the reader\'s language, as the popup does, and gives a later office\'s start as a date', () => {
    const root = show(cardFor(k, 'Yoshihide Suga', '2020-11-20')!, null, () => {}, jaT(), 'ja');
    const now = root.querySelector('[data-testid="backstory-now"]')!.textContent!;
    expect(now).toContain('元日本首相');
    expect(now).not.toContain('former');
    const card = cardFor(k, 'Yoshihide Suga', '2020-11-20') as PersonCard;
    const future = show({ ...card, now: { ...card.now!, status: 'future', incoming: false, title: 'Ambassador', start: '2027-01-05', end: null } });
    expect(future.querySelector('[data-testid="backstory-now"]')!.textContent).toBe('now: later Ambassador, from Jan 5, 2027, as of Nov 30, 2026');
  });
});

describe('country leaders', () => {
  test('a president who heads the state and the government is one line with both roles', () => {
    const root = show(cardFor(k, 'USA', '2020-11-20')!);
    const facts = root.querySelector('dl')!;
    const lines = [...facts.querySelectorAll('[data-testid="backstory-leader"]')].map((d) => `${d.previousElementSibling!.textContent}: ${d.textContent}`);
    expect(lines).toEqual([
      'Head of state and government: Donald Trump (President of the United States)',
      'Foreign minister: Mike Pompeo (United States Secretary of State)',
    ]);
    expect(facts.textContent!.split('Donald Trump').length - 1).toBe(1);
  });

  test('a prime minister who is also foreign minister is one line with both offices', () => {
    const card = cardFor(k, 'FJI', '2021-06-01') as CountryCard;
    const root = show(card);
    const lines = [...root.querySelectorAll('[data-testid="backstory-leader"]')].map((d) => `${d.previousElementSibling!.textContent}: ${d.textContent}`);
    expect(lines.filter((l) => l.includes('Frank Bainimarama'))).toEqual([
      'Head of government · Foreign minister: Frank Bainimarama (Prime Minister of Fiji, Minister for Foreign Affairs of Fiji)',
    ]);
    // The popup's fields are still there.
    expect(card.headOfGovernment?.name).toBe('Frank Bainimarama');
    expect(card.foreignMinister?.name).toBe('Frank Bainimarama');
  });
});

describe('names', () => {
  test('a name keeps its diacritics from the Wikipedia title, on person and country cards', () => {
    const root = show(cardFor(k, 'Yōko Kamikawa', '2024-01-10')!);
    expect(root.querySelector('h2')!.textContent).toBe('Yōko Kamikawa');
    expect(show(cardFor(k, 'JPN', '2024-01-10')!).querySelector('dl')!.textContent).toContain('Yōko Kamikawa (Minister for Foreign Affairs of Japan)');
    const base = { native: [], aliases: [], surname: '', country: 'JPN', summary: '', offices: [] };
    expect(displayName({ ...base, wikipedia: 'Tarō Kōno (diplomat)', name: 'Taro Kono' })).toBe('Tarō Kōno');
    expect(displayName({ ...base, wikipedia: 'Letsie III', name: 'King Letsie III' })).toBe('King Letsie III');
    expect(displayName({ ...base, wikipedia: 'John Kirby (admiral)', name: 'John Kirby' })).toBe('John Kirby');
  });

  test('why it matched shows only when the words on the page are not the name itself', () => {
    const card = cardFor(k, 'Wang Yi', '2020-11-20')!;
    expect(show(card, { text: 'Wang Yi', how: 'name', kind: 'person' }).querySelector('[data-testid="backstory-why"]')).toBeNull();
    expect(show(cardFor(k, 'JPN', '2020-11-20')!, { text: 'Japan', how: 'name', kind: 'country' }).querySelector('[data-testid="backstory-why"]')).toBeNull();
    expect(show(card, { text: 'Wang', how: 'surname', kind: 'person' }).querySelector('[data-testid="backstory-why"]')!.textContent).toBe(
      '“Wang” → Wang Yi, named in full on this page',
    );
  });
});

describe('card events', () => {
  test('split into before and after the article, each most relevant first, with one-line summaries shown', () => {
    const card = cardFor(k, 'Wang Yi', '2020-11-20')!;
    const root = show(card);
    const ranked = relatedEvents(k, ['Wang Yi'], '2020-11-20', k.events.length);
    const before = [...root.querySelectorAll('[data-testid="backstory-events-before"] li')];
    const after = [...root.querySelectorAll('[data-testid="backstory-events-after"] li')];
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(card.before.map((e) => e.id)).toEqual(ranked.filter((r) => r.when === 'before').slice(0, before.length).map((r) => r.event.id));
    expect(card.after.map((e) => e.id)).toEqual(ranked.filter((r) => r.when === 'after').slice(0, after.length).map((r) => r.event.id));
    for (const e of card.before) expect(e.start <= '2020-11-20').toBe(true);
    for (const e of card.after) expect(e.start > '2020-11-20').toBe(true);
    expect(after[0]!.textContent).toContain('Nov 24, 2020');
    const summary = after[0]!.querySelector('.bs-ev-summary')!;
    expect(summary.textContent).toBe(card.after[0]!.summary);
    expect(summary.textContent!.length).toBeGreaterThan(0);
  });
});

describe('country card link', () => {
  test('a country card links to the country\'s English Wikipedia article', () => {
    const link = show(cardFor(k, 'JPN', '2020-11-20')!).querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Japan');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(show(cardFor(k, 'GEO', '2020-11-20')!).querySelector('a')!.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Georgia_(country)');
  });
});

describe('a page with no date', () => {
  test('the card says the date is today\'s, none being found on the page', () => {
    const card = cardFor(k, 'Wang Yi', '2020-11-20')!;
    expect(show({ ...card, dateSource: 'today' }).querySelector('[data-testid="backstory-date"]')!.textContent).toBe('On Nov 20, 2020, today: no date found on the page');
    expect(show({ ...card, dateSource: 'meta' }).querySelector('[data-testid="backstory-date"]')!.textContent).toBe('On Nov 20, 2020, the article’s date');
    expect(show({ ...card, dateSource: 'today' }, null, () => {}, jaT(), 'ja').querySelector('[data-testid="backstory-date"]')!.textContent).toContain('ページに日付が見つかりません');
  });
});

describe('card theme', () => {
  function rangeIn(html: string): Range {
    document.body.innerHTML = html;
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('m')!);
    return range;
  }

  test('dark under a dark page background, light under a light one, found by walking up to the first painted background', () => {
    expect(pageTheme(rangeIn('<div style="background-color: rgb(18, 18, 18)"><p><span id="m">Wang Yi</span></p></div>'))).toBe('dark');
    expect(pageTheme(rangeIn('<div style="background-color: rgb(250, 250, 245)"><p style="background-color: rgba(0, 0, 0, 0)"><span id="m">Wang Yi</span></p></div>'))).toBe('light');
    // The nearest painted background decides: a light panel on a dark page.
    expect(pageTheme(rangeIn('<div style="background-color: #111"><p style="background-color: #fff"><span id="m">Wang Yi</span></p></div>'))).toBe('light');
  });

  test('with no background on the page, the OS preference', () => {
    const range = rangeIn('<p><span id="m">Wang Yi</span></p>');
    const spy = vi.spyOn(window, 'matchMedia').mockImplementation((q: string) => ({ matches: q.includes('dark'), media: q }) as MediaQueryList);
    expect(pageTheme(range)).toBe('dark');
    spy.mockImplementation((q: string) => ({ matches: false, media: q }) as MediaQueryList);
    expect(pageTheme(range)).toBe('light');
    spy.mockRestore();
  });

  test('the card shown on a dark page is dark', () => {
    const range = rangeIn('<div style="background-color: rgb(10, 12, 16)"><p><span id="m">Wang Yi</span></p></div>');
    const ui = createCardUi(document, { t, language: 'en', onClose: () => {} });
    ui.show({ card: cardFor(k, 'Wang Yi', '2020-11-20')!, match: null, anchor: range });
    const card = document.querySelector(HOST_TAG)!.shadowRoot!.querySelector('.bs-card')!;
    expect(card.getAttribute('data-theme')).toBe('dark');
    ui.destroy();
  });
});

describe('a Japanese reader gets Japanese names and titles where the knowledge has them', () => {
  test('a foreign leader in katakana with the English name below; the title from the Japanese template', () => {
    const card = cardFor(k, 'Joe Biden', '2022-06-01')!;
    const ja = show(card, null, () => {}, jaT(), 'ja');
    expect(ja.querySelector('h2')!.textContent).toBe('ジョー・バイデン');
    expect(ja.querySelector('.bs-native')!.textContent).toBe('Joe Biden');
    expect(ja.querySelector('[data-testid="backstory-role"]')!.textContent).toContain('アメリカ合衆国大統領');
    // An English reader sees neither the katakana nor the Chinese or Korean forms of a foreign name.
    const en = show(card);
    expect(en.querySelector('h2')!.textContent).toBe('Joe Biden');
    expect(en.querySelector('.bs-native')).toBeNull();
  });

  test("a Chinese leader in characters; a country by its Japanese name; a Korean leader keeps their own script as the 'own script' line", () => {
    const xi = show(cardFor(k, 'Xi Jinping', '2022-06-01')!, null, () => {}, jaT(), 'ja');
    expect(/\p{Script=Han}/u.test(xi.querySelector('h2')!.textContent!)).toBe(true);
    const usa = show(cardFor(k, 'USA', '2022-06-01')!, null, () => {}, jaT(), 'ja');
    expect(usa.querySelector('h2')!.textContent).toBe('アメリカ合衆国');
    const moon = show(cardFor(k, 'Moon Jae-in', '2019-06-01')!);
    expect(moon.querySelector('.bs-native')!.textContent).toContain('문재인');
  });
});
