/**
 * Paints mentions with the CSS Custom Highlight API: one registered highlight
 * per kind, so the page's DOM is never touched. The registry is shared with
 * the page, so the names are Backstory's own and a highlight a page script
 * deletes is put back. Where the API is missing, nothing is painted and
 * nothing throws (the cards still work). Only the mentions near the viewport
 * are registered (near-viewport.ts says why).
 */
import { MENTION_KINDS, type MentionKind } from '../vocabulary';
import { NearViewport } from './near-viewport';
import { rangeOf, type Mark } from './span';
import { pageTheme, type CardTheme } from './page-theme';
import { HIGHLIGHT_CSS } from './highlight-css';

export const HIGHLIGHT_NAMES: Record<MentionKind, string> = {
  person: 'backstory-person',
  country: 'backstory-country',
  demonym: 'backstory-demonym',
  capital: 'backstory-capital',
  organisation: 'backstory-organisation',
};

/** The same highlights on a dark page: highlight.css gives them tints that stand out from a dark background. */
export const DARK_SUFFIX = '-dark';

/** The name a kind's highlight is registered under on a light or a dark page. */
export function highlightName(kind: MentionKind, theme: CardTheme): string {
  return theme === 'dark' ? HIGHLIGHT_NAMES[kind] + DARK_SUFFIX : HIGHLIGHT_NAMES[kind];
}

interface HighlightLike {
  add(r: AbstractRange): unknown;
  delete(r: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
}

interface HighlightRegistryLike {
  set(name: string, h: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): boolean;
  highlightsFromPoint?: (x: number, y: number) => { highlight: HighlightLike; ranges: AbstractRange[] }[];
}

type HighlightCtor = new (...ranges: AbstractRange[]) => HighlightLike;

export function highlightApi(win: Window & typeof globalThis): { registry: HighlightRegistryLike; Highlight: HighlightCtor } | null {
  try {
    const css = (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
    const Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
    if (!css?.highlights || typeof Ctor !== 'function') return null;
    return { registry: css.highlights, Highlight: Ctor };
  } catch {
    return null;
  }
}

/** Registered ranges beyond which those away from the viewport are taken out (~7 µs each per later change, so ≤ ~3 ms). */
export const LINGER_LIMIT = 400;

export class Painter {
  private readonly api: ReturnType<typeof highlightApi>;
  private readonly highlights = new Map<MentionKind, HighlightLike>();
  /**
   * Ranges found but not yet handed to the browser. Every change to a
   * registered highlight makes the browser re-validate all of its ranges at
   * the next frame, so ranges go in in batches, not one at a time.
   */
  private readonly pending = new Map<MentionKind, Set<Mark>>();
  /**
   * What each highlight should hold: its marks and the browser's range made
   * for each when it was registered (only these ranges exist). A page can
   * reach our Highlight objects through the shared registry and empty them
   * (`.clear()`, `.delete()`); comparing sizes on each sync notices that
   * cheaply and refills them.
   */
  private readonly owned = new Map<MentionKind, Map<Mark, AbstractRange>>();
  /** The mark of each registered range, for hit-testing. */
  private readonly markOf = new Map<AbstractRange, Mark>();
  private shown: Record<MentionKind, boolean> = { person: true, country: true, demonym: true, capital: true, organisation: true };
  /**
   * Registered ranges that have gone away from the viewport. Every change to
   * the highlights makes Chromium repaint a few screens of the page (~3 ms
   * here), so leaving ranges are not taken out one chunk at a time but all at
   * once, when the registered ones pass LINGER_LIMIT; that also bounds what the
   * browser re-validates on each later change.
   */
  private readonly lingering = new Set<Mark>();
  /** Marks found, painted or waiting to come near the viewport. */
  private tracked = 0;
  private readonly near: NearViewport;
  /**
   * Light or dark tints: read once, from the background under the first
   * mention registered (one look up its ancestors), so a page pays nothing per mark.
   */
  private theme: CardTheme | null = null;
  /** Open shadow roots whose text is painted: hit-testing must look into them, and they need the tints' rules. */
  private readonly shadowRoots: ShadowRoot[] = [];
  private sheet: CSSStyleSheet | null | undefined;

  constructor(private readonly win: Window & typeof globalThis, opts: { onError?: (e: unknown) => void } = {}) {
    this.api = highlightApi(win);
    if (this.api) {
      for (const kind of MENTION_KINDS) this.highlights.set(kind, new this.api.Highlight());
    }
    this.near = new NearViewport({ win, onError: opts.onError, onChange: (entering, leaving, misjudged) => this.moved(entering, leaving, misjudged) });
  }

  /** Whether painting is possible here at all. */
  get supported(): boolean {
    return this.api !== null;
  }

  /**
   * A mark found; it is painted once its text's element is near the viewport. `inOrder`: it follows every
   * mark added in order before it, in document order (see NearViewport).
   */
  add(mark: Mark, inOrder = false): void {
    if (!this.api) return;
    this.tracked++;
    if (this.near.add(mark, inOrder)) this.queue(mark);
  }

  private queue(mark: Mark): void {
    let set = this.pending.get(mark.kind);
    if (!set) this.pending.set(mark.kind, (set = new Set()));
    set.add(mark);
  }

  /** Ranges found since the last flush. */
  get pendingCount(): number {
    let n = 0;
    for (const set of this.pending.values()) n += set.size;
    return n;
  }

  /** A mark added before, gone (its text changed or left the page). */
  delete(mark: Mark): void {
    if (!this.api) return;
    this.tracked--;
    this.near.delete(mark);
    this.lingering.delete(mark);
    // Whatever NearViewport knew of it: a mark with no element to watch (text right in a shadow root) is painted
    // without it, and must go too.
    this.unpaint(mark);
  }

  private unpaint(mark: Mark): void {
    if (this.pending.get(mark.kind)?.delete(mark)) return;
    const owned = this.owned.get(mark.kind);
    const r = owned?.get(mark);
    if (!r) return;
    owned!.delete(mark);
    this.highlights.get(mark.kind)?.delete(r);
    this.markOf.delete(r);
  }

  /**
   * Scrolling (or a layout change) brought ranges near the viewport or took them away; or the browser's first
   * report put far what was painted on a guess (taken out now, not left to linger). For the coming frame.
   */
  private moved(entering: Mark[], leaving: Mark[], misjudged: Mark[]): void {
    for (const m of misjudged) this.unpaint(m);
    for (const m of leaving) this.lingering.add(m);
    // Back before it was taken out: still registered.
    for (const m of entering) if (!this.lingering.delete(m)) this.queue(m);
    if (this.lingering.size && this.count() + this.pendingCount > LINGER_LIMIT) {
      for (const m of this.lingering) this.unpaint(m);
      this.lingering.clear();
    }
    this.flush();
  }

  /** Calls `fn` once every range found so far is known to be near the viewport (and registered) or not. */
  whenSettled(fn: () => void): void {
    this.near.whenSettled(fn);
  }

  /** Lets go of elements that have held no mention for a while (a page that keeps replacing its content). */
  sweep(): void {
    this.near.sweep();
  }

  /** Ranges found (painted or waiting to come near). */
  get found(): number {
    return this.tracked;
  }

  /** Hands the ranges added since the last flush to the browser, to be painted at the next frame. */
  flush(): void {
    this.near.seal();
    for (const [kind, set] of this.pending) {
      const h = this.highlights.get(kind);
      if (!h) continue;
      let owned = this.owned.get(kind);
      if (!owned) this.owned.set(kind, (owned = new Map()));
      for (const mark of set) {
        if (owned.has(mark)) continue;
        this.theme ??= pageTheme(mark);
        const r = rangeOf(this.win, mark);
        if (!r) continue;
        h.add(r);
        owned.set(mark, r);
        this.markOf.set(r, mark);
      }
    }
    this.pending.clear();
    this.sync();
  }

  get dirty(): boolean {
    return this.pending.size > 0;
  }

  clear(): void {
    this.forget();
    this.near.clear();
    for (const h of this.highlights.values()) h.clear();
  }

  private forget(): void {
    this.pending.clear();
    this.owned.clear();
    this.markOf.clear();
    this.lingering.clear();
    this.tracked = 0;
  }

  /** Registered ranges: found, near the viewport and flushed. */
  count(): number {
    let n = 0;
    for (const h of this.highlights.values()) n += h.size;
    return n;
  }

  /** Which kinds show; hidden kinds keep their ranges so showing them again is instant. */
  show(kinds: Record<MentionKind, boolean>): void {
    this.shown = { ...kinds };
    this.sync();
  }

  /** Registers what should show and unregisters what should not; puts back highlights a page script deleted or replaced. Cheap. */
  sync(): void {
    if (!this.api) return;
    const { registry } = this.api;
    const theme = this.theme ?? 'light';
    for (const kind of MENTION_KINDS) {
      const name = highlightName(kind, theme);
      const ours = this.highlights.get(kind)!;
      // Registered under the other theme's name before the theme was known (or changed): moved.
      const other = highlightName(kind, theme === 'dark' ? 'light' : 'dark');
      if (registry.get(other) === ours) registry.delete(other);
      const current = registry.get(name);
      const owned = this.owned.get(kind);
      if (owned && ours.size !== owned.size) {
        ours.clear();
        for (const r of owned.values()) ours.add(r);
      }
      // An empty highlight is not registered: each registration makes Chromium revalidate every highlight's
      // marks at the next frame, and with nothing to show that is work for nothing (and an entry a page sees).
      if (this.shown[kind] && owned?.size) {
        if (current !== ours) registry.set(name, ours);
      } else if (current === ours) {
        registry.delete(name);
      }
    }
  }

  /**
   * A shadow root whose text is painted from now on: the tints' rules are adopted into it (a constructed
   * stylesheet: no element is added to the page), and hit-testing looks into it.
   */
  addShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.includes(root)) return;
    this.shadowRoots.push(root);
    try {
      if (this.sheet === undefined) {
        const Sheet = (this.win as unknown as { CSSStyleSheet?: typeof CSSStyleSheet }).CSSStyleSheet;
        this.sheet = typeof Sheet === 'function' ? new Sheet() : null;
        this.sheet?.replaceSync(HIGHLIGHT_CSS);
      }
      if (this.sheet && Array.isArray(root.adoptedStyleSheets)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    } catch {
      // A browser without constructed stylesheets: the shadow root's text is read (cards open) but not tinted.
      this.sheet = null;
    }
  }

  /** The shadow roots painted in, for a caret lookup that must see into them. */
  get shadows(): readonly ShadowRoot[] {
    return this.shadowRoots;
  }

  /** Our highlights' ranges under a point, where the browser can say (Chromium 140+). */
  rangesAt(x: number, y: number): Mark[] | null {
    const from = this.api?.registry.highlightsFromPoint as ((x: number, y: number, o?: { shadowRoots: ShadowRoot[] }) => ReturnType<NonNullable<HighlightRegistryLike['highlightsFromPoint']>>) | undefined;
    if (!this.api || typeof from !== 'function') return null;
    const ours = new Set(this.highlights.values());
    const out: Mark[] = [];
    const connected = this.shadowRoots.filter((r) => r.host.isConnected);
    for (const hit of (connected.length ? from.call(this.api.registry, x, y, { shadowRoots: connected }) : from.call(this.api.registry, x, y)) ?? []) {
      if (!ours.has(hit.highlight) || !Array.isArray(hit.ranges)) continue;
      for (const r of hit.ranges) {
        const mark = this.markOf.get(r);
        if (mark) out.push(mark);
      }
    }
    return out;
  }

  destroy(): void {
    if (!this.api) return;
    for (const kind of MENTION_KINDS) {
      const ours = this.highlights.get(kind)!;
      for (const name of [highlightName(kind, 'light'), highlightName(kind, 'dark')]) if (this.api.registry.get(name) === ours) this.api.registry.delete(name);
      ours.clear();
    }
    this.forget();
    this.near.destroy();
  }
}
