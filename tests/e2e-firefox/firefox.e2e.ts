/**
 * The Firefox build in real Firefox (Debian's firefox-esr over WebDriver BiDi):
 * it installs, its background answers, its popup renders, and on the Nov 2020
 * Wang Yi story it highlights the people it tracks and opens a card on hover,
 * all without a request leaving the machine.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serveFixtures, type FixtureServer } from '../e2e/harness';
import { ADDON_ID, MIN_FIREFOX, launchFirefoxWithExtension, startLoggingProxy, waitFor, type FirefoxExtensionBrowser, type LoggingProxy } from './harness';

const STORY = '/news-2020-wang-yi.html';
const STORY_DATE = '2020-11-20';

let firefox: FirefoxExtensionBrowser;
let server: FixtureServer;
let proxy: LoggingProxy;

beforeAll(async () => {
  server = await serveFixtures();
  proxy = await startLoggingProxy();
  firefox = await launchFirefoxWithExtension({ proxy: proxy.address });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  await proxy?.close();
});

async function openStory(): Promise<Page> {
  const page = await firefox.newPage();
  await page.goto(`${server.url}${STORY}`);
  return page;
}

/** Backstory's highlights registered on the page, with the text each range covers. */
function backstoryHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory')) continue;
      // Backstory paints StaticRanges, which have no toString(): read each through a live Range.
      out[name] = [...highlight].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    }
    return out;
  });
}

/** Backstory's open cards (in its shadow-root UI): the entity each is for and its text. */
function openCards(page: Page): Promise<{ entity: string | null; text: string }[]> {
  return page.evaluate(() => {
    const cards: { entity: string | null; text: string }[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        for (const card of el.shadowRoot.querySelectorAll('[data-testid="backstory-card"]')) {
          cards.push({ entity: card.getAttribute('data-entity'), text: card.textContent ?? '' });
        }
        visit(el.shadowRoot);
      }
    };
    visit(document);
    return cards;
  });
}

test('Firefox 140+ installs the Firefox build as a temporary add-on', () => {
  expect(Number(/\/(\d+)/.exec(firefox.version)?.[1])).toBeGreaterThanOrEqual(MIN_FIREFOX);
  expect(firefox.extensionId).toBe(ADDON_ID);
});

test("the background answers: Wang Yi's card on the story's date", async () => {
  const popup = await firefox.openPopup();
  const card = await popup.evaluate(
    (date) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .browser.runtime.sendMessage({ type: 'card', entity: 'Wang Yi', date }),
    STORY_DATE,
  );
  expect(card).toMatchObject({ kind: 'person', id: 'Wang Yi', role: { label: expect.stringContaining('Minister of Foreign Affairs') } });
  await popup.close();
});

test('the popup renders', async () => {
  const popup = await firefox.openPopup();
  await waitFor(() => popup.evaluate(() => document.querySelectorAll('main').length), (n) => n === 1, 'the popup has no <main>');
  await popup.close();
});

test('highlights appear on the story', async () => {
  const page = await openStory();
  const highlights = await waitFor(
    () => backstoryHighlights(page),
    (h) => Object.values(h).flat().some((text) => text === 'Wang Yi'),
    'no backstory-* highlight covers "Wang Yi"',
  );
  const covered = Object.values(highlights).flat();
  for (const name of ['Suga', 'Japan']) {
    expect(covered.some((text) => text.includes(name)), `${name} is highlighted`).toBe(true);
  }
  await page.close();
});

test('hovering "Wang Yi" opens a card with the office he held on the story\'s date', async () => {
  const page = await openStory();
  await waitFor(() => backstoryHighlights(page), (h) => Object.keys(h).length > 0, 'the story was never highlighted');
  expect(await openCards(page)).toEqual([]);

  // The body's first mention, "Chinese Foreign Minister Wang Yi will visit…".
  const point = await page.evaluate(() => {
    const para = [...document.querySelectorAll('article p')].find((p) => p.textContent?.includes('Foreign Minister Wang Yi'));
    const walker = document.createTreeWalker(para!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('Wang Yi');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'Wang Yi'.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.move(point!.x, point!.y);

  const [card] = await waitFor(() => openCards(page), (cards) => cards.length > 0, 'no card opened on hover');
  expect(card!.entity).toBe('Wang Yi');
  expect(card!.text).toContain('Minister of Foreign Affairs');
  await page.close();
});

// Runs last (Vitest keeps file order): everything above went through the logging proxy.
test('nothing tried to leave the machine', async () => {
  const page = await openStory();
  await page.close();
  expect(proxy.requests).toEqual([]);
});
