/**
 * Off the critical path: a page with 1 MB of text is read in many slices, each its own task (counted in a Chromium
 * trace), every mention found and those near the viewport painted; an ordinary article is painted in full. How long
 * the tasks run is logged for the record and judged by npm run bench ("no Backstory task over 50 ms on any page",
 * "article: < 5 ms to highlights registered"), never here: npm test runs on two cores other jobs keep busy.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { analyse, instrument, paintedByDistance, scrollPainted, startTrace, waitPainted, type Painted } from './page-helpers';

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

/** Opens a page with a trace running; returns what Backstory reported painted and the tasks that ran its code. */
async function tracedVisit(path: string) {
  const page = await browser.context.newPage();
  await instrument(page);
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(`${server.url}${path}`);
  const painted: Painted = await waitPainted(page);
  const figures = analyse(await stop(), `chrome-extension://${browser.extensionId}/`, server.url);
  return { page, painted, figures };
}

test('1 MB of text: every mention found, in many slices; those near the viewport painted, at the top and after scrolling to the end', async () => {
  const article = await tracedVisit('/news-2020-wang-yi.html');
  await article.page.close();
  const { page, painted, figures } = await tracedVisit('/big.html');
  const textBytes = await page.evaluate(() => document.body.textContent!.length);
  // Bare walk of the same text, for the record: the bench's target is ≤ 3× this.
  const bare = await page.evaluate(() => {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let x = w.nextNode(); x; x = w.nextNode()) n += (x as Text).data.length;
    return { ms: performance.now() - t0, n };
  });
  console.log(
    `1 MB page: ${painted.mentions} mentions in ${figures.tasksWithBackstory} tasks that ran Backstory (${article.figures.tasksWithBackstory} on the article); ` +
      `for the record (npm run bench judges them): Backstory main-thread ${painted.ms} ms (longest slice ${painted.longestTaskMs} ms, ` +
      `longest task of its own ${figures.maxOwnTaskMs.toFixed(1)} ms, ${painted.wallMs} ms wall); bare text walk ${bare.ms.toFixed(1)} ms`,
  );
  expect(textBytes).toBeGreaterThan(1_000_000);
  expect(painted.mentions).toBeGreaterThan(10_000);
  // Every mention found; those near the viewport registered, at the top and then at the end of the page.
  const top = await paintedByDistance(page);
  expect(top.registered).toBe(painted.registered);
  expect(top.onScreen).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga', 'Japan', 'China', 'South Korea', 'Kang Kyung-wha']));
  expect(top.registered).toBeLessThan(painted.mentions / 20);
  const end = await scrollPainted(page, 'bottom', ['Japan', 'China']);
  expect(end.registered).toBeLessThan(painted.mentions / 10);
  expect(end.onScreen.length).toBeGreaterThan(5);
  // In slices, each its own task with the page free to run between them: many more tasks ran Backstory's code than
  // on the article (reading 1 MB in one go would add one). A loaded machine only adds slices.
  expect(figures.tasksWithBackstory - article.figures.tasksWithBackstory).toBeGreaterThanOrEqual(MORE_TASKS_1MB);
  await page.close();
});

/**
 * Slices the 1 MB page takes beyond the article's tasks, at least: some 150 ms of Backstory's work in slices of
 * 8 ms on this machine (20 more tasks than the article's 4, quiet; more under load), half that on a machine twice
 * as fast; an unsliced read adds one or two.
 */
const MORE_TASKS_1MB = 8;

test('an ordinary article is painted in full', async () => {
  const { page, painted, figures } = await tracedVisit('/news-2020-wang-yi.html');
  console.log(`8 KB article: ${painted.mentions} mentions; for the record (npm run bench judges it, target < 5 ms): ${painted.ms} ms main thread, longest task ${painted.longestTaskMs} ms, ${figures.tasksWithBackstory} tasks ran Backstory`);
  expect(painted.mentions).toBeGreaterThan(30);
  // Painted: every mention found is registered (an article is near the viewport whole, or nearly).
  const now = await paintedByDistance(page);
  expect(now.registered).toBe(painted.registered);
  expect(now.onScreen).toEqual(expect.arrayContaining(['Wang Yi']));
  await page.close();
});
