/**
 * Hostile load in real Chromium: a page whose text changes a thousand times
 * a second for ten seconds, and a 200,000-node page.
 *
 * What is asserted is behaviour, never a duration (npm test must pass on two
 * cores other jobs keep busy): Backstory keeps painting while the page churns
 * (new ranges on the changing texts in every third of the churn), ends with
 * every text on screen painted with its current name and nothing stale or
 * doubled, and does not grow the heap; on the huge page it finds every
 * mention, registers only those near the viewport, and does its work in many
 * tasks (counted in a Chromium trace: it yields to the page between slices).
 * How long its tasks run, how far behind it falls midway, how soon it settles
 * are logged here for the record and judged by `npm run bench` (the churn
 * page, and the 200k-node page: "no Backstory task over 50 ms"); the unit
 * tests hold the slicing itself with a counted clock (page-annotator.test.ts).
 *
 * Memory: the renderer's JS heap (Runtime.getHeapUsage; the content script's
 * isolated world lives in the same isolate) after a forced GC, before and
 * after the ten seconds; and the number of Backstory's registered ranges,
 * which must equal what the page shows at the end (nothing stale is kept).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { analyse, instrument, NAMES, paintedByDistance, scrollPainted, startTrace, WAIT_MS, waitPainted } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  server.route('/favicon.ico', (_req, res) => void res.writeHead(204).end());
  server.route('/hostile/huge.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hugePage()));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}


// -------------------------------------------------------------------- pages

/** 200,000 nodes: 25,000 paragraphs of eight nodes each (the paragraph, four texts, <b>, <a>, and the text inside <a>); every tenth names two people. */
const HUGE_PARAS = 25_000;
function hugePage(): string {
  const parts: string[] = [];
  for (let i = 0; i < HUGE_PARAS; i++) {
    const who = i % 10 === 0 ? 'Wang Yi met Yoshihide Suga' : 'officials met again';
    parts.push(`<p>${i}: ${who} <b>in the capital</b> on Monday, <a href="#">reports</a> said.</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta property="article:published_time" content="2020-11-24"><title>200,000 nodes</title></head><body><article>${parts.join('')}</article></body></html>`;
}

// -------------------------------------------------------------------- tests

describe('hostile load', () => {
  test('text changing 1,000 times a second for 10 s: Backstory keeps painting throughout, ends up right, memory bounded', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await instrument(page);
    await page.goto(`${server.url}/hostile/churn.html`);
    await waitPainted(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const heapBefore = await heapMb(cdp);

    // Watched from the page itself, every few milliseconds: the ranges Backstory registers on the live texts while
    // they churn, by the third of the churn they appear in. A Backstory that waited for the page to go quiet (a
    // debounce the churn never lets fire) would register none until the end.
    await page.evaluate(watchNewRanges, { names: [...NAMES], changes: CHURN_SECONDS * 1000 });
    const did = await page.evaluate((s) => (window as unknown as { churn(s: number): Promise<{ textChanges: number; ticks: number; seconds: number }> }).churn(s), CHURN_SECONDS);
    const during = await page.evaluate(() => (window as unknown as { __bsStopWatching(): number[] }).__bsStopWatching());
    const atEnd = await livePainted(page);
    const settledAt = Date.now();
    await expect.poll(() => livePainted(page).then((r) => r.current === r.total && r.stale === 0), { timeout: WAIT_MS, interval: 100, message: 'every live text on screen painted with its current name' }).toBe(true);
    const settleMs = Date.now() - settledAt;
    const heapAfter = await heapMb(cdp);
    const final = await livePainted(page);
    console.log(
      `churn: ${did.textChanges} text changes + ${did.ticks * 2} element changes in ${did.seconds.toFixed(1)} s; ` +
        `new ranges on the live texts by third of the churn ${during.join(' / ')}; live texts current when it stopped ${atEnd.current}/${atEnd.total}, ` +
        `all current ${settleMs} ms later (for the record: npm run bench measures it); heap ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB; ranges ${final.registered}`,
    );
    // The page did what it says: a change per millisecond, ten thousand (it catches up however late its timer comes).
    expect(did.textChanges).toBeGreaterThanOrEqual(CHURN_SECONDS * 1000 - 1);
    // Keeping up: Backstory registered ranges for the changing texts in every third of the churn, not only after it.
    for (const [third, n] of during.entries()) expect(n, `new ranges in third ${third + 1} of the churn`).toBeGreaterThan(0);
    // Ends up right: every live text on screen painted with its current name (polled above), nothing doubled.
    expect(final.total).toBeGreaterThan(5);
    expect(final.doubled).toBe(0);
    // Bounded: the heap did not grow with the ten thousand changes.
    expect(heapAfter - heapBefore).toBeLessThan(5);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  test('a 200,000-node page: every mention found and the ones near the viewport painted, the work done in many tasks', async () => {
    // For comparison, the tasks that run Backstory's code on an ordinary article (start-up, the background's
    // answers, the browser's reports, one or two slices): what any page costs in tasks, whatever its size.
    const article = await tasksOnArticle();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await instrument(page);
    const cdp = await page.context().newCDPSession(page);
    const stop = await startTrace(cdp);
    const t0 = Date.now();
    await page.goto(`${server.url}/hostile/huge.html`, { timeout: 4 * WAIT_MS });
    const nodes = await page.evaluate(() => {
      let n = 0;
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      for (let x: Node | null = w.currentNode; x; x = w.nextNode()) n++;
      return n;
    });
    const painted = await page.waitForFunction(() => (window as unknown as { __bsPainted: unknown[] }).__bsPainted.length > 0, undefined, { timeout: 4 * WAIT_MS, polling: 100 })
      .then(() => page.evaluate(() => (window as unknown as { __bsPainted: { mentions: number; registered: number; longestTaskMs: number }[] }).__bsPainted[0]!));
    const wallMs = Date.now() - t0;
    const events = await stop();
    const figures = analyse(events, `chrome-extension://${browser.extensionId}/`, server.url);
    const top = await paintedByDistance(page);
    console.log(
      `200k nodes (${nodes} counted): ${painted.mentions} mentions painted ${wallMs} ms after navigation, in ${figures.tasksWithBackstory} tasks that ran Backstory (${article} on the article); for the record (npm run bench judges them): ` +
        `Backstory's most JS in one task ${figures.maxOwnJsMs.toFixed(1)} ms (${figures.maxOwnJsCpuMs.toFixed(1)} CPU), longest task of its own ${figures.maxOwnTaskMs.toFixed(1)} ms (${figures.maxOwnTaskCpuMs.toFixed(1)} CPU) ` +
        `(${figures.backstoryJsMs.toFixed(0)} ms JS); longest task of any kind ${figures.maxTaskMs.toFixed(1)} ms (parsing and layout of the page itself)\n  ${figures.worst.join('\n  ')}`,
    );
    expect(nodes).toBeGreaterThanOrEqual(200_000);
    // Every tenth paragraph names Wang Yi and Yoshihide Suga.
    const expected = (HUGE_PARAS / 10) * 2;
    expect(painted.mentions).toBe(expected);
    // Found all; registered, those near the viewport: at the top, then at the very end of the page.
    expect(top.registered).toBe(painted.registered);
    expect(top.registered).toBeLessThan(expected / 10);
    expect(top.onScreen).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga']));
    const end = await scrollPainted(page, 'bottom', ['Wang Yi', 'Yoshihide Suga']);
    expect(end.registered).toBeLessThan(expected / 5);
    // The walk of 200,000 nodes is cut into slices, each its own task, with the page's tasks free to run between
    // them: many more tasks ran Backstory's code than on the article (a walk done in one go would add one). A loaded
    // machine only adds slices (each does less in its time). How long each ran is npm run bench's
    // ("no Backstory task over 50 ms").
    expect(figures.tasksWithBackstory - article).toBeGreaterThanOrEqual(MORE_TASKS_200K);
    expect(errors).toEqual([]);
    await page.close();
  }, 8 * WAIT_MS);
});

const CHURN_SECONDS = 10;
/**
 * Slices the 200k-node page takes beyond the article's tasks, at least: 100–130 ms of Backstory's JavaScript in
 * slices of 8 ms on this machine (15–20 more tasks than the article's 4, quiet; more under load), half that on a
 * machine twice as fast; an unsliced walk adds one or two.
 */
const MORE_TASKS_200K = 5;

/** The tasks that ran Backstory's code on the ordinary article, from navigation to painted (a Chromium trace). */
async function tasksOnArticle(): Promise<number> {
  const page = await browser.context.newPage();
  await instrument(page);
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(`${server.url}/news-2020-wang-yi.html`);
  await waitPainted(page);
  const figures = analyse(await stop(), `chrome-extension://${browser.extensionId}/`, server.url);
  await page.close();
  return figures.tasksWithBackstory;
}

/**
 * Run in the page: from now on, every ~5 ms, counts the ranges under Backstory's names on the live spans that were
 * not there before, by the third of the churn (its progress read from the spans' "Update N" texts) they appear in.
 * `window.__bsStopWatching()` stops and returns the three counts.
 */
function watchNewRanges({ names, changes }: { names: string[]; changes: number }): void {
  const w = window as unknown as { __bsStopWatching(): number[] };
  const spans = Array.from(document.querySelectorAll('#feed .live'));
  const seen = new WeakSet<AbstractRange>();
  for (const n of names) for (const r of CSS.highlights.get(n) ?? []) seen.add(r);
  const counts = [0, 0, 0];
  // setInterval with an anonymous callback: no named inner function (a bundler may wrap those in a helper the page lacks).
  const timer = setInterval(() => {
    let progress = -1;
    for (const s of spans) {
      const m = /^Update (\d+):/.exec(s.textContent ?? '');
      if (m) progress = Math.max(progress, Number(m[1]));
    }
    if (progress < 0) return;
    const third = Math.min(2, Math.floor((progress * 3) / changes));
    for (const n of names) {
      for (const r of CSS.highlights.get(n) ?? []) {
        if (seen.has(r)) continue;
        seen.add(r);
        if (spans.some((s) => s.contains(r.startContainer))) counts[third]!++;
      }
    }
  }, 5);
  w.__bsStopWatching = () => {
    clearInterval(timer);
    return counts;
  };
}

/** How many live texts (spans and ticker items) on screen have exactly their current name painted, of how many; how many painted ranges are stale or doubled. */
function livePainted(page: Page): Promise<{ current: number; total: number; stale: number; doubled: number; registered: number; staticMentions: number }> {
  return page.evaluate((names) => {
    const expected = (window as unknown as { expectedLive(): (string | null)[] }).expectedLive();
    const live = [...Array.from(document.querySelectorAll('#feed .live')), ...Array.from(document.querySelectorAll('#ticker li'))];
    const perEl = new Map<Element, string[]>();
    let stale = 0;
    let registered = 0;
    let staticMentions = 0;
    for (const n of names) {
      for (const r of CSS.highlights.get(n) ?? []) {
        registered++;
        const el = live.find((e) => e.contains(r.startContainer));
        if (!el) {
          if (r.startContainer.isConnected) staticMentions++;
          else stale++;
          continue;
        }
        let text: string | null = null;
        try {
          const lr = document.createRange();
          lr.setStart(r.startContainer, r.startOffset);
          lr.setEnd(r.endContainer, r.endOffset);
          text = lr.toString();
        } catch {
          text = null;
        }
        if (text === null) stale++;
        else perEl.set(el, [...(perEl.get(el) ?? []), text]);
      }
    }
    let current = 0;
    let total = 0;
    let doubled = 0;
    live.forEach((el, i) => {
      const want = expected[i];
      const got = perEl.get(el) ?? [];
      if (got.some((t) => !want || !want.includes(t))) stale++;
      if (got.length > 1) doubled++;
      // Only what is near the viewport is registered; the ones on screen must all be.
      const box = el.getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight) return;
      total++;
      if (want && got.length === 1 && want.includes(got[0]!)) current++;
    });
    return { current, total, stale, doubled, registered, staticMentions };
  }, [...NAMES]);
}
