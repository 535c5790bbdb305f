/** Off the critical path: on a page with 1 MB of text no task of Backstory's runs 50 ms or more, and an ordinary article is cheap. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { instrument, paintedByDistance, scrollSettled, waitPainted } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;

const SENTENCES = [
  'Chinese Foreign Minister Wang Yi met Prime Minister <b>Yoshihide</b> Suga in Tokyo on Tuesday, officials said.',
  'Suga’s government and Beijing agreed to keep talking about the East China Sea and trade.',
  'The talks in the capital lasted longer than planned, and ministers from several ministries joined them.',
  'Analysts said the <a href="#">relationship</a> between Japan and China remained fragile after a difficult year.',
  'Markets were quiet; the yen held steady and shares of exporters rose slightly in afternoon trading.',
  'U.S. Secretary of State Michael Pompeo had visited the region a month earlier, meeting South Korea’s Kang Kyung-wha.',
  'Residents of the city said they hoped the visit would bring more tourists once travel restrictions ease.',
];

/** A long page of news-like prose: `bytes` of text in paragraphs, with mentions in some sentences. */
function bigPage(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const para = Array.from({ length: 5 }, (_, j) => SENTENCES[(i + j * 3) % SENTENCES.length]!).join(' ');
    parts.push(`<p>${i}. ${para}</p>`);
    size += para.length;
    i++;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta property="article:published_time" content="2020-11-24"><title>Long</title></head><body><article>${parts.join('\n')}</article></body></html>`;
}

beforeAll(async () => {
  server = await serveFixtures();
  const big = bigPage(1_100_000);
  server.route('/big.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(big));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('1 MB of text: every mention found in slices, none of them 50 ms or longer; those near the viewport painted, at the top and after scrolling to the end', async () => {
  // This machine is shared: a run can be preempted mid-slice. A real regression (an unsliced step) shows in every run; noise does not.
  const longest: number[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await browser.context.newPage();
    await instrument(page);
    await page.goto(`${server.url}/big.html`);
    const painted = await waitPainted(page);
    if (run === 0) {
      const textBytes = await page.evaluate(() => document.body.textContent!.length);
      expect(textBytes).toBeGreaterThan(1_000_000);
      expect(painted.mentions).toBeGreaterThan(10_000);
      // Every mention found; those near the viewport registered, at the top and then at the end of the page.
      const top = await paintedByDistance(page);
      expect(top.registered).toBe(painted.registered);
      expect(top.onScreen).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga', 'Japan', 'China', 'South Korea', 'Kang Kyung-wha']));
      expect(top.registered).toBeLessThan(painted.mentions / 20);
      await scrollSettled(page, 'bottom');
      const end = await paintedByDistance(page);
      expect(end.registered).toBeLessThan(painted.mentions / 10);
      expect(end.onScreen.length).toBeGreaterThan(5);
      expect(end.onScreen).toEqual(expect.arrayContaining(['Japan', 'China']));
    }
    // Bare walk of the same text, for the record: the target is ≤ 3× this.
    const bare = await page.evaluate(() => {
      const t0 = performance.now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0;
      for (let x = w.nextNode(); x; x = w.nextNode()) n += (x as Text).data.length;
      return { ms: performance.now() - t0, n };
    });
    console.log(`1 MB page: ${painted.mentions} mentions; Backstory main-thread ${painted.ms} ms (longest task ${painted.longestTaskMs} ms, ${painted.wallMs} ms wall); bare text walk ${bare.ms.toFixed(1)} ms`);
    longest.push(painted.longestTaskMs);
    await page.close();
    if (painted.longestTaskMs < 50) break;
  }
  expect(Math.min(...longest)).toBeLessThan(50);
});

test('an ordinary article is painted with little main-thread time', async () => {
  const page = await browser.context.newPage();
  await instrument(page);
  await page.goto(`${server.url}/news-2020-wang-yi.html`);
  const painted = await waitPainted(page);
  console.log(`8 KB article: ${painted.mentions} mentions; ${painted.ms} ms main thread, longest task ${painted.longestTaskMs} ms`);
  expect(painted.mentions).toBeGreaterThan(30);
  // Generous for a shared 2-core machine; the benchmark holds the real target (< 5 ms).
  expect(painted.longestTaskMs).toBeLessThan(50);
  await page.close();
});
