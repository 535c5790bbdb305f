/**
 * happy-dom has an IntersectionObserver that never reports (it has no
 * layout). This stand-in reports each observed element a task later, as the
 * browser does after its next frame, near or far by a predicate the test
 * sets; `rescan()` reports every element again, as after a scroll.
 */
type Win = Window & typeof globalThis;

export class FakeIntersectionObserver {
  static readonly live = new Set<FakeIntersectionObserver>();
  /** Whether an element is near the viewport (within the observer's margin). Every element, unless a test says otherwise. */
  static near: (el: Element) => boolean = () => true;
  /** Of the elements not near, those above the band (the rest are below it). */
  static above: (el: Element) => boolean = () => false;
  /** Elements without a box of their own (display: contents). */
  static boxless: (el: Element) => boolean = () => false;
  static reports = 0;

  readonly targets = new Set<Element>();
  private queued: Element[] = [];

  constructor(private readonly cb: (entries: IntersectionObserverEntry[]) => void) {
    FakeIntersectionObserver.live.add(this);
  }

  observe(el: Element): void {
    this.targets.add(el);
    this.queue([el]);
  }

  unobserve(el: Element): void {
    this.targets.delete(el);
  }

  disconnect(): void {
    this.targets.clear();
  }

  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }

  /** Reports every observed element again (a scroll moved the viewport). */
  static rescan(): void {
    for (const io of FakeIntersectionObserver.live) io.queue([...io.targets]);
  }

  private queue(els: Element[]): void {
    const first = this.queued.length === 0;
    this.queued.push(...els);
    if (first) setTimeout(() => this.deliver(), 0);
  }

  private deliver(): void {
    const els = this.queued.filter((el) => this.targets.has(el));
    this.queued = [];
    if (!els.length) return;
    FakeIntersectionObserver.reports++;
    this.cb(
      els.map((target) => {
        const boxless = FakeIntersectionObserver.boxless(target);
        const near = !boxless && FakeIntersectionObserver.near(target);
        const size = boxless ? 0 : 10;
        // The band (viewport plus margins) runs from -720 to 1440; far elements sit well outside it.
        const top = boxless || near ? 0 : FakeIntersectionObserver.above(target) ? -5000 : 5000;
        return {
          target,
          isIntersecting: near,
          boundingClientRect: { width: size, height: size, top, bottom: top + size },
          rootBounds: { top: -720, bottom: 1440 },
        } as unknown as IntersectionObserverEntry;
      }),
    );
  }
}

/** Puts the stand-in on the window, every element near and nothing reported yet (each test starts afresh). */
export function installFakeViewport(win: Win): void {
  (win as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIntersectionObserver;
  FakeIntersectionObserver.near = () => true;
  FakeIntersectionObserver.boxless = () => false;
  FakeIntersectionObserver.above = () => false;
  FakeIntersectionObserver.reports = 0;
  FakeIntersectionObserver.live.clear();
}
