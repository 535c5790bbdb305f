/**
 * One element holding a whole page (a transcript cut by <br>, one text node of
 * 100,000 mentions): its mentions are judged near the viewport each by its own
 * box, so what is registered, and what is measured, grows with the band, not
 * with the element; and one huge text node is matched a piece at a time.
 *
 * happy-dom lays nothing out: a stand-in gives every range a box from where it
 * starts (a line of 20 px per text node, or per 100 characters of one node),
 * counts the boxes asked for, and a variable plays the page's scroll position.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Annotator } from '../../src/page/annotator';
import { HIGHLIGHT_NAMES, LINGER_LIMIT, Painter } from '../../src/page/highlights';
import { DENSE, DENSE_BAND, DENSE_SHIFT } from '../../src/page/near-viewport';
import { Slicer } from '../../src/page/slices';
import type { Mark } from '../../src/page/span';
import { installHighlights, removeHighlights, type FakeRegistry } from './helpers/fake-highlights';
import { STORY_ENTRIES, STORY_SURNAMES, stubMatcher } from './page-stub-matcher';

type Win = Window & typeof globalThis;
const win = window as unknown as Win;

const LINE = 20;
/** Lines of the transcript: enough for the band to be a small part (happy-dom's ranges cost a walk of the siblings, so not 20,000). */
const LINES = 2_000;
const HEIGHT = win.innerHeight;

/** The stand-in's layout: a range's top in the document (null: no box), the scroll position, and boxes measured. */
const view = { y: 0, measured: 0, top: (_node: Node, _offset: number): number | null => null };
const original = win.Range.prototype.getBoundingClientRect;
let registry: FakeRegistry;

beforeEach(() => {
  registry = installHighlights(win);
  view.y = 0;
  view.measured = 0;
  win.Range.prototype.getBoundingClientRect = function (this: Range) {
    view.measured++;
    const at = view.top(this.startContainer, this.startOffset);
    if (at === null) return { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0, x: 0, y: 0 } as DOMRect;
    const top = at - view.y;
    return { top, bottom: top + 16, left: 0, right: 40, width: 40, height: 16, x: 0, y: top } as DOMRect;
  };
});

afterEach(() => {
  win.Range.prototype.getBoundingClientRect = original;
  removeHighlights(win);
  document.body.replaceChildren();
});

/** Lines of a transcript (one text node each, cut by <br>) whose box lies within `band` screens of the viewport. */
function nearLines(count: number, band = DENSE_BAND): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const top = i * LINE - view.y;
    if (top + 16 >= -band * HEIGHT && top <= (1 + band) * HEIGHT) out.push(i);
  }
  return out;
}

/** A transcript of `count` lines in one <div>, each line's first word ("Japan") a mark; the layout stand-in set for it. */
function transcript(count: number): { div: HTMLElement; texts: Text[] } {
  const div = document.createElement('div');
  div.innerHTML = Array.from({ length: count }, (_, i) => `Japan, line ${i}`).join('<br>');
  document.body.append(div);
  const texts = [...div.childNodes].filter((n): n is Text => n.nodeType === 3);
  const line = new Map<Node, number>(texts.map((t, i) => [t, i]));
  view.top = (node) => {
    const i = line.get(node);
    return i === undefined ? null : i * LINE;
  };
  return { div, texts };
}

function mark(node: Text): Mark {
  return { startContainer: node, startOffset: 0, endContainer: node, endOffset: 5, kind: 'country', near: null };
}

const settled = (painter: Painter) => new Promise<void>((r) => painter.whenSettled(r));
const frame = () => new Promise<void>((r) => win.requestAnimationFrame(() => setTimeout(r, 0)));

/** The line of each registered range. */
function registeredLines(texts: Text[]): number[] {
  const index = new Map<Node, number>(texts.map((t, i) => [t, i]));
  return [...(registry.get(HIGHLIGHT_NAMES.country) ?? [])].map((r) => index.get(r.startContainer) ?? -1).sort((a, b) => a - b);
}

function scrollTo(y: number): void {
  view.y = y;
  win.dispatchEvent(new win.Event('scroll'));
}

describe('an element with more mentions than a few screens hold is judged mention by mention', () => {
  test('of a 2,000-line transcript in one element, only the lines within a screen and a half of the viewport are registered, found with a few dozen boxes', async () => {
    const { texts } = transcript(LINES);
    const painter = new Painter(win);
    for (const t of texts) painter.add(mark(t), true);
    painter.flush();
    await settled(painter);
    expect(painter.found).toBe(LINES);
    // Judged by their element, all 2,000 were registered.
    expect(registeredLines(texts)).toEqual(nearLines(texts.length));
    expect(painter.count()).toBeLessThan(250);
    // Two binary searches (and the first line, to see later whether the text moved): not a box per mention.
    expect(view.measured).toBeLessThan(60);
  });

  test('scrolling brings the lines now near in, a small scroll costs one box, and what went away is taken out once too many are registered', async () => {
    const { texts } = transcript(LINES);
    const painter = new Painter(win);
    for (const t of texts) painter.add(mark(t), true);
    painter.flush();
    await settled(painter);
    for (const y of [20_000, 8_000, 39_000, 24_000, 1_000]) {
      scrollTo(y);
      await frame();
      const now = registeredLines(texts);
      expect(now).toEqual(expect.arrayContaining(nearLines(texts.length)));
      // Those near, and at most LINGER_LIMIT that went away.
      expect(now.length).toBeLessThanOrEqual(nearLines(texts.length).length + LINGER_LIMIT);
    }
    // Scrolled less than DENSE_SHIFT screens at a time, what is within DENSE_BAND - DENSE_SHIFT stays registered.
    for (let k = 0; k < 6; k++) {
      scrollTo(view.y + 0.7 * DENSE_SHIFT * HEIGHT);
      await frame();
      expect(registeredLines(texts)).toEqual(expect.arrayContaining(nearLines(texts.length, DENSE_BAND - DENSE_SHIFT)));
    }
    const before = view.measured;
    const lines = registeredLines(texts);
    scrollTo(view.y + 40);
    await frame();
    // Less than DENSE_SHIFT screens: a box looked at (whether the text moved), nothing placed again (a placement looks at ~25).
    expect(view.measured - before).toBeLessThan(20);
    expect(registeredLines(texts)).toEqual(lines);
  });

  test('mentions the page re-reads (out of order) go dense too; replaced, only the new near ones stay registered', async () => {
    const { texts } = transcript(2_000);
    const painter = new Painter(win);
    view.y = 10_000;
    let marks = texts.map(mark);
    for (const m of marks) painter.add(m);
    painter.flush();
    await settled(painter);
    expect(registeredLines(texts)).toEqual(nearLines(texts.length));
    // The page rewrote every line: the old marks go, new ones come, out of order again.
    for (const m of marks) painter.delete(m);
    marks = texts.map(mark);
    for (const m of marks) painter.add(m);
    painter.flush();
    await settled(painter);
    expect(painter.found).toBe(2_000);
    expect(registeredLines(texts)).toEqual(nearLines(texts.length));
    const owned = [...(registry.get(HIGHLIGHT_NAMES.country) ?? [])].map((r) => r.startContainer);
    expect(new Set(owned).size).toBe(owned.length);
  });

  test('a page that edits lines here and there, hundreds of times, leaves exactly the near lines registered, none lost or doubled', async () => {
    const { texts } = transcript(600);
    const painter = new Painter(win);
    view.y = 4_000;
    const marks = texts.map(mark);
    for (const m of marks) painter.add(m, true);
    painter.flush();
    await settled(painter);
    // Each edit: the line's mark goes and a new one comes, out of order (runs of their own, merged now and then).
    let seed = 7;
    for (let k = 0; k < 300; k++) {
      seed = (seed * 48271) % 2147483647;
      const i = seed % texts.length;
      painter.delete(marks[i]!);
      marks[i] = mark(texts[i]!);
      painter.add(marks[i]!);
      if (k % 50 === 49) {
        painter.flush();
        await frame();
      }
    }
    painter.flush();
    await settled(painter);
    await frame();
    expect(painter.found).toBe(600);
    const now = registeredLines(texts);
    expect(now).toEqual(expect.arrayContaining(nearLines(texts.length)));
    expect(new Set(now).size).toBe(now.length);
    // Nothing far: a dense element's additions wait for their placement, never painted on a guess.
    expect(now).toEqual(nearLines(texts.length));
  });

  test('an element of a few dozen mentions is judged by its element as before (no box asked for)', async () => {
    const { texts } = transcript(DENSE);
    const painter = new Painter(win);
    for (const t of texts) painter.add(mark(t), true);
    painter.flush();
    await settled(painter);
    expect(painter.count()).toBe(DENSE);
    expect(view.measured).toBe(0);
  });
});

describe('one huge text node is matched a piece at a time', () => {
  const tick = () => new Promise((r) => setTimeout(r, 0));

  /** Runs the annotator on the page with a clock that moves 1 ms per reading and 4 ms slices; the mentions each slice found. */
  async function read(html: string): Promise<{ perSlice: number[]; annotator: Annotator; painter: Painter }> {
    document.body.innerHTML = html;
    let clock = 0;
    const clockWin = { performance: { now: () => ++clock } } as unknown as Win;
    const painter = new Painter(win);
    const queued: (() => void)[] = [];
    const slicer = new Slicer({ win: clockWin, budgetMs: 4, post: (fn) => void queued.push(fn), afterSlice: () => painter.flush() });
    const annotator = new Annotator({ doc: document, win, matcher: stubMatcher(STORY_ENTRIES, STORY_SURNAMES), painter, slicer });
    annotator.start();
    const perSlice: number[] = [];
    for (let n = 0, quiet = 0; n < 100_000 && quiet < 5; n++) {
      const slice = queued.shift();
      if (slice) {
        const before = annotator.mentions;
        slice();
        perSlice.push(annotator.mentions - before);
      }
      quiet = slice ? 0 : quiet + 1;
      if (!slice) await tick();
    }
    await settled(painter);
    return { perSlice, annotator, painter };
  }

  test('10,000 mentions in one text node: found in many slices, each a bounded share, none cut in two, the near ones painted over their words', async () => {
    const text = 'Japan met China. '.repeat(5_000);
    view.top = (node, offset) => (node.nodeType === 3 ? Math.floor(offset / 100) * LINE : null);
    const { perSlice, annotator, painter } = await read(`<p>${text}</p>`);
    expect(annotator.mentions).toBe(10_000);
    expect(Object.fromEntries([...annotator.entities()].map(([id, c]) => [id, c.count]))).toEqual({ JPN: 5_000, CHN: 5_000 });
    // Matched whole, the node was one slice that found all 10,000.
    expect(perSlice.filter((n) => n > 0).length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(2_500);
    // Registered: the mentions within a screen of the viewport (lines of 100 characters, a screen and a half below it), each over its word.
    const ranges = [...registry.get(HIGHLIGHT_NAMES.country)!];
    const words = ranges.map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
    expect(new Set(words)).toEqual(new Set(['Japan', 'China']));
    const lastLine = Math.floor(((1 + DENSE_BAND) * HEIGHT) / LINE);
    const expected = [...text.matchAll(/Japan|China/g)].filter((m) => Math.floor(m.index / 100) <= lastLine).length;
    expect(painter.count()).toBe(expected);
  });

  test('a surname in the first piece, named in full in a later one, is placed where it stands', async () => {
    const text = `Suga spoke first. ${'Officials met again. '.repeat(600)}Prime Minister Yoshihide Suga met Wang Yi.`;
    view.top = (node, offset) => (node.nodeType === 3 ? Math.floor(offset / 100) * LINE : null);
    const { annotator } = await read(`<p>${text}</p>`);
    expect(Object.fromEntries([...annotator.entities()].map(([id, c]) => [id, c.count]))).toEqual({ 'Yoshihide Suga': 2, 'Wang Yi': 1 });
    const person = [...registry.get(HIGHLIGHT_NAMES.person)!].map((r) => [r.startOffset, (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)]);
    expect(person).toContainEqual([0, 'Suga']);
  });
});
