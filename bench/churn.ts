/**
 * A page whose text changes a thousand times a second (tests/fixtures/hostile/churn.html: fifty live spans
 * rewritten once per elapsed millisecond, a ticker item replaced and one appended every ~10 ms), churning for
 * ten seconds once Backstory has painted it. From a trace of the churn: Backstory's JavaScript in any one task
 * (its MutationObserver callbacks run inside the page's own tasks), the longest task of its own (its slices,
 * with the style and layout they cause), its JavaScript in all. In the page: the share of the live texts on
 * screen painted with their current name at 3, 6 and 9 s (is it keeping up?), and how long after the churn
 * stops until every one is. tests/e2e/hostile-load.e2e.ts holds the behaviour (it keeps painting throughout,
 * ends up right, the heap stays flat); the times are measured here.
 */
import type { ExtensionBrowser, FixtureServer } from '../tests/e2e/harness';
import { fmt } from './stats';
import { analyse } from '../tests/e2e/page-helpers';
import { startTrace, type TraceEvent } from './trace';

/** The trace time of a performance mark the churn set in the page. */
function markAt(events: TraceEvent[], name: string): number | undefined {
  return events.find((e) => e.cat.includes('blink.user_timing') && e.name === name)?.ts;
}

export interface ChurnFigures {
  seconds: number;
  textChanges: number;
  /** Share of the live texts on screen painted with their current name, sampled during the churn. */
  midwayCurrent: number[];
  /** From the end of the churn to every live text on screen painted with its current name. */
  settleMs: number;
  tasks: number;
  tasksWithBackstory: number;
  backstoryJsMs: number;
  /** The most of Backstory's JavaScript in any one task (wall; and thread CPU). */
  maxOwnJsMs: number;
  maxOwnJsCpuMs: number;
  /** The longest task that ran Backstory's code and no page script (wall; and thread CPU). */
  maxOwnTaskMs: number;
  maxOwnTaskCpuMs: number;
  text: string;
}

const SECONDS = 10;

/** In the page (a string: tsx would wrap named inner functions in a helper the page lacks): [current, total] of the live texts on screen. */
const LIVE_CURRENT = `(() => {
  const names = ['backstory-person', 'backstory-country', 'backstory-demonym', 'backstory-capital'];
  const expected = window.expectedLive();
  const live = [...document.querySelectorAll('#feed .live'), ...document.querySelectorAll('#ticker li')];
  const got = new Map();
  for (const n of names) {
    for (const r of CSS.highlights.get(n) ?? []) {
      const el = live.find((e) => e.contains(r.startContainer));
      if (!el) continue;
      let text = null;
      try {
        const lr = document.createRange();
        lr.setStart(r.startContainer, r.startOffset);
        lr.setEnd(r.endContainer, r.endOffset);
        text = lr.toString();
      } catch {}
      got.set(el, [...(got.get(el) ?? []), text]);
    }
  }
  let current = 0, total = 0;
  live.forEach((el, i) => {
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) return;
    total++;
    const g = got.get(el) ?? [];
    if (expected[i] && g.length === 1 && g[0] && expected[i].includes(g[0])) current++;
  });
  return [current, total];
})()`;

export async function churnFigures(b: ExtensionBrowser, server: FixtureServer): Promise<ChurnFigures> {
  const tab = await b.context.newPage();
  try {
    await tab.addInitScript(`addEventListener('backstory:painted', () => { window.__painted = true; });`);
    const cdp = await b.context.newCDPSession(tab);
    const stop = await startTrace(cdp);
    await tab.goto(`${server.url}/hostile/churn.html`);
    await tab.waitForFunction(() => (window as unknown as { __painted?: boolean }).__painted === true, null, { timeout: 60_000 });
    await tab.evaluate(`performance.mark('bench:churn-start')`);
    const churn = tab.evaluate(`window.churn(${SECONDS}).then((r) => { performance.mark('bench:churn-end'); return r; })`) as Promise<{ textChanges: number; seconds: number }>;
    const midwayCurrent: number[] = [];
    // At 3, 6 and 9 s.
    for (let s = 0; s < 3; s++) {
      await tab.waitForTimeout((SECONDS * 1000) / 3.3);
      const [current, total] = (await tab.evaluate(LIVE_CURRENT)) as [number, number];
      midwayCurrent.push(total ? current / total : NaN);
    }
    const did = await churn;
    const t0 = performance.now();
    let settleMs = NaN;
    while (performance.now() - t0 < 30_000) {
      const [current, total] = (await tab.evaluate(LIVE_CURRENT)) as [number, number];
      if (total > 0 && current === total) {
        settleMs = performance.now() - t0;
        break;
      }
      await tab.waitForTimeout(20);
    }
    const events = await stop();
    // The tasks between the two marks: Backstory's share of each, and whether page script ran in it.
    const f = analyse(events, `chrome-extension://${b.extensionId}/`, server.url, { from: markAt(events, 'bench:churn-start'), to: markAt(events, 'bench:churn-end') });
    return {
      seconds: did.seconds,
      textChanges: did.textChanges,
      midwayCurrent,
      settleMs,
      tasks: f.tasks,
      tasksWithBackstory: f.tasksWithBackstory,
      backstoryJsMs: f.backstoryJsMs,
      maxOwnJsMs: f.maxOwnJsMs,
      maxOwnJsCpuMs: f.maxOwnJsCpuMs,
      maxOwnTaskMs: f.maxOwnTaskMs,
      maxOwnTaskCpuMs: f.maxOwnTaskCpuMs,
      text:
        `Churn (${did.textChanges} text changes in ${fmt(did.seconds)} s, tests/fixtures/hostile/churn.html): Backstory's JS ${fmt(f.backstoryJsMs)} ms in ${f.tasksWithBackstory} tasks; ` +
        `most of its JS in one task ${fmt(f.maxOwnJsMs)} ms (${fmt(f.maxOwnJsCpuMs)} CPU); longest task of its own ${fmt(f.maxOwnTaskMs)} ms (${fmt(f.maxOwnTaskCpuMs)} CPU); ` +
        `live texts on screen current midway ${midwayCurrent.map((m) => `${Math.round(m * 100)}%`).join(' / ')}; all current ${fmt(settleMs)} ms after the churn stopped.`,
    };
  } finally {
    await tab.close();
  }
}
