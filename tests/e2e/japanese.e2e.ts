/**
 * A Japanese reader in real Chromium (the browser's UI language set to
 * Japanese): the card gives a foreign leader's name as the Japanese press
 * writes it, with the English one below, the office from the Japanese
 * template, and a country by its Japanese name; the popup's lists likewise.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, openPopup, serveFixtures, tabIdOf, type ExtensionBrowser, type FixtureServer } from './harness';
import { hoverMention, moveAway, WAIT_MS, openPainted } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;
let page: Page;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension({ lang: 'ja' });
  page = await openPainted(browser.context, `${server.url}/news-2020-wang-yi.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the November 2020 story, read in Japanese', () => {
  test("a US secretary of state's card: his name in katakana, the English below, the office from the template", async () => {
    const card = await hoverMention(page, 'Michael Pompeo');
    expect(await card.locator('h2').innerText()).toBe('マイク・ポンペオ');
    expect(await card.locator('.bs-native').innerText()).toBe('Mike Pompeo');
    expect(await card.getByTestId('backstory-role').innerText()).toContain('国務長官');
    await moveAway(page);
  });

  test("a country's card by its Japanese name", async () => {
    const card = await hoverMention(page, 'Japan');
    expect(await card.locator('h2').innerText()).toBe('日本');
    await moveAway(page);
  });

  test('the popup lists countries by their Japanese names and offices from the template', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const row = popup.locator('[data-testid="page-entity"][data-entity="Yoshihide Suga"]');
    await row.waitFor({ timeout: WAIT_MS });
    await expect.poll(() => row.innerText(), { timeout: WAIT_MS }).toContain('日本首相');
    expect(await popup.locator('[data-testid="page-entity"][data-entity="CHN"]').innerText()).toContain('中国');
    await popup.close();
  });
});
