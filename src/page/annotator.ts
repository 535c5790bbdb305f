/**
 * Finds the mentions on a page and keeps them painted as the page changes:
 * walks the text block by block in time slices, turns each mention into a
 * static range in its kind's highlight, and re-reads what the page adds or a
 * framework rewrites. Never writes to the page's DOM.
 */
import type { LateMention, Mention, PageMatcher } from '../matching/types';
import type { MentionKind } from '../vocabulary';
import type { Painter } from './highlights';
import type { Slicer } from './slices';
import { BlockMark, hostOf, nodesOf, partsOf, type BlockRecord } from './block-record';
import type { Mark, Span } from './span';
import { BlockCursor, blockAncestor, editablesChanged, isBlockElement, isExcluded, MAX_BLOCK_CHARS, type Block } from './walk';

export interface MentionHit {
  mention: Mention;
  /** A live Range over the mention, made on demand, for positioning and hit-testing. */
  range: Range;
  /** The mention's span: the same mention gives the same object. */
  painted: Mark;
  /** The mention's text as the page wrote it ("Suga’s" → "Suga"). */
  text: string;
}

/** Whether a record's text is rendered (checkVisibility where the browser has it; every browser Backstory supports does). */
function visible(record: BlockRecord): boolean {
  const host = hostOf(record) as (Element & { checkVisibility?: () => boolean }) | null;
  if (!host || !host.isConnected) return false;
  return typeof host.checkVisibility === 'function' ? host.checkVisibility() : true;
}

export interface EntityCount {
  count: number;
  firstKind: MentionKind;
}

export interface AnnotatorOptions {
  doc: Document;
  win: Window & typeof globalThis;
  matcher: PageMatcher;
  painter: Painter;
  slicer: Slicer;
  /** Whether a kind is shown; hidden kinds are still found (the popup lists them) but open no card. */
  shows?: (kind: MentionKind) => boolean;
  /** Paint only the first mention of each entity (the others are still found and counted). */
  firstOnly?: boolean;
  /** The first full walk is done and painted. */
  onPainted?: (mentions: number) => void;
  /** The page navigated to another URL without a reload (single-page apps). */
  onNavigate?: () => void;
  /** An open shadow root whose text is read from now on (the caller lets the highlights' styles reach into it). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] };

const TEXT = 3;
const ELEMENT = 1;
const SHOW_ELEMENT_AND_TEXT = 1 | 4;

/** What the drain does with a node: forget the records in its subtree or the one around it, forget only the one around it (a parent whose children changed), or read it again. */
const enum Op {
  Drop,
  DropAround,
  Read,
}
/** Characters walked between two readings of the clock (about 0.1 ms of work), and what a block counts for beside its text. */
const CLOCK_EVERY = 2000;
const BLOCK_WEIGHT = 64;
/** Restarts of a walk whose position the page removed; more means a page in constant churn, and mutations cover the rest. */
const MAX_RESTARTS = 3;
/**
 * Characters matched at a time in a block longer than the walk's longest (MAX_BLOCK_CHARS): the walk cuts
 * between text nodes, never inside one, so one node of a whole transcript, or 100,000 mentions in one
 * paragraph, came as one block, and matching it and placing its mentions was one task of seconds. Its pieces
 * are matched across slices instead; 4,000 characters of the densest text (one mention every five) is a
 * fraction of a slice.
 */
const PIECE_CHARS = 4000;

/** Where a piece of a long block ends: after a line or a sentence, else a word, so a name is rarely cut. */
function pieceEnd(text: string, from: number): number {
  let end = from + PIECE_CHARS;
  if (end >= text.length) return text.length;
  // Looked for in the piece's second half only: lastIndexOf would search back to the text's start when there is
  // none, and on a node of megabytes that was most of the matching's time.
  const floor = from + PIECE_CHARS / 2;
  let sentence = -1;
  let word = -1;
  for (let i = end - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 32) {
      if (sentence < 0 && text.charCodeAt(i - 1) === 46) sentence = i + 1;
      if (word < 0) word = i + 1;
    }
  }
  if (sentence >= 0) return sentence;
  if (word >= 0) return word;
  // Not between the two halves of a surrogate pair.
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return end;
}

/** The matcher's handle for a piece of a long block: a late mention found in it is placed in the block through it. */
class Piece {
  constructor(
    readonly block: Block,
    readonly offset: number,
  ) {}
}

/** A long block being matched a piece at a time: its record (one, as for any block) fills as the pieces come. */
interface LongRead {
  record: BlockRecord;
  host: Element | null;
  text: string;
  at: number;
  fresh: boolean;
}

/** The page's address less its fragment; document.URL, because the first touch of `location` from a content script costs milliseconds. */
function pageKey(doc: Document): string {
  const url = doc.URL;
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Whether range a starts before range b in document order. */
function before(a: Span, b: Span): boolean {
  if (a.startContainer === b.startContainer) return a.startOffset < b.startOffset;
  return !!(a.startContainer.compareDocumentPosition(b.startContainer) & 4 /* DOCUMENT_POSITION_FOLLOWING */);
}

/** Inline content: text or an inline element, whose text flows into its block's. */
function isFlow(n: Node): boolean {
  return n.nodeType === TEXT || (n.nodeType === ELEMENT && !isBlockElement(n));
}

/** Inline content with something to read (the whitespace between blocks is not). */
function isProse(n: Node | null): boolean {
  return !!n && isFlow(n) && (n.nodeType !== TEXT || /\S/.test((n as Text).data));
}

export class Annotator {
  private readonly records = new Set<BlockRecord>();
  /**
   * Each record by its block's parts (block-record.ts). A Map, not a WeakMap: tens of thousands of weak entries
   * cost every garbage collection, and a record leaving takes its entries with it.
   */
  private byPart = new Map<Node, BlockRecord>();
  private readonly counts = new Map<string, EntityCount>();
  /** Marks found but left unpainted: not the first of their entity, with firstOnly. */
  private readonly unpainted = new WeakSet<object>();
  private observer: MutationObserver | null = null;
  /** Open shadow roots found and not yet walked; every one found (each walked and watched once). */
  private readonly shadowQueue: ShadowRoot[] = [];
  private readonly shadowSeen = new WeakSet<ShadowRoot>();
  private readonly shadowAll: ShadowRoot[] = [];
  /** Custom elements without a shadow root when the walk passed: a component may attach one later. */
  private readonly hostsWaiting = new Set<Element>();
  private readonly noticeCustom = (el: Element): void => {
    const root = el.shadowRoot;
    if (root) this.foundShadow(root);
    else this.hostsWaiting.add(el);
  };
  /** Mutation records not yet looked at, one array per observer callback. */
  private batches: MutationRecord[][] = [];
  private expanding: { list: MutationRecord[]; i: number; drops: Node[]; arounds: Node[]; reads: Node[] } | null = null;
  private queue: { op: Op; node: Node }[] = [];
  private readonly wholeBodies = new WeakSet<Node>();
  private qi = 0;
  private drainQueued = false;
  private readThisDrain = new Set<Node>();
  private current: BlockCursor | null = null;
  private long: LongRead | null = null;
  private walkGeneration = 0;
  private page: string;
  private mentionCount = 0;
  private destroyed = false;
  painted = false;

  constructor(private readonly o: AnnotatorOptions) {
    this.page = pageKey(o.doc);
  }

  get mentions(): number {
    return this.mentionCount;
  }

  start(): void {
    this.walkAll();
    this.observer = new this.o.win.MutationObserver((list) => this.onMutations(list));
    // contenteditable: a region the page makes editable must lose its highlights (and regain them when it stops being editable).
    this.observer.observe(this.o.doc, OBSERVED);
  }

  /** A shadow root to read: queued for the walk under way (or the next drain), and watched like the document. */
  private foundShadow(root: ShadowRoot): void {
    if (this.shadowSeen.has(root)) return;
    this.shadowSeen.add(root);
    this.shadowAll.push(root);
    this.shadowQueue.push(root);
    // A document's observer does not see into shadow trees: each one is observed on its own.
    this.observer?.observe(root, OBSERVED);
    this.o.onShadowRoot?.(root);
  }

  /**
   * Components that attached a shadow root after the walk passed them (no mutation tells of that): looked at
   * again now and then by the caller, and read if they have one now.
   */
  checkLateShadowRoots(): void {
    if (this.destroyed || !this.hostsWaiting.size) return;
    for (const el of this.hostsWaiting) {
      if (!el.isConnected) this.hostsWaiting.delete(el);
      else if (el.shadowRoot) {
        this.hostsWaiting.delete(el);
        this.foundShadow(el.shadowRoot);
      }
    }
    if (this.shadowQueue.length) this.scheduleDrain();
  }

  /** The next queued shadow root still on the page. */
  private nextShadow(): ShadowRoot | undefined {
    for (let root = this.shadowQueue.shift(); root; root = this.shadowQueue.shift()) if (root.isConnected) return root;
    return undefined;
  }

  private scheduleDrain(): void {
    if (this.drainQueued) return;
    this.drainQueued = true;
    this.o.slicer.add((timeUp) => this.drain(timeUp));
  }

  /** Forgets everything found and walks the page again (a single-page app moved to a new article). */
  restart(): void {
    this.clear();
    this.o.matcher.reset();
    this.painted = false;
    this.walkAll();
  }

  /**
   * Reads the whole page again, replacing what each block was found to hold as the new reading comes, without
   * clearing first (the matcher learned names it lacked: the marks already painted stay until replaced).
   */
  readAgain(): void {
    this.o.matcher.reset();
    this.walkAll(false);
  }

  entities(): ReadonlyMap<string, EntityCount> {
    return this.counts;
  }

  /**
   * The entities mentioned where the reader can see them, with those mentions counted: text the page hides
   * (display: none, [hidden], a closed <details>) is found and painted when it shows, but is not listed, and a
   * card is never pinned to it. Asked when the popup opens, so the browser's visibility check runs once per record.
   */
  visibleEntities(): Map<string, EntityCount> {
    const out = new Map<string, EntityCount>();
    for (const record of this.records) {
      if (!visible(record)) continue;
      for (const m of record.mentions) {
        const c = out.get(m.entity);
        if (c) c.count++;
        else out.set(m.entity, { count: 1, firstKind: m.kind });
      }
    }
    return out;
  }

  /** The mention under a viewport point, among the kinds shown. */
  mentionAt(x: number, y: number): MentionHit | null {
    const ranges = this.o.painter.rangesAt(x, y);
    if (ranges) {
      for (const r of ranges) {
        const record = r instanceof BlockMark && this.records.has(r.record) ? r.record : null;
        const i = record ? record.ranges.indexOf(r as BlockMark) : -1;
        if (i >= 0) return this.hit(record!, i);
      }
      // Only mentions near the viewport are registered, judged by their elements' places in the document; text
      // the page pins elsewhere (a fixed banner) may be on screen unregistered: found from the caret instead.
      if (ranges.length) return null;
    }
    return this.caretHit(x, y);
  }

  /** The entity's first mention in document order. */
  firstMentionOf(entity: string): MentionHit | null {
    let best: Span | null = null;
    let bestRef: { record: BlockRecord; index: number } | null = null;
    for (const record of this.records) {
      const index = record.mentions.findIndex((m) => m.entity === entity);
      if (index < 0 || !visible(record)) continue;
      const r = record.ranges[index]!;
      if (!r.startContainer.isConnected) continue;
      if (!best || before(r, best)) {
        best = r;
        bestRef = { record, index };
      }
    }
    return bestRef ? this.hit(bestRef.record, bestRef.index) : null;
  }

  destroy(): void {
    this.destroyed = true;
    this.observer?.disconnect();
    this.observer = null;
    this.queue = [];
    this.clear();
  }

  private hit(record: BlockRecord, index: number): MentionHit {
    const mention = record.mentions[index]!;
    const painted = record.ranges[index]!;
    const range = this.live(painted);
    return { mention, range, painted, text: range.toString() };
  }

  private live(r: Span): Range {
    const range = this.o.doc.createRange();
    try {
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
    } catch {
      // The text changed under a stale range; the re-read it triggered is on its way.
    }
    return range;
  }

  private caretHit(x: number, y: number): MentionHit | null {
    const doc = this.o.doc as Document & {
      caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      // Into the shadow roots read (where the browser takes the option; elsewhere it answers with their host).
      const shadows = this.o.painter.shadows.filter((r) => r.host.isConnected);
      const p = shadows.length ? doc.caretPositionFromPoint(x, y, { shadowRoots: shadows }) : doc.caretPositionFromPoint(x, y);
      if (p) ({ offsetNode: node, offset } = p);
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const r = doc.caretRangeFromPoint(x, y);
      if (r) {
        node = r.startContainer;
        offset = r.startOffset;
      }
    }
    if (!node || node.nodeType !== TEXT) return null;
    const record = this.recordAround(node);
    if (!record) return null;
    const { nodes, starts } = nodesOf(record);
    const index = nodes.indexOf(node as Text);
    if (index < 0) return null;
    const at = starts[index]! + offset;
    // The caret sits between characters: the mention may end at it or start at it.
    const { mentions } = record;
    let lo = 0;
    let hi = mentions.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (mentions[mid]!.start <= at) lo = mid;
      else hi = mid - 1;
    }
    for (const i of [lo, lo - 1, lo + 1]) {
      const m = mentions[i];
      if (!m || at < m.start - 1 || at > m.end + 1) continue;
      if (this.o.shows && !this.o.shows(m.kind)) continue;
      const r = this.live(record.ranges[i]!);
      for (const rect of Array.from(r.getClientRects())) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return this.hit(record, i);
      }
    }
    return null;
  }

  /** Forgets everything at once (no per-record work: a long page may hold thousands). */
  private clear(): void {
    this.byPart = new Map();
    this.o.painter.clear();
    this.records.clear();
    this.counts.clear();
    this.mentionCount = 0;
    this.current = null;
    this.long = null;
    this.queue = [];
    this.qi = 0;
    this.batches = [];
    this.expanding = null;
    this.walkGeneration++;
  }

  private walkAll(first = true): void {
    const generation = this.walkGeneration;
    let cursor = new BlockCursor(this.o.doc, this.noticeCustom);
    let restarts = 0;
    // A walk of the whole page again (readAgain, restart) reads the shadow roots already known too.
    this.shadowQueue.length = 0;
    for (const root of this.shadowAll) if (root.host.isConnected) this.shadowQueue.push(root);
    this.o.slicer.add((timeUp) => {
      if (this.destroyed || generation !== this.walkGeneration) return true;
      // Reading the clock is a call into the browser (~0.1 µs, 22,000 times on the 200k-node page): read it once per
      // CLOCK_EVERY characters (a block's overhead counted as some), not once per block.
      let unclocked = 0;
      for (;;) {
        if (unclocked >= CLOCK_EVERY) {
          if (timeUp()) break;
          unclocked = 0;
        }
        if (this.long) {
          if (!this.readOn(timeUp)) break;
          continue;
        }
        const block = cursor.next();
        if (block) {
          unclocked += block.text.length + BLOCK_WEIGHT;
          // The first pass after a clear() meets no earlier record; a re-walk after a lost position may.
          this.read(block, first && restarts === 0);
          continue;
        }
        if (cursor.lost && restarts++ < MAX_RESTARTS) {
          cursor = new BlockCursor(this.o.doc, this.noticeCustom);
          continue;
        }
        // Then the shadow roots the walk found, each in turn (and those found inside them).
        const shadow = this.nextShadow();
        if (shadow) {
          cursor = new BlockCursor(shadow, this.noticeCustom);
          continue;
        }
        if (!first) return true;
        this.painted = true;
        this.o.onPainted?.(this.mentionCount);
        return true;
      }
      cursor.pause();
      return false;
    });
  }

  /**
   * Matches one block and paints its mentions, replacing whatever was found
   * before in any of its parts. `fresh`: nothing was found in this block
   * before (the first walk), so there is nothing to replace.
   */
  private read(block: Block, fresh = false): void {
    if (!fresh && this.records.size) for (const part of partsOf(block)) this.dropUnder(part);
    if (block.text.length > MAX_BLOCK_CHARS) {
      const text = block.text;
      block.release?.();
      const record: BlockRecord = { parts: partsOf(block), block, mentions: [], ranges: [] };
      this.long = { record, host: hostOf(record), text, at: 0, fresh };
      return;
    }
    const matcher = this.o.matcher;
    const mentions = matcher.matchBlock(block.text, block);
    const len = block.text.length;
    block.release?.();
    if (mentions.length) this.keep(block, mentions, len, fresh);
    const late = matcher.takeLate();
    if (late.length) this.placeLate(late);
  }

  /**
   * Matches the long block under way a piece at a time until the slice's time is up (one piece at least);
   * true once it is all read. Its mentions come in document order, as a walk's do.
   */
  private readOn(timeUp: () => boolean): boolean {
    const l = this.long!;
    const { record, text } = l;
    const matcher = this.o.matcher;
    do {
      const from = l.at;
      const end = pieceEnd(text, from);
      const mentions = matcher.matchBlock(text.slice(from, end), new Piece(record.block, from));
      const len = end - from;
      for (const m of mentions) {
        if (!(m.start >= 0 && m.end > m.start && m.end <= len)) continue;
        const at: Mention = { ...m, start: m.start + from, end: m.end + from };
        const mark = new BlockMark(record, at.kind, at.start, at.end, l.host);
        record.mentions.push(at);
        record.ranges.push(mark);
        this.paint(mark, at, l.fresh);
      }
      // Registered with its first mention, so a card can open on what is painted while the rest is read.
      if (record.ranges.length && !this.records.has(record)) this.register(record);
      l.at = end;
      const late = matcher.takeLate();
      if (late.length) this.placeLate(late);
      if (l.at >= text.length) {
        if (this.long === l) this.long = null;
        return true;
      }
    } while (!timeUp());
    return false;
  }

  private keep(block: Block, mentions: readonly Mention[], len: number, fresh: boolean): void {
    const parts = partsOf(block);
    const record: BlockRecord = { parts, block, mentions: [], ranges: [] };
    const host = hostOf(record);
    for (const m of mentions) {
      if (!(m.start >= 0 && m.end > m.start && m.end <= len)) continue;
      const mark = new BlockMark(record, m.kind, m.start, m.end, host);
      record.mentions.push(m);
      record.ranges.push(mark);
      this.paint(mark, m, fresh);
    }
    if (record.ranges.length) this.register(record);
  }

  private register(record: BlockRecord): void {
    for (const part of record.parts) this.byPart.set(part, record);
    this.records.add(record);
  }

  /** Hands a mark to the painter (only an entity's first, with firstOnly) and counts its mention. */
  private paint(mark: BlockMark, m: Mention, inOrder: boolean): void {
    if (this.o.firstOnly && this.counts.has(m.entity)) this.unpainted.add(mark);
    else this.o.painter.add(mark, inOrder);
    this.tally(m);
  }

  private tally(m: Mention): void {
    const c = this.counts.get(m.entity);
    if (c) c.count++;
    else this.counts.set(m.entity, { count: 1, firstKind: m.kind });
    this.mentionCount++;
  }

  /**
   * Surnames the matcher read before their person's full name (a headline
   * above the story), placed once it came. Their block may have no record
   * yet, or the page may have changed since it was read: a block read again
   * since is left to its newer reading (found by its parts), and a mark is
   * added only where the page still shows the surname.
   */
  private placeLate(late: readonly LateMention[]): void {
    for (const { block: b, mention: found, text } of late) {
      // A piece of a long block: its offsets are the piece's.
      const piece = b instanceof Piece ? b : null;
      const block = piece ? piece.block : (b as Block);
      const m = piece ? { ...found, start: found.start + piece.offset, end: found.end + piece.offset } : found;
      const parts = partsOf(block);
      if (!parts.length) continue;
      let record: BlockRecord | null = null;
      let stale = false;
      for (const part of parts) {
        const owner = this.byPart.get(part);
        if (!owner) continue;
        if (owner.block !== block) stale = true;
        record = owner;
      }
      if (stale) continue;
      // The long block under way, not registered yet (no mention of its own so far).
      if (!record && this.long?.record.block === block) record = this.long.record;
      const created = !record || !this.records.has(record);
      if (!record) {
        if (!parts.every((p) => p.isConnected)) continue;
        record = { parts, block, mentions: [], ranges: [] };
      }
      const mark = new BlockMark(record, m.kind, m.start, m.end, hostOf(record));
      if (!showsText(mark, text)) continue;
      if (created) this.register(record);
      // In reading order within the record: the first mention of a person is the one the popup reveals.
      let i = record.mentions.length;
      while (i > 0 && record.mentions[i - 1]!.start > m.start) i--;
      record.mentions.splice(i, 0, m);
      record.ranges.splice(i, 0, mark);
      this.paint(mark, m, false);
    }
  }

  private drop(record: BlockRecord): void {
    if (!this.records.delete(record)) return;
    record.ranges.forEach((r, i) => {
      const m = record.mentions[i]!;
      if (!this.unpainted.delete(r)) this.o.painter.delete(r);
      const c = this.counts.get(m.entity);
      if (c && --c.count <= 0) this.counts.delete(m.entity);
      this.mentionCount--;
    });
    for (const part of record.parts) if (this.byPart.get(part) === record) this.byPart.delete(part);
  }

  /**
   * The record of the block that holds `node`: the node is a part, or lies
   * inside one. Parts never hold a block element (the walk reads an element
   * whole only when nothing inside ends a block), so the search stops at the
   * first block element.
   */
  private recordAround(node: Node): BlockRecord | null {
    for (let n: Node | null = node; n; n = n.parentNode) {
      const r = this.byPart.get(n);
      if (r) return r;
      if (n.nodeType !== TEXT && (n.nodeType !== ELEMENT || isBlockElement(n))) return null;
    }
    return null;
  }

  private onMutations(list: MutationRecord[]): void {
    if (this.destroyed) return;
    const key = pageKey(this.o.doc);
    if (key !== this.page) {
      this.page = key;
      this.o.onNavigate?.();
      return;
    }
    // A walk under way must see a region the page just made (or unmade) editable before it reads there.
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.type === 'attributes') {
        editablesChanged();
        break;
      }
    }
    // The records are only kept here; reading them is work for the slices, so a storm of changes costs the page's task nothing.
    this.batches.push(list);
    if (!this.drainQueued) {
      this.drainQueued = true;
      this.o.slicer.add((timeUp) => this.drain(timeUp));
    }
  }

  /** Turns one batch of mutation records into work items, a few at a time; true when the batch is done. */
  private expand(timeUp: () => boolean): boolean {
    const e = (this.expanding ??= { list: this.batches.shift()!, i: 0, drops: [], arounds: [], reads: [] });
    const { list, drops, arounds, reads } = e;
    while (e.i < list.length) {
      if ((e.i & 63) === 63 && timeUp()) return false;
      const m = list[e.i++]!;
      if (m.type === 'characterData' || m.type === 'attributes') {
        // Text emptied, or a region made editable, may leave no block to read: forget what was there first.
        drops.push(m.target);
        reads.push(m.target);
      } else {
        // Children came or went inside a part read whole: what was matched there is gone, and the block is read again.
        if (this.records.size && this.recordAround(m.target)) {
          arounds.push(m.target);
          reads.push(m.target);
        }
        let flowChanged = false;
        for (const n of Array.from(m.removedNodes)) {
          drops.push(n);
          if (isFlow(n)) flowChanged = true;
        }
        for (const n of Array.from(m.addedNodes)) {
          // A new <body> (some frameworks swap the whole body) is read whole; any other body-level change is read piecemeal.
          if (n.nodeType === ELEMENT && (n as Element).localName === 'body') this.wholeBodies.add(n);
          reads.push(n);
        }
        // Removing inline text joins its neighbours into a new block text; a block added or removed amid inline text splits or joins it.
        if (!flowChanged && (m.addedNodes.length || m.removedNodes.length)) {
          flowChanged = !isBlockElement(m.target) || isProse(m.previousSibling) || isProse(m.nextSibling);
        }
        if (flowChanged) reads.push(m.target);
      }
    }
    // Every drop before every read: a block read for one record must not be forgotten by a later record's drop.
    this.queue = [];
    this.qi = 0;
    if (this.records.size) {
      for (const node of drops) this.queue.push({ op: Op.Drop, node });
      for (const node of arounds) this.queue.push({ op: Op.DropAround, node });
    }
    for (const node of reads) this.queue.push({ op: Op.Read, node });
    // A new batch may change what an earlier read in this drain already covered.
    this.readThisDrain.clear();
    this.expanding = null;
    return true;
  }

  private drain(timeUp: () => boolean): boolean {
    if (this.destroyed) return true;
    while (!timeUp()) {
      if (this.long) {
        this.readOn(timeUp);
        continue;
      }
      if (this.current) {
        const block = this.current.next();
        if (block) this.read(block);
        else this.current = null;
        continue;
      }
      const shadow = this.nextShadow();
      if (shadow) {
        this.current = new BlockCursor(shadow, this.noticeCustom);
        continue;
      }
      const item = this.queue[this.qi];
      if (item) {
        this.qi++;
        if (item.op === Op.Read) this.reread(item.node);
        else if (item.op === Op.Drop) this.dropUnder(item.node);
        else this.dropAround(item.node);
        continue;
      }
      if (!this.batches.length && !this.expanding) {
        this.queue = [];
        this.qi = 0;
        this.drainQueued = false;
        return true;
      }
      this.expand(timeUp);
    }
    this.current?.pause();
    return false;
  }

  /** Forgets the mentions in a subtree (the page removed or changed it), and those of the block around it. */
  private dropUnder(node: Node): void {
    this.dropAround(node);
    this.dropShadowsUnder(node);
    if (node.nodeType !== ELEMENT || !this.records.size) return;
    const walker = this.o.doc.createTreeWalker(node, SHOW_ELEMENT_AND_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // happy-dom's walker (the annotate CLI and unit tests run on it) can leave a <select> root and run on through the page.
      if (!node.contains(n)) break;
      const r = this.byPart.get(n);
      if (r) this.drop(r);
    }
  }

  /**
   * Forgets the shadow roots of components in a subtree the page removed or made editable (and those nested in
   * them), with what was found in them: their text is no longer on the page, or no longer Backstory's to read. A
   * component put back is found again when its subtree is read.
   */
  private dropShadowsUnder(node: Node): void {
    if (!this.shadowAll.length || node.nodeType !== ELEMENT) return;
    // Only components gone from the page or now inside an excluded region: a subtree read again keeps its components' roots.
    const gone = new Set(this.shadowAll.filter((r) => (node === r.host || node.contains(r.host)) && (!r.host.isConnected || isExcluded(r.host))));
    if (!gone.size) return;
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of this.shadowAll) {
        if (!gone.has(r) && gone.has(r.host.getRootNode() as ShadowRoot)) {
          gone.add(r);
          grew = true;
        }
      }
    }
    for (const record of [...this.records]) {
      const root = record.parts[0]?.getRootNode();
      if (root && gone.has(root as ShadowRoot)) this.drop(record);
    }
    for (const r of gone) this.shadowSeen.delete(r);
    const keep = this.shadowAll.filter((r) => !gone.has(r));
    this.shadowAll.length = 0;
    this.shadowAll.push(...keep);
    for (let i = this.shadowQueue.length - 1; i >= 0; i--) if (gone.has(this.shadowQueue[i]!)) this.shadowQueue.splice(i, 1);
  }

  private dropAround(node: Node): void {
    const r = this.recordAround(node);
    if (r) this.drop(r);
  }

  private reread(node: Node): void {
    if (!node.isConnected || (node.nodeType !== TEXT && node.nodeType !== ELEMENT)) return;
    const doc = this.o.doc;
    if (this.wholeBodies.delete(node)) {
      this.readThisDrain.add(node);
      this.current = new BlockCursor(node as Element, this.noticeCustom);
      return;
    }
    let target: Node | null;
    if (isBlockElement(node)) target = node;
    else target = blockAncestor(node);
    // Re-reading the whole body for a bit of inline text would make a chat-like page quadratic: read the node alone.
    if (!target || target === doc.body || target === doc.documentElement) target = node;
    if (target === doc.body || target === doc.documentElement) return;
    for (let a: Node | null = target; a; a = a.parentNode) if (this.readThisDrain.has(a)) return;
    if (isExcluded(target)) return;
    this.readThisDrain.add(target);
    if (target.nodeType === TEXT) {
      const t = target as Text;
      if (/\S/.test(t.data)) this.read({ text: t.data, nodes: [t], starts: [0] });
      return;
    }
    this.current = new BlockCursor(target as Element, this.noticeCustom);
  }
}

/** Whether the page still shows `text` where a mark lies (one text node; a surname is one word). */
function showsText(mark: BlockMark, text: string): boolean {
  const node = mark.startContainer;
  if (node !== mark.endContainer || node.nodeType !== 3) return false;
  return (node as Text).data.slice(mark.startOffset, mark.endOffset) === text;
}
