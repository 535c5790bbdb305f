/**
 * The extension is reloaded (an update, or the user pressing "reload") while
 * a page is open: the old content script's context is invalidated and MV3
 * does not inject the new one into open tabs. The behaviour defined here: the
 * old content script cleans up quietly and soon, without waiting for the
 * reader to touch anything: its highlights and its card host are removed,
 * hovering a former mention opens nothing, and nothing is thrown into the
 * page or logged to its console. (In this headless Chromium an unpacked
 * extension reloaded with chrome.runtime.reload() does not come back, so what
 * new pages get is not checked here; the old script's side is the same for a
 * reload, an update or a removal.)
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { HOST_TAG, hoverMention, instrument, mentionBox, moveAway, NAMES, waitPainted } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  server.route('/favicon.ico', (_req, res) => void res.writeHead(204).end());
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function registered(page: Page): Promise<Record<string, number>> {
  return page.evaluate((names) => Object.fromEntries(names.filter((n) => CSS.highlights.has(n)).map((n) => [n, CSS.highlights.get(n)!.size])), [...NAMES]);
}

test('reloading the extension under an open page: the old content script cleans up quietly, nothing thrown into the page', async () => {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  await instrument(page);
  await page.goto(`${server.url}/news-2020-wang-yi.html`);
  await waitPainted(page);
  // Working before: painted, and a card opens (so the host element exists).
  expect(Object.values(await registered(page)).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
  const box = await mentionBox(page, 'Yoshihide Suga');
  await hoverMention(page, 'Yoshihide Suga');
  await moveAway(page);
  expect(await page.evaluate((tag) => !!document.querySelector(tag), HOST_TAG)).toBe(true);

  const oldWorker = browser.context.serviceWorkers()[0]!;
  const gone = new Promise<void>((r) => oldWorker.once('close', () => r()));
  // The worker goes away mid-call; its answer does not matter. (The new worker starts lazily, on its first event.)
  void oldWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  await gone;

  // Soon, untouched: the old script has taken its highlights and its host away.
  await expect.poll(() => registered(page), { timeout: 10_000, message: 'old highlights removed' }).toEqual({});
  expect(await page.evaluate((tag) => document.querySelector(tag), HOST_TAG)).toBeNull();

  // Hovering where a mention was opens nothing and throws nothing.
  await page.mouse.move(box.x + 4, box.y + box.height / 2, { steps: 3 });
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await page.waitForTimeout(1500);
  expect(await page.getByRole('dialog').count()).toBe(0);
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);
  await page.waitForTimeout(500);

  // The page itself is unchanged apart from the host that came and went, and its scripts run.
  const mutations = await page.evaluate(() => (window as unknown as { __bsMutations: string[] }).__bsMutations);
  expect(mutations.filter((m) => !/^(add|remove) backstory-ui (to|from) html$/.test(m))).toEqual([]);
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(problems).toEqual([]);

  await page.close();
});
