/**
 * What a hover card says, in real Chromium: an office still to come, the office now, a country's leaders one line per
 * person, names with their diacritics, why it matched only when that tells something, events before and after the
 * article with their summaries, the country's Wikipedia link, a page with no date, and a card light or dark as the
 * page under the mention is.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { hoverMention, moveAway, openPainted } from './page-helpers';

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

function open(path: string): Promise<Page> {
  return openPainted(browser.context, `${server.url}/${path}`);
}

/** The card's painted background and border colours, and the page's background under the mention's paragraph. */
async function colours(card: Locator): Promise<{ bg: number; border: number }> {
  return card.evaluate((el) => {
    const lum = (css: string) => {
      const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
      if (!m) return NaN;
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(+m[1]!) + 0.7152 * lin(+m[2]!) + 0.0722 * lin(+m[3]!);
    };
    const s = getComputedStyle(el);
    return { bg: lum(s.backgroundColor), border: lum(s.borderTopColor) };
  });
}

describe('a November 2020 story (Biden had won, Trump was president)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('news-2020-wang-yi.html');
  });
  afterAll(async () => {
    await page.close();
  });

  test('the president-elect\'s card says President-elect, and from when', async () => {
    const card = await hoverMention(page, 'Joe Biden');
    const text = await card.innerText();
    expect(text).toContain('former Vice President of the United States');
    expect(text).toContain('President-elect of the United States, from Jan 20, 2021');
    expect(text).toMatch(/now: former President of the United States, as of/);
    await moveAway(page);
  });

  test('the name matched as written gets no "why" line; a surname does', async () => {
    let card = await hoverMention(page, 'Wang Yi');
    expect(await card.getByTestId('backstory-why').count()).toBe(0);
    await moveAway(page);
    card = await hoverMention(page, 'Wang', 0);
    expect(await card.getByTestId('backstory-why').innerText()).toBe('“Wang” → Wang Yi, named in full on this page');
    await moveAway(page);
  });

  test('events before and after the article, with their summaries on view', async () => {
    const card = await hoverMention(page, 'Wang Yi');
    const before = card.getByTestId('backstory-events-before');
    const after = card.getByTestId('backstory-events-after');
    expect(await before.locator('li').count()).toBeGreaterThan(0);
    expect(await after.locator('li').first().innerText()).toContain('Nov 24, 2020');
    const summary = after.locator('.bs-ev-summary').first();
    expect(await summary.isVisible()).toBe(true);
    expect((await summary.innerText()).length).toBeGreaterThan(10);
    // One line each.
    const lines = await summary.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '16'));
    expect(lines).toBeLessThan(1.5);
    await moveAway(page);
  });
});

describe('a November 2024 story', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('card-content-2024.html');
  });
  afterAll(async () => {
    await page.close();
  });

  test('Trump, former president and president again from January, is incoming', async () => {
    const card = await hoverMention(page, 'Donald Trump');
    const text = await card.innerText();
    expect(text).toContain('former President of the United States');
    expect(text).toContain('President-elect of the United States, from Jan 20, 2025');
    expect(text).toMatch(/now: President of the United States, as of/);
    await moveAway(page);
  });

  test('the country card lists each leader once with all their roles, and links to the country\'s article', async () => {
    const card = await hoverMention(page, 'United States');
    const facts = await card.locator('dl').innerText();
    expect(facts).toContain('Head of state and government');
    expect(facts.split('Joe Biden').length - 1).toBe(1);
    expect(facts).toContain('Joe Biden (President of the United States)');
    const wiki = card.getByRole('link', { name: /Wikipedia/ });
    expect(await wiki.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/United_States');
    expect(await wiki.getAttribute('target')).toBe('_blank');
    await moveAway(page);
  });

  test('a name written without its diacritics shows with them', async () => {
    const card = await hoverMention(page, 'Yoko Kamikawa');
    expect(await card.getAttribute('aria-label')).toBe('Backstory: Yōko Kamikawa');
    expect(await card.locator('h2').innerText()).toBe('Yōko Kamikawa');
    expect(await card.innerText()).toContain('former Minister for Foreign Affairs of Japan');
    await moveAway(page);
  });

  test('light on the light page, dark on its dark panel, whatever the OS prefers; set apart by its edge in both', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    let card = await hoverMention(page, 'Donald Trump');
    expect(await card.getAttribute('data-theme')).toBe('light');
    let c = await colours(card);
    expect(c.bg).toBeGreaterThan(0.8);
    // A rim darker than the card (and the page's near-white) marks its edge.
    expect(c.border).toBeLessThan(c.bg - 0.2);
    await moveAway(page);
    await page.emulateMedia({ colorScheme: 'light' });
    card = await hoverMention(page, 'Xi Jinping');
    expect(await card.getAttribute('data-theme')).toBe('dark');
    c = await colours(card);
    expect(c.bg).toBeLessThan(0.05);
    // A rim lighter than the card and the panel (#15171c) beneath.
    expect(c.border).toBeGreaterThan(c.bg + 0.05);
    await moveAway(page);
  });
});

describe('a page with no date', () => {
  test('the card says it shows today, no date being found on the page; with no page background, the OS preference decides', async () => {
    const page = await open('card-content-undated.html');
    await page.emulateMedia({ colorScheme: 'dark' });
    let card = await hoverMention(page, 'Xi Jinping');
    expect((await card.getByTestId('backstory-date').innerText()).split('\n')[0]).toMatch(/^On .+, today: no date found on the page$/);
    expect(await card.getAttribute('data-theme')).toBe('dark');
    await moveAway(page);
    await page.emulateMedia({ colorScheme: 'light' });
    card = await hoverMention(page, 'Xi Jinping');
    expect(await card.getAttribute('data-theme')).toBe('light');
    await moveAway(page);
    await page.close();
  });
});

describe('tints for the page under the text', () => {
  test('a dark page gets the dark-page tints; a light one the light-page tints', async () => {
    const registered = (p: Page) => p.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('backstory-')).sort());
    const dark = await open('dark-page.html');
    expect(await registered(dark)).toEqual(['backstory-country-dark', 'backstory-demonym-dark', 'backstory-organisation-dark', 'backstory-person-dark']);
    await dark.close();
    const light = await open('card-content-2024.html');
    const names = await registered(light);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => !n.endsWith('-dark'))).toBe(true);
    await light.close();
  });
});

