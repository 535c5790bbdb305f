/**
 * Moving from mark to mark without a pointer (the keyboard command "next /
 * previous mention"): which mark comes next in reading order, skipping what
 * the reader cannot see (kinds switched off, text the page hides, text gone
 * from the page), wrapping round at either end.
 *
 * The marks come from the painter, which every mark passes through: a
 * LedgerPainter remembers them in an array (a push per mark: no Map or Set
 * entry per mention on the page's first walk, which is the hot path), and
 * forgets the ones taken out lazily. The order is worked out only when the
 * reader asks, from the records' first nodes (no mark is placed on its text
 * nodes except the one chosen).
 */
import type { Mention } from '../matching/types';
import type { MentionKind, NavigateDirection } from '../vocabulary';
import type { MentionHit } from './annotator';
import { BlockMark, hostOf, type BlockRecord } from './block-record';
import { Painter } from './highlights';
import type { Mark } from './span';

export type Direction = NavigateDirection;

/** A painter that also keeps the list of every mark handed to it, for navigation. */
export class LedgerPainter extends Painter {
  private marks: Mark[] = [];
  /** Marks taken out since the list was last compacted (only on page changes, never on the first walk). */
  private gone = new Set<Mark>();

  override add(mark: Mark, inOrder = false): void {
    this.marks.push(mark);
    super.add(mark, inOrder);
  }

  override delete(mark: Mark): void {
    this.gone.add(mark);
    // A page that keeps replacing its text must not grow the list without bound.
    if (this.gone.size > 1024 && this.gone.size * 2 > this.marks.length) this.compact();
    super.delete(mark);
  }

  override clear(): void {
    this.marks = [];
    this.gone.clear();
    super.clear();
  }

  override destroy(): void {
    this.marks = [];
    this.gone.clear();
    super.destroy();
  }

  /** Every mark found and not taken out since, in the order found. */
  all(): readonly Mark[] {
    this.compact();
    return this.marks;
  }

  private compact(): void {
    if (!this.gone.size) return;
    const gone = this.gone;
    this.marks = this.marks.filter((m) => !gone.has(m));
    this.gone = new Set();
  }
}

export interface StepOptions {
  /** Whether a kind of mention is shown (a hidden kind opens no card). */
  shows: (kind: MentionKind) => boolean;
  /** Whether a record's text is rendered; asked only of the records about to be chosen. */
  visible?: (record: BlockRecord) => boolean;
  /**
   * With nothing to start from: whether a record lies where the reader is (for next, not wholly above the top of
   * the viewport; for previous, not wholly below its bottom), so the first move starts there rather than at the
   * top of a long page. Every record counts when none does (the reader is past the last mark: wrap round).
   */
  inView?: (record: BlockRecord, dir: Direction) => boolean;
}

export interface Place {
  record: BlockRecord;
  index: number;
}

/** Whether a record's block is rendered (checkVisibility where the browser has it). */
export function recordVisible(record: BlockRecord): boolean {
  const host = hostOf(record) as (Element & { checkVisibility?: () => boolean }) | null;
  if (!host || !host.isConnected) return false;
  return typeof host.checkVisibility === 'function' ? host.checkVisibility() : true;
}

/** Whether a record's block is not wholly above (next) or below (previous) the viewport. */
export function recordInView(win: Window, record: BlockRecord, dir: Direction): boolean {
  const host = hostOf(record);
  if (!host) return false;
  const box = host.getBoundingClientRect();
  return dir === 'next' ? box.bottom >= 0 : box.top <= win.innerHeight;
}

/** Document order of two records by their first nodes: negative when a comes first. */
function compare(a: BlockRecord, b: BlockRecord): number {
  if (a === b) return 0;
  const pa = a.parts[0];
  const pb = b.parts[0];
  if (!pa || !pb || pa === pb) return 0;
  const pos = pa.compareDocumentPosition(pb);
  if (pos & 4 /* FOLLOWING */) return -1;
  if (pos & 2 /* PRECEDING */) return 1;
  return 0;
}

/** The shown mention of a record nearest its start (next) or end (previous), starting beyond `from` when given. */
function inRecord(record: BlockRecord, dir: Direction, shows: StepOptions['shows'], from?: number): number {
  const { mentions } = record;
  if (dir === 'next') {
    for (let i = from === undefined ? 0 : from + 1; i < mentions.length; i++) if (shows(mentions[i]!.kind)) return i;
  } else {
    for (let i = from === undefined ? mentions.length - 1 : from - 1; i >= 0; i--) if (shows(mentions[i]!.kind)) return i;
  }
  return -1;
}

/**
 * The first of `records` in the direction's order that is visible and holds a shown mention. A linear scan
 * per pick (not a sort of every record): a hidden record costs one more scan, and hidden ones are few.
 */
function pick(records: BlockRecord[], dir: Direction, o: StepOptions): Place | null {
  const sign = dir === 'next' ? 1 : -1;
  const left = records.slice();
  while (left.length) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (sign * compare(left[i]!, left[best]!) < 0) best = i;
    const record = left[best]!;
    const index = inRecord(record, dir, o.shows);
    if (index >= 0 && (o.visible ?? recordVisible)(record)) return { record, index };
    left[best] = left[left.length - 1]!;
    left.pop();
  }
  return null;
}

/**
 * The mark after (or before) `from` in reading order, among `marks`: the mentions of kinds shown, in text the
 * reader can see. Past the last it wraps round to the first (and the other way); with nothing to start from,
 * `next` gives the first where the reader is (`inView`), else the first of all, and `previous` the last. Null
 * when no mark qualifies.
 */
export function step(marks: readonly Mark[], from: Mark | null, dir: Direction, o: StepOptions): Place | null {
  const records = new Set<BlockRecord>();
  for (const m of marks) if (m instanceof BlockMark) records.add(m.record);
  const candidates: BlockRecord[] = [];
  for (const r of records) if (r.parts[0]?.isConnected && r.mentions.some((m: Mention) => o.shows(m.kind))) candidates.push(r);

  const at = from instanceof BlockMark && from.record.parts[0]?.isConnected ? from.record : null;
  if (at) {
    const index = at.ranges.indexOf(from as BlockMark);
    if (index >= 0 && records.has(at) && (o.visible ?? recordVisible)(at)) {
      const i = inRecord(at, dir, o.shows, index);
      if (i >= 0) return { record: at, index: i };
    }
    const sign = dir === 'next' ? 1 : -1;
    const beyond = candidates.filter((r) => r !== at && sign * compare(r, at) > 0);
    const found = pick(beyond, dir, o);
    if (found) return found;
  }
  if (!at && o.inView) {
    const inView = o.inView;
    const found = pick(candidates.filter((r) => inView(r, dir)), dir, o);
    if (found) return found;
  }
  // Wrapping round (or starting): the first (last) of all, the starting mark's own record included.
  return pick(candidates, dir, o);
}

/** The hit of a place: a live range over the mention, as the annotator gives for a point. */
export function hitOf(doc: Document, { record, index }: Place): MentionHit {
  const mention = record.mentions[index]!;
  const painted = record.ranges[index]!;
  const range = doc.createRange();
  try {
    range.setStart(painted.startContainer, painted.startOffset);
    range.setEnd(painted.endContainer, painted.endOffset);
  } catch {
    // The text changed under a stale range; the re-read it triggered is on its way.
  }
  return { mention, range, painted, text: range.toString() };
}
