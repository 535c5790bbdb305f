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
 * A range is judged by the element holding its first text node: one
 * IntersectionObserver target per element, however many mentions it holds.
 */

/** One screen above and one below the viewport: a page-down scroll lands on text already painted. */
export const NEAR_MARGIN = '100% 0px';

interface Anchor {
  el: Element;
  /** An array, not a Set: most elements hold one or two mentions, and thousands of Sets cost a cold page milliseconds. */
  items: AbstractRange[];
  near: boolean;
  /** The browser has reported on it at least once. */
  known: boolean;
  /** Held no range at the last sweep. */
  empty: boolean;
}

export interface NearViewportOptions {
  win: Window & typeof globalThis;
  /** Ranges that came near (to register) and went away (to unregister). */
  onChange: (entering: AbstractRange[], leaving: AbstractRange[]) => void;
  onError?: (e: unknown) => void;
  margin?: string;
}

export class NearViewport {
  private readonly io: IntersectionObserver | null;
  private readonly anchors = new Map<Element, Anchor>();
  private readonly anchorOf = new Map<AbstractRange, Anchor>();
  /** Anchors observed but not reported on yet. */
  private unknown = 0;
  private waiting: (() => void)[] = [];
  /** The anchor of the last range added: a block's mentions mostly share one. */
  private last: Anchor | null = null;

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

  /** Whether visibility is tracked at all; without it every range counts as near (everything is painted). */
  get tracking(): boolean {
    return this.io !== null;
  }

  /** Tracks a range; true if it is near now (to be painted at once). */
  add(range: AbstractRange): boolean {
    const io = this.io;
    if (!io) return true;
    const el = range.startContainer.parentElement ?? range.startContainer.ownerDocument?.documentElement;
    if (!el) return true;
    let a = this.last?.el === el ? this.last : this.anchors.get(el);
    if (!a) a = this.anchor(el);
    this.last = a;
    a.empty = false;
    a.items.push(range);
    this.anchorOf.set(range, a);
    return a.near;
  }

  /** Stops tracking a range; true if it was near (so it is registered and must be taken out). */
  delete(range: AbstractRange): boolean {
    if (!this.io) return true;
    const a = this.anchorOf.get(range);
    if (!a) return false;
    this.anchorOf.delete(range);
    const items = a.items;
    const i = items.lastIndexOf(range);
    if (i >= 0) {
      items[i] = items[items.length - 1]!;
      items.pop();
    }
    // An emptied element is kept, near or not, until a sweep finds it still empty: a live text the page
    // rewrites many times a second gets its new mention painted at once, not a frame after each change.
    return a.near;
  }

  /** Stops watching elements that held no range since the last sweep (call every few seconds). */
  sweep(): void {
    for (const a of this.anchors.values()) {
      if (a.items.length) continue;
      if (a.empty) this.forget(a);
      else a.empty = true;
    }
  }

  /** Calls `fn` once the browser has reported on every tracked element (at once if it has, or nothing is tracked). */
  whenSettled(fn: () => void): void {
    if (this.unknown === 0) fn();
    else this.waiting.push(fn);
  }

  /** Forgets every range (a new walk follows); callbacks waiting for the old ones are dropped. */
  clear(): void {
    this.io?.disconnect();
    this.anchors.clear();
    this.anchorOf.clear();
    this.unknown = 0;
    this.waiting = [];
    this.last = null;
  }

  destroy(): void {
    this.clear();
  }

  private anchor(el: Element): Anchor {
    const a: Anchor = { el, items: [], near: false, known: false, empty: false };
    this.anchors.set(el, a);
    this.unknown++;
    this.io!.observe(el);
    return a;
  }

  private forget(a: Anchor): void {
    this.io?.unobserve(a.el);
    this.anchors.delete(a.el);
    if (this.last === a) this.last = null;
    if (!a.known) {
      a.known = true;
      this.unknown--;
      this.settle();
    }
  }

  private seen(entries: IntersectionObserverEntry[]): void {
    try {
      const entering: AbstractRange[] = [];
      const leaving: AbstractRange[] = [];
      for (const e of entries) {
        const a = this.anchors.get(e.target);
        if (!a) continue;
        const intersecting = e.isIntersecting;
        if (!a.known) {
          a.known = true;
          this.unknown--;
          // No box of its own (display: contents, or inside display: none): judge by the nearest ancestor that has one.
          // Looked at on the first report only, the one every element gets: the box is an object made per entry.
          if (!intersecting && this.boxless(e, a.el)) {
            this.moveTo(a, a.el.parentElement!, entering, leaving);
            continue;
          }
        }
        if (intersecting === a.near) continue;
        a.near = intersecting;
        for (const r of a.items) (a.near ? entering : leaving).push(r);
      }
      if (entering.length || leaving.length) this.o.onChange(entering, leaving);
    } catch (e) {
      this.o.onError?.(e);
    }
    this.settle();
  }

  private boxless(e: IntersectionObserverEntry, el: Element): boolean {
    if (e.boundingClientRect.height !== 0) return false;
    return e.boundingClientRect.width === 0 && el.parentElement !== null && el !== el.ownerDocument.body;
  }

  private moveTo(a: Anchor, el: Element, entering: AbstractRange[], leaving: AbstractRange[]): void {
    this.io!.unobserve(a.el);
    this.anchors.delete(a.el);
    if (this.last === a) this.last = null;
    const to = this.anchors.get(el) ?? this.anchor(el);
    for (const r of a.items) {
      to.items.push(r);
      this.anchorOf.set(r, to);
      if (a.near && !to.near) leaving.push(r);
      else if (!a.near && to.near) entering.push(r);
    }
  }

  private settle(): void {
    if (this.unknown !== 0 || !this.waiting.length) return;
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
