/**
 * The popup in real Chromium, opened as a page bound to a tab
 * (popup.html?tab=ID): what it lists for the Wang Yi story, that its
 * switches reach the article tab and survive a restart, that a corrupt stored
 * setting does not break it, its honest empty states, its switches first
 * (with the reason one cannot apply) and legend of colours, and an axe check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, launchWithExtension, openPopup, serveFixtures, tabIdOf, type ExtensionBrowser, type FixtureServer } from './harness';
import { WAIT_MS } from './page-helpers';

/** The bit of the extension API the tests call inside the service worker (typed here; the global is lint-banned elsewhere). */
interface ChromeApi {
  storage: { sync: { set(items: object): Promise<void>; get(keys: null): Promise<Record<string, unknown>> } };
  tabs: { create(props: object): Promise<{ id?: number }> };
}
type WithChrome = typeof globalThis & { chrome: ChromeApi };

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const STORY = '/news-2020-wang-yi.html';
/** Another build to test (a private copy while others rebuild .output); the harness's default otherwise. */
const EXT = process.env['BACKSTORY_EXTENSION_DIR'] || undefined;

let b: ExtensionBrowser;
let server: FixtureServer;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveFixtures();
  b = await launchWithExtension({ extensionDir: EXT });
});

afterAll(async () => {
  await b?.close();
  await server?.close();
});

/** Highlighted ranges of every kind on the page (the highlight registry is shared with the page's world). */
function highlighted(page: Page): Promise<number> {
  return page.evaluate(() =>
    ['person', 'country', 'demonym', 'capital'].reduce((n, k) => n + (CSS.highlights.get(`backstory-${k}`)?.size ?? 0), 0),
  );
}

async function openArticle(path = STORY): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The tab's id; a page still loading may show its URL to the extension a moment after Playwright sees it. */
async function tabOf(page: Page): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      return await tabIdOf(b, page);
    } catch (e) {
      if (i >= 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function popupFor(page: Page): Promise<Page> {
  const popup = await openPopup(b, await tabOf(page));
  popup.on('pageerror', (e) => errors.push(e.message));
  return popup;
}

/** Serious and critical axe violations on the page, or inside one element. */
async function axeProblems(page: Page, include?: string): Promise<string[]> {
  // evaluate, not addScriptTag: the extension page's CSP forbids inline scripts, but DevTools evaluation is allowed.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (sel) => {
    type Rule = { id: string; impact: string; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(sel ? { include: [[sel]] } : document);
    return {
      passed: result.passes.map((p) => p.id),
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) })),
    };
  }, include ?? null);
  // A check that looked at nothing would pass vacuously: it must have checked contrast and names.
  expect(violations.passed.length + violations.violations.length).toBeGreaterThan(5);
  return violations.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(' ')}`);
}

/** Waits for a value to pass a check (expect.poll is for inside tests only). */
async function waitUntil<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (ok(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
}

function entityRow(popup: Page, id: string) {
  return popup.locator(`[data-testid="page-entity"][data-entity="${id}"]`);
}

describe('the Wang Yi story (2020-11-20)', () => {
  let article: Page;
  let popup: Page;

  beforeAll(async () => {
    article = await openArticle();
    await waitUntil(() => highlighted(article), (n) => n > 0, 'highlights on the article');
    popup = await popupFor(article);
    await popup.locator('[data-testid="page-entity"]').first().waitFor({ timeout: 15_000 });
  });

  test('lists Wang Yi, Suga and Motegi first, with their 2020 offices and mention counts', async () => {
    const ids = await popup.locator('[data-testid="page-entity"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['entity']));
    const firstCountry = ids.findIndex((id) => /^[A-Z]{3}$/.test(id!));
    for (const person of ['Wang Yi', 'Yoshihide Suga', 'Toshimitsu Motegi']) {
      expect(ids).toContain(person);
      expect(ids.indexOf(person)).toBeLessThan(firstCountry);
    }
    expect(ids).toContain('JPN');
    await expect.poll(() => entityRow(popup, 'Wang Yi').innerText(), { timeout: WAIT_MS }).toContain('Minister of Foreign Affairs of China');
    expect(await entityRow(popup, 'Yoshihide Suga').innerText()).toContain('Prime Minister of Japan');
    expect(await entityRow(popup, 'Toshimitsu Motegi').innerText()).toContain('Minister for Foreign Affairs of Japan');
    expect(await entityRow(popup, 'Shinzo Abe').innerText()).toContain('former Prime Minister of Japan');
    const wangMentions = Number(await entityRow(popup, 'Wang Yi').locator('.count').innerText());
    expect(wangMentions).toBeGreaterThanOrEqual(3);
  });

  test('shows the article date and that it came from the page metadata', async () => {
    const line = await popup.getByTestId('article-date').innerText();
    expect(line).toContain('Nov 20, 2020');
    expect(line).toMatch(/metadata|structured data|date shown/);
  });

  test('lists the Nov 24–25 Japan visit among the events after the article', async () => {
    const visit = popup.locator('[data-testid="events-after"] [data-event="2020-11-24-wang-yi-visits-japan"]');
    await visit.waitFor();
    expect(await visit.locator('time').innerText()).toMatch(/Nov 24\s*–\s*25, 2020/);
    expect(await visit.innerText()).toContain('Wang Yi visits Japan');
    expect(await visit.locator('a').getAttribute('href')).toMatch(/^https?:\/\//);
  });

  test('search finds a person anywhere in the knowledge and shows the card', async () => {
    await popup.getByTestId('search-input').fill('Kang Kyung');
    await popup.locator('[data-testid="search-hit"][data-entity="Kang Kyung-wha"]').click();
    const card = popup.getByTestId('search-card');
    await card.waitFor();
    expect(await card.getByTestId('card-role').innerText()).toContain('Minister of Foreign Affairs');
    await popup.getByTestId('search-input').fill('');
    await popup.locator('[data-testid="page-entity"]').first().waitFor();
  });

  test('is usable from the keyboard: Tab reaches the people, Enter reveals the mention and opens its card', async () => {
    await popup.getByTestId('search-input').focus();
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'Wang Yi'; i++) {
      await popup.keyboard.press('Tab');
      focused = await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['entity'] ?? '');
    }
    expect(focused).toBe('Wang Yi');
    await popup.keyboard.press('Enter');
    const card = article.getByTestId('backstory-card');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-entity')).toBe('Wang Yi');
  });

  test('the switches come first; a switch that cannot apply says why; the legend has the page\'s colours', async () => {
    const order = await popup.evaluate(() => {
      const main = document.querySelector('#setting-enabled')!;
      const follows = (sel: string) => !!(main.compareDocumentPosition(document.querySelector(sel)!) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { first: document.querySelector('input, button, select, a[href]')?.id, search: follows('#search'), lists: follows('[data-testid="on-this-page"]') };
    });
    expect(order).toEqual({ first: 'setting-enabled', search: true, lists: true });

    /** What a screen reader reads as the control's description. */
    const reason = (sel: string) =>
      popup.evaluate((s) => {
        const ids = document.querySelector(s)?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
        return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      }, sel);
    const kindsDisabled = () => popup.locator('fieldset.kinds').evaluate((f) => (f as HTMLFieldSetElement).disabled);
    // This site off: the kinds cannot apply here.
    await popup.locator('#setting-site').click();
    await expect.poll(() => kindsDisabled()).toBe(true);
    expect(await reason('fieldset.kinds')).toBe('Highlights are off on this site');
    expect(await popup.locator('[data-testid="settings"]').innerText()).toContain('Highlights are off on this site');
    await popup.locator('#setting-site').click();
    await expect.poll(() => kindsDisabled()).toBe(false);
    // Off everywhere: neither this site nor the kinds can apply.
    await popup.locator('#setting-enabled').click();
    await expect.poll(() => popup.locator('#setting-site').isDisabled()).toBe(true);
    expect(await reason('#setting-site')).toBe('Highlights are off on every site');
    expect(await reason('fieldset.kinds')).toBe('Highlights are off on every site');
    expect(await kindsDisabled()).toBe(true);
    await popup.locator('#setting-enabled').click();
    await expect.poll(() => popup.locator('#setting-site').isDisabled()).toBe(false);
    expect(await reason('fieldset.kinds')).toBe('');
    await expect.poll(() => highlighted(article), { timeout: 10_000 }).toBeGreaterThan(0);

    // The legend's colours are those of the stylesheet the extension injects into pages.
    const legend = await popup.evaluate(async () => {
      const css = (await (await fetch('/highlight.css')).text()).replace(/\/\*[\s\S]*?\*\//g, '');
      const page: Record<string, string> = {};
      for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
        const colour = /background-color:\s*([^;]+)/.exec(body!)?.[1]?.trim() ?? '';
        for (const [, kind] of selectors!.matchAll(/::highlight\(backstory-(\w+)\)/g)) page[kind!] = colour.replace(/\s+/g, '');
      }
      const shown = [...document.querySelectorAll<HTMLElement>('[data-testid="legend"] [data-legend]')].map((e) => ({
        kind: e.dataset['legend']!,
        colour: getComputedStyle(e.querySelector('.swatch') ?? e).backgroundColor.replace(/\s+/g, ''),
        visible: (e.querySelector('.swatch') ?? e).getBoundingClientRect().width > 0,
      }));
      return { page, shown };
    });
    expect(legend.shown.map((e) => e.kind)).toEqual(['person', 'country', 'demonym', 'capital', 'organisation']);
    for (const e of legend.shown) {
      expect(e.visible, e.kind).toBe(true);
      expect(e.colour, e.kind).toBe(legend.page[e.kind]);
    }
  });

  test('has no serious or critical accessibility violation, in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeProblems(popup), scheme).toEqual([]);
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  test('an open card has no serious or critical accessibility violation', async () => {
    await entityRow(popup, 'Yoshihide Suga').click();
    await expect.poll(() => article.getByTestId('backstory-card').getAttribute('data-entity'), { timeout: WAIT_MS }).toBe('Yoshihide Suga');
    expect(await axeProblems(article, 'backstory-ui')).toEqual([]);
  });

  test('turning highlights off clears them in the article tab at once, and the setting survives a restart', async () => {
    await popup.bringToFront();
    const global = popup.locator('#setting-enabled');
    expect(await global.isChecked()).toBe(true);
    await global.click();
    await expect.poll(() => highlighted(article), { timeout: WAIT_MS }).toBe(0);
    expect(await global.isChecked()).toBe(false);

    // Restart: a new browser on the same profile.
    const profileDir = b.profileDir;
    await b.close({ keepProfile: true });
    b = await launchWithExtension({ profileDir, extensionDir: EXT });
    article = await openArticle();
    popup = await popupFor(article);
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').getAttribute('data-state'), { timeout: WAIT_MS }).toBe('off');
    expect(await popup.locator('#setting-enabled').isChecked()).toBe(false);
    expect(await highlighted(article)).toBe(0);

    // And on again: the article is read and painted without a reload.
    await popup.locator('#setting-enabled').click();
    await expect.poll(() => highlighted(article), { timeout: WAIT_MS }).toBeGreaterThan(0);
    await entityRow(popup, 'Wang Yi').waitFor({ timeout: 10_000 });
  });

  test('the per-site switch turns this site off and back on', async () => {
    const site = popup.locator('#setting-site');
    expect(await popup.locator('label[for="setting-site"]').innerText()).toContain('127.0.0.1');
    await site.click();
    await expect.poll(() => highlighted(article), { timeout: WAIT_MS }).toBe(0);
    await site.click();
    await expect.poll(() => highlighted(article), { timeout: WAIT_MS }).toBeGreaterThan(0);
  });
});

describe('settings stored wrong', () => {
  test('a corrupted stored setting does not break the popup; the others survive', async () => {
    const worker = b.context.serviceWorkers()[0] ?? (await b.context.waitForEvent('serviceworker'));
    await worker.evaluate(() =>
      (globalThis as WithChrome).chrome.storage.sync.set({ v: 1, enabled: 'yes please', kinds: { person: 'maybe', country: false, demonym: true, capital: true }, disabledSites: 42 }),
    );
    const article = await openArticle();
    const popup = await popupFor(article);
    await popup.locator('[data-testid="settings"]').waitFor();
    // The corrupt values fall back to their defaults; country: false is kept.
    expect(await popup.locator('#setting-enabled').isChecked()).toBe(true);
    expect(await popup.locator('[data-kind="person"]').isChecked()).toBe(true);
    expect(await popup.locator('[data-kind="country"]').isChecked()).toBe(false);
    expect(await popup.locator('#setting-site').isChecked()).toBe(true);
    await popup.locator('[data-testid="page-entity"]').first().waitFor({ timeout: 15_000 });
    // Changing a setting from the popup writes clean values again.
    await popup.locator('[data-kind="country"]').click();
    const stored = await (b.context.serviceWorkers()[0]!).evaluate(() => (globalThis as WithChrome).chrome.storage.sync.get(null));
    expect(stored['kinds']).toEqual({ person: true, country: true, demonym: true, capital: true, organisation: true });
    expect(errors).toEqual([]);
  });
});

describe('empty states', () => {
  test('a page with no known people or countries', async () => {
    const popup = await popupFor(await openArticle('/popup-no-mentions.html'));
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').getAttribute('data-state'), { timeout: WAIT_MS }).toBe('none');
    expect(await popup.getByTestId('article-date').innerText()).toContain('Dec 18, 2021');
    // Open, type: the search box has the focus from the start.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search');
  });

  test('a browser page where extensions cannot run', async () => {
    const worker = b.context.serviceWorkers()[0]!;
    const tabId = await worker.evaluate(async () => (await (globalThis as WithChrome).chrome.tabs.create({ url: 'chrome://version/', active: false })).id!);
    const popup = await openPopup(b, tabId);
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').getAttribute('data-state'), { timeout: WAIT_MS }).toBe('closed');
    expect(await popup.locator('#setting-site').isDisabled()).toBe(true);
    expect(await axeProblems(popup)).toEqual([]);
  });

  test('on a page where extensions cannot run, the per-site switch says why it is disabled', async () => {
    const worker = b.context.serviceWorkers()[0]!;
    const tabId = await worker.evaluate(async () => (await (globalThis as WithChrome).chrome.tabs.create({ url: 'chrome://version/', active: false })).id!);
    const popup = await openPopup(b, tabId);
    await expect.poll(() => popup.locator('#setting-site').isDisabled(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').getAttribute('data-state'), { timeout: 10_000 }).toBe('closed');
    const hint = await popup.locator('#setting-site').getAttribute('aria-describedby');
    expect(hint).toBeTruthy();
    expect(await popup.locator(`[id="${hint}"]`).innerText()).toBe("Extensions can't run on this page");
  });

  test('the content script not yet loaded, then answering once the page is ready', async () => {
    let finish: () => void = () => undefined;
    server.route('/slow.html', (_req, res) => {
      // Half a page and a held connection: the document never reaches "idle", so the content script waits.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(`<!doctype html><html><head><meta charset="utf-8"><title>Slow</title><meta property="article:published_time" content="2020-11-20"></head><body><p>${' '.repeat(2048)}`);
      finish = () => res.end('Wang Yi met Yoshihide Suga in Tokyo.</p></body></html>');
    });
    const page = await b.context.newPage();
    await page.goto(`${server.url}/slow.html`, { waitUntil: 'commit' });
    const popup = await popupFor(page);
    await expect.poll(() => popup.locator('[data-testid="empty-state"]').getAttribute('data-state'), { timeout: WAIT_MS }).toBe('not-loaded');
    expect(await popup.getByRole('button', { name: 'Reload the page' }).isVisible()).toBe(true);
    finish();
    await entityRow(popup, 'Wang Yi').waitFor({ timeout: 15_000 });
  });
});
