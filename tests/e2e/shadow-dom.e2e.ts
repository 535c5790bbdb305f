/**
 * Open shadow roots in real Chromium: text in a declarative shadow root and in
 * one a component attaches after load is read and painted (the tints reach it
 * through an adopted stylesheet, no element added), and hovering it opens a card.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { WAIT_MS, openPainted } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;
let page: Page;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  page = await openPainted(browser.context, `${server.url}/shadow-dom.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Texts of Backstory's person highlights whose ranges lie in a shadow root. */
function shadowTexts(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const name of ['backstory-person', 'backstory-country', 'backstory-demonym']) {
      for (const r of CSS.highlights.get(name) ?? []) {
        if (!(r.startContainer.getRootNode() instanceof ShadowRoot)) continue;
        out.push((r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
      }
    }
    return out.sort();
  });
}

describe('a page built of web components', () => {
  test('text in a declarative shadow root and in one attached after load is painted', async () => {
    await expect.poll(shadowTexts, { timeout: WAIT_MS }).toEqual(expect.arrayContaining(['Chinese', 'Japan', 'Wang Yi', 'Yoshihide Suga']));
  });

  test('the tints apply inside the shadow roots, through an adopted stylesheet; no element is added to them', async () => {
    const info = await page.evaluate(() => {
      const root = document.querySelector('news-story')!.shadowRoot!;
      return { sheets: root.adoptedStyleSheets.length, children: [...root.children].map((c) => c.localName) };
    });
    expect(info.sheets).toBe(1);
    expect(info.children).toEqual(['style', 'p']);
  });

  test('hovering a name inside a shadow root opens its card', async () => {
    const box = await page.evaluate(() => {
      const p = document.querySelector('news-story')!.shadowRoot!.getElementById('declarative')!;
      const text = p.firstChild as Text;
      const at = text.data.indexOf('Wang Yi');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 7);
      const r = range.getBoundingClientRect();
      return { x: r.x + 4, y: r.y + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y, { steps: 2 });
    await page.mouse.move(box.x + 1, box.y);
    const card = page.getByTestId('backstory-card');
    await card.waitFor({ timeout: WAIT_MS });
    expect(await card.getAttribute('data-entity')).toBe('Wang Yi');
  });
});
