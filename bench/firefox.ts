/**
 * "Firefox too": the article and the 1 MB page in Debian's firefox-esr,
 * driven by puppeteer-core over WebDriver BiDi (tests/e2e-firefox/harness.ts),
 * with the Firefox bench build (.output/firefox-mv2-bench) installed as a
 * temporary add-on. Reported, not gated.
 *
 * Firefox has no CDP trace, so these are not the Chromium figures' main-thread
 * sums. Backstory: from its content script's start (the `backstory:start`
 * mark) to its `backstory:painted` event, wall clock, and the time it reports
 * for its own slices (the event's `ms`: start-up plus every slice, as the
 * content script's clock saw them). mark.js `markRegExp` with the bench's
 * RegExp runs as a page script, on the same page saved as a file (Backstory's
 * content script runs on http(s) pages only, so not there), from its call to
 * the end of the next frame (a task posted from requestAnimationFrame).
 * Backstory's page load is held (bench/gate.ts) until the page is parsed and
 * two frames have passed, as in Chromium; mark.js starts once the file has
 * loaded and three frames have passed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { findFirefox, FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, requireFirefoxBuild } from '../tests/e2e-firefox/harness';
import type { FixtureServer } from '../tests/e2e/harness';
import { aliasRegExpSource } from './aliases';
import { MARK_JS } from './contenders';
import { SENTINEL_ID, type Gate } from './gate';
import type { GeneratedPage } from './pages';
import { fmt, median, pairedRatio, table } from './stats';

export interface FirefoxPageFigures {
  page: string;
  /** Backstory, start → painted event (wall clock, ms), per round. */
  backstoryWallMs: number[];
  /** Backstory's own slices (self-timed, ms), per round. */
  backstorySelfMs: number[];
  mentions: number;
  /** mark.js markRegExp, call → end of the next frame (ms), per round. */
  markRegExpMs: number[];
  markMentions: number;
}

export interface FirefoxFigures {
  version: string;
  rounds: number;
  pages: FirefoxPageFigures[];
  text: string;
}

/** Window event listener, set before the page's scripts: the painted event's detail and time. */
const PROBE = `addEventListener('backstory:painted', (e) => {
  if (window.__benchPainted) return;
  window.__benchPainted = { t: performance.now(), detail: typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail ?? null) };
});`;

async function poll<T>(read: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read().catch(() => undefined);
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`Firefox: ${what} timed out`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Navigates to a gated page, waits for it to be parsed up to the hold and two frames, then lets it finish. */
async function openGated(page: Page, url: string, gate: Gate, timeoutMs: number): Promise<void> {
  const nav = page.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch((e: unknown) => e);
  try {
    await poll(() => page.evaluate((id) => document.getElementById(id) !== null, SENTINEL_ID), 'the page to parse', timeoutMs);
    await page
      .evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))))
      .catch(() => undefined);
  } finally {
    gate.release();
  }
  const r = await nav;
  if (r instanceof Error) throw r;
}

export async function firefoxFigures(
  server: FixtureServer,
  gate: Gate,
  pages: GeneratedPage[],
  aliases: readonly string[],
  rounds: number,
  log: (s: string) => void,
): Promise<FirefoxFigures> {
  findFirefox();
  requireFirefoxBuild(FIREFOX_EXTENSION_DIR);
  const markJs = readFileSync(MARK_JS, 'utf8');
  const re = aliasRegExpSource(aliases);
  // mark.js's pages are files: Backstory's content script runs on http(s) pages only, so it stays out of mark.js's way.
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-firefox-'));
  for (const p of pages) {
    gate.serve(server, `/ffb/${p.name}.html`, p.html);
    writeFileSync(join(dir, `${p.name}.html`), p.html);
  }
  const withAddon = await launchFirefoxWithExtension();
  const out = new Map<string, FirefoxPageFigures>();
  for (const p of pages) out.set(p.name, { page: p.name, backstoryWallMs: [], backstorySelfMs: [], mentions: NaN, markRegExpMs: [], markMentions: NaN });
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const p of pages) {
        const f = out.get(p.name)!;
        const timeoutMs = p.name === 'article' ? 30_000 : 120_000;
        // Backstory.
        {
          const page = await withAddon.newPage();
          try {
            await page.evaluateOnNewDocument(PROBE);
            await openGated(page, `${server.url}/ffb/${p.name}.html`, gate, timeoutMs);
            const got = await poll(
              () => page.evaluate(() => (window as unknown as { __benchPainted?: { detail: string } }).__benchPainted?.detail),
              'backstory:painted',
              timeoutMs,
            );
            const d = JSON.parse(got) as { ms?: number; wallMs?: number; mentions?: number };
            f.backstoryWallMs.push(d.wallMs ?? NaN);
            f.backstorySelfMs.push(d.ms ?? NaN);
            f.mentions = d.mentions ?? NaN;
          } finally {
            await page.close();
          }
        }
        // mark.js markRegExp, as a page script, in the browser without the add-on when there is one.
        {
          const page = await withAddon.newPage();
          try {
            await page.goto(`file://${join(dir, `${p.name}.html`)}`, { waitUntil: 'load', timeout: timeoutMs });
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30))))));
            const r = await page.evaluate(
              (src: string, source: string, flags: string) =>
                new Promise<{ ms: number; n: number }>((resolve) => {
                  new Function(src)();
                  const Mark = (window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp, o: object): void } }).Mark;
                  const t0 = performance.now();
                  new Mark(document.body).markRegExp(new RegExp(source, flags), {
                    iframes: false,
                    done(n: number) {
                      requestAnimationFrame(() => {
                        const ch = new MessageChannel();
                        ch.port1.onmessage = () => resolve({ ms: performance.now() - t0, n });
                        ch.port2.postMessage(0);
                      });
                    },
                  });
                }),
              markJs,
              re.source,
              re.flags,
            );
            f.markRegExpMs.push(r.ms);
            f.markMentions = r.n;
          } finally {
            await page.close();
          }
        }
        log(`firefox round ${round} ${p.name.padEnd(9)} Backstory ${fmt(f.backstoryWallMs.at(-1)!)} ms to painted (own slices ${fmt(f.backstorySelfMs.at(-1)!)}), mark.js ${fmt(f.markRegExpMs.at(-1)!)} ms`);
      }
    }
  } finally {
    await withAddon.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const list = [...out.values()];
  const text = [
    `Firefox (${withAddon.version}, headless, ${rounds} rounds, medians; wall clock, no trace: Backstory from its start to its painted event, and its own slices as it timed them; ` +
      `mark.js markRegExp as a page script, to the end of the next frame; ratios per round):`,
    table(
      ['page', 'Backstory to painted', 'Backstory own slices', 'mark.js markRegExp painted', 'mark.js ÷ Backstory', 'found: Backstory / mark.js'],
      list.map((f) => [
        f.page,
        fmt(median(f.backstoryWallMs)),
        fmt(median(f.backstorySelfMs)),
        fmt(median(f.markRegExpMs)),
        `${fmt(pairedRatio(f.markRegExpMs, f.backstoryWallMs).median)}×`,
        `${fmt(f.mentions, 0)} / ${fmt(f.markMentions, 0)}`,
      ]),
    ),
  ].join('\n');
  return { version: withAddon.version, rounds, pages: list, text };
}
