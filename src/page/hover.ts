/**
 * When to open and close the card: the pointer rests on a mention for a
 * moment → open; moving into the card keeps it; leaving both closes it after
 * a short grace; Escape or a press elsewhere closes it at once. On a touch
 * screen there is no hover to rest: a tap on a mention opens its card, unless
 * the tap is on a link or another control (the tap is theirs: it follows the
 * link as before). All listeners are passive and nothing here calls
 * preventDefault, so the page behaves as before.
 */
import type { MentionHit } from './annotator';

export interface HoverOptions {
  win: Window & typeof globalThis;
  hitTest: (x: number, y: number) => MentionHit | null;
  /** Whether an event target is Backstory's card. */
  inCard: (target: EventTarget | null) => boolean;
  /** `via`: how it was asked for (a rest of the pointer, a tap, or openSticky). */
  open: (hit: MentionHit, pointer: { x: number; y: number }, via: OpenVia) => void;
  /** Called when the pointer has paused on a mention, before the rest completes: time to fetch and draw the card unseen. */
  prefetch?: (hit: MentionHit, pointer: { x: number; y: number }) => void;
  close: () => void;
  /** Wraps every listener so nothing thrown reaches the page. */
  guard: <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void;
  restMs?: number;
  graceMs?: number;
}

export type OpenVia = 'rest' | 'tap' | 'sticky';

/** What a tap belongs to rather than to the mention inside it: a link follows, a control acts. */
const CONTROL = 'a[href], area[href], button, input, select, textarea, label, summary, [role="link"], [role="button"], [contenteditable=""], [contenteditable="true"]';

/** Whether an event passed through a link or a control (shadow roots included). */
function onControl(e: Event): boolean {
  for (const n of e.composedPath()) {
    if ((n as Node).nodeType === 1 && (n as Element).matches(CONTROL)) return true;
  }
  return false;
}

function within(range: Range, x: number, y: number, pad: number): boolean {
  for (const r of Array.from(range.getClientRects())) {
    if (x >= r.left - pad && x <= r.right + pad && y >= r.top - pad && y <= r.bottom + pad) return true;
  }
  return false;
}

/** A touch held this long before it lifts is a long press, not a tap. */
const LONG_PRESS_MS = 500;

export class HoverController {
  /** The mention whose card is open or opening. */
  private current: MentionHit | null = null;
  private sticky = false;
  private restTimer = 0;
  private prefetchTimer = 0;
  private closeTimer = 0;
  private x = -1;
  private y = -1;
  /** The kind of pointer that last went down: a click that follows a touch is a tap. */
  private downType = '';
  private downAt = 0;
  private readonly off: (() => void)[] = [];
  /** Every listener, so rebind() can add them again. */
  private readonly bound: [string, EventListener][] = [];

  constructor(private readonly o: HoverOptions) {
    const { win, guard } = o;
    const listen = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void) => {
      const wrapped = guard(fn) as EventListener;
      win.addEventListener(type, wrapped, { capture: true, passive: true });
      this.bound.push([type, wrapped]);
      this.off.push(() => win.removeEventListener(type, wrapped, { capture: true }));
    };
    listen('pointermove', (e) => this.onMove(e));
    listen('pointerdown', (e) => {
      this.downType = e.pointerType;
      this.downAt = e.timeStamp;
      if (this.current && !o.inCard(e.target) && !within(this.current.range, e.clientX, e.clientY, 0)) this.closeNow();
    });
    // A tap: the click the browser makes after a touch (after its compatibility mousedown has moved focus), so a
    // scroll or a long press opens nothing. Nothing is prevented: on a link the tap still follows it.
    listen('click', (e) => {
      // A long press (the reader selecting text or asking for the menu) is no tap, even where the browser follows it with a click.
      const touch = this.downType === 'touch' && e.timeStamp - this.downAt < LONG_PRESS_MS;
      this.downType = '';
      if (!touch || o.inCard(e.target) || onControl(e)) return;
      const hit = o.hitTest(e.clientX, e.clientY);
      if (!hit || (this.current && this.current.painted === hit.painted)) return;
      win.clearTimeout(this.restTimer);
      this.show(hit, { x: e.clientX, y: e.clientY }, true, 'tap');
    });
    listen('keydown', (e) => {
      if (e.key === 'Escape' && this.current) this.closeNow();
    });
    listen('pointerout', (e) => {
      // Leaving the window: nothing under the pointer any more.
      if (!e.relatedTarget && e.pointerType !== 'touch') {
        win.clearTimeout(this.restTimer);
        if (this.current && !this.sticky) this.startClose();
      }
    });
  }

  get active(): MentionHit | null {
    return this.current;
  }

  /** Opens a card for a mention without a hover (the popup's "show me"); stays until Escape, a press elsewhere or a newer hover. */
  openSticky(hit: MentionHit): void {
    const rect = hit.range.getBoundingClientRect();
    this.show(hit, { x: rect.left + 1, y: rect.top + rect.height / 2 }, true, 'sticky');
  }

  closeNow(): void {
    this.o.win.clearTimeout(this.restTimer);
    this.closeCurrent();
  }

  /** Closes the card but lets a rest already under way on another mention open its card. */
  private closeCurrent(): void {
    this.o.win.clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    if (!this.current) return;
    this.current = null;
    this.sticky = false;
    this.o.close();
  }

  /**
   * document.open() erases every listener on the window and the document, in every world: after a page rewrote
   * itself that way, the same listeners are added again (removing first, so a call without a rewrite changes nothing).
   */
  rebind(): void {
    const { win } = this.o;
    for (const [type, fn] of this.bound) {
      win.removeEventListener(type, fn, { capture: true });
      win.addEventListener(type, fn, { capture: true, passive: true });
    }
  }

  destroy(): void {
    this.bound.length = 0;
    this.o.win.clearTimeout(this.restTimer);
    this.o.win.clearTimeout(this.prefetchTimer);
    this.o.win.clearTimeout(this.closeTimer);
    for (const f of this.off.splice(0)) f();
    this.current = null;
  }

  private onMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    const { win } = this.o;
    const { clientX: x, clientY: y } = e;
    if (this.o.inCard(e.target)) {
      win.clearTimeout(this.closeTimer);
      win.clearTimeout(this.restTimer);
      this.closeTimer = 0;
      return;
    }
    if (this.current) {
      if (within(this.current.range, x, y, 2)) {
        win.clearTimeout(this.closeTimer);
        this.closeTimer = 0;
      } else if (!this.sticky) {
        this.startClose();
      }
    }
    if (Math.abs(x - this.x) + Math.abs(y - this.y) < 2) return;
    this.x = x;
    this.y = y;
    win.clearTimeout(this.restTimer);
    win.clearTimeout(this.prefetchTimer);
    const rest = this.o.restMs ?? 350;
    // Counted from when the pointer moved, not from when the event reached us: Chromium hands pointermove
    // over with the next animation frame, up to a frame after the movement.
    const late = Math.min(rest, Math.max(0, win.performance.now() - e.timeStamp));
    this.restTimer = win.setTimeout(this.o.guard(() => this.onRest()), rest - late);
    // The card's data comes from the background (whose worker may first have to start) and the card is drawn unseen: asking early hides both inside the rest delay.
    const prefetch = this.o.prefetch;
    if (prefetch) {
      this.prefetchTimer = win.setTimeout(this.o.guard(() => {
        const hit = this.o.hitTest(this.x, this.y);
        if (hit) prefetch(hit, { x: this.x, y: this.y });
      }), Math.min(40, rest / 3));
    }
  }

  private onRest(): void {
    const hit = this.o.hitTest(this.x, this.y);
    if (!hit) return;
    if (this.current && this.current.painted === hit.painted) return;
    this.show(hit, { x: this.x, y: this.y }, false, 'rest');
  }

  private show(hit: MentionHit, pointer: { x: number; y: number }, sticky: boolean, via: OpenVia): void {
    this.o.win.clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.current = hit;
    this.sticky = sticky;
    this.o.open(hit, pointer, via);
  }

  private startClose(): void {
    if (this.closeTimer) return;
    this.closeTimer = this.o.win.setTimeout(this.o.guard(() => {
      this.closeTimer = 0;
      this.closeCurrent();
    }), this.o.graceMs ?? 300);
  }
}
