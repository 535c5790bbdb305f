/** A page that rewrites itself with document.open()/write() after Backstory has started: highlights come back, and so do cards. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { hoverMention, instrument, waitPainted } from './page-helpers';

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

test('after document.open() and write(), the new text is painted and hovering a name still opens its card', async () => {
  const page = await browser.context.newPage();
  await instrument(page);
  await page.goto(`${server.url}/document-rewrite.html`);
  await waitPainted(page);
  await page.evaluate(() => (window as unknown as { rewrite(): void }).rewrite());
  await page.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) >= 2, undefined, { timeout: 30_000 });
  await hoverMention(page, 'Yoshihide Suga');
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 30_000 }).toBe(1);
  expect(await page.getByRole('dialog').getAttribute('aria-label')).toBe('Backstory: Yoshihide Suga');
  await page.close();
});
