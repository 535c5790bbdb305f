/**
 * How soon an open tab follows a settings change: on the article fixture, once painted, highlights are switched
 * off in storage (as the popup does) and the time is taken until the tab has unregistered them; then on again,
 * until they are back. Median of five. tests/e2e/page-settings.e2e.ts holds the behaviour (the open tab follows,
 * without a reload); the time is measured here.
 */
import type { ExtensionBrowser, FixtureServer } from '../tests/e2e/harness';
import { fmt, median } from './stats';

export interface SettingsFigures {
  offMs: number;
  onMs: number;
  text: string;
}

const COUNT = `(() => { let n = 0; for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) n += h.size; return n; })()`;

export async function settingsFigures(b: ExtensionBrowser, server: FixtureServer): Promise<SettingsFigures> {
  const worker = b.context.serviceWorkers()[0] ?? (await b.context.waitForEvent('serviceworker'));
  const store = (enabled: boolean) =>
    worker.evaluate(async (on) => {
      await (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome.storage.sync.set({ v: 1, enabled: on });
    }, enabled);
  const tab = await b.context.newPage();
  try {
    await tab.goto(`${server.url}/news-2020-wang-yi.html`);
    /** Ms from t0 until `done` holds for the number of ranges registered. */
    const until = async (done: (n: number) => boolean, t0 = performance.now()): Promise<number> => {
      while (performance.now() - t0 < 30_000) {
        if (done((await tab.evaluate(COUNT)) as number)) return performance.now() - t0;
        await new Promise((r) => setTimeout(r, 5));
      }
      return NaN;
    };
    await until((n) => n > 0);
    const off: number[] = [];
    const on: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await store(false);
      off.push(await until((n) => n === 0, t0));
      const t1 = performance.now();
      await store(true);
      on.push(await until((n) => n > 0, t1));
    }
    const offMs = median(off);
    const onMs = median(on);
    return {
      offMs,
      onMs,
      text: `Settings in an open tab (article): highlights gone ${fmt(offMs)} ms after switching off is stored, back ${fmt(onMs)} ms after switching on (medians of 5, polled every ~5 ms).`,
    };
  } finally {
    await tab.close();
    await store(true).catch(() => undefined);
  }
}
