/** Settings take effect at once in an open tab; the popup's questions to the tab (summary, reveal) are answered. */
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { PageSummary } from '../../src/platform/messages';
import { launchWithExtension, serveFixtures, tabIdOf, type ExtensionBrowser, type FixtureServer } from './harness';
import { highlighted, hoverMention, instrument, mentionBox, LIGHT_NAMES, WAIT_MS, waitPainted, type ChromeApi } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;
let worker: Worker;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  worker = browser.context.serviceWorkers()[0]!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Writes settings the way the popup does: one storage key per setting. */
function store(values: Record<string, unknown>): Promise<void> {
  return worker.evaluate(async (v) => {
    await (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.sync.set({ v: 1, ...v });
  }, values);
}

beforeEach(async () => {
  await worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.sync.clear());
});

async function open(): Promise<Page> {
  const page = await browser.context.newPage();
  await instrument(page);
  await page.goto(`${server.url}/news-2020-wang-yi.html`);
  await waitPainted(page);
  return page;
}

function registered(page: Page): Promise<string[]> {
  return page.evaluate((names) => names.filter((n) => CSS.highlights.has(n) && CSS.highlights.get(n)!.size > 0), [...LIGHT_NAMES]);
}

test('switching highlights off clears them in the open tab, without a reload, and on brings them back', async () => {
  const page = await open();
  expect(await registered(page)).toEqual([...LIGHT_NAMES]);
  // A mark in the page's own world: gone if the tab were reloaded to apply the change.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await store({ enabled: false });
  await expect.poll(() => registered(page), { timeout: WAIT_MS, interval: 50 }).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // No cards either.
  await page.mouse.move(300, 300);
  await store({ enabled: true });
  await waitPainted(page, 2);
  expect(await registered(page)).toEqual([...LIGHT_NAMES]);
  await page.close();
});

test('switching this site off clears it; other sites are untouched by the list', async () => {
  const page = await open();
  await store({ disabledSites: ['example.com'] });
  await page.waitForTimeout(300);
  expect(await registered(page)).toEqual([...LIGHT_NAMES]);
  await store({ disabledSites: ['example.com', '127.0.0.1'] });
  await expect.poll(() => registered(page), { timeout: WAIT_MS, interval: 50 }).toEqual([]);
  await page.close();
});

test('switching a kind off removes just that kind, and its mentions open no card', async () => {
  const page = await open();
  const b = await mentionBox(page, 'Yoshihide Suga');
  await store({ kinds: { person: false, country: true, demonym: true, capital: true, organisation: true } });
  await expect.poll(() => registered(page), { timeout: WAIT_MS, interval: 50 }).toEqual(['backstory-country', 'backstory-demonym', 'backstory-capital', 'backstory-organisation']);
  await page.mouse.move(b.x + 4, b.y + b.height / 2, { steps: 2 });
  await page.waitForTimeout(900);
  expect(await page.getByRole('dialog').count()).toBe(0);
  // Countries still open theirs.
  const card = await hoverMention(page, 'Japan');
  expect(await card.getAttribute('aria-label')).toBe('Backstory: Japan');
  await page.close();
});

test('a page script deleting Backstory\'s highlights gets them back', async () => {
  const page = await open();
  await page.evaluate((names) => names.forEach((n) => CSS.highlights.delete(n)), [...LIGHT_NAMES]);
  await expect.poll(() => registered(page), { timeout: WAIT_MS, interval: 100 }).toEqual([...LIGHT_NAMES]);
  await page.close();
});

test('the tab answers the popup: a summary of who is on the page, and reveal opens a card', async () => {
  const page = await open();
  const tabId = await tabIdOf(browser, page);
  const summary = await worker.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.sendMessage(id, { type: 'summary' }), tabId) as PageSummary;
  expect(summary.date).toBe('2020-11-20');
  expect(summary.dateSource).toBe('meta');
  expect(summary.url).toBe(page.url());
  const byId = Object.fromEntries(summary.entities.map((e) => [e.id, e]));
  expect(byId['Wang Yi']).toMatchObject({ kind: 'person', name: 'Wang Yi', firstKind: 'person' });
  expect(byId['Wang Yi']!.count).toBe((await highlighted(page))['backstory-person']!.filter((t) => t === 'Wang Yi' || t === 'Wang').length);
  expect(byId['CHN']).toMatchObject({ kind: 'country', name: 'China' });
  expect(byId['JPN']?.count).toBeGreaterThanOrEqual(3);

  await page.evaluate(() => window.scrollTo(0, 0));
  const ok = await worker.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.sendMessage(id, { type: 'reveal', entity: 'Kang Kyung-wha' }), tabId);
  expect(ok).toBe(true);
  const card = page.getByRole('dialog');
  await expect.poll(() => card.getAttribute('aria-label', { timeout: 1_000 }).catch(() => null), { timeout: WAIT_MS }).toBe('Backstory: Kang Kyung-wha');
  expect(await worker.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.sendMessage(id, { type: 'reveal', entity: 'Nobody' }), tabId)).toBe(false);
  await page.close();
});

test('"only the first mention of each" paints each person and country once, in an open tab, and back to every mention', async () => {
  const page = await open();
  const count = async (text: string) => ((await highlighted(page))['backstory-person'] ?? []).filter((t) => t === text).length;
  expect(await count('Wang Yi')).toBeGreaterThan(1);
  await store({ firstOnly: true });
  await expect.poll(() => count('Wang Yi'), { timeout: WAIT_MS, interval: 100 }).toBe(1);
  // The popup still counts every mention.
  const tabId = await tabIdOf(browser, page);
  const summary = await worker.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.sendMessage(id, { type: 'summary' }), tabId) as PageSummary;
  expect(summary.entities.find((e) => e.id === 'Wang Yi')!.count).toBeGreaterThan(1);
  // A card still opens from the one painted.
  const card = await hoverMention(page, 'Wang Yi');
  expect(await card.getAttribute('data-entity')).toBe('Wang Yi');
  await store({ firstOnly: false });
  await expect.poll(() => count('Wang Yi'), { timeout: WAIT_MS, interval: 100 }).toBeGreaterThan(1);
  await page.close();
});
