/**
 * Which of the found ranges lie near the viewport, so that only those are
 * handed to the browser to paint.
 *
 * Why: Chromium re-validates every range of every registered highlight at
 * the next frame after any change to a highlight or to the DOM (about 7 µs a
 * range here). With all 6,000 mentions of a long page registered, the frame
 * that first painted them took 60–125 ms, and so did every later frame in
 * which the page changed anything (a ticking clock, a rotating ad). Ranges
 * within a screen's height of the viewport are registered; the rest are
 * found and counted but wait, unpainted, until scrolling brings them near,
 * which the browser reports a frame ahead of their coming into view.
 *
 * How: an IntersectionObserver, but not one target per mention. Chromium
 * recomputes every target on every frame that scrolls (~2 µs a target
 * here): with one per block, scrolling a 1 MB page cost 8 ms a frame. So the
 * elements holding the mentions a walk reads in document order are grouped
 * into chunks of up to CHUNK elements, and only each chunk's first and last
 * elements are watched (a range is held by its host, the element its block
 * was read from, else by its text's parent element). A
 * chunk is near when either is, or when they lie on opposite sides of the
 * band (the band is inside the chunk). The browser reports only crossings,
 * so a jump that carries a watched element over the whole band unseen (a
 * long scroll in one step, content inserted above) makes every watched
 * element report afresh. Mentions read out of order (the page changed them)
 * are watched element by element, and painted at once until the browser
 * says where they are.
 *
 * The price: text that the page shows far from its place in the document
 * (a fixed or sticky banner amid a chunk) is painted only while its chunk is
 * near; its card still opens (the annotator finds it from the caret).
 */

import type { Mark } from './span';

/** One screen above and one below the viewport: a page-down scroll lands on text already painted. */
export const NEAR_MARGIN = '100% 0px';

/**
 * Elements per chunk: 2 watched instead of 64. Each chunk coming near is one
 * change to the highlights, and each change makes Chromium repaint a few
 * screens (3–20 ms here): with 24 a chunk, scrolling the 200k-node page had
 * 75 ms frames; with 64, 39 ms (the control's: 14–20 ms), and a chunk still
 * registers at most a few hundred ranges.
 */
export const CHUNK = 64;

const ABOVE = -1;
const INSIDE = 0;
const BELOW = 1;
const UNKNOWN = 2;

interface Chunk {
  start: Element;
  end: Element;
  /** An array, not a Set: most chunks hold a few dozen mentions, and thousands of Sets cost a cold page milliseconds. */
  items: Mark[];
  startSide: number;
  endSide: number;
  near: boolean;
  /** Counted near before the browser said (see provisional()). */
  guess: boolean;
  /** Held no range at the last sweep. */
  empty: boolean;
}

interface Moved {
  entering: Mark[];
  leaving: Mark[];
  misjudged: Mark[];
}

export interface NearViewportOptions {
  win: Window & typeof globalThis;
  /** Ranges that came near (to register), went away (to unregister), and were wrongly guessed near (to take out at once). */
  onChange: (entering: Mark[], leaving: Mark[], misjudged: Mark[]) => void;
  onError?: (e: unknown) => void;
  margin?: string;
}

export class NearViewport {
  private readonly io: IntersectionObserver | null;
  /** Watched elements and the chunks each one bounds. */
  private readonly watched = new Map<Element, Chunk[]>();
  /** Where each watched element was at its last report (ABOVE, INSIDE or BELOW the band). */
  private readonly sides = new Map<Element, number>();
  /** Watched elements not reported on yet. */
  private readonly awaiting = new Set<Element>();
  private readonly chunks = new Set<Chunk>();
  /** Chunks of one element, for ranges read out of document order. */
  private readonly single = new Map<Element, Chunk>();
  /** The chunk an in-order walk is filling, and how many elements it has. */
  private open: Chunk | null = null;
  private openCount = 0;
  private waiting: (() => void)[] = [];
  private readonly lastScroll = new WeakMap<object, number>();
  private readonly undo: (() => void)[] = [];

  constructor(private readonly o: NearViewportOptions) {
    const IO = (o.win as unknown as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
    let io: IntersectionObserver | null = null;
    try {
      if (typeof IO === 'function') io = new IO((entries) => this.seen(entries), { rootMargin: o.margin ?? NEAR_MARGIN });
    } catch {
      io = null;
    }
    this.io = io;
  }

  /**
   * Tracks a range, judged by its host element or else its text's parent; `inOrder`: it comes
   * after every range added in order before it, in document order (a walk).
   * True if it is near now (to be painted at once), and always true where
   * there is no IntersectionObserver (everything is painted).
   */
  add(range: Mark, inOrder = false): boolean {
    if (!this.io) return true;
    const text = range.host === undefined ? range.startContainer : null;
    const el = text ? (text.parentElement ?? text.ownerDocument?.documentElement) : range.host;
    if (!el) return true;
    let c: Chunk;
    if (inOrder) {
      c = this.inOrderChunk(el);
    } else {
      c = this.single.get(el) ?? this.provisional(el);
    }
    c.empty = false;
    c.items.push(range);
    range.near = c;
    return c.near;
  }

  /** Stops tracking a range; true if it was near (so it is registered and must be taken out). */
  delete(range: Mark): boolean {
    if (!this.io) return true;
    const c = range.near as Chunk | null;
    if (!c) return false;
    range.near = null;
    const items = c.items;
    const i = items.lastIndexOf(range);
    if (i >= 0) {
      items[i] = items[items.length - 1]!;
      items.pop();
    }
    // An emptied chunk is kept until a sweep finds it still empty: a live text the page rewrites many
    // times a second gets its new mention painted at once, not a frame after each change.
    return c.near;
  }

  /** Ends the chunk being filled, so that its last element is watched (call at the end of each slice of a walk). */
  seal(): void {
    const c = this.open;
    if (!c) return;
    this.open = null;
    this.openCount = 0;
    if (c.end !== c.start) this.watch(c.end, c);
  }

  /** Stops watching chunks that held no range since the last sweep (call every few seconds). */
  sweep(): void {
    for (const c of this.chunks) {
      if (c.items.length || c === this.open) continue;
      if (c.empty) this.forget(c);
      else c.empty = true;
    }
  }

  /** Calls `fn` once the browser has reported on every watched element (at once if it has, or nothing is watched). */
  whenSettled(fn: () => void): void {
    if (this.awaiting.size === 0) fn();
    else this.waiting.push(fn);
  }

  /** Forgets every range (a new walk follows); callbacks waiting for the old ones are dropped. */
  clear(): void {
    this.io?.disconnect();
    this.watched.clear();
    this.sides.clear();
    this.awaiting.clear();
    this.chunks.clear();
    this.single.clear();
    this.open = null;
    this.openCount = 0;
    this.waiting = [];
  }

  destroy(): void {
    this.clear();
    for (const f of this.undo.splice(0)) f();
  }

  private inOrderChunk(el: Element): Chunk {
    const open = this.open;
    if (open && open.end === el) return open;
    if (open && this.openCount < CHUNK) {
      open.end = el;
      this.openCount++;
      return open;
    }
    this.seal();
    this.open = this.chunk(el, null);
    this.openCount = 1;
    return this.open;
  }

  /**
   * A chunk for one element the page just added or changed. Such text is
   * mostly where the reader is (a live ticker, a new reply), so it counts as
   * near until the browser reports, a frame later; if it is far, its ranges
   * then go the way of any that leave.
   */
  private provisional(el: Element): Chunk {
    const c = this.chunk(el, el);
    if (c.startSide === UNKNOWN) c.near = c.guess = true;
    this.single.set(el, c);
    return c;
  }

  /** A new chunk from `start`; its end is watched now if given, else when sealed. */
  private chunk(start: Element, end: Element | null): Chunk {
    if (!this.undo.length) this.followJumps();
    const c: Chunk = { start, end: end ?? start, items: [], startSide: UNKNOWN, endSide: UNKNOWN, near: false, guess: false, empty: false };
    this.chunks.add(c);
    this.watch(start, c);
    if (end && end !== start) this.watch(end, c);
    return c;
  }

  private watch(el: Element, c: Chunk): void {
    const list = this.watched.get(el);
    if (list) {
      list.push(c);
      const side = this.sides.get(el);
      if (side === undefined) return;
      const moved: Moved = { entering: [], leaving: [], misjudged: [] };
      this.place(c, el, side, moved);
      this.report(moved);
      return;
    }
    this.watched.set(el, [c]);
    this.awaiting.add(el);
    this.io!.observe(el);
  }

  private forget(c: Chunk): void {
    this.chunks.delete(c);
    if (this.single.get(c.start) === c) this.single.delete(c.start);
    for (const el of c.start === c.end ? [c.start] : [c.start, c.end]) {
      const list = this.watched.get(el);
      if (!list) continue;
      const i = list.indexOf(c);
      if (i >= 0) list.splice(i, 1);
      if (list.length) continue;
      this.watched.delete(el);
      this.sides.delete(el);
      this.io?.unobserve(el);
      if (this.awaiting.delete(el)) this.settle();
    }
  }

  /** Records where `el` is for chunk `c`, and whether `c` is near now; the ranges that moved go to the lists. */
  private place(c: Chunk, el: Element, side: number, moved: Moved): void {
    if (c.start === el) c.startSide = side;
    if (c.end === el) c.endSide = side;
    const s = c.startSide;
    const e = c.endSide;
    let near = c.near;
    if (s === INSIDE || e === INSIDE) near = true;
    else if (s !== UNKNOWN && e !== UNKNOWN) near = s !== e;
    const guess = c.guess;
    if (s !== UNKNOWN && e !== UNKNOWN) c.guess = false;
    if (near === c.near) return;
    c.near = near;
    const to = near ? moved.entering : guess ? moved.misjudged : moved.leaving;
    for (const r of c.items) to.push(r);
  }

  private report(m: Moved): void {
    if (m.entering.length || m.leaving.length || m.misjudged.length) this.o.onChange(m.entering, m.leaving, m.misjudged);
  }

  private seen(entries: IntersectionObserverEntry[]): void {
    const moved: Moved = { entering: [], leaving: [], misjudged: [] };
    try {
      for (const e of entries) {
        const el = e.target;
        const chunks = this.watched.get(el);
        if (!chunks) continue;
        const first = this.awaiting.delete(el);
        const intersecting = e.isIntersecting;
        // No box of its own (display: contents, or inside display: none): watch the nearest ancestor that has one instead.
        // Looked at on the first report only, the one every element gets: the box is an object made per entry.
        if (first && !intersecting && this.boxless(e, el)) {
          this.rewatch(el, el.parentElement!);
          continue;
        }
        const side = intersecting ? INSIDE : this.sideOf(e);
        this.sides.set(el, side);
        for (const c of chunks) this.place(c, el, side, moved);
      }
      this.report(moved);
    } catch (e) {
      this.o.onError?.(e);
    }
    this.settle();
  }

  private sideOf(e: IntersectionObserverEntry): number {
    const box = e.boundingClientRect;
    const top = e.rootBounds ? e.rootBounds.top : 0;
    return box.bottom <= top ? ABOVE : BELOW;
  }

  private boxless(e: IntersectionObserverEntry, el: Element): boolean {
    if (e.boundingClientRect.height !== 0) return false;
    return e.boundingClientRect.width === 0 && el.parentElement !== null && el !== el.ownerDocument.body;
  }

  private rewatch(from: Element, to: Element): void {
    const chunks = this.watched.get(from) ?? [];
    this.watched.delete(from);
    this.sides.delete(from);
    this.io!.unobserve(from);
    for (const c of chunks) {
      if (c.start === from) c.start = to;
      if (c.end === from) c.end = to;
      if (this.single.get(from) === c) {
        this.single.delete(from);
        if (!this.single.has(to)) this.single.set(to, c);
      }
      this.watch(to, c);
    }
  }

  /**
   * Makes every watched element report again when the page moved further in
   * one step than the band is tall could hide: a scroll (of the page or of
   * any scroller in it) of more than a screen, or a change in the document's
   * height. Crossings alone would miss an element carried over the band.
   */
  private followJumps(): void {
    const { win } = this.o;
    const doc = win.document;
    const refresh = () => {
      const io = this.io;
      if (!io) return;
      for (const el of this.watched.keys()) {
        io.unobserve(el);
        io.observe(el);
      }
    };
    const onScroll = (e: Event) => {
      try {
        const t = e.target;
        const key: object = !t || t === doc ? win : t;
        const pos = key === win ? win.scrollY + win.scrollX : (t as Element).scrollTop + (t as Element).scrollLeft;
        const last = this.lastScroll.get(key);
        this.lastScroll.set(key, pos);
        if (last === undefined || Math.abs(pos - last) > win.innerHeight) refresh();
      } catch (err) {
        this.o.onError?.(err);
      }
    };
    this.lastScroll.set(win, win.scrollY + win.scrollX);
    win.addEventListener('scroll', onScroll, { capture: true, passive: true });
    this.undo.push(() => win.removeEventListener('scroll', onScroll, { capture: true }));
    const RO = (win as unknown as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    if (typeof RO === 'function' && doc.documentElement) {
      let height = -1;
      const ro = new RO(() => {
        try {
          const h = doc.documentElement.scrollHeight;
          if (height >= 0 && Math.abs(h - height) > win.innerHeight) refresh();
          if (height < 0 || Math.abs(h - height) > win.innerHeight) height = h;
        } catch (err) {
          this.o.onError?.(err);
        }
      });
      ro.observe(doc.documentElement);
      this.undo.push(() => ro.disconnect());
    }
  }

  private settle(): void {
    if (this.awaiting.size !== 0 || !this.waiting.length) return;
    const fns = this.waiting;
    this.waiting = [];
    for (const fn of fns) {
      try {
        fn();
      } catch (e) {
        this.o.onError?.(e);
      }
    }
  }
}
