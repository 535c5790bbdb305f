/** What the page-side e2e tests share: waiting for Backstory's paint, finding a mention on screen, resting the pointer on it. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export const HOST_TAG = 'backstory-ui';
export const NAMES = ['backstory-person', 'backstory-country', 'backstory-demonym', 'backstory-capital'] as const;

/** Installs, before any page script, a listener for Backstory's "painted" signal and a record of every DOM change. */
export async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __bsPainted: unknown[]; __bsMutations: string[]; __bsDomAtLoad: string | null };
    w.__bsPainted = [];
    w.__bsMutations = [];
    w.__bsDomAtLoad = null;
    window.addEventListener('backstory:painted', (e) => {
      const d = (e as CustomEvent).detail;
      w.__bsPainted.push(typeof d === 'string' ? JSON.parse(d) : d);
    });
    const describe = (n: Node) => (n.nodeType === 1 ? (n as Element).localName : n.nodeName);
    let loaded = false;
    const observer = new MutationObserver((list) => {
      if (!loaded) return;
      for (const m of list) {
        if (m.type === 'childList') {
          for (const n of Array.from(m.addedNodes)) w.__bsMutations.push(`add ${describe(n)} to ${describe(m.target)}`);
          for (const n of Array.from(m.removedNodes)) w.__bsMutations.push(`remove ${describe(n)} from ${describe(m.target)}`);
        } else {
          w.__bsMutations.push(`${m.type} ${m.attributeName ?? ''} on ${describe(m.target)}`);
        }
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    // Record from the parsed page on: the parser's own insertions are not changes.
    document.addEventListener('DOMContentLoaded', () => {
      observer.takeRecords();
      loaded = true;
      w.__bsDomAtLoad = document.documentElement.outerHTML;
    }, { capture: true });
  });
}

export interface Painted {
  mentions: number;
  /** Of those, the ranges registered: the ones near the viewport. */
  registered: number;
  ms: number;
  longestTaskMs: number;
  wallMs: number;
}

export async function waitPainted(page: Page, count = 1): Promise<Painted> {
  // waitForFunction, not expect.poll: this also runs in beforeAll hooks.
  await page.waitForFunction((n) => (window as unknown as { __bsPainted: unknown[] }).__bsPainted.length >= n, count, { timeout: 15_000, polling: 50 });
  return page.evaluate((i) => (window as unknown as { __bsPainted: Painted[] }).__bsPainted[i - 1]!, count);
}

/**
 * Run in the page (self-contained, so it can be handed to any evaluate): the
 * texts painted under each of the given highlight names.
 */
export const paintedTextsIn = (names: string[]): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const n of names) {
    const h = CSS.highlights.get(n);
    // Backstory paints StaticRanges (no toString): read them through a live Range.
    if (h) out[n] = [...h].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }
  return out;
};

/** The texts painted under each of Backstory's highlight names. */
export function highlighted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(paintedTextsIn, [...NAMES]);
}

export interface ByDistance {
  /** Ranges registered under Backstory's names. */
  registered: number;
  /**
   * Texts of the registered ranges inside the viewport. Backstory registers the mentions near the
   * viewport (src/page/near-viewport.ts); how far beyond it depends on its chunks and on what it lets linger.
   */
  onScreen: string[];
}

/** Backstory's registered ranges by where they lie relative to the viewport. */
export function paintedByDistance(page: Page): Promise<ByDistance> {
  return page.evaluate((names) => {
    const out = { registered: 0, onScreen: [] as string[] };
    for (const n of names) {
      for (const r of CSS.highlights.get(n) ?? []) {
        out.registered++;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const box = live.getBoundingClientRect();
        if (box.top >= 0 && box.bottom <= innerHeight) out.onScreen.push(live.toString());
      }
    }
    return out;
  }, [...NAMES]);
}

/** Scrolls the page and waits for the browser's intersection report (a frame) and the registration it causes (the next). */
export async function scrollSettled(page: Page, y: number | 'bottom'): Promise<void> {
  await page.evaluate(async (to) => {
    window.scrollTo(0, to === 'bottom' ? document.documentElement.scrollHeight : to);
    for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, y);
}

/** The on-screen box of the nth painted range with this text, scrolled into view first. */
export async function mentionBox(page: Page, text: string, nth = 0): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate(({ names, text, nth }) => {
    const all: Range[] = [];
    for (const n of names) {
      for (const r of CSS.highlights.get(n) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() === text) all.push(live);
      }
    }
    all.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const r = all[nth];
    if (!r) return null;
    (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0]!;
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  }, { names: [...NAMES], text, nth });
  if (!box) throw new Error(`no painted mention "${text}" #${nth}`);
  return box;
}

/** Rests the mouse on a mention and returns the card that opens. */
export async function hoverMention(page: Page, text: string, nth = 0): Promise<Locator> {
  const b = await mentionBox(page, text, nth);
  await page.mouse.move(b.x + Math.min(4, b.width / 2), b.y + b.height / 2, { steps: 2 });
  await page.mouse.move(b.x + Math.min(5, b.width / 2), b.y + b.height / 2);
  const card = page.getByRole('dialog');
  await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(1);
  return card;
}

/** Moves the mouse to an empty corner and waits for any card to close. */
export async function moveAway(page: Page): Promise<void> {
  await page.mouse.move(2, 2, { steps: 3 });
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 5_000 }).toBe(0);
}

/** The page's serialisation without Backstory's host element. */
export function domWithoutHost(page: Page): Promise<string> {
  return page.evaluate((tag) => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const el of Array.from(clone.querySelectorAll(tag))) el.remove();
    return clone.outerHTML;
  }, HOST_TAG);
}

/** The slice of the extension API the tests call inside the service worker (there is no `chrome` type in this project). */
export interface ChromeApi {
  storage: { sync: { set(v: Record<string, unknown>): Promise<void>; clear(): Promise<void> } };
  tabs: { sendMessage(tabId: number, msg: unknown): Promise<unknown> };
}
