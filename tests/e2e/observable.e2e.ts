/**
 * What a page can observe of Backstory in the production build: its highlights (on a page with mentions) and,
 * once a card opens, its UI host, but no performance marks and no window events, which every page could read.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, PRODUCTION_EXTENSION_DIR, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension({ extensionDir: PRODUCTION_EXTENSION_DIR });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the production build paints a story but leaves no performance mark and sends no event', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __events: string[] }).__events = seen;
    // The page's own world sees every event dispatched on its window, whichever world dispatched it.
    window.addEventListener('backstory:painted', () => seen.push('backstory:painted'));
  });
  await page.goto(`${server.url}/news-2020-wang-yi.html`);
  // Painted: the page's world sees the highlight registry fill.
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory-') && (CSS.highlights.get(k)?.size ?? 0) > 0));
  // Give any announcement the time it would have taken (the painted event comes after the registry fills).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
  const marks = await page.evaluate(() => performance.getEntries().filter((e) => e.name.startsWith('backstory')).map((e) => `${e.entryType} ${e.name}`));
  expect(marks).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual([]);
  await page.close();
});
