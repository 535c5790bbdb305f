/**
 * Only mentions near the viewport are registered (src/page/near-viewport.ts):
 * on a long page, what comes on screen is painted wherever the reader goes,
 * and a mention the page pins on screen (a fixed header) still opens its card.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { instrument, scrollPainted, scrollSettled, WAIT_MS, waitPainted } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;

const PARAS = 1600;

/** A long story under a fixed header that names a country; every odd paragraph names two people. */
function longPage(): string {
  const paras = Array.from({ length: PARAS }, (_, i) =>
    `<p id="p${i}">${i}. ${i % 2 ? 'Wang Yi met Yoshihide Suga in Tokyo.' : 'Officials met again on Monday and talked for an hour about trade.'} More filler prose follows here to make the line long enough to wrap once.</p>`,
  ).join('\n');
  // The header sits amid the first paragraphs in the DOM, as a banner injected mid-article would: not at either end of a chunk.
  const cut = paras.indexOf('<p id="p6"');
  const header = '<header><span id="pinned">Live: Japan</span></header>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title>
<style>body{margin:0;font:16px/1.5 serif} header{position:fixed;top:0;left:0;right:0;height:40px;background:#fff} main{margin-top:50px;max-width:700px}</style></head>
<body><main>${paras.slice(0, cut)}${header}\n${paras.slice(cut)}</main></body></html>`;
}

beforeAll(async () => {
  server = await serveFixtures();
  const html = longPage();
  server.route('/long.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('wherever the reader jumps on a long page, the mentions on screen are painted, and only a bounded few are registered', async () => {
  const page = await browser.context.newPage();
  await instrument(page);
  await page.goto(`${server.url}/long.html`);
  const painted = await waitPainted(page);
  // Two people in every odd paragraph, plus the header's country.
  expect(painted.mentions).toBe(PARAS + 1);
  for (const target of [PARAS - 301, 75, PARAS - 1, 801]) {
    const y = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top + scrollY - 200, `p${target}`);
    // Painted once the browser's report and the registration it causes have come, however many frames that takes.
    const now = await scrollPainted(page, y, ['Wang Yi', 'Yoshihide Suga'], `at paragraph ${target}`);
    expect(now.registered).toBeLessThan(painted.mentions / 2);
  }
  await page.close();
});

test('a mention the page pins on screen opens its card far from where it sits in the page', async () => {
  const page = await browser.context.newPage();
  await instrument(page);
  await page.goto(`${server.url}/long.html`);
  await waitPainted(page);
  // Down the page until the header's mention is no longer registered (its chunk is far, and what lingered was let go).
  const pinnedRegistered = () => page.evaluate(() => [...CSS.highlights].some(([name, h]) => name.startsWith('backstory-') && [...h].some((r) => document.getElementById('pinned')!.contains(r.startContainer))));
  for (let y = 2000; (await pinnedRegistered()) && y < 200_000; y += 2000) await scrollSettled(page, y);
  expect(await pinnedRegistered()).toBe(false);
  const box = await page.evaluate(() => {
    const t = document.getElementById('pinned')!.firstChild as Text;
    const r = document.createRange();
    r.setStart(t, t.data.indexOf('Japan'));
    r.setEnd(t, t.data.indexOf('Japan') + 5);
    const b = r.getBoundingClientRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  });
  await page.mouse.move(box.x + 3, box.y + box.height / 2, { steps: 2 });
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  const card = page.getByRole('dialog');
  await expect.poll(() => card.count(), { timeout: WAIT_MS }).toBe(1);
  await expect.poll(async () => (await card.textContent()) ?? '', { timeout: WAIT_MS }).toContain('Japan');
  await page.close();
});
