/**
 * What the annotator keeps of a block it found mentions in, and the marks of
 * those mentions, whose text nodes are looked up only when first asked for.
 *
 * Why lazily: a walk reads most blocks whole, with one `textContent` call,
 * without touching their text nodes. Listing those nodes to place every
 * mention costs three calls into the browser per text node (and a wrapper
 * for each in the content script's world): on a 1 MB page that was 10–20% of
 * all Backstory's time, yet on a long page only the few hundred mentions near
 * the viewport are ever painted (near-viewport.ts), and a mark far away is
 * never placed unless it comes near or its card opens.
 */
import type { Mention } from '../matching/types';
import type { MentionKind } from '../vocabulary';
import type { Mark, Span } from './span';
import { listedTo, locate, type Block } from './walk';

const TEXT = 3;
const ELEMENT = 1;

export interface BlockRecord {
  /** What the walk read the block as (walk.ts Block.parts): the keys it is found by when the page changes. */
  readonly parts: readonly Node[];
  /** The block, its text let go: lists its text nodes when a mark is placed. */
  readonly block: Block;
  mentions: Mention[];
  /**
   * Where each mention lies: not live ranges (the document updates every live
   * Range on every DOM change, so thousands of them would slow the page's own
   * scripts down), nor the browser's static ranges, which the painter makes
   * only for what it registers (span.ts).
   */
  ranges: BlockMark[];
}

/** The parts of a block: those the walk recorded, else its text nodes. */
export function partsOf(block: Block): readonly Node[] {
  return block.parts ?? block.nodes;
}

/** The element a block's marks are judged near the viewport by: its first part if an element, else that text's parent. */
export function hostOf(record: BlockRecord): Element | null {
  const first = record.parts[0];
  if (!first) return null;
  if (first.nodeType === ELEMENT) return first as Element;
  // Text right in a shadow root is judged by the root's host.
  return first.parentElement ?? ((first.parentNode as ShadowRoot | null)?.host ?? null);
}

export class BlockMark implements Mark {
  near: unknown = null;
  private at: Span | null = null;

  constructor(
    readonly record: BlockRecord,
    readonly kind: MentionKind,
    /** Where the mention lies in the block's text. */
    private readonly start: number,
    private readonly end: number,
    readonly host: Element | null,
  ) {}

  get startContainer(): Node {
    return this.span().startContainer;
  }

  get startOffset(): number {
    return this.span().startOffset;
  }

  get endContainer(): Node {
    return this.span().endContainer;
  }

  get endOffset(): number {
    return this.span().endOffset;
  }

  private span(): Span {
    if (this.at) return this.at;
    let at: Span | null = null;
    try {
      const s = locate(this.record.block, this.start);
      const e = locate(this.record.block, this.end, true);
      // The page changed the text since the walk read it: the mutation that did it drops this record soon.
      if (s.node?.nodeType === TEXT && e.node?.nodeType === TEXT && s.offset <= s.node.length && e.offset <= e.node.length) {
        at = { startContainer: s.node, startOffset: s.offset, endContainer: e.node, endOffset: e.offset };
      }
    } catch {
      at = null;
    }
    // Nowhere to place it: an empty span at the block's start, which paints nothing and matches no point.
    const first = this.record.parts[0]!;
    return (this.at = at ?? { startContainer: first, startOffset: 0, endContainer: first, endOffset: 0 });
  }
}

/** A block's text nodes, listed as far as they go (for the caret's offset in a block). */
export function nodesOf(record: BlockRecord): { nodes: readonly Text[]; starts: readonly number[] } {
  return listedTo(record.block, Infinity);
}
