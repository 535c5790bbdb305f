import type { MentionKind } from '../vocabulary';

/**
 * Where a mention lies in the page's text: the four fields of a
 * StaticRangeInit, in a plain object.
 *
 * Why not a StaticRange for every mention: each one is a browser object
 * behind a wrapper in the content script's world, ~1 µs to make and more for
 * every garbage collection to trace, and its first use as a Map key costs as
 * much again. On a long page most mentions are far from the viewport and
 * never painted (near-viewport.ts), so the painter makes the browser's range
 * only for a span it registers, passing the span itself as the init.
 */
export interface Span {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
}

/** A mention's span with its kind: the highlight it belongs in (carried here, not in a Map of thousands beside it). */
export interface Mark extends Span {
  readonly kind: MentionKind;
  /**
   * Where NearViewport watches it (its chunk), null before; NearViewport's
   * alone to read or write. A slot on the mark, not a Map beside thousands of
   * them: on a cold page every Map entry costs.
   */
  near: unknown;
  /** The element it is judged near the viewport by, if not its text's parent (block-record.ts). */
  readonly host?: Element | null;
}

/** The browser's range over a span: a StaticRange where there is one, else a live Range; null if the span no longer fits its text. */
export function rangeOf(win: Window & typeof globalThis, span: Span): AbstractRange | null {
  try {
    const Static = (win as unknown as { StaticRange?: typeof StaticRange }).StaticRange;
    if (typeof Static === 'function') return new Static(span);
    const range = win.document.createRange();
    range.setStart(span.startContainer, span.startOffset);
    range.setEnd(span.endContainer, span.endOffset);
    return range;
  } catch {
    return null;
  }
}
