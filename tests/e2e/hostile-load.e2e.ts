/**
 * Hostile load in real Chromium: a page whose text changes a thousand times
 * a second for ten seconds, and a 200,000-node page.
 *
 * "No task of its own over 50 ms" is measured from a Chromium trace (CDP
 * Tracing, devtools.timeline + v8.execute categories) of the page's renderer
 * main threads: every top-level task (RunTask) is examined, and the time
 * inside it spent in JavaScript whose script URL is Backstory's content
 * script (chrome-extension://ID/…: its evaluation, its timers, posted tasks,
 * MutationObserver callbacks) is added up. Backstory's share of any task
 * must stay under 50 ms, and a task that runs Backstory's code and no page
 * script (a task of its own, style and layout it causes included) must
 * last under 50 ms in all. Both in the thread's CPU time (tdur): the wall
 * time of a task on a 2-core machine shared with other work, under tracing,
 * also holds the time the thread waited for a core; the wall time is bounded
 * only loosely (250 ms). A PerformanceObserver('longtask') in the page could not tell
 * whose task it was.
 *
 * Memory: the renderer's JS heap (Runtime.getHeapUsage; the content script's
 * isolated world lives in the same isolate) after a forced GC, before and
 * after the ten seconds; and the number of Backstory's registered ranges,
 * which must equal what the page shows at the end (nothing stale is kept).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { instrument, NAMES, paintedByDistance, scrollSettled, waitPainted } from './page-helpers';

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

// ------------------------------------------------------------------- trace

interface TraceEvent {
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

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
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

interface TaskFigures {
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

function analyse(events: TraceEvent[], extPrefix: string, pagePrefix: string): TaskFigures {
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
    tasks = tasks.filter((t) => (t.ts >= end ? ((end = t.ts + (t.dur ?? 0)), true) : false));
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
  test('text changing 1,000 times a second for 10 s: Backstory keeps up, no task of its own over 50 ms, memory bounded', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await instrument(page);
    await page.goto(`${server.url}/hostile/churn.html`);
    await waitPainted(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const heapBefore = await heapMb(cdp);
    const stop = await startTrace(cdp);

    const churn = page.evaluate(() => (window as unknown as { churn(s: number): Promise<{ textChanges: number; ticks: number; seconds: number }> }).churn(10));
    // Midway: Backstory is not starved (most live texts already show their current names).
    const mid: number[] = [];
    for (const at of [3000, 3000, 3000]) {
      await page.waitForTimeout(at);
      mid.push(await livePainted(page).then((r) => r.current / r.total));
    }
    const did = await churn;
    const settledAt = Date.now();
    await expect.poll(() => livePainted(page).then((r) => r.current === r.total && r.stale === 0), { timeout: 3_000, interval: 50 }).toBe(true);
    const settleMs = Date.now() - settledAt;
    const events = await stop();
    const heapAfter = await heapMb(cdp);

    const figures = analyse(events, `chrome-extension://${browser.extensionId}/`, server.url);
    const final = await livePainted(page);
    console.log(
      `churn: ${did.textChanges} text changes + ${did.ticks * 2} element changes in ${did.seconds.toFixed(1)} s; ` +
        `live texts painted midway ${mid.map((m) => `${Math.round(m * 100)}%`).join(' ')}, settled ${settleMs} ms after; ` +
        `tasks ${figures.tasks} (${figures.tasksWithBackstory} ran Backstory, ${figures.backstoryJsMs.toFixed(0)} ms of its JS), ` +
        `Backstory's most JS in one task ${figures.maxOwnJsMs.toFixed(1)} ms (${figures.maxOwnJsCpuMs.toFixed(1)} CPU), longest task of its own ${figures.maxOwnTaskMs.toFixed(1)} ms (${figures.maxOwnTaskCpuMs.toFixed(1)} CPU), longest task ${figures.maxTaskMs.toFixed(1)} ms; ` +
        `heap ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB; ranges ${final.registered}\n  ${figures.worst.join('\n  ')}`,
    );
    // The page did what it says: about a thousand text changes a second.
    expect(did.textChanges / did.seconds).toBeGreaterThan(800);
    // The trace saw Backstory at work (so the bounds below are about something).
    expect(figures.tasksWithBackstory).toBeGreaterThan(50);
    // 50 ms of the thread's CPU time; wall time may add the waits of a 2-core machine shared with other work (and with tracing).
    expect(figures.maxOwnJsCpuMs, figures.worst.join('\n')).toBeLessThan(50);
    expect(figures.maxOwnTaskCpuMs, figures.worst.join('\n')).toBeLessThan(50);
    expect(figures.maxOwnTaskMs, figures.worst.join('\n')).toBeLessThan(250);
    // Keeping up: most current names painted at every sample, all of them soon after.
    for (const m of mid) expect(m).toBeGreaterThan(0.5);
    expect(settleMs).toBeLessThan(3000);
    // Bounded: nothing registered twice or out of date, and the heap did not grow with the ten thousand changes.
    expect(final.total).toBeGreaterThan(5);
    expect(final.doubled).toBe(0);
    expect(heapAfter - heapBefore).toBeLessThan(5);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('a 200,000-node page: every mention found and the ones near the viewport painted, no task of Backstory\'s over 50 ms', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await instrument(page);
    const cdp = await page.context().newCDPSession(page);
    const stop = await startTrace(cdp);
    const t0 = Date.now();
    await page.goto(`${server.url}/hostile/huge.html`, { timeout: 60_000 });
    const nodes = await page.evaluate(() => {
      let n = 0;
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      for (let x: Node | null = w.currentNode; x; x = w.nextNode()) n++;
      return n;
    });
    const painted = await page.waitForFunction(() => (window as unknown as { __bsPainted: unknown[] }).__bsPainted.length > 0, undefined, { timeout: 60_000, polling: 100 })
      .then(() => page.evaluate(() => (window as unknown as { __bsPainted: { mentions: number; registered: number; longestTaskMs: number }[] }).__bsPainted[0]!));
    const wallMs = Date.now() - t0;
    const events = await stop();
    const figures = analyse(events, `chrome-extension://${browser.extensionId}/`, server.url);
    const top = await paintedByDistance(page);
    console.log(
      `200k nodes (${nodes} counted): ${painted.mentions} mentions painted ${wallMs} ms after navigation; ` +
        `Backstory's most JS in one task ${figures.maxOwnJsMs.toFixed(1)} ms (${figures.maxOwnJsCpuMs.toFixed(1)} CPU), longest task of its own ${figures.maxOwnTaskMs.toFixed(1)} ms (${figures.maxOwnTaskCpuMs.toFixed(1)} CPU) ` +
        `(${figures.tasksWithBackstory} tasks, ${figures.backstoryJsMs.toFixed(0)} ms JS); longest task of any kind ${figures.maxTaskMs.toFixed(1)} ms (parsing and layout of the page itself)\n  ${figures.worst.join('\n  ')}`,
    );
    expect(nodes).toBeGreaterThanOrEqual(200_000);
    // Every tenth paragraph names Wang Yi and Yoshihide Suga.
    const expected = (HUGE_PARAS / 10) * 2;
    expect(painted.mentions).toBe(expected);
    // Found all; registered, those near the viewport: at the top, then at the very end of the page.
    expect(top.registered).toBe(painted.registered);
    expect(top.registered).toBeLessThan(expected / 10);
    expect(top.onScreen).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga']));
    await scrollSettled(page, 'bottom');
    const end = await paintedByDistance(page);
    expect(end.registered).toBeLessThan(expected / 5);
    expect(end.onScreen).toEqual(expect.arrayContaining(['Wang Yi', 'Yoshihide Suga']));
    expect(figures.tasksWithBackstory).toBeGreaterThan(5);
    // 50 ms of the thread's CPU time; wall time may add the waits of a 2-core machine shared with other work (and with tracing).
    expect(figures.maxOwnJsCpuMs, figures.worst.join('\n')).toBeLessThan(50);
    expect(figures.maxOwnTaskCpuMs, figures.worst.join('\n')).toBeLessThan(50);
    expect(figures.maxOwnTaskMs, figures.worst.join('\n')).toBeLessThan(250);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

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
