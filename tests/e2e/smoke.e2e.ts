import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, openPopup, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { WAIT_MS } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the extension loads and its content script runs on a news page', async () => {
  expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/news-2020-wang-yi.html`);
  // Backstory leaves the page's DOM alone; its sign of life is its highlights in the (shared) registry.
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('backstory-person')), { timeout: WAIT_MS }).toBe(true);
});

test('the popup renders', async () => {
  const popup = await openPopup(browser);
  await expect.poll(() => popup.locator('main').count(), { timeout: WAIT_MS }).toBe(1);
});
