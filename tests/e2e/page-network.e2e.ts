/** Backstory makes no network request of its own: not to annotate, not to open cards, not to answer the popup. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Request } from 'playwright-core';
import { launchWithExtension, serveFixtures, tabIdOf, type ExtensionBrowser, type FixtureServer } from './harness';
import { hoverMention, instrument, moveAway, WAIT_MS, waitPainted, type ChromeApi } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;
const requests: string[] = [];

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  // Every request any page, frame or service worker of this browser makes, including the extension's.
  browser.context.on('request', (r: Request) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('annotating pages, opening cards and answering the popup request nothing but the pages themselves', async () => {
  const page = await browser.context.newPage();
  await instrument(page);
  for (const path of ['news-2020-wang-yi.html', 'page-2026-takaichi.html']) {
    await page.goto(`${server.url}/${path}`);
    await waitPainted(page);
    for (const name of ['Yoshihide Suga', 'Japan', 'Wang Yi']) {
      const card = await hoverMention(page, name);
      expect(await card.innerText()).toContain(name === 'Japan' ? 'Tokyo' : name);
      await moveAway(page);
    }
    const tabId = await tabIdOf(browser, page);
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.sendMessage(id, { type: 'summary' }), tabId);
  }
  await page.waitForTimeout(500);
  const foreign = requests.filter((u) => !u.startsWith(`${server.url}/`));
  expect(foreign).toEqual([]);
  // The pages themselves were seen, so the log works for this page.
  expect(requests).toContain(`${server.url}/news-2020-wang-yi.html`);
  await page.close();
});

test('the request log does see a request the extension itself makes to another host (so the test above can fail)', async () => {
  const before = requests.length;
  const worker = browser.context.serviceWorkers()[0]!;
  // Goes nowhere: the browser's proxy is a closed loopback port.
  await worker.evaluate(() => fetch('http://backstory-probe.example/x').then(() => undefined, () => undefined));
  await expect.poll(() => requests.slice(before), { timeout: WAIT_MS }).toContain('http://backstory-probe.example/x');
});
