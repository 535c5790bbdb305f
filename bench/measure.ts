/**
 * One measured page load: a fresh tab, a trace from before navigation until
 * the result is painted, then the JS heap after a forced GC.
 */
import type { ExtensionBrowser } from '../tests/e2e/harness';
import type { Gate } from './gate';
import { analyseFixedWindow, analyseWindow, startTrace, type FixedWindowFigures, type TraceEvent, type WindowFigures } from './trace';

export interface InPage {
  /** Mentions the contender reports (mark.js: marks made; Backstory: the painted event's detail). */
  mentions?: number;
  /** Milliseconds the contender reports for itself (performance.now in its own world). */
  selfMs?: number;
  /** Anything else the contender reported. */
  extra?: Record<string, unknown>;
}

export interface Measurement {
  window: WindowFigures;
  heapBytes: number;
  domNodes: number;
  inPage: InPage;
  /** Bytes of chrome-extension:// resources the page's renderer fetched (the content script's index and data). */
  extensionFetchBytes: number;
  /** Everything on the main thread for a fixed window from the script's start (with `holdMs`). */
  fixed?: FixedWindowFigures;
  /** Why the figures are partial, if they are. */
  note?: string;
}

export type Kind = 'contender' | 'backstory';

export interface MeasureOptions {
  kind: Kind;
  /** Holds the end of the document until the page is rendered (see gate.ts). */
  gate: Gate;
  timeoutMs: number;
  /** Measure the JS heap (a forced GC first: seconds on the 200k-node page, so only where it is reported). */
  heap?: boolean;
  /** Keep the raw trace (for debugging the method). */
  keepTrace?: (events: TraceEvent[]) => void;
  /**
   * Keep tracing this long after the script's start, and report everything on the main thread in that window
   * (`fixed`). A contender's URL must then carry `hold=` the same (runner.js reports after it).
   */
  holdMs?: number;
}

declare global {
  interface Window {
    __benchPainted?: { t: number; detail: unknown; count: number; registered: number };
  }
}

/**
 * Marks the time of Backstory's "painted" event in the trace, and counts the
 * ranges registered under Backstory's highlight names at that moment (the
 * registry is shared with the page), to check the event comes after the work.
 */
const PAINTED_PROBE = `addEventListener('backstory:painted', (e) => {
  performance.mark('bench:painted');
  let registered = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) registered += h.size;
  const prev = window.__benchPainted;
  window.__benchPainted = { t: performance.now(), detail: e.detail ?? null, count: (prev ? prev.count : 0) + 1, registered };
});`;

/**
 * Resolves once three frames in a row came less than 25 ms apart (at most
 * 3 s): the page's own rendering, including the compositor's commit of a big
 * first frame, is over, so none of it spills into the content script's window.
 */
const CALM = `new Promise((resolve) => {
  const t0 = performance.now();
  let last = t0;
  let calm = 0;
  const tick = (now) => {
    calm = now - last < 25 ? calm + 1 : 0;
    last = now;
    if (calm >= 3 || now - t0 > 3000) setTimeout(resolve, 0);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

const settle = () =>
  new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30))));

export async function measure(b: ExtensionBrowser, url: string, opts: MeasureOptions): Promise<Measurement> {
  const page = await b.context.newPage();
  try {
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (opts.kind === 'backstory') {
      // The content script announces "every mention painted" with a window event; mark its time in the trace.
      // (A string, not a function: tsx would wrap named inner functions in a helper the page lacks.)
      await page.addInitScript(PAINTED_PROBE);
    }
    const stop = await startTrace(cdp);
    await opts.gate.open(page, url, opts.timeoutMs, () => page.evaluate(CALM));
    await page.waitForLoadState('load', { timeout: opts.timeoutMs });
    let note: string | undefined;
    let noEvent = false;
    let inPage: InPage = {};
    // The fixed window: let it pass before polling for the result, so that the harness's own polling (a script run
    // in the page every 50 ms) does not fall into it, alike with Backstory and with the control.
    if (opts.holdMs) await page.waitForTimeout(opts.holdMs + 100);
    if (opts.kind === 'contender') {
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-bench'), null, { timeout: opts.timeoutMs, polling: 50 });
      const r = JSON.parse((await page.evaluate(() => document.documentElement.getAttribute('data-bench')))!) as Record<string, unknown>;
      inPage = { mentions: r['mentions'] as number, selfMs: r['scriptMs'] as number, extra: r };
    } else {
      try {
        await page.waitForFunction(() => window.__benchPainted !== undefined, null, { timeout: opts.timeoutMs, polling: 50 });
        const p = (await page.evaluate(() => window.__benchPainted))!;
        // The detail may come as a JSON string: an object made in the content script's world may not cross into the page's.
        type Detail = { mentions?: number; registered?: number; ms?: number };
        let d = p.detail as Detail | string | null;
        if (typeof d === 'string') d = JSON.parse(d) as Detail;
        inPage = { mentions: d?.mentions, selfMs: d?.ms, extra: { ...d, paintedEvents: p.count, registeredAtEvent: p.registered } };
        // Backstory registers the mentions near the viewport (src/page/near-viewport.ts): those must all be in the registry by then.
        if (d?.registered !== undefined && p.registered < d.registered) {
          note = `backstory:painted came with ${p.registered} of its ${d.registered} near-viewport ranges registered`;
        }
      } catch {
        noEvent = true;
        note = 'no backstory:painted event; the window ends after the content script\'s last task';
        await page.waitForTimeout(1500);
      }
    }
    await page.evaluate(settle);
    const events = await stop();
    opts.keepTrace?.(events);
    if (opts.heap) await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
    const prefix = 'chrome-extension://';
    const figures = analyseWindow(events, {
      pageUrl: page.url(),
      scriptPrefix: `${prefix}${b.extensionId}/`,
      startMark: opts.kind === 'contender' ? 'contender:start' : undefined,
      doneMark: opts.kind === 'contender' ? 'contender:done' : noEvent ? undefined : 'bench:painted',
      afterFrameMark: opts.kind === 'contender' ? 'contender:painted' : undefined,
    });
    let fixed: FixedWindowFigures | undefined;
    if (opts.holdMs) {
      fixed = analyseFixedWindow(events, {
        pageUrl: page.url(),
        scriptPrefix: `${prefix}${b.extensionId}/`,
        startMark: opts.kind === 'contender' ? 'contender:start' : undefined,
        doneMark: opts.kind === 'contender' ? 'contender:done' : 'bench:painted',
        windowMs: opts.holdMs,
      });
      if (!fixed.complete) note = [note, `the trace ended before the ${opts.holdMs} ms window did`].filter(Boolean).join('; ');
    }
    const extensionRequests = new Set(
      events.filter((e) => e.name === 'ResourceSendRequest' && String(e.args?.data?.['url'] ?? '').startsWith(prefix)).map((e) => e.args?.data?.['requestId']),
    );
    const extensionFetchBytes = events
      .filter((e) => e.name === 'ResourceFinish' && extensionRequests.has(e.args?.data?.['requestId']))
      .reduce((s, e) => s + Number(e.args?.data?.['decodedBodyLength'] ?? e.args?.data?.['encodedDataLength'] ?? 0), 0);
    return { window: figures, heapBytes: opts.heap ? metric('JSHeapUsedSize') : NaN, domNodes: metric('Nodes'), inPage, extensionFetchBytes, fixed, note };
  } finally {
    await page.close();
  }
}
