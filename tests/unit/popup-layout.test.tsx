/**
 * The popup's switches first (with the reason a switch cannot apply), the
 * legend of the page's highlight colours, and the Japanese UI's facts:
 * country names from CLDR, native-script names beside, office titles from a
 * Japanese template.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import countries from 'world-countries';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import en from '../../assets/public/_locales/en/messages.json';
import ja from '../../assets/public/_locales/ja/messages.json';
import knowledgeJson from '../../src/generated/knowledge.json';
import { cardFor } from '../../src/knowledge/cards';
import { describeEntities, relatedFor, searchKnowledge } from '../../src/knowledge/lookup';
import type { Knowledge } from '../../src/knowledge/model';
import { translatorFrom } from '../../src/platform/i18n';
import { DEFAULT_SETTINGS, type PageSummary, type Settings } from '../../src/vocabulary';
import type { PopupApi, TabInfo } from '../../src/ui/popup/api';
import { Popup, type PopupTiming } from '../../src/ui/popup/Popup';

const k = knowledgeJson as unknown as Knowledge;
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
}

function stub(tab: TabInfo | null = { id: 7, url: URL_ }, settings: Partial<Settings> = {}, language = 'en-US'): Stub {
  const api: Stub = {
    settings: { ...(structuredClone(DEFAULT_SETTINGS) as Settings), ...settings },
    listeners: [],
    tab: vi.fn(async () => tab),
    summary: vi.fn(async () => STORY),
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
    language,
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
  const t = api.language.startsWith('ja') ? translatorFrom(ja, en) : translatorFrom(en);
  await act(() => render(<Popup api={api} t={t} timing={FAST} />, root));
}

async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

/** Waits for `check` to pass; the deadline only ends a wait that would never end. */
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

/** What a screen reader reads as the element's description: the text of its aria-describedby targets. */
function description(el: Element | null): string {
  const ids = el?.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
}

const before = (a: Element | null, b: Element | null) => {
  expect(a).not.toBeNull();
  expect(b).not.toBeNull();
  return !!(a!.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING);
};

async function type(value: string): Promise<void> {
  const input = $<HTMLInputElement>('[data-testid="search-input"]')!;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: Element | null | undefined): Promise<void> {
  expect(el).toBeTruthy();
  await act(() => (el as HTMLElement).click());
}

describe('the switches come first', () => {
  test('the main switch is the popup\'s first control, before the search box and the page\'s lists', async () => {
    await mount(stub());
    await until(() => expect($$('[data-testid="page-entity"]').length).toBe(6));
    const main = $('#setting-enabled');
    expect(root.querySelector('input, button, select, a[href]')).toBe(main);
    expect(before(main, $('[data-testid="search-input"]'))).toBe(true);
    expect(before(main, $('[data-testid="on-this-page"]'))).toBe(true);
    // The other switches too: all of them before the search box.
    expect(before($('#setting-site'), $('[data-testid="search-input"]'))).toBe(true);
    expect(before($('fieldset.kinds'), $('[data-testid="search-input"]'))).toBe(true);
  });

  test('with highlights off everywhere, "this site" and the kinds are disabled, saying why', async () => {
    await mount(stub(undefined, { enabled: false }));
    await until(() => expect($('#setting-site')).not.toBeNull());
    const site = $<HTMLInputElement>('#setting-site')!;
    const kinds = $<HTMLFieldSetElement>('fieldset.kinds')!;
    expect(site.disabled).toBe(true);
    expect(kinds.disabled).toBe(true);
    expect(description(site)).toBe('Highlights are off on every site');
    expect(description(kinds)).toBe('Highlights are off on every site');
    expect($('[data-testid="settings"]')!.textContent).toContain('Highlights are off on every site');
  });

  test('with this site off, the kinds are disabled, saying why; "this site" can be turned back on', async () => {
    const api = stub(undefined, { disabledSites: ['news.example.com'] });
    await mount(api);
    await until(() => expect($<HTMLInputElement>('#setting-site')?.disabled).toBe(false));
    const kinds = $<HTMLFieldSetElement>('fieldset.kinds')!;
    expect(kinds.disabled).toBe(true);
    expect(description(kinds)).toBe('Highlights are off on this site');
    expect(description($('#setting-site'))).toBe('');
    // Back on: the kinds apply again and the reason goes.
    await click($('#setting-site'));
    expect($<HTMLFieldSetElement>('fieldset.kinds')!.disabled).toBe(false);
    expect(description($('fieldset.kinds'))).toBe('');
    expect($('[data-testid="settings"]')!.textContent).not.toContain('Highlights are off');
  });

  test('on a page extensions cannot run on, "this site" is disabled, saying why; the kinds still apply elsewhere', async () => {
    await mount(stub({ id: 3, url: 'chrome://extensions/' }));
    await until(() => expect($('[data-testid="empty-state"]')?.dataset['state']).toBe('closed'));
    await until(() => expect($('#setting-site')).not.toBeNull());
    expect($<HTMLInputElement>('#setting-site')!.disabled).toBe(true);
    expect(description($('#setting-site'))).toBe("Extensions can't run on this page");
    expect($<HTMLFieldSetElement>('fieldset.kinds')!.disabled).toBe(false);
  });

});

/** The page's highlight colours, read from the stylesheet the manifest injects into pages. */
function highlightColours(): Record<string, string> {
  const css = readFileSync(join(__dirname, '../../assets/public/highlight.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Record<string, string> = {};
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const colour = /background-color:\s*([^;]+);?/.exec(body!)?.[1]?.trim();
    for (const [, kind] of selectors!.matchAll(/::highlight\(backstory-(\w+)\)/g)) out[kind!] = colour!;
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('the legend of highlight colours', () => {
  test('one entry per kind, in the colour the page paints it', async () => {
    await mount(stub());
    await until(() => expect($('[data-testid="legend"]')).not.toBeNull());
    const colours = highlightColours();
    expect(Object.keys(colours).sort()).toEqual(['capital', 'country', 'demonym', 'organisation', 'person']);
    const entries = $$('[data-testid="legend"] [data-legend]');
    expect(entries.map((e) => e.dataset['legend'])).toEqual(['person', 'country', 'demonym', 'capital', 'organisation']);
    for (const e of entries) {
      const swatch = e.querySelector<HTMLElement>('.swatch') ?? e;
      expect(squash(swatch.style.backgroundColor), e.dataset['legend']).toBe(squash(colours[e.dataset['legend']!]!));
    }
    expect(entries.map((e) => e.textContent?.trim())).toEqual(['Person', 'Country', 'Nationality', 'Capital', 'Organisation']);
  });

  test('it sits with the switches, before the search box', async () => {
    await mount(stub());
    await until(() => expect($('[data-testid="legend"]')).not.toBeNull());
    expect($('[data-testid="settings"]')!.contains($('[data-testid="legend"]'))).toBe(true);
    expect(before($('[data-testid="legend"]'), $('[data-testid="search-input"]'))).toBe(true);
  });

  test('in Japanese, with Japanese names', async () => {
    await mount(stub(undefined, {}, 'ja'));
    await until(() => expect($('[data-testid="legend"]')).not.toBeNull());
    expect($$('[data-testid="legend"] [data-legend]').map((e) => e.textContent?.trim())).toEqual(['人物', '国', '国籍', '首都', '国際機関']);
  });
});

const jaRegion = new Intl.DisplayNames(['ja'], { type: 'region' });

describe('in Japanese: Japanese facts where they exist', () => {
  test('country names in the page\'s lists come from CLDR, not the English name (which English keeps)', async () => {
    await mount(stub());
    await until(() => expect($$('[data-testid="entity-role"]').length).toBeGreaterThan(4));
    expect($('[data-testid="page-entity"][data-entity="JPN"] .entity-name')?.textContent).toBe('Japan');
    expect($('[data-testid="page-entity"][data-entity="Yoshihide Suga"] [data-testid="entity-role"]')?.textContent).toBe('Prime Minister of Japan');
    expect($('[data-testid="page-entity"][data-entity="Wang Yi"] [data-testid="native-name"]')).toBeNull();
    await act(() => render(null, root));

    await mount(stub(undefined, {}, 'ja'));
    await until(() => expect($$('[data-testid="entity-role"]').length).toBeGreaterThan(4));
    const name = (id: string) => $(`[data-testid="page-entity"][data-entity="${id}"] .entity-name`)?.textContent;
    expect(name('JPN')).toBe(jaRegion.of('JP'));
    expect(name('CHN')).toBe(jaRegion.of('CN'));
    expect(name('JPN')).toBe('日本');
  });

  test('people keep their names; a Japanese, Chinese or Korean person\'s own-script name is beside it, labelled as their own script', async () => {
    await mount(stub(undefined, {}, 'ja'));
    await until(() => expect($$('[data-testid="entity-role"]').length).toBeGreaterThan(4));
    const wang = $('[data-testid="page-entity"][data-entity="Wang Yi"]')!;
    expect(wang.querySelector('.entity-name')?.textContent).toContain('Wang Yi');
    const native = wang.querySelector<HTMLElement>('[data-testid="native-name"]')!;
    expect(native.textContent).toContain('王毅');
    expect(native.querySelector('[lang]')?.getAttribute('lang')).toMatch(/^zh/);
    expect(native.textContent).toContain('原語表記');
    const suga = $('[data-testid="page-entity"][data-entity="Yoshihide Suga"] [data-testid="native-name"]')!;
    expect(suga.textContent).toContain('菅義偉');
    expect(suga.querySelector('[lang]')?.getAttribute('lang')).toBe('ja');
  });

  test('office titles follow the Japanese template: country, then the office', async () => {
    await mount(stub(undefined, {}, 'ja'));
    await until(() => expect($$('[data-testid="entity-role"]').length).toBeGreaterThan(4));
    const role = (id: string) => $(`[data-testid="page-entity"][data-entity="${id}"] [data-testid="entity-role"]`)?.textContent;
    expect(role('Yoshihide Suga')).toBe('日本首相');
    expect(role('Wang Yi')).toBe('中国外相');
    expect(role('Toshimitsu Motegi')).toBe('日本外相');
    expect(role('Shinzo Abe')).toBe('元日本首相');
  });

  test('events name their countries in Japanese', async () => {
    await mount(stub(undefined, {}, 'ja'));
    const visit = () => $('[data-testid="events-after"] [data-event="2020-11-24-wang-yi-visits-japan"]');
    await until(() => expect(visit()).not.toBeNull());
    const who = visit()!.querySelector('.event-who')!.textContent!;
    expect(who).toContain('日本');
    expect(who).toContain('中国');
    expect(who).not.toContain('Japan');
  });

  test('search and cards: Japanese country names and titles', async () => {
    const api = stub({ id: 1, url: 'chrome://newtab/' }, {}, 'ja');
    api.today = () => '2021-06-01';
    await mount(api);
    await type('United States');
    await until(() => expect($('[data-testid="search-hit"][data-entity="USA"]')).not.toBeNull());
    expect($('[data-testid="search-hit"][data-entity="USA"] .entity-name')?.textContent).toBe(jaRegion.of('US'));
    await click($('[data-testid="search-hit"][data-entity="USA"]'));
    await until(() => expect($('[data-testid="search-card"]')?.dataset['entity']).toBe('USA'));
    expect($('#card-heading')?.textContent).toContain(jaRegion.of('US'));
    const facts = $('[data-testid="search-card"] .card-facts')!.textContent!;
    expect(facts).toContain(`${jaRegion.of('US')}大統領`);
    expect(facts).toContain('国務長官');
    await click($$('[data-testid="search-card"] .link-button').find((b) => b.textContent === 'Joe Biden'));
    await until(() => expect($('[data-testid="search-card"]')?.dataset['entity']).toBe('Joe Biden'));
    expect($('[data-testid="card-role"]')?.textContent).toContain(`${jaRegion.of('US')}大統領`);
    expect($('[data-testid="card-role"]')?.textContent).not.toContain('President of the United States');
  });

  test('a person\'s card labels the own-script name as the person\'s script, not the reader\'s language', async () => {
    const api = stub({ id: 1, url: 'chrome://newtab/' }, {}, 'ja');
    await mount(api);
    await type('Kang Kyung');
    await until(() => expect($('[data-testid="search-hit"][data-entity="Kang Kyung-wha"]')).not.toBeNull());
    await click($('[data-testid="search-hit"][data-entity="Kang Kyung-wha"]'));
    await until(() => expect($('[data-testid="search-card"]')).not.toBeNull());
    const native = $('#card-heading [data-testid="native-name"]')!;
    expect(native.textContent).toContain('강경화');
    expect(native.querySelector('[lang]')?.getAttribute('lang')).toBe('ko');
    expect(native.textContent).toContain('原語表記');
    expect(native.textContent).not.toContain('日本語');
  });

});

describe('the Japanese title template', () => {
  test('role words by role, the country from CLDR, English where no template fits', async () => {
    const { officeTitle } = await import('../../src/ui/popup/role');
    const us = jaRegion.of('US')!;
    expect(officeTitle('ja', { title: 'President of the United States', roles: ['head_of_state', 'head_of_government'], country: 'USA' })).toBe(`${us}大統領`);
    expect(officeTitle('ja', { title: 'Prime Minister of Japan', roles: ['head_of_government'], country: 'JPN' })).toBe('日本首相');
    expect(officeTitle('ja', { title: 'Chancellor of Germany', roles: ['head_of_government'], country: 'DEU' })).toBe(`${jaRegion.of('DE')}首相`);
    expect(officeTitle('ja', { title: 'Foreign Secretary', roles: ['foreign_minister'], country: 'GBR' })).toBe(`${jaRegion.of('GB')}外相`);
    expect(officeTitle('ja', { title: 'Governor-General of Tuvalu', roles: ['head_of_state'], country: 'TUV' })).toBe(`${jaRegion.of('TV')}国家元首`);
    expect(officeTitle('ja', { title: 'President of China', roles: ['head_of_state'], country: 'CHN' })).toBe('中国国家主席');
    // Without the role from the knowledge (a card's line), the title says which office it is.
    expect(officeTitle('ja', { title: 'Prime Minister of Japan', country: 'JPN' })).toBe('日本首相');
    // An office the template does not cover keeps the knowledge's title; so does English.
    expect(officeTitle('ja', { title: 'Vice President of the United States', roles: ['other'], country: 'USA' })).toBe('Vice President of the United States');
    expect(officeTitle('en-US', { title: 'Prime Minister of Japan', roles: ['head_of_government'], country: 'JPN' })).toBe('Prime Minister of Japan');
  });

  test('every country in the knowledge has its alpha-2 code, as the world-countries dataset gives it', async () => {
    const { alpha2 } = await import('../../src/ui/popup/format');
    const byIso3 = new Map(countries.map((c) => [c.cca3 === 'UNK' ? 'XKX' : c.cca3, c.cca2]));
    for (const c of k.countries) expect(alpha2(c.iso3), c.iso3).toBe(byIso3.get(c.iso3));
    expect(alpha2('XKX')).toBe('XK');
    expect(alpha2('ZZZ')).toBeNull();
  });
});
