/**
 * The hover card stays wholly on screen wherever its mention is (top, middle
 * or bottom of the screen, flush left or right) in a desktop window, on a
 * phone-sized screen and at 200% zoom, with its close button and Wikipedia
 * link within reach; and a reader who selects all and copies with a card open
 * gets the page's text without the card's.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { instrument, NAMES, waitPainted } from './page-helpers';

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

interface Screen {
  name: string;
  width: number;
  height: number;
  scale: number;
}

const SCREENS: Screen[] = [
  { name: 'a 1280×800 window', width: 1280, height: 800, scale: 1 },
  { name: 'a 390×844 phone', width: 390, height: 844, scale: 3 },
  // 200% zoom halves the CSS viewport of a 1280×800 window and doubles the pixels per CSS px.
  { name: 'a 1280×800 window at 200% zoom', width: 640, height: 400, scale: 2 },
];

type Row = 'top' | 'middle' | 'bottom';
type Edge = 'left' | 'right';
const SPOTS: [Row, Edge][] = (['top', 'middle', 'bottom'] as const).flatMap((row) => (['left', 'right'] as const).map((edge): [Row, Edge] => [row, edge]));

/** The fixture's paragraph that starts with "Yoshihide Suga" (flush left) or ends with it (flush right). */
const PARAGRAPH: Record<Edge, string> = { left: 'left', right: 'right' };
const MARK = 'Yoshihide Suga';
/** The card's width where there is room (styles.ts), and the gap it keeps from the viewport's edges (mount.tsx). */
const CARD_WIDTH = 360;
const MARGIN = 8;

async function openAt(screen: Screen): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: screen.width, height: screen.height, deviceScaleFactor: screen.scale, mobile: false,
  });
  await instrument(page);
  await page.goto(`${server.url}/card-in-view.html`);
  await waitPainted(page);
  expect(await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([screen.width, screen.height, screen.scale]);
  return page;
}

interface Box { left: number; top: number; right: number; bottom: number }

/**
 * Scrolls the page so that the painted mention in paragraph `id` sits at the top (4 px from the edge),
 * the middle or the bottom (4 px from the edge) of the screen, and returns the box of the part of it
 * at the requested edge (a mention broken over two lines has two).
 */
async function placeMark(page: Page, id: string, row: Row, edge: Edge): Promise<Box> {
  const locate = (scrollTo: Row | null) => page.evaluate(({ names, id, text, row, edge, scrollTo }) => {
    const para = document.getElementById(id)!;
    let found: Range | null = null;
    for (const n of names) {
      for (const r of CSS.highlights.get(n) ?? []) {
        if (!para.contains(r.startContainer)) continue;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() === text) found = live;
      }
    }
    if (!found) {
      // Backstory registers only the mentions near the viewport: bring the paragraph there first.
      para.scrollIntoView({ block: 'center' });
      return null;
    }
    const rects = [...found.getClientRects()];
    const part = () => { const all = [...found!.getClientRects()]; return edge === 'left' ? all[0]! : all[all.length - 1]!; };
    if (scrollTo) {
      const b = part();
      const want = row === 'top' ? 4 : row === 'middle' ? (innerHeight - b.height) / 2 : innerHeight - 4 - b.height;
      window.scrollBy(0, b.top - want);
    }
    const b = part();
    return rects.length ? { left: b.left, top: b.top, right: b.right, bottom: b.bottom } : null;
  }, { names: [...NAMES], id, text: MARK, row, edge, scrollTo });
  await expect.poll(() => locate(null), { timeout: 10_000 }).not.toBeNull();
  await locate(row);
  // The mention is registered again after the scroll when Backstory sees it near the viewport.
  let box: Box | null = null;
  await expect.poll(async () => (box = await locate(null)), { timeout: 10_000 }).not.toBeNull();
  return box!;
}

/** Rests the pointer on a mention's box and returns the card that opens for it. */
async function hover(page: Page, box: Box, edge: Edge): Promise<Locator> {
  const y = (box.top + box.bottom) / 2;
  const x = edge === 'left' ? box.left + 4 : box.right - 5;
  await page.mouse.move(x, y, { steps: 2 });
  await page.mouse.move(x + 1, y);
  const card = page.getByRole('dialog');
  await expect.poll(() => card.getAttribute('aria-label', { timeout: 1_000 }).catch(() => null), { timeout: 10_000 }).toBe(`Backstory: ${MARK}`);
  return card;
}

/** The card's box once it is shown and no longer moving (the same over two frames). */
async function settledBox(card: Locator): Promise<Box & { innerWidth: number; innerHeight: number; clientWidth: number }> {
  await expect.poll(() => card.evaluate((el) => new Promise<boolean>((done) => {
    const read = () => JSON.stringify([getComputedStyle(el).visibility, el.getBoundingClientRect()]);
    const before = read();
    requestAnimationFrame(() => requestAnimationFrame(() => done(getComputedStyle(el).visibility === 'visible' && read() === before)));
  })), { timeout: 10_000 }).toBe(true);
  return card.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, innerWidth, innerHeight, clientWidth: document.documentElement.clientWidth };
  });
}

/**
 * Scrolls the card's own content (not the page, which would carry the mention and the card along) until
 * the control is inside the card's box, and tells whether it is then there, on screen, and the topmost
 * element at its centre (so a click lands on it).
 */
function reach(control: Locator): Promise<{ inCard: boolean; onScreen: boolean; onTop: boolean; x: number; y: number }> {
  return control.evaluate((c) => {
    const card = c.closest('[role="dialog"]') as HTMLElement;
    const view = card.getBoundingClientRect();
    const top = view.top + card.clientTop;
    const bottom = top + card.clientHeight;
    let r = c.getBoundingClientRect();
    if (r.top < top) card.scrollTop -= top - r.top;
    else if (r.bottom > bottom) card.scrollTop += r.bottom - bottom;
    r = c.getBoundingClientRect();
    const x = (r.left + r.right) / 2;
    const y = (r.top + r.bottom) / 2;
    const hit = (c.getRootNode() as ShadowRoot).elementFromPoint(x, y);
    return {
      inCard: r.top >= top - 0.5 && r.bottom <= bottom + 0.5 && r.left >= view.left - 0.5 && r.right <= view.right + 0.5,
      onScreen: x >= 0 && x <= innerWidth && y >= 0 && y <= innerHeight,
      onTop: !!hit && c.contains(hit),
      x,
      y,
    };
  });
}

async function closeAnyCard(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

describe.each(SCREENS)('on $name', (screen) => {
  let page: Page;
  beforeAll(async () => {
    page = await openAt(screen);
  });
  afterAll(async () => {
    await page?.close();
  });

  test.each(SPOTS)('a mention at the %s of the screen, flush %s: the whole card is on screen, its close button and Wikipedia link within reach', async (row, edge) => {
    await closeAnyCard(page);
    const mark = await placeMark(page, PARAGRAPH[edge], row, edge);
    const card = await hover(page, mark, edge);
    const box = await settledBox(card);

    expect([box.innerWidth, box.innerHeight]).toEqual([screen.width, screen.height]);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.innerWidth);
    expect(box.bottom).toBeLessThanOrEqual(box.innerHeight);
    // Not squeezed to fit: as wide as the card is anywhere (360 px, less on a screen narrower than that and its margins).
    expect(box.right - box.left).toBeCloseTo(Math.min(CARD_WIDTH, box.clientWidth - 2 * MARGIN), 0);
    // Beside the mention, never over it.
    expect(box.bottom <= mark.top + 1 || box.top >= mark.bottom - 1).toBe(true);

    const wiki = card.getByRole('link', { name: /Wikipedia/ });
    expect(await wiki.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Yoshihide_Suga');
    expect(await reach(wiki)).toMatchObject({ inCard: true, onScreen: true, onTop: true });

    const close = card.getByRole('button', { name: 'Close' });
    const at = await reach(close);
    expect(at).toMatchObject({ inCard: true, onScreen: true, onTop: true });
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});

describe('select all and copy with a card open', () => {
  test('copies the page\'s text and none of the card\'s', async () => {
    const page = await openAt(SCREENS[0]!);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const copyAll = async () => {
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+C');
      const text = await page.evaluate(() => navigator.clipboard.readText());
      await page.evaluate(() => getSelection()?.removeAllRanges());
      return text;
    };
    const withoutCard = await copyAll();
    expect(withoutCard).toContain('Wang Yi to meet Suga in Tokyo');

    const mark = await placeMark(page, PARAGRAPH.left, 'middle', 'left');
    const card = await hover(page, mark, 'left');
    await settledBox(card);
    // Lines only the card has, so that the comparison below is about something.
    const cardOnly = (await card.innerText()).split('\n').map((l) => l.trim()).filter((l) => l.length > 3 && !withoutCard.includes(l));
    expect(cardOnly.some((l) => l.includes('Wikipedia'))).toBe(true);

    const withCard = await copyAll();
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(cardOnly.filter((l) => withCard.includes(l))).toEqual([]);
    expect(withCard).toBe(withoutCard);
    await page.close();
  });
});
