/** Hover cards in real Chromium: the right person or country, the office on the page's date, how it matched, and how the card behaves. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { hoverMention, instrument, mentionBox, moveAway, WAIT_MS, waitPainted } from './page-helpers';

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

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await instrument(page);
  await page.goto(`${server.url}/${path}`);
  await waitPainted(page);
  return page;
}

describe('a November 2020 story', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('news-2020-wang-yi.html');
  });

  test('a full name opens that person\'s card with the office held on the article\'s date', async () => {
    const card = await hoverMention(page, 'Yoshihide Suga');
    await expect.poll(() => card.getAttribute('aria-label'), { timeout: WAIT_MS }).toBe('Backstory: Yoshihide Suga');
    const text = await card.innerText();
    expect(text).toContain('Prime Minister of Japan');
    expect(text).toContain('Sep 16, 2020');
    expect(text).toMatch(/now: former Prime Minister of Japan, as of/);
    expect(text).toContain('born 1948');
    expect(text).toContain('Nov 20, 2020');
    const wiki = card.getByRole('link', { name: /Wikipedia/ });
    expect(await wiki.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Yoshihide_Suga');
    expect(await wiki.getAttribute('target')).toBe('_blank');
    await moveAway(page);
  });

  test('a surname alone after the full name opens the same person, and says why', async () => {
    // "In Tokyo, Wang is expected to meet …": Wang Yi was named in full in the first paragraph.
    const card = await hoverMention(page, 'Wang', 0);
    const text = await card.innerText();
    expect(await card.getAttribute('aria-label')).toBe('Backstory: Wang Yi');
    expect(text).toContain('Minister of Foreign Affairs of China');
    expect(text).toContain('“Wang” → Wang Yi, named in full on this page');
    await moveAway(page);
  });

  test('a possessive with a curly apostrophe ("Suga’s") opens Suga\'s card', async () => {
    const card = await hoverMention(page, 'Suga', 1);
    expect(await card.getAttribute('aria-label')).toBe('Backstory: Yoshihide Suga');
    expect(await card.innerText()).toContain('“Suga” → Yoshihide Suga');
    await moveAway(page);
  });

  test('a demonym and a capital open their country\'s card, saying how they matched', async () => {
    let card = await hoverMention(page, 'Chinese', 0);
    expect(await card.getAttribute('aria-label')).toBe('Backstory: China');
    let text = await card.innerText();
    expect(text).toContain('Beijing');
    expect(text).toContain('Xi Jinping');
    expect(text).toContain('Li Keqiang');
    expect(text).toContain('“Chinese” → China, the word for its people');
    await moveAway(page);
    card = await hoverMention(page, 'Beijing');
    text = await card.innerText();
    expect(await card.getAttribute('aria-label')).toBe('Backstory: China');
    expect(text).toContain('“Beijing” → China, its capital standing for its government');
    await moveAway(page);
  });

  test('a country card names its leaders on the article\'s date', async () => {
    const card = await hoverMention(page, 'Japan', 0);
    const text = await card.innerText();
    expect(text).toContain('Tokyo');
    expect(text).toContain('Naruhito');
    expect(text).toContain('Yoshihide Suga (Prime Minister of Japan)');
    await moveAway(page);
  });

  test('the card waits for the pointer to rest, stays while the pointer is in it, and closes after leaving', async () => {
    const b = await mentionBox(page, 'Scott Morrison');
    // Watched in the page, on its clock: when the pointer last moved, and when a card first showed. Read there, a
    // slow test runner cannot make a card that waited look early; a loaded machine only makes it show later.
    await page.evaluate(() => {
      const w = window as unknown as { __rest: { moved: number; shown: number } };
      w.__rest = { moved: -1, shown: -1 };
      addEventListener('pointermove', (e) => void (w.__rest.moved = e.timeStamp), { capture: true });
      const timer = setInterval(() => {
        const dialog = document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[role="dialog"]');
        // Shown: laid out and not hidden (the card is rendered hidden first, while its data comes and it is placed).
        if (dialog && dialog.checkVisibility({ visibilityProperty: true })) {
          w.__rest.shown = performance.now();
          clearInterval(timer);
        }
      }, 5);
    });
    await page.mouse.move(b.x + 4, b.y + b.height / 2);
    const card = page.getByRole('dialog');
    await expect.poll(() => card.count(), { timeout: WAIT_MS }).toBe(1);
    expect(await card.getAttribute('aria-label')).toBe('Backstory: Scott Morrison');
    // It waited for the pointer to rest (350 ms in src/page/hover.ts) before it showed: never sooner, however loaded the machine.
    const rest = await page.evaluate(() => (window as unknown as { __rest: { moved: number; shown: number } }).__rest);
    expect(rest.moved).toBeGreaterThan(0);
    expect(rest.shown - rest.moved).toBeGreaterThanOrEqual(340);
    // Into the card: it stays open well past the grace period.
    const cb = (await card.boundingBox())!;
    await page.mouse.move(cb.x + cb.width / 2, cb.y + 10, { steps: 5 });
    await page.waitForTimeout(900);
    expect(await card.count()).toBe(1);
    await moveAway(page);
  });

  test('Escape closes the card; the close button is reachable by role', async () => {
    let card = await hoverMention(page, 'Michael Pompeo');
    expect(await card.getByRole('button', { name: 'Close' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: WAIT_MS }).toBe(0);
    card = await hoverMention(page, 'Zhao Lijian');
    await card.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: WAIT_MS }).toBe(0);
    await page.mouse.move(2, 2);
  });

  test('a newer hover replaces the older card, even one still loading', async () => {
    // Two mentions on one line: a card sits above or below its line, never on it.
    const a = await mentionBox(page, 'Wang Yi', 1);
    const b = await mentionBox(page, 'Japan', 0);
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    let card = await hoverMention(page, 'Wang Yi', 1);
    expect(await card.getAttribute('aria-label')).toBe('Backstory: Wang Yi');
    card = await hoverMention(page, 'Japan', 0);
    await expect.poll(() => card.getAttribute('aria-label', { timeout: 500 }), { timeout: WAIT_MS }).toBe('Backstory: Japan');
    expect(await page.getByRole('dialog').count()).toBe(1);
    await moveAway(page);
    // Rest on one just long enough to start opening it, then move on: only the newer card may appear.
    await page.mouse.move(a.x + 4, a.y + a.height / 2);
    await page.waitForTimeout(360);
    await page.mouse.move(b.x + 4, b.y + b.height / 2, { steps: 2 });
    await expect.poll(() => page.getByRole('dialog').getAttribute('aria-label'), { timeout: WAIT_MS }).toBe('Backstory: Japan');
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(await page.getByRole('dialog').getAttribute('aria-label')).toBe('Backstory: Japan');
    await moveAway(page);
  });

  test('a card beside a mention at the bottom edge flips and stays on screen', async () => {
    await page.setViewportSize({ width: 700, height: 500 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const m = await page.evaluate(() => {
      const ranges = [...CSS.highlights.get('backstory-country')!].map((x) => {
        const live = document.createRange();
        live.setStart(x.startContainer, x.startOffset);
        live.setEnd(x.endContainer, x.endOffset);
        return live;
      });
      const rect = ranges.find((x) => x.toString() === 'Hong Kong')!.getClientRects()[0]!;
      return { x: rect.x, y: rect.y, h: rect.height };
    });
    await page.mouse.move(m.x + 4, m.y + m.h / 2, { steps: 2 });
    const card = page.getByRole('dialog');
    await expect.poll(() => card.count(), { timeout: WAIT_MS }).toBe(1);
    await expect.poll(async () => (await card.boundingBox())?.width ?? 0, { timeout: WAIT_MS }).toBeGreaterThan(0);
    await page.waitForTimeout(100);
    const cb = (await card.boundingBox())!;
    expect(cb.y).toBeGreaterThanOrEqual(0);
    expect(cb.y + cb.height).toBeLessThanOrEqual(500 + 0.5);
    expect(cb.x + cb.width).toBeLessThanOrEqual(700 + 0.5);
    // Not on top of the mention it describes.
    expect(cb.y + cb.height <= m.y + 1 || cb.y >= m.y + m.h - 1).toBe(true);
    await page.setViewportSize({ width: 1200, height: 900 });
    await moveAway(page);
  });

  test('touch input opens no card', async () => {
    const b = await mentionBox(page, 'Kang Kyung-wha');
    const cdp = await page.context().newCDPSession(page);
    const point = { x: b.x + 4, y: b.y + b.height / 2 };
    // A finger resting on the mention (and moving a hair, so pointer events of type "touch" arrive there).
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: point.x - 2, y: point.y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: point.x - 1, y: point.y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
    await page.waitForTimeout(900);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await cdp.detach();
  });
});

describe('a February 2026 story', () => {
  test('the same people show the offices they held on its date (JSON-LD datePublished)', async () => {
    const page = await open('page-2026-takaichi.html');
    let card = await hoverMention(page, 'Sanae Takaichi');
    let text = await card.innerText();
    expect(text).toContain('Prime Minister of Japan');
    expect(text).toContain('Feb 10, 2026');
    expect(text).not.toContain('former');
    await moveAway(page);

    card = await hoverMention(page, 'Takaichi', 1);
    expect(await card.innerText()).toContain('“Takaichi” → Sanae Takaichi, named in full on this page');
    await moveAway(page);

    card = await hoverMention(page, 'Kishida');
    text = await card.innerText();
    expect(await card.getAttribute('aria-label')).toBe('Backstory: Fumio Kishida');
    expect(text).toContain('former Prime Minister of Japan');
    await moveAway(page);

    card = await hoverMention(page, 'Yoshihide Suga');
    expect(await card.innerText()).toContain('former Prime Minister of Japan');
    await moveAway(page);

    card = await hoverMention(page, 'Japan');
    expect(await card.innerText()).toContain('Sanae Takaichi (Prime Minister of Japan)');
    await moveAway(page);
    await page.close();
  });
});
