/** What the page-side e2e tests share: waiting for Backstory's paint, finding a mention on screen, resting the pointer on it. */
import { expect } from 'vitest';
import type { BrowserContext, CDPSession, Locator, Page } from 'playwright-core';

export const HOST_TAG = 'backstory-ui';
/** Backstory's highlights on a light page; a dark page gets the same names with "-dark" (tints for dark backgrounds). */
export const LIGHT_NAMES = ['backstory-person', 'backstory-country', 'backstory-demonym', 'backstory-capital', 'backstory-organisation'] as const;
export const NAMES = [...LIGHT_NAMES, ...LIGHT_NAMES.map((n) => `${n}-dark` as const)] as const;

/**
 * How long a test waits for something that must happen, at most. Only a wait that would never end fails on it:
 * tests assert what happens, not how soon (npm test runs on two cores other jobs share; speed is npm run bench's).
 */
export const WAIT_MS = 30_000;

/** Installs, before any page script, a listener for Backstory's "painted" signal and a record of every DOM change. */
export async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __bsPainted: unknown[]; __bsMutations: string[]; __bsDomAtLoad: string | null };
    w.__bsPainted = [];
    w.__bsMutations = [];
    w.__bsDomAtLoad = null;
    window.addEventListener('backstory:painted', (e) => {
      const d = (e as CustomEvent).detail;
      w.__bsPainted.push(typeof d === 'string' ? JSON.parse(d) : d);
    });
    const describe = (n: Node) => (n.nodeType === 1 ? (n as Element).localName : n.nodeName);
    let loaded = false;
    const observer = new MutationObserver((list) => {
      if (!loaded) return;
      for (const m of list) {
        if (m.type === 'childList') {
          for (const n of Array.from(m.addedNodes)) w.__bsMutations.push(`add ${describe(n)} to ${describe(m.target)}`);
          for (const n of Array.from(m.removedNodes)) w.__bsMutations.push(`remove ${describe(n)} from ${describe(m.target)}`);
        } else {
          w.__bsMutations.push(`${m.type} ${m.attributeName ?? ''} on ${describe(m.target)}`);
        }
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    // Record from the parsed page on: the parser's own insertions are not changes.
    document.addEventListener('DOMContentLoaded', () => {
      observer.takeRecords();
      loaded = true;
      w.__bsDomAtLoad = document.documentElement.outerHTML;
    }, { capture: true });
  });
}

export interface Painted {
  mentions: number;
  /** Of those, the ranges registered: the ones near the viewport. */
  registered: number;
  ms: number;
  longestTaskMs: number;
  wallMs: number;
}

export async function waitPainted(page: Page, count = 1): Promise<Painted> {
  // waitForFunction, not expect.poll: this also runs in beforeAll hooks.
  await page.waitForFunction((n) => (window as unknown as { __bsPainted: unknown[] }).__bsPainted.length >= n, count, { timeout: WAIT_MS, polling: 50 });
  return page.evaluate((i) => (window as unknown as { __bsPainted: Painted[] }).__bsPainted[i - 1]!, count);
}

/** A new tab, instrumented, at `url`, once Backstory has painted it. */
export async function openPainted(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await instrument(page);
  await page.goto(url);
  await waitPainted(page);
  return page;
}

/**
 * Run in the page (self-contained, so it can be handed to any evaluate): the
 * texts painted under each of the given highlight names.
 */
export const paintedTextsIn = (names: string[]): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const n of names) {
    const h = CSS.highlights.get(n);
    // Backstory paints StaticRanges (no toString): read them through a live Range.
    if (h) out[n] = [...h].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }
  return out;
};

/** The texts painted under each of Backstory's highlight names. */
export function highlighted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(paintedTextsIn, [...NAMES]);
}

export interface ByDistance {
  /** Ranges registered under Backstory's names. */
  registered: number;
  /**
   * Texts of the registered ranges inside the viewport. Backstory registers the mentions near the
   * viewport (src/page/near-viewport.ts); how far beyond it depends on its chunks and on what it lets linger.
   */
  onScreen: string[];
}

/** Backstory's registered ranges by where they lie relative to the viewport. */
export function paintedByDistance(page: Page): Promise<ByDistance> {
  return page.evaluate((names) => {
    const out = { registered: 0, onScreen: [] as string[] };
    for (const n of names) {
      for (const r of CSS.highlights.get(n) ?? []) {
        out.registered++;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const box = live.getBoundingClientRect();
        if (box.top >= 0 && box.bottom <= innerHeight) out.onScreen.push(live.toString());
      }
    }
    return out;
  }, [...NAMES]);
}

/** Scrolls the page and waits for the browser's intersection report (a frame) and the registration it causes (the next). */
export async function scrollSettled(page: Page, y: number | 'bottom'): Promise<void> {
  await page.evaluate(async (to) => {
    window.scrollTo(0, to === 'bottom' ? document.documentElement.scrollHeight : to);
    for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, y);
}

/**
 * Scrolls, then waits until the given texts are painted on screen (the intersection report and the registration it
 * causes may take a few frames more on a loaded machine), and returns what is registered then.
 */
export async function scrollPainted(page: Page, y: number | 'bottom', want: string[], what = `after scrolling to ${y}`): Promise<ByDistance> {
  await scrollSettled(page, y);
  await expect.poll(async () => (await paintedByDistance(page)).onScreen, { timeout: WAIT_MS, interval: 100, message: what }).toEqual(expect.arrayContaining(want));
  return paintedByDistance(page);
}

/** The on-screen box of the nth painted range with this text, scrolled into view first. */
export async function mentionBox(page: Page, text: string, nth = 0): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate(({ names, text, nth }) => {
    const all: Range[] = [];
    for (const n of names) {
      for (const r of CSS.highlights.get(n) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() === text) all.push(live);
      }
    }
    all.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const r = all[nth];
    if (!r) return null;
    (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0]!;
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  }, { names: [...NAMES], text, nth });
  if (!box) throw new Error(`no painted mention "${text}" #${nth}`);
  return box;
}

/** Rests the mouse on a mention and returns the card that opens. */
export async function hoverMention(page: Page, text: string, nth = 0): Promise<Locator> {
  const b = await mentionBox(page, text, nth);
  await page.mouse.move(b.x + Math.min(4, b.width / 2), b.y + b.height / 2, { steps: 2 });
  await page.mouse.move(b.x + Math.min(5, b.width / 2), b.y + b.height / 2);
  const card = page.getByRole('dialog');
  await expect.poll(() => card.count(), { timeout: WAIT_MS }).toBe(1);
  return card;
}

/** Moves the mouse to an empty corner and waits for any card to close. */
export async function moveAway(page: Page): Promise<void> {
  await page.mouse.move(2, 2, { steps: 3 });
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: WAIT_MS }).toBe(0);
}

/** The page's serialisation without Backstory's host element. */
export function domWithoutHost(page: Page): Promise<string> {
  return page.evaluate((tag) => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const el of Array.from(clone.querySelectorAll(tag))) el.remove();
    return clone.outerHTML;
  }, HOST_TAG);
}

/** The slice of the extension API the tests call inside the service worker (there is no `chrome` type in this project). */
export interface ChromeApi {
  storage: { sync: { set(v: Record<string, unknown>): Promise<void>; clear(): Promise<void> } };
  tabs: { sendMessage(tabId: number, msg: unknown): Promise<unknown> };
}

// ------------------------------------------------------------------- trace

/*
 * A Chromium trace (CDP Tracing) of the page's renderer main threads, read for the tasks that ran Backstory's
 * JavaScript (chrome-extension://ID/…): tests count them (Backstory's work cut into many tasks, i.e. it yields),
 * and log their durations for the record; the durations are judged by npm run bench, never by a test.
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string } & Record<string, unknown>;
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordContinuously', includedCategories: ['__metadata', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] },
  });
  return async () => {
    const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

function urlOf(e: TraceEvent): string {
  const u = e.args?.data?.['url'] ?? e.args?.['fileName'];
  return typeof u === 'string' ? u : '';
}

export interface TaskFigures {
  tasks: number;
  /** Tasks that ran any of Backstory's JavaScript. */
  tasksWithBackstory: number;
  /** The most of Backstory's JavaScript in any one task. */
  maxOwnJsMs: number;
  /** The longest task that ran Backstory's code and no page script. */
  maxOwnTaskMs: number;
  /** The longest task of any kind (the page's own included), for the record. */
  maxTaskMs: number;
  backstoryJsMs: number;
  /** The same maxima in thread CPU time: what a 2-core machine shared with other work cannot inflate. */
  maxOwnJsCpuMs: number;
  maxOwnTaskCpuMs: number;
  /** The longest tasks of Backstory's own, described, for a failure message. */
  worst: string[];
}

/** `window`: only the tasks that start within it (trace microseconds), e.g. between two performance marks. */
export function analyse(events: TraceEvent[], extPrefix: string, pagePrefix: string, window: { from?: number; to?: number } = {}): TaskFigures {
  const from = window.from ?? -Infinity;
  const to = window.to ?? Infinity;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const complete = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of complete) {
    const k = `${e.pid}:${e.tid}`;
    byThread.set(k, [...(byThread.get(k) ?? []), e]);
  }
  const out: TaskFigures = { tasks: 0, tasksWithBackstory: 0, maxOwnJsMs: 0, maxOwnTaskMs: 0, maxTaskMs: 0, backstoryJsMs: 0, maxOwnJsCpuMs: 0, maxOwnTaskCpuMs: 0, worst: [] };
  const worst: { ms: number; text: string }[] = [];
  for (const list of byThread.values()) {
    let tasks = list.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    // Outermost tasks only.
    let end = -Infinity;
    tasks = tasks.filter((t) => (t.ts >= end ? ((end = t.ts + (t.dur ?? 0)), true) : false)).filter((t) => t.ts >= from && t.ts <= to);
    let i = 0;
    for (const t of tasks) {
      const tEnd = t.ts + (t.dur ?? 0);
      while (i < list.length && list[i]!.ts < t.ts) i++;
      let own = 0;
      let ownCpu = 0;
      let ownEnd = -Infinity;
      let pageJs = false;
      const what: string[] = [];
      for (let j = i; j < list.length && list[j]!.ts < tEnd; j++) {
        const e = list[j]!;
        const u = urlOf(e);
        if (u.startsWith(extPrefix)) {
          // Outermost events of Backstory's script only, so nested calls count once.
          if (e.ts >= ownEnd) {
            own += Math.min(e.ts + (e.dur ?? 0), tEnd) - e.ts;
            ownCpu += e.tdur ?? e.dur ?? 0;
            ownEnd = e.ts + (e.dur ?? 0);
            what.push(`${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}/${((e.tdur ?? 0) / 1000).toFixed(1)} ms ${String(e.args?.data?.['functionName'] ?? '')}@${u.slice(extPrefix.length)}:${String(e.args?.data?.['lineNumber'] ?? '')}`);
          }
        } else if (u.startsWith(pagePrefix)) {
          pageJs = true;
        }
      }
      const ms = (t.dur ?? 0) / 1000;
      out.tasks++;
      out.maxTaskMs = Math.max(out.maxTaskMs, ms);
      if (own > 0) {
        const cpu = (t.tdur ?? t.dur ?? 0) / 1000;
        out.tasksWithBackstory++;
        out.backstoryJsMs += own / 1000;
        out.maxOwnJsMs = Math.max(out.maxOwnJsMs, own / 1000);
        out.maxOwnJsCpuMs = Math.max(out.maxOwnJsCpuMs, ownCpu / 1000);
        if (!pageJs) {
          out.maxOwnTaskMs = Math.max(out.maxOwnTaskMs, ms);
          out.maxOwnTaskCpuMs = Math.max(out.maxOwnTaskCpuMs, cpu);
        }
        worst.push({ ms, text: `task ${ms.toFixed(1)} ms wall / ${cpu.toFixed(1)} ms CPU${pageJs ? ' (with page script)' : ''}: ${what.slice(0, 4).join('; ')}` });
      }
    }
  }
  out.worst = worst.sort((a, b) => b.ms - a.ms).slice(0, 3).map((w) => w.text);
  return out;
}
