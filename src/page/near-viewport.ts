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
 * One element can hold a whole page: a transcript whose lines are cut by
 * <br>, or 100,000 mentions in one paragraph. Judged by its element, all of
 * its mentions would be registered whenever any part of it is near (15,000
 * ranges, 70–300 ms frames). So an element past DENSE mentions is "dense":
 * its mentions are judged each by its own box, which the browser gives for a
 * range over it. They are kept in document order, where in a flowing text
 * the boxes go down the page too, so two binary searches find the first and
 * the last near one in ~35 measurements: the work does not grow with the
 * element, and the ranges registered grow only with the band. They are placed at
 * the next frame (requestAnimationFrame) after any are added, and again
 * whenever a scroll, a resize or a change in the document's size has moved
 * their first mention by ¾ of a screen since (one measurement per frame);
 * the band placed is a screen and a half either side (DENSE_BAND).
 *
 * The price: text that the page shows far from its place in the document
 * (a fixed or sticky banner amid a chunk) is painted only while its chunk is
 * near; its card still opens (the annotator finds it from the caret). In a
 * dense element laid out out of document order (columns, floats of text) the
 * search assumes order and may leave some near mentions unpainted.
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

/**
 * Mentions an in-order chunk takes before the next element starts a new one: a chunk of 64 elements that each
 * hold dozens is many screens of ranges registered at once.
 */
export const CHUNK_MARKS = 256;

/** Mentions in one element past which each is judged by its own box (see above): a few screens of an ordinary page. */
export const DENSE = 128;

/** Most mentions of a dense element counted near at once, even where boxes are not in document order. */
export const DENSE_NEAR = 2000;

/**
 * A dense element's mentions are placed within DENSE_BAND screens above and below the viewport, and placed again
 * once their text has moved DENSE_SHIFT screens: those within DENSE_BAND - DENSE_SHIFT (¾ of a screen) are always
 * registered. Every placement that changes what is registered costs a frame in which Chromium repaints the
 * element's text (40–50 ms for one text node of 2.9 MB), so it is a change every ¾ screen of scrolling, not every
 * quarter (4 screens' worth registered, not 3).
 */
export const DENSE_BAND = 1.5;
export const DENSE_SHIFT = 0.75;

/** Runs of one dense element (text the page re-read) beyond which they are merged into one. */
const MAX_RUNS = 32;

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

/**
 * An element whose mentions are judged one by one. Its mentions are kept as
 * runs, each in document order: the walk's, and one for each re-reading the
 * page caused (a run continues while what is added comes after its end).
 */
class Dense {
  runs: Mark[][] = [];
  /** The run an in-order walk adds to. */
  walk: Mark[] | null = null;
  /** The run out-of-order additions last went to. */
  tail: Mark[] | null = null;
  /** Mentions counted near: registered or about to be. */
  near = new Set<Mark>();
  /** Counted near on a guess (a chunk the browser had not reported on yet): taken out at once if far, not left to linger. */
  guessed: Set<Mark> | null = null;
  alive = 0;
  /** Deleted but still in a run (taken out in one pass when there are many). */
  dead = 0;
  /** The mention whose box tells whether the text moved, its top then, and the viewport's height then. */
  ref: Mark | null = null;
  refTop = 0;
  height = 0;
  constructor(readonly el: Element) {}
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
  /** Elements whose mentions are judged one by one. */
  private readonly dense = new Map<Element, Dense>();
  /** Dense elements with mentions not placed yet (whenSettled waits for them). */
  private readonly toPlace = new Set<Dense>();
  /** A frame is asked for: to place toPlace, or to check whether dense text moved. */
  private framed = false;
  private destroyed = false;
  /** The element the in-order walk's last mentions came from, and how many in a row. */
  private runEl: Element | null = null;
  private runCount = 0;

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
    const el = elementOf(range);
    if (!el) return true;
    if (this.dense.size) {
      const d = this.dense.get(el);
      if (d) {
        this.addDense(d, range, inOrder);
        return false;
      }
    }
    let c: Chunk;
    let run: number;
    if (inOrder) {
      c = this.inOrderChunk(el);
      run = this.runEl === el ? ++this.runCount : ((this.runEl = el), (this.runCount = 1));
    } else {
      c = this.single.get(el) ?? this.provisional(el);
      run = c.items.length + 1;
    }
    c.empty = false;
    c.items.push(range);
    range.near = c;
    if (run > DENSE) {
      this.densify(el, c, inOrder);
      return false;
    }
    return c.near;
  }

  /** Stops tracking a range; true if it was near (so it is registered and must be taken out). */
  delete(range: Mark): boolean {
    if (!this.io) return true;
    if (range.near instanceof Dense) return this.deleteDense(range.near, range);
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
    for (const [el, d] of this.dense) {
      if (d.alive) continue;
      this.dense.delete(el);
      this.toPlace.delete(d);
    }
  }

  /** Calls `fn` once the browser has reported on every watched element and dense mentions are placed (at once if so). */
  whenSettled(fn: () => void): void {
    if (this.awaiting.size === 0 && this.toPlace.size === 0) fn();
    else this.waiting.push(fn);
  }

  /** Forgets every range (a new walk follows); callbacks waiting for the old ones are dropped. */
  clear(): void {
    this.dense.clear();
    this.toPlace.clear();
    this.runEl = null;
    this.runCount = 0;
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
    this.destroyed = true;
    for (const f of this.undo.splice(0)) f();
  }

  private inOrderChunk(el: Element): Chunk {
    const open = this.open;
    if (open && open.end === el) return open;
    if (open && this.openCount < CHUNK && open.items.length < CHUNK_MARKS) {
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
        if (this.dense.size) this.frame();
      } catch (err) {
        this.o.onError?.(err);
      }
    };
    this.lastScroll.set(win, win.scrollY + win.scrollX);
    win.addEventListener('scroll', onScroll, { capture: true, passive: true });
    this.undo.push(() => win.removeEventListener('scroll', onScroll, { capture: true }));
    // A narrower window rewraps a dense element's text: its mentions move without a scroll.
    const onResize = () => {
      if (this.dense.size) this.frame();
    };
    win.addEventListener('resize', onResize, { passive: true });
    this.undo.push(() => win.removeEventListener('resize', onResize));
    const RO = (win as unknown as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    if (typeof RO === 'function' && doc.documentElement) {
      let height = -1;
      const ro = new RO(() => {
        try {
          if (this.dense.size) this.frame();
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

  /**
   * Makes `el` dense: its mentions leave chunk `c` (where the last of them were added) for a run of their own,
   * judged by their boxes at the next frame. Those the chunk counted near stay counted near until then, so
   * nothing registered is forgotten (a placement that finds them far reports them leaving).
   */
  private densify(el: Element, c: Chunk, inOrder: boolean): void {
    const d = new Dense(el);
    this.dense.set(el, d);
    const keep: Mark[] = [];
    const run: Mark[] = [];
    for (const m of c.items) (elementOf(m) === el ? run : keep).push(m);
    c.items = keep;
    for (const m of run) {
      m.near = d;
      if (c.near) d.near.add(m);
    }
    if (c.guess) d.guessed = new Set(run);
    d.runs.push(run);
    d.alive = run.length;
    if (inOrder) d.walk = run;
    else d.tail = run;
    this.toPlace.add(d);
    this.frame();
  }

  private addDense(d: Dense, m: Mark, inOrder: boolean): void {
    m.near = d;
    d.alive++;
    let run = inOrder ? d.walk : d.tail;
    // Out of order (the page changed some of the text): a run goes on while what comes follows its end.
    if (run && !inOrder && !follows(run, m, d)) run = null;
    if (!run) {
      run = [];
      d.runs.push(run);
      if (inOrder) d.walk = run;
      else d.tail = run;
    }
    run.push(m);
    if (d.runs.length > MAX_RUNS) this.merge(d);
    if (!this.toPlace.has(d)) {
      this.toPlace.add(d);
      this.frame();
    }
  }

  private deleteDense(d: Dense, m: Mark): boolean {
    m.near = null;
    d.alive--;
    d.dead++;
    const near = d.near.delete(m);
    // Taken out of the runs in one pass once they are half: a page re-read line by line deletes thousands.
    if (d.dead > 64 && d.dead > d.alive) this.compact(d);
    return near;
  }

  private compact(d: Dense): void {
    const runs: Mark[][] = [];
    let walk: Mark[] | null = null;
    let tail: Mark[] | null = null;
    for (const run of d.runs) {
      const kept = run.filter((m) => m.near === d);
      if (run === d.walk) walk = kept;
      if (run === d.tail) tail = kept;
      if (kept.length || run === d.walk || run === d.tail) runs.push(kept);
    }
    d.runs = runs;
    d.walk = walk;
    d.tail = tail;
    d.dead = 0;
  }

  /**
   * One run of all, in document order: rare (a page that keeps changing bits of one huge element). Each small run
   * goes into the largest by binary search (a few comparisons a mention, not a sort of all); a large one is merged.
   */
  private merge(d: Dense): void {
    this.compact(d);
    const runs = d.runs.filter((r) => r.length).sort((a, b) => b.length - a.length);
    let base = runs[0] ?? [];
    for (let k = 1; k < runs.length; k++) {
      const run = runs[k]!;
      if (run.length * 16 < base.length) {
        for (const m of run) {
          let a = 0;
          let b = base.length;
          while (a < b) {
            const mid = (a + b) >> 1;
            if (before(base[mid]!, m)) a = mid + 1;
            else b = mid;
          }
          base.splice(a, 0, m);
        }
      } else {
        const out: Mark[] = [];
        let i = 0;
        let j = 0;
        while (i < base.length && j < run.length) out.push(before(run[j]!, base[i]!) ? run[j++]! : base[i++]!);
        while (i < base.length) out.push(base[i++]!);
        while (j < run.length) out.push(run[j++]!);
        base = out;
      }
    }
    d.runs = [base];
    d.walk = null;
    d.tail = base;
  }

  /** Asks for a frame in which to place dense mentions or see whether they moved. */
  private frame(): void {
    if (this.framed || this.destroyed) return;
    this.framed = true;
    const win = this.o.win;
    const run = () => this.tick();
    if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(run);
    else win.setTimeout(run, 16);
  }

  private tick(): void {
    this.framed = false;
    if (this.destroyed) return;
    const moved: Moved = { entering: [], leaving: [], misjudged: [] };
    try {
      const range = this.o.win.document.createRange();
      const height = this.o.win.innerHeight;
      for (const d of this.dense.values()) {
        if (this.toPlace.has(d) || d.height !== height || this.shifted(d, range, height)) this.placeDense(d, range, height, moved);
      }
      this.toPlace.clear();
      this.report(moved);
    } catch (e) {
      this.toPlace.clear();
      this.o.onError?.(e);
    }
    this.settle();
  }

  /** Whether a dense element's text moved by DENSE_SHIFT screens since it was placed (a frame's one measurement). */
  private shifted(d: Dense, range: Range, height: number): boolean {
    if (!d.alive) return false;
    const ref = d.ref;
    if (!ref || ref.near !== d) return true;
    const box = boxOf(range, ref);
    return !box || Math.abs(box.top - d.refTop) > DENSE_SHIFT * height;
  }

  /**
   * Counts near the mentions of `d` within DENSE_BAND screens of the viewport, by their boxes: in each run, two binary
   * searches, for the first whose bottom is below the band's top and the first whose top is below its bottom;
   * those between are near. Not a box for each: in Chromium a range's box inside one text node costs a walk of
   * that node's lines, and a node of a whole page has tens of thousands (a box each for the few hundred near
   * ones made 75 ms frames; ~35 boxes a run take a few ms).
   */
  private placeDense(d: Dense, range: Range, height: number, moved: Moved): void {
    if (d.dead) this.compact(d);
    const lo = -DENSE_BAND * height;
    const hi = (1 + DENSE_BAND) * height;
    const next = new Set<Mark>();
    d.ref = null;
    // Null (no box: hidden, or text changed since) counts as above the band, so hidden text is never near.
    const first = (run: Mark[], from: number, past: (box: { top: number; bottom: number }) => boolean): number => {
      let a = from;
      let b = run.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        const box = boxOf(range, run[mid]!);
        if (!box || !past(box)) a = mid + 1;
        else b = mid;
      }
      return a;
    };
    for (const run of d.runs) {
      if (!run.length) continue;
      if (!d.ref) {
        const box = boxOf(range, run[0]!);
        d.ref = run[0]!;
        d.refTop = box ? box.top : 0;
      }
      const a = first(run, 0, (box) => box.bottom >= lo);
      const b = Math.min(first(run, a, (box) => box.top > hi), a + DENSE_NEAR - next.size);
      for (let i = a; i < b; i++) next.add(run[i]!);
    }
    d.height = height;
    for (const m of next) if (!d.near.has(m)) moved.entering.push(m);
    const guessed = d.guessed;
    d.guessed = null;
    for (const m of d.near) if (!next.has(m)) (guessed?.has(m) ? moved.misjudged : moved.leaving).push(m);
    d.near = next;
  }

  private settle(): void {
    if (this.awaiting.size !== 0 || this.toPlace.size !== 0 || !this.waiting.length) return;
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

/** The element a range is judged by: its host, else its text's parent. */
function elementOf(range: Mark): Element | null {
  if (range.host !== undefined) return range.host;
  const text = range.startContainer;
  return text.parentElement ?? text.ownerDocument?.documentElement ?? null;
}

/** A mention's box, or null where it has none (hidden, or text the page changed since). */
function boxOf(range: Range, m: Mark): { top: number; bottom: number } | null {
  try {
    range.setStart(m.startContainer, m.startOffset);
    range.setEnd(m.endContainer, m.endOffset);
    const box = range.getBoundingClientRect();
    return box.width === 0 && box.height === 0 ? null : box;
  } catch {
    return null;
  }
}

/** Whether mention a starts before mention b in document order. */
function before(a: Mark, b: Mark): boolean {
  if (a.startContainer === b.startContainer) return a.startOffset < b.startOffset;
  return !!(a.startContainer.compareDocumentPosition(b.startContainer) & 4 /* DOCUMENT_POSITION_FOLLOWING */);
}

/** Whether `m` comes after the last live mention of `run`. */
function follows(run: Mark[], m: Mark, d: Dense): boolean {
  for (let i = run.length - 1; i >= 0; i--) {
    const last = run[i]!;
    if (last.near === d) return before(last, m);
  }
  return true;
}
