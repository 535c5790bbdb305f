import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import en from '../../assets/public/_locales/en/messages.json';
import knowledgeJson from '../../src/generated/knowledge.json';
import { cardFor } from '../../src/knowledge/cards';
import { describeEntities, relatedFor, searchKnowledge } from '../../src/knowledge/lookup';
import type { Knowledge } from '../../src/knowledge/model';
import { translatorFrom } from '../../src/platform/i18n';
import type { PageSummary } from '../../src/platform/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/vocabulary';
import type { PopupApi, TabInfo } from '../../src/ui/popup/api';
import { orderEntities } from '../../src/ui/popup/PageSection';
import { Popup, type PopupTiming } from '../../src/ui/popup/Popup';

const k = knowledgeJson as unknown as Knowledge;
const t = translatorFrom(en);
const FAST: PopupTiming = { firstRetryMs: 5, notLoadedAfterMs: 20, retryMs: 10, refreshMs: 15, answerMs: 200, searchDebounceMs: 1 };
const URL_ = 'https://news.example.com/2020/11/20/wang-yi.html';

const STORY: PageSummary = {
  url: URL_,
  date: '2020-11-20',
  dateSource: 'meta',
  entities: [
    { id: 'JPN', kind: 'country', name: 'Japan', count: 6, firstKind: 'country' },
    { id: 'Toshimitsu Motegi', kind: 'person', name: 'Toshimitsu Motegi', count: 2, firstKind: 'person' },
    { id: 'Wang Yi', kind: 'person', name: 'Wang Yi', count: 4, firstKind: 'person' },
    { id: 'Yoshihide Suga', kind: 'person', name: 'Yoshihide Suga', count: 3, firstKind: 'person' },
    { id: 'CHN', kind: 'country', name: 'China', count: 5, firstKind: 'demonym' },
    { id: 'Shinzo Abe', kind: 'person', name: 'Shinzo Abe', count: 1, firstKind: 'person' },
  ],
};

interface Stub extends PopupApi {
  settings: Settings;
  listeners: ((s: Settings) => void)[];
  summaryAnswer: () => Promise<PageSummary>;
}

function stub(tab: TabInfo | null = { id: 7, url: URL_ }, summary: () => Promise<PageSummary> = async () => STORY): Stub {
  const api: Stub = {
    settings: structuredClone(DEFAULT_SETTINGS) as Settings,
    listeners: [],
    summaryAnswer: summary,
    tab: vi.fn(async () => tab),
    summary: vi.fn(() => api.summaryAnswer()),
    reveal: vi.fn(async () => true),
    describe: vi.fn(async (ids: string[], date: string) => describeEntities(k, ids, date)),
    related: vi.fn(async (ids: string[], date: string) => relatedFor(k, ids, date)),
    search: vi.fn(async (q: string, date: string) => searchKnowledge(k, q, date)),
    card: vi.fn(async (id: string, date: string) => cardFor(k, id, date)),
    loadSettings: vi.fn(async () => structuredClone(api.settings)),
    saveSettings: vi.fn(async (patch: Partial<Settings>) => {
      api.settings = { ...api.settings, ...patch };
      for (const l of api.listeners) l(structuredClone(api.settings));
    }),
    watchSettings: vi.fn((cb: (s: Settings) => void) => {
      api.listeners.push(cb);
      return () => void api.listeners.splice(api.listeners.indexOf(cb), 1);
    }),
    today: () => '2026-11-10',
    language: 'en-US',
    reload: vi.fn(async () => undefined),
    afterReveal: vi.fn(),
  };
  return api;
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

async function mount(api: PopupApi): Promise<void> {
  await act(() => render(<Popup api={api} t={t} timing={FAST} />, root));
}

/** Lets promises and short timers run, inside act so Preact flushes. */
async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

/** Waits for `check` to pass; the deadline only ends a wait that would never end (a slow machine is not a failure). */
async function until(check: () => void, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await settle(5);
    }
  }
}

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<E>(sel)];
const text = (sel: string) => $(sel)?.textContent ?? '';

async function type(value: string): Promise<void> {
  const input = $<HTMLInputElement>('[data-testid="search-input"]')!;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function key(el: Element, k: string): Promise<void> {
  await act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

async function click(el: Element | null): Promise<void> {
  expect(el).not.toBeNull();
  await act(() => (el as HTMLElement).click());
}

describe('on this page', () => {
  test('people first, each with the office on the article date and the mention count', async () => {
    await mount(stub());
    await until(() => expect($$('[data-testid="entity-role"]').length).toBeGreaterThan(0));
    const rows = $$('[data-testid="page-entity"]');
    expect(rows.map((r) => r.dataset['entity'])).toEqual(['Wang Yi', 'Yoshihide Suga', 'Toshimitsu Motegi', 'Shinzo Abe', 'JPN', 'CHN']);
    const wang = rows[0]!;
    expect(wang.textContent).toContain('Minister of Foreign Affairs of China');
    expect(wang.querySelector('.visually-hidden')?.textContent).toBe('4 mentions');
    expect(rows[1]!.textContent).toContain('Prime Minister of Japan');
    expect(rows[3]!.querySelector('.visually-hidden')?.textContent).toBe('1 mention');
    // Abe had left office by then: the line says so, set apart.
    expect(rows[3]!.querySelector('.out-of-office')?.textContent).toMatch(/^former Prime Minister of Japan/);
    expect(rows[4]!.textContent).toContain('Leaders:');
    expect(rows[4]!.textContent).toContain('Yoshihide Suga');
  });

  test('the article date and where it came from', async () => {
    await mount(stub());
    await until(() => expect(text('[data-testid="article-date"]')).toContain('Nov 20, 2020'));
    expect(text('[data-testid="article-date"]')).toContain("from the page's metadata");
  });

  test('a page with no date says the date is today\'s', async () => {
    await mount(stub(undefined, async () => ({ ...STORY, date: '2026-11-10', dateSource: 'today' })));
    await until(() => expect(text('[data-testid="article-date"]')).toContain('no date found on the page, so today'));
  });

  test('choosing a person reveals the first mention in the tab', async () => {
    const api = stub();
    await mount(api);
    await until(() => expect($$('[data-testid="page-entity"]').length).toBe(6));
    await click($$('[data-testid="page-entity"]').find((b) => b.dataset['entity'] === 'Yoshihide Suga')!);
    await settle();
    expect(api.reveal).toHaveBeenCalledWith(7, 'Yoshihide Suga');
    expect(api.afterReveal).toHaveBeenCalledWith(7);
  });

  test('orderEntities: people before countries, then by mentions, then by name', () => {
    const out = orderEntities([
      { id: 'b', kind: 'country', name: 'B', count: 9, firstKind: 'country' },
      { id: 'z', kind: 'person', name: 'Z', count: 2, firstKind: 'person' },
      { id: 'a', kind: 'person', name: 'A', count: 2, firstKind: 'person' },
      { id: 'y', kind: 'person', name: 'Y', count: 5, firstKind: 'person' },
    ]);
    expect(out.map((e) => e.id)).toEqual(['y', 'a', 'z', 'b']);
  });
});

describe('related events', () => {
  test('split at the article date; the Japan visit comes after', async () => {
    const api = stub();
    await mount(api);
    await until(() => expect($$('[data-testid="events-after"] [data-testid="event"]').length).toBeGreaterThan(0));
    expect(api.related).toHaveBeenCalledWith(expect.arrayContaining(['Wang Yi', 'JPN']), '2020-11-20', expect.objectContaining({ 'Wang Yi': 4, JPN: 6 }));
    const after = $$('[data-testid="events-after"] [data-testid="event"]');
    const visit = after.find((e) => e.dataset['event'] === '2020-11-24-wang-yi-visits-japan');
    expect(visit).toBeDefined();
    expect(visit!.querySelector('time')?.textContent).toMatch(/Nov 24\s*–\s*25, 2020/);
    expect(visit!.textContent).toContain('Wang Yi visits Japan');
    // The page's own people are in bold among the participants; others are not.
    const bold = [...visit!.querySelectorAll('.event-who strong')].map((s) => s.textContent);
    expect(bold).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga', 'Japan', 'China']));
    expect(bold).not.toContain('Xi Jinping');
    expect(visit!.querySelector('.event-source a')?.getAttribute('href')).toMatch(/^https?:\/\//);
    for (const e of $$('[data-testid="events-before"] time')) expect(e.getAttribute('datetime')! <= '2020-11-20').toBe(true);
  });

  test('long lists show a few and a "Show more" button', async () => {
    await mount(stub());
    await until(() => expect($$('[data-testid="events-before"] [data-testid="event"]').length).toBe(4));
    const more = $$('button.link-button').find((b) => /^Show \d+ more$/.test(b.textContent ?? ''));
    await click(more!);
    const items = $$('[data-testid="events-before"] [data-testid="event"]');
    expect(items.length).toBeGreaterThan(4);
    // The keyboard user's place: the first event that was hidden.
    await until(() => expect(document.activeElement).toBe(items[4]));
  });
});

describe('empty states', () => {
  test('no mentions found', async () => {
    const api = stub(undefined, async () => ({ ...STORY, entities: [] }));
    await mount(api);
    await until(() => expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('none'));
    expect(text('[data-testid="empty-state"]')).toBe(en.popup_empty_none.message);
    expect($('[data-testid="related-events"]')).toBeNull();
    expect(api.related).not.toHaveBeenCalled();
  });

  test('a browser page where extensions cannot run', async () => {
    for (const url of ['chrome://extensions/', 'https://chromewebstore.google.com/detail/x', undefined]) {
      const api = stub({ id: 3, url });
      await mount(api);
      await until(() => expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('closed'));
      expect(api.summary).not.toHaveBeenCalled();
      // The per-site switch has no site to act on.
      await until(() => expect($<HTMLInputElement>('#setting-site')?.disabled).toBe(true));
      await act(() => render(null, root));
    }
  });

  test('the content script not yet loaded, then answering', async () => {
    let ready = false;
    const api = stub(undefined, async () => {
      if (!ready) throw new Error('Could not establish connection. Receiving end does not exist.');
      return STORY;
    });
    await mount(api);
    expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('loading');
    await until(() => expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('not-loaded'));
    await click($('[data-testid="empty-state"] button'));
    expect(api.reload).toHaveBeenCalledWith(7);
    ready = true;
    await until(() => expect($$('[data-testid="page-entity"]').length).toBe(6));
  });

  test('highlights off for the site: the page was not read, and the popup says why', async () => {
    const api = stub(undefined, async () => ({ ...STORY, entities: api.settings.disabledSites.includes('news.example.com') ? [] : STORY.entities }));
    api.settings = { ...api.settings, disabledSites: ['news.example.com'] };
    await mount(api);
    await until(() => expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('off'));
    // Switching the site back on: the content script reads the page and the popup follows.
    await click($('#setting-site'));
    await until(() => expect($$('[data-testid="page-entity"]').length).toBe(6));
  });

  test('the list follows a page that is still being read, without re-asking when nothing changed', async () => {
    let entities = STORY.entities.slice(0, 2);
    const api = stub(undefined, async () => ({ ...STORY, entities }));
    await mount(api);
    await until(() => expect($$('[data-testid="page-entity"]').length).toBe(2));
    entities = STORY.entities;
    await until(() => expect($$('[data-testid="page-entity"]').length).toBe(6));
    const asked = vi.mocked(api.related).mock.calls.length;
    // Three more refreshes with nothing new, however long a loaded machine takes to run them: none asks again.
    const refreshed = vi.mocked(api.summary).mock.calls.length;
    await until(() => expect(vi.mocked(api.summary).mock.calls.length).toBeGreaterThan(refreshed + 3));
    expect(vi.mocked(api.related).mock.calls.length).toBe(asked);
  });

  test('no tab at all', async () => {
    await mount(stub(null));
    await until(() => expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('closed'));
  });
});

describe('settings', () => {
  test('the switches show the stored settings and save each change', async () => {
    const api = stub();
    api.settings = { enabled: true, disabledSites: [], kinds: { person: true, country: true, demonym: false, capital: true, organisation: true }, firstOnly: false };
    await mount(api);
    await until(() => expect($('#setting-enabled')).not.toBeNull());
    expect($<HTMLInputElement>('[data-kind="demonym"]')!.checked).toBe(false);
    expect($('label[for="setting-site"]')?.textContent).toContain('On news.example.com');
    await until(() => expect($<HTMLInputElement>('#setting-site')!.disabled).toBe(false));

    await click($('#setting-site'));
    expect(api.saveSettings).toHaveBeenLastCalledWith({ disabledSites: ['news.example.com'] });
    expect($<HTMLInputElement>('#setting-site')!.checked).toBe(false);

    await click($('[data-kind="capital"]'));
    expect(api.saveSettings).toHaveBeenLastCalledWith({ kinds: { person: true, country: true, demonym: false, capital: false, organisation: true } });

    await click($('#setting-enabled'));
    expect(api.saveSettings).toHaveBeenLastCalledWith({ enabled: false });
    expect($<HTMLInputElement>('#setting-site')!.disabled).toBe(true);
    expect($<HTMLFieldSetElement>('fieldset.kinds')!.disabled).toBe(true);
  });

  test('a change made elsewhere shows at once', async () => {
    const api = stub();
    await mount(api);
    await until(() => expect($<HTMLInputElement>('#setting-enabled')?.checked).toBe(true));
    await act(() => api.listeners.forEach((l) => l({ ...DEFAULT_SETTINGS, enabled: false })));
    expect($<HTMLInputElement>('#setting-enabled')!.checked).toBe(false);
  });

  test('a failed save says so and shows the stored value again', async () => {
    const api = stub();
    api.saveSettings = vi.fn(async () => {
      throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    });
    await mount(api);
    await until(() => expect($('#setting-enabled')).not.toBeNull());
    await click($('#setting-enabled'));
    await until(() => expect(text('[role="alert"]')).toContain('QUOTA_BYTES_PER_ITEM'));
    expect($<HTMLInputElement>('#setting-enabled')!.checked).toBe(true);
  });
});

describe('search', () => {
  test('a name finds the person and opens the card; back returns to the results', async () => {
    const api = stub();
    await mount(api);
    await until(() => expect($$('[data-testid="page-entity"]').length).toBe(6));
    await type('kang');
    await until(() => expect($$('[data-testid="search-hit"]').length).toBeGreaterThan(0));
    expect(api.search).toHaveBeenLastCalledWith('kang', '2020-11-20');
    // The page's lists make room for the results.
    expect($('[data-testid="on-this-page"]')).toBeNull();
    const hit = $$('[data-testid="search-hit"]').find((h) => h.dataset['entity'] === 'Kang Kyung-wha')!;
    expect(hit.textContent).toContain('Minister of Foreign Affairs');
    await click(hit);
    await until(() => expect($('[data-testid="search-card"]')).not.toBeNull());
    expect(api.card).toHaveBeenCalledWith('Kang Kyung-wha', '2020-11-20');
    expect(text('[data-testid="card-role"]')).toContain('Minister of Foreign Affairs');
    await until(() => expect(document.activeElement).toBe($('[data-testid="search-back"]')));
    await click($('[data-testid="search-back"]'));
    await until(() => expect(document.activeElement?.getAttribute('data-entity')).toBe('Kang Kyung-wha'));
  });

  test('a country card lists its leaders on the date, and a leader opens their card', async () => {
    await mount(stub());
    await type('Japan');
    await until(() => expect($('[data-testid="search-hit"]')?.dataset['entity']).toBe('JPN'));
    await click($('[data-testid="search-hit"]'));
    await until(() => expect($('[data-testid="search-card"]')?.dataset['entity']).toBe('JPN'));
    const leader = $$('[data-testid="search-card"] .link-button').find((b) => b.textContent === 'Yoshihide Suga');
    await click(leader!);
    await until(() => expect($('[data-testid="search-card"]')?.dataset['entity']).toBe('Yoshihide Suga'));
  });

  test('without a page date, search uses today', async () => {
    const api = stub({ id: 1, url: 'chrome://newtab/' });
    await mount(api);
    await type('suga');
    await until(() => expect(api.search).toHaveBeenCalledWith('suga', '2026-11-10'));
  });

  test('no match says so', async () => {
    await mount(stub());
    await type('qqqzzz');
    await until(() => expect($('.search-panel .empty')?.textContent).toBe('Nothing in Backstory\'s knowledge matches “qqqzzz”.'));
  });

  test('keyboard: ArrowDown into the results, arrows between them, ArrowUp back to the box, Escape clears', async () => {
    await mount(stub());
    await type('an');
    await until(() => expect($$('[data-testid="search-hit"]').length).toBeGreaterThan(2));
    const input = $('[data-testid="search-input"]')!;
    const hits = $$('[data-testid="search-hit"]');
    input.focus();
    await key(input, 'ArrowDown');
    expect(document.activeElement).toBe(hits[0]);
    await key(hits[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(hits[1]);
    await key(hits[1]!, 'End');
    expect(document.activeElement).toBe(hits.at(-1));
    await key(hits.at(-1)!, 'Home');
    await key(hits[0]!, 'ArrowUp');
    expect(document.activeElement).toBe(input);
    await key(input, 'Escape');
    expect($<HTMLInputElement>('[data-testid="search-input"]')!.value).toBe('');
    await until(() => expect($('[data-testid="on-this-page"]')).not.toBeNull());
  });
});

test('no string shows as its raw key', async () => {
  await mount(stub());
  await until(() => expect($$('[data-testid="event"]').length).toBeGreaterThan(0));
  expect(root.textContent).not.toMatch(/popup_|card_/);
  for (const el of $$('[aria-label],[title],[placeholder]')) {
    for (const a of ['aria-label', 'title', 'placeholder']) expect(el.getAttribute(a) ?? '').not.toMatch(/popup_/);
  }
});

test('an event with many participants names the page\'s own first and counts the rest', async () => {
  const { pickParticipants } = await import('../../src/ui/popup/EventList');
  const event = { id: 'e', start: '2020-11-15', end: '2020-11-15', title: 'Summit', summary: '', source: '', people: ['P1', 'P2', 'P3'], countries: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'JPN'] };
  const out = pickParticipants(event, new Set(['P3', 'JPN']), 5);
  expect(out.people).toEqual(['P1', 'P2', 'P3']);
  expect(out.countries).toEqual(['A', 'JPN']);
  expect(out.more).toBe(6);
  expect(pickParticipants({ ...event, countries: ['A', 'B', 'C', 'D'] }, new Set(), 5)).toEqual({ people: ['P1', 'P2', 'P3'], countries: ['A', 'B', 'C', 'D'], more: 0 });
});

test('in Japanese: the popup\'s words and dates are Japanese, and so are office titles', async () => {
  const ja = (await import('../../assets/public/_locales/ja/messages.json')).default;
  const api = { ...stub(), language: 'ja' };
  await act(() => render(<Popup api={api} t={translatorFrom(ja, en)} timing={FAST} />, root));
  await until(() => expect($$('[data-testid="entity-role"]').length).toBeGreaterThan(3));
  expect(text('#on-page-heading')).toBe('このページ');
  expect(text('[data-testid="article-date"]')).toContain('2020/11/20');
  const abe = $$('[data-testid="page-entity"]').find((r) => r.dataset['entity'] === 'Shinzo Abe')!;
  expect(abe.textContent).toContain('元日本首相');
  expect(abe.querySelector('.visually-hidden')?.textContent).toBe('1件の言及');
});

test('the per-site switch is ready while the page is still being read', async () => {
  const api = stub(undefined, () => new Promise<PageSummary>(() => undefined));
  await mount(api);
  await until(() => expect($('label[for="setting-site"]')?.textContent).toContain('news.example.com'));
  expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('loading');
  expect($<HTMLInputElement>('#setting-site')!.checked).toBe(true);
  expect($<HTMLInputElement>('#setting-site')!.disabled).toBe(false);
  // A content script that never answers is, to the reader, one that has not loaded.
  await until(() => expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('not-loaded'));
});
