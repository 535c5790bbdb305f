/** Harmless always: the page's DOM is never changed, the page's app keeps working, and Backstory follows the page as it changes. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { domWithoutHost, highlighted, hoverMention, instrument, moveAway, WAIT_MS, waitPainted } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  // Preact itself, for a real component app on a fixture page.
  for (const [path, file] of [['/vendor/preact.mjs', 'node_modules/preact/dist/preact.mjs'], ['/vendor/hooks.mjs', 'node_modules/preact/hooks/dist/hooks.mjs']] as const) {
    server.route(path, (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(ROOT, file))));
  }
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await instrument(page);
  await page.goto(`${server.url}/${path}`);
  await waitPainted(page);
  return { page, errors };
}

const all = (h: Record<string, string[]>) => Object.values(h).flat();

test('the page\'s own DOM is unchanged after annotation and a card: the only node added is Backstory\'s host', async () => {
  const { page, errors } = await open('news-2020-wang-yi.html');
  await hoverMention(page, 'Yoshihide Suga');
  const atLoad = await page.evaluate(() => (window as unknown as { __bsDomAtLoad: string }).__bsDomAtLoad);
  expect(atLoad).toContain('<b>Yoshihide</b> Suga');
  expect(await domWithoutHost(page)).toBe(atLoad);
  const mutations = await page.evaluate(() => (window as unknown as { __bsMutations: string[] }).__bsMutations);
  expect(mutations).toEqual(['add backstory-ui to html']);
  expect(errors).toEqual([]);
  await page.close();
});

test('"East China Sea" and the text of inputs and textareas are not highlighted', async () => {
  const { page } = await open('news-2020-wang-yi.html');
  const spots = await page.evaluate(() => {
    const out: { text: string; after: string; inForm: boolean }[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const r of h as Highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const node = range.endContainer as Text;
        out.push({ text: range.toString(), after: node.data.slice(range.endOffset, range.endOffset + 4), inForm: !!range.startContainer.parentElement?.closest('form, input, textarea') });
      }
    }
    return out;
  });
  expect(spots.length).toBeGreaterThan(20);
  expect(spots.filter((s) => s.text === 'China' && s.after === ' Sea')).toEqual([]);
  expect(spots.filter((s) => s.inForm)).toEqual([]);
  // The same words outside the form are highlighted, so the test would see them if Backstory read the form.
  expect(spots.filter((s) => s.text === 'Wang Yi').length).toBeGreaterThan(0);
  await page.close();
});

test('a component app that re-renders annotated text keeps working, and the new text is annotated', async () => {
  const { page, errors } = await open('page-preact-app.html');
  expect(all(await highlighted(page))).toContain('Wang Yi');
  for (let n = 1; n <= 4; n++) {
    await page.click('#bump');
    await expect.poll(() => page.textContent('#count'), { timeout: WAIT_MS }).toBe(String(n));
    const who = n % 2 === 0 ? 'Wang Yi' : 'Yoshihide Suga';
    const gone = n % 2 === 0 ? 'Yoshihide Suga' : 'Wang Yi';
    await expect.poll(async () => all(await highlighted(page)), { timeout: WAIT_MS }).toContain(who);
    expect(all(await highlighted(page))).not.toContain(gone);
    expect(await page.textContent('#line')).toBe(`Update ${n}: ${who} spoke about Japan.`);
  }
  // The count text Preact patches in place is not a mention; Japan stays highlighted through every render.
  expect(all(await highlighted(page)).filter((t) => t === 'Japan')).toHaveLength(1);
  expect(errors).toEqual([]);
  await page.close();
});

test('text added later is annotated, and a single-page-app navigation starts over with the new story', async () => {
  const { page, errors } = await open('page-live.html');
  expect(all(await highlighted(page))).toEqual(expect.arrayContaining(['Chinese', 'Wang Yi']));
  await page.click('#more');
  await expect.poll(async () => all(await highlighted(page)), { timeout: WAIT_MS }).toEqual(expect.arrayContaining(['Wang', 'Toshimitsu Motegi', 'South Korea']));
  await page.click('#navigate');
  await waitPainted(page, 2);
  const after = all(await highlighted(page));
  expect(after).toEqual(expect.arrayContaining(['Australian', 'Scott Morrison', 'India']));
  // The new story never named Motegi in full: his surname alone (a minister's, not a leader's the news names alone) links to no one now.
  expect(after).not.toContain('Motegi');
  expect(after).not.toContain('Wang Yi');
  expect(errors).toEqual([]);
  await page.close();
});

test('the card keeps its own look on a page with hostile CSS', async () => {
  const { page } = await open('page-live.html');
  await page.addStyleTag({ content: '*, *::before { color: rgb(255, 0, 0) !important; font: 40px/1 serif !important; display: inline !important; background: lime !important; }' });
  const card = await hoverMention(page, 'Wang Yi');
  const style = await card.evaluate((el) => {
    const cs = getComputedStyle(el);
    const h2 = getComputedStyle(el.querySelector('h2')!);
    return { fontSize: h2.fontSize, color: cs.color, display: cs.display, background: cs.backgroundColor };
  });
  expect(style.fontSize).toBe('15px');
  expect(style.color).not.toBe('rgb(255, 0, 0)');
  expect(style.display).toBe('block');
  expect(style.background).not.toBe('rgb(0, 255, 0)');
  await moveAway(page);
  await page.close();
});

test('a page with a strict Content-Security-Policy still gets highlights and a styled card', async () => {
  const { page } = await open('page-csp.html');
  const csp = await page.evaluate(async () => (await fetch(location.href, { method: 'HEAD' }).catch(() => null))?.headers.get('content-security-policy') ?? 'blocked');
  // connect-src 'none' blocks even the page's own fetch: the policy is in force.
  expect(csp).toBe('blocked');
  expect(all(await highlighted(page))).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga', 'Suga', 'Japan', 'China']));
  const card = await hoverMention(page, 'Suga');
  expect(await card.getAttribute('aria-label')).toBe('Backstory: Yoshihide Suga');
  expect(await card.innerText()).toContain('Prime Minister of Japan');
  const look = await card.evaluate((el) => ({ radius: getComputedStyle(el).borderRadius, position: getComputedStyle(el).position }));
  expect(look).toEqual({ radius: '10px', position: 'fixed' });
  await page.close();
});

test('a plain-text document is read: its <pre> is the story, not code', async () => {
  const { page } = await open('plain-story.txt');
  expect(await page.evaluate(() => document.contentType)).toBe('text/plain');
  const h = await highlighted(page);
  expect(h['backstory-person']).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga', 'Toshimitsu Motegi']));
  expect(h['backstory-country']).toEqual(expect.arrayContaining(['Japan']));
  await page.close();
});
