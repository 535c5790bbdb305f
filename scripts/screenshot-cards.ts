/**
 * The README's card screenshots: the bench build in Chromium on the fixture stories, a card opened by hovering
 * a name at the top, middle and bottom of a 1280×800 screen, on a light and on a dark page, and at phone size.
 * Run after `npm run build:bench`: `npx tsx scripts/screenshot-cards.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, serveFixtures } from '../tests/e2e/harness';

const OUT = join(ROOT, 'assets', 'screenshots');

/** Scrolls the first "text" on the page to `at` (0 top … 1 bottom of the screen), hovers it, and waits for its card. */
async function hoverAt(page: Page, text: string, at: number): Promise<void> {
  await page.evaluate(([t, f]) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(t as string);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + (t as string).length);
      const box = r.getBoundingClientRect();
      window.scrollBy(0, box.top - (innerHeight - box.height) * (f as number));
      return;
    }
  }, [text, at] as const);
  await page.waitForTimeout(300);
  const box = await page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(t);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + t.length);
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    }
    return null;
  }, text);
  if (!box) throw new Error(`no "${text}" on the page`);
  await page.mouse.move(box.x + 3, box.y + box.h / 2, { steps: 2 });
  await page.mouse.move(box.x + 5, box.y + box.h / 2);
  await page.getByRole('dialog').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(400);
}

async function main(): Promise<void> {
  const server = await serveFixtures();
  const b = await launchWithExtension();
  mkdirSync(OUT, { recursive: true });
  try {
    const shots: [string, number, number, string, number, boolean][] = [
      ['card-top.png', 1280, 800, 'Wang Yi', 0.05, false],
      ['card-middle.png', 1280, 800, 'Yoshihide Suga', 0.5, false],
      ['card-bottom.png', 1280, 800, 'Yoshihide Suga', 0.97, false],
      ['card-dark-page.png', 1280, 800, 'Yoshihide Suga', 0.5, true],
      ['card-phone.png', 390, 844, 'Yoshihide Suga', 0.5, false],
    ];
    for (const [file, w, h, text, at, dark] of shots) {
      const page = await b.context.newPage();
      await page.setViewportSize({ width: w, height: h });
      if (dark) await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => { document.body.style.background = '#16181d'; document.body.style.color = '#e6e6e6'; }));
      await page.goto(`${server.url}/card-in-view.html`);
      await page.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) + (CSS.highlights.get('backstory-person-dark')?.size ?? 0) > 0, null, { timeout: 30_000 });
      await hoverAt(page, text, at);
      await page.screenshot({ path: join(OUT, file), animations: 'disabled' });
      console.log(`wrote ${file}`);
      await page.close();
    }
  } finally {
    await b.close();
    await server.close();
  }
}

await main();
