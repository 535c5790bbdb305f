/**
 * Organisations and the new officials in real Chromium: on a June 2022 story,
 * "NATO" and "the EU" are marked as organisations (and "who" in prose is
 * not), NATO's card shows its leader and its members on that day (30: Finland
 * and Sweden not yet in), a defence secretary's card shows that office, and
 * the popup lists organisations after countries.
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
  browser = await launchWithExtension();
  page = await openPainted(browser.context, `${server.url}/organisations-2022.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text of each range in one of Backstory's highlights. */
function highlightedTexts(kind: string): Promise<string[]> {
  return page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => {
    // The ranges are StaticRanges, which have no toString.
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  }), `backstory-${kind}`);
}

describe('a June 2022 story naming NATO, the EU, the WHO and the UN', () => {
  test('organisations get their own highlight; "who" in prose does not', async () => {
    await expect.poll(() => highlightedTexts('organisation'), { timeout: WAIT_MS }).toEqual(expect.arrayContaining(['NATO', 'EU', 'WHO', 'United Nations']));
    const texts = await highlightedTexts('organisation');
    expect(texts).not.toContain('who');
    expect(await highlightedTexts('person')).toEqual(expect.arrayContaining(['Jens Stoltenberg', 'Lloyd Austin', 'Janet Yellen']));
  });

  test("NATO's card shows its leader and its 30 members on the article's date", async () => {
    const card = await hoverMention(page, 'NATO', 0);
    const text = await card.innerText();
    expect(text).toContain('Jens Stoltenberg (Secretary General of NATO)');
    expect(text).toContain('Members (30)');
    const members = await card.getByTestId('backstory-members').innerText();
    expect(members).toContain('Norway');
    expect(members).not.toMatch(/\bFinland\b|\bSweden\b/);
    await moveAway(page);
  });

  test("a defence secretary's card shows the office on that day", async () => {
    const card = await hoverMention(page, 'Lloyd Austin');
    expect(await card.getByTestId('backstory-role').innerText()).toContain('Secretary of Defense of the United States');
    await moveAway(page);
  });

  test('the popup lists the organisations after the countries, with their leaders', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const list = popup.getByTestId('page-organisations');
    await list.waitFor({ timeout: WAIT_MS });
    const ids = await popup.locator('[data-testid="page-entity"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['entity']!));
    expect(ids.indexOf('NATO')).toBeGreaterThan(ids.indexOf('FIN'));
    expect(ids).toEqual(expect.arrayContaining(['NATO', 'European Union', 'World Health Organization', 'United Nations']));
    await expect.poll(() => list.locator('[data-entity="NATO"]').innerText(), { timeout: WAIT_MS }).toContain('Jens Stoltenberg');
    await popup.close();
  });
});
