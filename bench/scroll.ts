/**
 * What scrolling costs once a page is painted. Backstory registers only the
 * mentions near the viewport (src/page/near-viewport.ts), so the rest are
 * registered as scrolling brings them near: that work is measured here, not
 * hidden. The page is scrolled one screen per step (two frames each, the
 * browser's intersection report and the registration it causes included),
 * once with Backstory and once with the control extension that does nothing.
 */
import type { ExtensionBrowser, FixtureServer } from '../tests/e2e/harness';
import type { Gate } from './gate';
import type { GeneratedPage } from './pages';
import { fmt } from './stats';
import { analyseWindow, startTrace } from './trace';

export interface ScrollRun {
  /** Main-thread busy time over the whole scroll. */
  busyMs: number;
  /** The content script's JavaScript over the whole scroll. */
  jsMs: number;
  longestFrameMs: number;
  longestTaskMs: number;
  /** Backstory's ranges registered at the end (near the last screen). */
  registered: number;
}

export interface ScrollFigures {
  page: string;
  screens: number;
  backstory: ScrollRun;
  control: ScrollRun;
  text: string;
}

const SCREENS = 40;

async function scrollOnce(b: ExtensionBrowser, url: string, gate: Gate, backstory: boolean): Promise<ScrollRun> {
  const tab = await b.context.newPage();
  try {
    if (backstory) await tab.addInitScript(`addEventListener('backstory:painted', () => { window.__painted = true; });`);
    // Traced from before the navigation (the trace finds the page's renderer by its commit); only the marked scroll is analysed.
    const cdp = await b.context.newCDPSession(tab);
    const stop = await startTrace(cdp);
    await gate.open(tab, url, 60_000);
    await tab.waitForLoadState('load');
    if (backstory) await tab.waitForFunction(() => (window as unknown as { __painted?: boolean }).__painted === true, null, { timeout: 60_000 });
    else await tab.waitForFunction(() => document.documentElement.hasAttribute('data-bench'), null, { timeout: 60_000 });
    // A string, not a function: tsx would wrap the named inner function in a helper the page lacks.
    await tab.evaluate(`(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await frame();
      performance.mark('bench:scroll-start');
      for (let i = 0; i < ${SCREENS}; i++) {
        window.scrollBy(0, innerHeight);
        await frame();
        await frame();
      }
      performance.mark('bench:scroll-end');
      await frame();
    })()`);
    const events = await stop();
    const w = analyseWindow(events, {
      pageUrl: tab.url(),
      scriptPrefix: `chrome-extension://${b.extensionId}/`,
      startMark: 'bench:scroll-start',
      doneMark: 'bench:scroll-end',
    });
    const registered = await tab.evaluate(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) n += h.size;
      return n;
    });
    return { busyMs: w.busyMs, jsMs: w.jsMs, longestFrameMs: w.longestRenderTaskMs, longestTaskMs: w.longestTaskMs, registered };
  } finally {
    await tab.close();
  }
}

export async function scrollFigures(
  backstory: ExtensionBrowser, control: ExtensionBrowser, server: FixtureServer, gate: Gate, page: GeneratedPage,
): Promise<ScrollFigures> {
  const b = await scrollOnce(backstory, `${server.url}/b/${page.name}.html`, gate, true);
  const c = await scrollOnce(control, `${server.url}/none/${page.name}.html`, gate, false);
  return {
    page: page.name,
    screens: SCREENS,
    backstory: b,
    control: c,
    text:
      `Scrolling ${page.name} ${SCREENS} screens down, one per two frames: Backstory's JS ${fmt(b.jsMs)} ms in all ` +
      `(${fmt(b.jsMs / SCREENS)} ms a screen); main thread ${fmt(b.busyMs)} ms vs ${fmt(c.busyMs)} ms without Backstory; ` +
      `longest frame ${fmt(b.longestFrameMs)} ms vs ${fmt(c.longestFrameMs)} ms; longest task ${fmt(b.longestTaskMs)} ms vs ${fmt(c.longestTaskMs)} ms; ` +
      `${b.registered} ranges registered at the end.`,
  };
}
