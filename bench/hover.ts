/**
 * Hover latency on the article with the real extension: from the pointer
 * coming to rest on a mention (the last pointermove) to the frame that paints
 * the card (the card is placed hidden and made visible once positioned; the
 * time is taken in a task posted from the next animation frame, i.e. after
 * that frame's paint). The rest delay is Backstory's own choice; the bound is
 * that delay plus one frame.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type ExtensionBrowser, type FixtureServer } from '../tests/e2e/harness';
import type { Gate } from './gate';
import type { GeneratedPage } from './pages';
import { fmt, max, median } from './stats';

export interface HoverSample {
  text: string;
  /** Rest (last pointermove) → card painted. */
  ms: number;
  /** Rest → card made visible (before its frame). */
  visibleMs: number;
}

export interface HoverFigures {
  text: string;
  restMs: number;
  samples: HoverSample[];
  medianMs: number;
  maxMs: number;
  overDelayMedianMs: number;
  overDelayMaxMs: number;
}

/** The rest delay the content script uses (HoverController's default unless the content script passes one). */
export function restDelayMs(): number {
  const src = readFileSync(join(ROOT, 'src', 'page', 'hover.ts'), 'utf8');
  const m = /restMs \?\? (\d+)/.exec(src);
  return m ? Number(m[1]) : NaN;
}

interface HoverState {
  lastMove: number;
  visible: number;
  painted: number;
  ready: boolean;
}

declare global {
  interface Window {
    __hover?: HoverState;
  }
}

/**
 * Installed in the page's main world before anything else. A string, not a
 * function: tsx would wrap named inner functions in a helper the page lacks.
 */
const HOVER_PROBE = `(() => {
  const host = 'backstory-ui';
  const h = { lastMove: 0, visible: 0, painted: 0, ready: false };
  window.__hover = h;
  addEventListener('backstory:painted', () => { h.ready = true; });
  addEventListener('pointermove', (e) => { h.lastMove = e.timeStamp; }, { capture: true, passive: true });
  const check = () => {
    if (h.visible || !h.lastMove) return;
    const card = document.querySelector(host)?.shadowRoot?.querySelector('[style*="visibility: visible"]');
    if (!card) return;
    h.visible = performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { h.painted = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  const watched = new WeakSet();
  const watchHost = () => {
    const root = document.querySelector(host)?.shadowRoot;
    if (root && !watched.has(root)) {
      watched.add(root);
      new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
    }
    check();
  };
  new MutationObserver(watchHost).observe(document, { childList: true, subtree: true });
})();`;

export async function hoverFigures(b: ExtensionBrowser, server: FixtureServer, gate: Gate, page: GeneratedPage, samples = 6): Promise<HoverFigures> {
  const restMs = restDelayMs();
  const tab = await b.context.newPage();
  try {
    await tab.addInitScript(HOVER_PROBE);
    await gate.open(tab, `${server.url}/b/${page.name}.html`, 20_000);
    await tab.waitForFunction(() => window.__hover?.ready === true, null, { timeout: 20_000 });
    // Only mentions near the viewport are registered (src/page/near-viewport.ts): bring the article into view
    // and give the browser's intersection report two frames to arrive.
    await tab.evaluate(async () => {
      document.querySelector('article')?.scrollIntoView({ block: 'start' });
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    });
    // Highlights may hold StaticRanges (no toString, no boxes): read them through live Ranges. On screen
    // only, so centring any one of them keeps the others near enough to stay registered.
    const texts = await tab.evaluate(() => {
      const seen = new Set<string>();
      for (const name of ['backstory-person', 'backstory-country']) {
        for (const s of CSS.highlights.get(name) ?? []) {
          const r = document.createRange();
          r.setStart(s.startContainer, s.startOffset);
          r.setEnd(s.endContainer, s.endOffset);
          const t = r.toString();
          const box = r.getBoundingClientRect();
          const onScreen = box.top >= 0 && box.bottom <= innerHeight;
          if (onScreen && !seen.has(t) && r.startContainer.parentElement?.closest('article')) seen.add(t);
        }
      }
      return [...seen];
    });
    if (texts.length === 0) throw new Error('no painted mention in the article to hover');
    const out: HoverSample[] = [];
    for (let i = 0; i < samples; i++) {
      const text = texts[i % texts.length]!;
      const box = await tab.evaluate((t) => {
        for (const name of ['backstory-person', 'backstory-country']) {
          for (const s of CSS.highlights.get(name) ?? []) {
            const r = document.createRange();
            r.setStart(s.startContainer, s.startOffset);
            r.setEnd(s.endContainer, s.endOffset);
            if (r.toString() !== t) continue;
            r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
            const b = r.getClientRects()[0]!;
            return { x: b.x, y: b.y, width: b.width, height: b.height };
          }
        }
        return null;
      }, text);
      if (!box) continue;
      // Away from any mention, long enough for an open card's grace period to close it.
      await tab.mouse.move(1, 1);
      await tab.waitForTimeout(800);
      await tab.evaluate(() => Object.assign(window.__hover!, { lastMove: 0, visible: 0, painted: 0 }));
      await tab.mouse.move(box.x + Math.min(4, box.width / 2), box.y + box.height / 2, { steps: 3 });
      await tab.waitForFunction(() => (window.__hover?.painted ?? 0) > 0, null, { timeout: 10_000, polling: 20 });
      const h = (await tab.evaluate(() => window.__hover!))!;
      out.push({ text, ms: h.painted - h.lastMove, visibleMs: h.visible - h.lastMove });
    }
    const ms = out.map((s) => s.ms);
    const fig = {
      restMs,
      samples: out,
      medianMs: median(ms),
      maxMs: max(ms),
      overDelayMedianMs: median(ms) - restMs,
      overDelayMaxMs: max(ms) - restMs,
    };
    return {
      ...fig,
      text:
        `Hover (article, ${out.length} mentions): pointer at rest → card painted ${fmt(fig.medianMs)} ms median, ${fmt(fig.maxMs)} ms max; ` +
        `rest delay ${restMs} ms, so +${fmt(fig.overDelayMedianMs)} ms median / +${fmt(fig.overDelayMaxMs)} ms max over it (one frame = 16.7 ms).`,
    };
  } finally {
    await tab.close();
  }
}
