/**
 * Reads a page's text as blocks: the text of a block element with its inline
 * descendants joined, so "<b>Yoshihide</b> Suga" is one text the matcher can
 * see whole. Pure DOM (runs in the content script, happy-dom and the annotate
 * CLI); never writes to the page.
 *
 * Block or inline is decided by tag name alone: getComputedStyle per node
 * would force style recalculation and cost more than the whole walk.
 *
 * Why the walk asks the browser for whole texts: from a content script every
 * node that script touches costs a wrapper object in its isolated world, so
 * reading a 1 MB page node by node took 30 ms for the text nodes alone and
 * 60–80 ms with the elements, while `textContent` returns the same text in
 * 4 ms. A subtree with nothing in it that breaks the flow or is excluded (one
 * native `querySelector` says so) is read in one call, and its text nodes are
 * looked at only when a mention in it is placed (block-record.ts).
 */

export interface Block {
  /** The block's text: its text nodes' data, concatenated. */
  text: string;
  /** Its non-empty text nodes, in order (computed when first asked for). */
  readonly nodes: Text[];
  /** starts[i] is where nodes[i] begins in `text`. */
  readonly starts: number[];
  /** The text nodes as far as `offset` at least (all of them for a block built whole). */
  upTo?(offset: number): { nodes: Text[]; starts: number[] };
  /**
   * What the walk read the block as, in order: text nodes, and elements whose
   * whole text came in one call. Disjoint subtrees, so any node of the block
   * lies in exactly one (absent: its text nodes are its parts).
   */
  readonly parts?: readonly Node[];
  /** Lets go of the text once it is matched; the nodes can still be listed. */
  release?(): void;
}

/** The tag of the element hosting Backstory's own UI; never read as page text. */
export const HOST_TAG = 'backstory-ui';

/** Subtrees that are not prose, or that the reader is editing. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp', 'textarea', 'input', 'select',
  'option', 'button', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', HOST_TAG,
]);

/** Elements whose text flows with their neighbours'; any other element ends the block. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'label', 'mark', 'q', 's',
  'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'nobr', 'tt', 'big', 'ruby', 'rb', 'rp', 'rt', 'wbr',
]);

/** Any element that ends a block or may be excluded: a subtree without one is plain flowing text. */
const NOT_FLOW = `:not(${[...INLINE_TAGS].join(',')}),[contenteditable]`;

/**
 * Longest block handed to the matcher at once. A page with all of its text in
 * one container would otherwise become one huge task; cutting between text
 * nodes may split a name at the cut, which is rare enough to accept.
 */
export const MAX_BLOCK_CHARS = 20_000;

const ELEMENT = 1;
const TEXT = 3;
/** A shadow root (a document fragment). */
const FRAGMENT = 11;
const SHOW_TEXT = 4;

function editable(el: Element): boolean {
  if (!el.hasAttribute('contenteditable')) return false;
  return (el.getAttribute('contenteditable') ?? '').toLowerCase() !== 'false';
}

/**
 * Bumped whenever a contenteditable attribute may have changed (the
 * annotator's observer calls editablesChanged()): a walk in progress then
 * looks the editable elements up again.
 */
let editableEpoch = 0;

export function editablesChanged(): void {
  editableEpoch++;
}

/**
 * The elements under `root` that the reader may edit. One native query per
 * walk instead of an attribute read per element: touching every element from
 * script costs more than reading every text node.
 */
function editablesUnder(root: Node | null): Set<Element> | null {
  if (!root || (root.nodeType !== ELEMENT && root.nodeType !== 9 && root.nodeType !== FRAGMENT)) return null;
  const found = (root as Element).querySelectorAll('[contenteditable]');
  if (!found.length) return null;
  const out = new Set<Element>();
  for (const el of Array.from(found)) if (editable(el)) out.add(el);
  return out.size ? out : null;
}

/**
 * A plain-text document (a .txt story, a wire feed) is shown by the browser
 * as one <pre> in an HTML page: there the <pre> is the prose, not code.
 */
function skippedTag(el: Element, name: string): boolean {
  // The card's host may take a random tag after HOST_TAG (see src/ui/card/mount.tsx).
  if (name.startsWith(HOST_TAG_PREFIX)) return true;
  return SKIPPED_TAGS.has(name) && !(name === 'pre' && el.ownerDocument?.contentType === 'text/plain');
}
const HOST_TAG_PREFIX = `${HOST_TAG}-`;

function excludedElement(el: Element): boolean {
  return skippedTag(el, el.localName) || editable(el);
}

/** An element that starts a block of its own: any but the inline tags (decided by tag name; see above). */
export function isBlockElement(n: Node): boolean {
  return n.nodeType === ELEMENT && !INLINE_TAGS.has((n as Element).localName);
}

/** Whether `node` is, or lies inside, a subtree Backstory never reads (inputs, code, its own UI …), shadow hosts' included. */
export function isExcluded(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n.nodeType === FRAGMENT ? (n as ShadowRoot).host ?? null : null)) {
    if (n.nodeType === ELEMENT && excludedElement(n as Element)) return true;
  }
  return false;
}

/** The nearest ancestor (or self) that starts a block: where a re-walk after a change to `node` should begin. */
export function blockAncestor(node: Node): Element | null {
  for (let n: Node | null = node.nodeType === ELEMENT ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === ELEMENT && isBlockElement(n)) return n as Element;
    if (n.nodeType !== ELEMENT) return null;
  }
  return null;
}

function startOf(root: Document | Element | ShadowRoot): Node | null {
  if (root.nodeType === 9) {
    const doc = root as Document;
    return doc.body ?? doc.documentElement;
  }
  return root;
}

/**
 * A block read as a few parts: text nodes, and inline subtrees whose text came
 * in one call. Its text nodes are the non-empty ones in document order from
 * its first part on (nothing but flowing text lies between its parts), listed
 * on demand and only as far as asked, which for most blocks is never.
 */
class PartsBlock implements Block {
  /** Made on first use: most blocks never list a node. */
  private view: { nodes: Text[]; starts: number[] } | null = null;
  /** Where the listed nodes end in `text`. */
  private end = 0;
  /** The last text node the walk reached (listed or empty), null before the first. */
  private last: Node | null = null;

  /** The text's length, kept when the text is released. */
  private readonly total: number;
  private allParts: readonly Node[] | null = null;

  constructor(
    public text: string,
    private readonly first: Node,
    /** The parts after the first; null for most blocks, which are one part (an array per block cost 2 MB on the 200k-node page). */
    private readonly rest: Node[] | null,
    /** One text walker shared by the blocks of a walk: making one per block cost more than the listing. */
    private readonly walker: () => TreeWalker,
  ) {
    this.total = text.length;
  }

  get parts(): readonly Node[] {
    return (this.allParts ??= this.rest ? [this.first, ...this.rest] : [this.first]);
  }

  release(): void {
    this.text = '';
  }

  get nodes(): Text[] {
    return this.upTo(Infinity).nodes;
  }

  get starts(): number[] {
    return this.upTo(Infinity).starts;
  }

  upTo(offset: number): { nodes: Text[]; starts: number[] } {
    const view = (this.view ??= { nodes: [], starts: [] });
    const total = this.total;
    while (this.end <= offset && this.end < total) {
      const t = this.nextText();
      if (!t) break;
      // The length alone: reading `data` would make a script string of every node's text again.
      const len = t.length;
      if (!len) continue;
      view.nodes.push(t);
      view.starts.push(this.end);
      this.end += len;
    }
    return view;
  }

  private nextText(): Text | null {
    if (!this.last && this.first.nodeType === TEXT) return (this.last = this.first) as Text;
    const w = this.walker();
    // The shared walker may have been moved by another block since.
    w.currentNode = this.last ?? this.first;
    const t = w.nextNode();
    if (t) this.last = t;
    return t as Text | null;
  }
}

/**
 * Walks a subtree one block at a time, so a caller working in time slices can
 * stop between any two blocks and resume later. Holds only a position: if the
 * page changes meanwhile the walk continues from where it was, and the
 * caller's mutation handling re-reads what changed.
 */
export class BlockCursor {
  private readonly root: Node | null;
  private node: Node | null;
  private boundary = false;
  private readonly open: boolean[] = [];
  private text = '';
  private first: Node | null = null;
  private rest: Node[] | null = null;
  private textWalker: TreeWalker | null = null;
  private readonly walker = () => (this.textWalker ??= this.root!.ownerDocument!.createTreeWalker(this.root!, SHOW_TEXT));
  private editables: Set<Element> | null;
  private epoch = editableEpoch;

  /**
   * `onCustomElement`: told of each custom element (a tag with a hyphen) the walk passes, where web components
   * keep their text in a shadow root of their own. The walk visits every such element one by one already (its
   * tag is not an inline one), so noticing them costs a string check, not a look at every element.
   */
  constructor(root: Document | Element | ShadowRoot, private readonly onCustomElement?: (el: Element) => void) {
    this.root = startOf(root);
    this.node = this.root && !isExcluded(this.root) ? this.root : null;
    this.editables = this.node ? editablesUnder(this.root) : null;
  }

  /**
   * The page removed the node the walk was about to read, so the rest of the
   * subtree cannot be reached from here: the caller must re-walk (skipping
   * what it already read).
   */
  lost = false;
  /** Set by pause(): the page may have run since the last block. */
  private paused = false;

  /**
   * The caller lets the page run before the next block (its slice ends): the
   * next call checks that the walk's place is still in the page. Not checked
   * on every call: that was two calls into the browser per block, and within
   * a slice nothing but Backstory runs.
   */
  pause(): void {
    this.paused = true;
  }

  get done(): boolean {
    return this.node === null && this.first === null;
  }

  /** The next block with visible text, or null when the subtree is exhausted. Call pause() before letting the page run. */
  next(): Block | null {
    if (this.paused) {
      this.paused = false;
      if (this.node && this.root?.isConnected && !this.node.isConnected) {
        this.lost = true;
        this.node = null;
      }
      // A shadow root whose component the page took out meanwhile: nothing of it is on the page to read.
      if (this.root?.nodeType === FRAGMENT && !this.root.isConnected) {
        this.node = null;
        this.first = null;
        this.rest = null;
        this.text = '';
      }
    }
    if (this.epoch !== editableEpoch) {
      this.epoch = editableEpoch;
      this.editables = editablesUnder(this.root);
    }
    const editables = this.editables;
    while (this.node) {
      const n = this.node;
      const type = n.nodeType;
      if (type === TEXT) {
        const data = (n as Text).data;
        const out = data.length ? this.append(n, data) : null;
        this.node = this.advance(n, false, false);
        if (out) return out;
      } else if (type === ELEMENT) {
        const el = n as Element;
        const name = el.localName;
        if (skippedTag(el, name) || (editables !== null && editables.has(el))) {
          this.boundary = true;
          this.node = this.advance(n, false, false);
          continue;
        }
        const block = !INLINE_TAGS.has(name);
        if (block) this.boundary = true;
        if (this.onCustomElement && name.includes('-')) this.onCustomElement(el);
        // Nothing inside that ends a block or is excluded: its whole text in one native call, its nodes untouched.
        if (el.childElementCount === 0 || el.querySelector(NOT_FLOW) === null) {
          const text = el.textContent ?? '';
          if (text.length < MAX_BLOCK_CHARS) {
            const out = text.length ? this.append(el, text) : null;
            if (block) this.boundary = true;
            this.node = this.advance(n, false, false);
            if (out) return out;
            continue;
          }
        }
        this.node = this.advance(n, true, block);
      } else if (type === FRAGMENT && n === this.root) {
        // A shadow root walked on its own: into its children, as into a block.
        this.node = this.advance(n, true, true);
      } else {
        this.node = this.advance(n, false, false);
      }
    }
    return this.take();
  }

  /** Adds a part to the block being built; returns the previous block if a boundary came first. */
  private append(part: Node, text: string): Block | null {
    const out = this.boundary ? this.take() : null;
    this.boundary = false;
    if (!this.first) this.first = part;
    else (this.rest ??= []).push(part);
    this.text += text;
    if (this.text.length >= MAX_BLOCK_CHARS) this.boundary = true;
    return out;
  }

  private take(): Block | null {
    const { text, first, rest } = this;
    if (!first) return null;
    this.text = '';
    this.first = null;
    this.rest = null;
    // Whitespace between blocks is dropped here; the caller's loop walks on.
    return /\S/.test(text) ? new PartsBlock(text, first, rest, this.walker) : null;
  }

  /**
   * The node after `n` in document order. Whether each open ancestor is a
   * block is remembered on a stack when the walk enters it, so leaving it
   * costs no second look at its tag.
   */
  private advance(n: Node, descend: boolean, block: boolean): Node | null {
    if (descend) {
      const first = n.firstChild;
      if (first) {
        this.open.push(block);
        return first;
      }
    }
    let at: Node = n;
    while (at !== this.root) {
      const next = at.nextSibling;
      if (next) return next;
      const parent = at.parentNode;
      if (!parent || parent === this.root) return null;
      if (this.open.pop()) this.boundary = true;
      at = parent;
    }
    return null;
  }
}

/** Every block of text under `root`, in document order. */
export function collectBlocks(root: Document | Element): Block[] {
  const cursor = new BlockCursor(root);
  const out: Block[] = [];
  for (let b = cursor.next(); b; b = cursor.next()) out.push(b);
  return out;
}

/** A block's text nodes and their starts, listed at least as far as `offset`. */
export function listedTo(block: Block, offset: number): { nodes: Text[]; starts: number[] } {
  return block.upTo ? block.upTo(offset) : block;
}

/** The text node and offset inside it for a position in a block's text (an end position resolves to the end of the earlier node). */
export function locate(block: Block, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = listedTo(block, offset);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (s === offset && !preferEnd)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
