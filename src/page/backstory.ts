/**
 * Everything the content script does on a page, wired together: settings,
 * the article's date, finding and painting mentions, hover cards, and the
 * popup's questions. Browser APIs come in as dependencies (the entrypoint
 * binds them), so this runs in unit tests too.
 *
 * Harmless always: every callback is guarded so nothing Backstory throws
 * reaches the page, and when the extension goes away (update, uninstall) all
 * of it is taken down quietly.
 */
import type { Card } from '../knowledge/cards';
import type { IndexPart } from '../matching/sub-index';
import type { PageMatcher, PartMatcher } from '../matching/types';
import type { PageEntity, PageSummary, TabProtocol } from '../vocabulary';
import { showsKind, siteEnabled, type MentionKind, type Settings } from '../vocabulary';
import type { CardTranslate } from '../ui/card/messages';
import type { CardUi, CreateCardUi } from '../ui/card/mount';
import { Annotator, type MentionHit } from './annotator';
import { localToday, readArticleDate, type ArticleDate } from './article-date';
import { LINGER_LIMIT } from './highlights';
import { HoverController } from './hover';
import { hitOf, LedgerPainter, recordInView, recordVisible, step, type Direction } from './navigate';
import type { Mark } from './span';
import { HOST_TAG } from './walk';
import { Slicer } from './slices';

type Handlers = { [K in keyof TabProtocol]: (msg: TabProtocol[K]['req']) => TabProtocol[K]['res'] | Promise<TabProtocol[K]['res']> };

export interface BackstoryDeps {
  win: Window & typeof globalThis;
  doc: Document;
  /**
   * The page's matcher: at once (tests, annotate), or when the background has answered with the part of the
   * index this page's text needs (the content script; see src/matching/sub-index.ts).
   */
  createMatcher: () => PageMatcher | Promise<PageMatcher>;
  /** More of the index, for words the page showed after the matcher was made; null when there is nothing more. */
  moreIndex?: (words: string[]) => Promise<IndexPart | null>;
  /** Display names of entity ids (the compact index has ids only; the background has the knowledge). */
  describe: (ids: string[], date: string) => Promise<Record<string, { name: string }>>;
  loadSettings: () => Promise<Settings>;
  watchSettings: (onChange: (s: Settings) => void) => () => void;
  fetchCard: (entity: string, date: string) => Promise<Card | null>;
  /**
   * The card's UI, fetched the first time a card is about to open: the content script has the background add
   * the card's code (Preact, Floating UI, the views) to this frame's isolated world, so a page where no card
   * opens never loads or compiles it.
   */
  loadCardUi: () => CreateCardUi | Promise<CreateCardUi>;
  serveTab: (handlers: Handlers) => () => void;
  t: CardTranslate;
  language: string;
  today?: () => string;
  restMs?: number;
  graceMs?: number;
  /**
   * Mark the start and the end of painting (performance marks and a `backstory:painted` window event) for the
   * benchmark and the end-to-end tests. A page can read both, so they would tell every page that Backstory is
   * installed: only the bench build (`wxt build --mode bench`) and the unit tests turn them on.
   */
  announce?: boolean;
}

export interface PaintedDetail {
  mentions: number;
  /** Of those, the ranges registered to paint: the ones near the viewport, of the kinds shown. */
  registered: number;
  /** Main-thread time spent from start-up to everything painted. */
  ms: number;
  longestTaskMs: number;
  wallMs: number;
}

export interface Backstory {
  readonly settled: Promise<void>;
  summary(): Promise<PageSummary>;
  reveal(entity: string): boolean;
  /** The keyboard command: the next (previous) mention in reading order, scrolled into view, its card opened with focus in it. */
  navigate(direction: Direction): boolean;
  destroy(): void;
}

const MARK = 'backstory:';

/** Errors that mean the extension was reloaded or removed under a running page. */
export function isContextGone(e: unknown): boolean {
  return /Extension context invalidated|context invalidated|Receiving end does not exist/i.test(String((e as Error)?.message ?? e));
}

export function startBackstory(deps: BackstoryDeps): Backstory {
  const { win, doc } = deps;
  const perf = win.performance;
  const t0 = perf.now();
  const announce = deps.announce === true;
  if (announce) safe(() => perf.mark(`${MARK}start`));
  let destroyed = false;
  let settings: Settings | null = null;
  let date: ArticleDate = { date: (deps.today ?? localToday)(), source: 'today' };
  let active: Active | null = null;
  const cleanups: (() => void)[] = [];
  let startupMs = 0;

  function safe<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch {
      return undefined;
    }
  }

  function onError(e: unknown): void {
    if (isContextGone(e)) destroy();
  }

  function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      if (destroyed) return;
      try {
        fn(...args);
      } catch (e) {
        onError(e);
      }
    };
  }

  const host = (): string => safe(() => win.location.hostname) ?? '';

  interface Active {
    matcher: PageMatcher;
    /** Asking the background for the index of words the page showed later. */
    learning: boolean;
    /** Notices a document.open() rewrite (see begin()). */
    rootWatch?: MutationObserver;
    painter: LedgerPainter;
    slicer: Slicer;
    annotator: Annotator;
    hover: HoverController;
    /** The card's UI once loaded (see cardUi()). */
    ui: CardUi | null;
    uiLoading: Promise<CardUi | null> | null;
    timer: number;
    seq: number;
    /** Where the last keyboard move went: the next one starts from there. */
    navAt: Mark | null;
    /** The mention whose card takes focus once shown (opened by the keyboard command or a tap). */
    focusFor: Mark | null;
    /** What had focus before a card took it: focus goes back there when the card closes with focus in it. */
    focusBack: Element | null;
  }

  // Read when first needed (a card, the popup), not at start-up: the page's metadata queries cost more than a small page's whole match.
  let dateStale = false;
  function readDate(): void {
    dateStale = true;
  }

  function articleDate(): ArticleDate {
    if (dateStale) {
      dateStale = false;
      date = readArticleDate(doc, safe(() => win.location.href) ?? null, (deps.today ?? localToday)());
    }
    return date;
  }

  function shows(kind: MentionKind): boolean {
    return !!settings && showsKind(settings, host, kind);
  }

  /** A matcher being made (the background has not answered yet): activate() waits for it rather than asking again. */
  let loading: Promise<void> | null = null;

  function activate(): void | Promise<void> {
    if (loading) return loading;
    readDate();
    let made: PageMatcher | Promise<PageMatcher>;
    try {
      made = deps.createMatcher();
    } catch (e) {
      onError(e);
      return;
    }
    if (typeof (made as Promise<PageMatcher>).then !== 'function') return begin(made as PageMatcher);
    const p: Promise<void> = (made as Promise<PageMatcher>).then(
      (matcher) => {
        if (loading !== p) return;
        loading = null;
        // Switched off, or taken down, while the background answered.
        if (destroyed || active || !settings || !siteEnabled(settings, host)) return;
        try {
          begin(matcher);
        } catch (e) {
          onError(e);
        }
      },
      (e: unknown) => {
        if (loading === p) loading = null;
        onError(e);
      },
    );
    loading = p;
    return p;
  }

  /**
   * Words the page showed that the matcher's part of the index did not cover (text added later, or on a page
   * that changed while the background answered): ask for them once, and read the page again if any is a name.
   */
  function learn(a: Active): void {
    const m = a.matcher as Partial<PartMatcher>;
    if (a.learning || !deps.moreIndex || !m.takeMissed || !m.extend) return;
    const words = m.takeMissed();
    if (!words.length) return;
    a.learning = true;
    deps.moreIndex(words).then(
      guard((part: IndexPart | null) => {
        a.learning = false;
        if (a !== active || !part || !part.keys) return;
        m.extend!(part);
        a.annotator.readAgain();
      }),
      (e: unknown) => {
        a.learning = false;
        onError(e);
      },
    );
  }

  function begin(matcher: PageMatcher): void {
    const painter = new LedgerPainter(win, { onError });
    // Ranges come near in batches as the browser reports on their elements (Painter registers those at once).
    // Ranges found in an element already counted near wait here. During the first walk: the first batch at
    // once, the last when the walk is done, and in between at most once a second and only once as many wait
    // as are registered. Each change makes the browser rebuild its marks for every registered range (~7 µs a
    // range) and repaint a few screens, so a long walk costs a few growing batches, not one per slice. After
    // it (text the page changes), at the end of each slice while no more than LINGER_LIMIT are registered.
    let flushedAt = -Infinity;
    const slicer = new Slicer({
      win, onError,
      beforeSlice: () => painter.sync(),
      afterSlice: (idle) => {
        if (!painter.dirty) return;
        const now = perf.now();
        const waiting = painter.pendingCount;
        const registered = painter.count();
        const few = a.annotator.painted && registered + waiting <= LINGER_LIMIT;
        if (idle || flushedAt === -Infinity || few || (now - flushedAt >= 1000 && waiting >= registered)) {
          painter.flush();
          flushedAt = now;
        }
      },
    });
    const a: Active = {
      matcher,
      learning: false,
      painter,
      slicer,
      annotator: null as unknown as Annotator,
      hover: null as unknown as HoverController,
      ui: null,
      uiLoading: null,
      timer: 0,
      seq: 0,
      navAt: null,
      focusFor: null,
      focusBack: null,
    };
    a.annotator = new Annotator({
      doc, win, matcher, painter, slicer, shows, firstOnly: settings!.firstOnly,
      onShadowRoot: (root) => painter.addShadowRoot(root),
      onPainted: (mentions) => slicer.afterThisSlice(() => painted(a, mentions)),
      onNavigate: guard(() => {
        a.hover.closeNow();
        readDate();
        a.annotator.restart();
      }),
    });
    a.hover = new HoverController({
      win,
      guard,
      restMs: deps.restMs,
      graceMs: deps.graceMs,
      hitTest: (x, y) => a.annotator.mentionAt(x, y),
      inCard: (target) => a.ui?.contains(target) ?? false,
      open: (hit, pointer, via) => {
        if (via === 'tap') takeFocus(a, hit.painted);
        else if (via === 'rest') a.focusFor = null;
        void openCard(a, hit, pointer);
      },
      prefetch: (hit, pointer) => void prepareCard(a, hit, pointer),
      close: () => closeCard(a),
    });
    painter.show(settings!.kinds);
    // A page script may delete our highlights from the shared registry; put them back cheaply now and then.
    // A page that ran document.open() has a new root element and none of our listeners: hovering must work again
    // as soon as it has rewritten itself (watching only the document's own children costs nothing otherwise).
    let root = doc.documentElement;
    a.rootWatch = new win.MutationObserver(guard(() => {
      if (doc.documentElement === root) return;
      root = doc.documentElement;
      a.hover.rebind();
    }));
    a.rootWatch.observe(doc, { childList: true });
    a.timer = win.setInterval(guard(() => {
      painter.sync();
      painter.sweep();
      a.annotator.checkLateShadowRoots();
      if (a.annotator.painted) learn(a);
    }), 2000);
    active = a;
    a.annotator.start();
  }

  function deactivate(): void {
    loading = null;
    const a = active;
    if (!a) return;
    active = null;
    win.clearInterval(a.timer);
    safe(() => a.rootWatch?.disconnect());
    safe(() => a.hover.destroy());
    safe(() => a.annotator.destroy());
    safe(() => a.slicer.destroy());
    safe(() => a.painter.destroy());
    safe(() => a.ui?.destroy());
  }

  let watching = false;
  /** Follows settings changes from now on, and catches up on any made since they were first read. */
  function watch(): void {
    if (watching || destroyed) return;
    watching = true;
    try {
      cleanups.push(deps.watchSettings(guard(apply)));
    } catch (e) {
      onError(e);
      return;
    }
    const seen = JSON.stringify(settings);
    deps.loadSettings().then(
      guard((s: Settings) => {
        if (JSON.stringify(s) !== seen) apply(s);
      }),
      onError,
    );
  }

  function painted(a: Active, mentions: number): void {
    if (a !== active) return;
    a.painter.flush();
    watch();
    learn(a);
    if (!announce) return;
    // "Painted" once the browser has said which of the ranges are near the viewport and those are registered.
    a.painter.whenSettled(guard(() => {
      if (a !== active) return;
      const detail: PaintedDetail = {
        mentions,
        registered: a.painter.count(),
        ms: Math.round((startupMs + a.slicer.stats.busyMs) * 100) / 100,
        longestTaskMs: Math.round(Math.max(startupMs, a.slicer.stats.longestMs) * 100) / 100,
        wallMs: Math.round((perf.now() - t0) * 100) / 100,
      };
      safe(() => {
        perf.mark(`${MARK}painted`);
        perf.measure(`${MARK}paint`, `${MARK}start`, `${MARK}painted`);
      });
      // Detail as a JSON string as well: an object made in the content script's world may not be readable in the page's.
      safe(() => win.dispatchEvent(new win.CustomEvent('backstory:painted', { detail: JSON.stringify(detail) })));
    }));
  }

  /** Card data by entity and date, asked of the background once; a failed answer is forgotten so the next hover asks again. */
  const cards = new Map<string, Promise<Card | null>>();
  function cardData(entity: string): Promise<Card | null> {
    const key = `${entity}\u0000${articleDate().date}`;
    let p = cards.get(key);
    if (!p) {
      // The card says when the date shown is only today's, the page having none.
      p = deps.fetchCard(entity, articleDate().date).then((c) => (c ? { ...c, dateSource: articleDate().source } : c));
      cards.set(key, p);
      p.catch(() => cards.delete(key));
    }
    return p;
  }

  /** The card's UI, loaded and made on first need; null when its code could not be loaded (asked for again next time). */
  function cardUi(a: Active): CardUi | Promise<CardUi | null> {
    if (a.ui) return a.ui;
    a.uiLoading ??= Promise.resolve()
      .then(() => deps.loadCardUi())
      .then((create) => {
        // Taken down, or switched off, while the code loaded.
        if (a !== active) return null;
        // The language is read when a card is drawn: asking the browser for it at start-up makes it set up its i18n bindings before the first mention is painted.
        a.ui ??= create(doc, {
          t: deps.t,
          get language() {
            return deps.language;
          },
          onClose: guard(() => a.hover.closeNow()),
        });
        return a.ui;
      })
      .catch((e: unknown) => {
        a.uiLoading = null;
        onError(e);
        return null;
      });
    return a.uiLoading;
  }

  /** While the pointer comes to rest: fetch the card's data (and, the first time, its code) and draw it unseen, so the rest only has to reveal it. */
  async function prepareCard(a: Active, hit: MentionHit, pointer: { x: number; y: number }): Promise<void> {
    let card: Card | null = null;
    let ui: CardUi | null = null;
    try {
      [card, ui] = await Promise.all([cardData(hit.mention.entity), cardUi(a)]);
    } catch {
      return;
    }
    if (destroyed || a !== active || !card || !ui || ui.open || a.hover.active) return;
    try {
      ui.prepare({ card, match: { text: hit.text, how: hit.mention.how, kind: hit.mention.kind }, anchor: hit.range, pointer, key: hit.painted });
    } catch (e) {
      onError(e);
    }
  }

  async function openCard(a: Active, hit: MentionHit, pointer: { x: number; y: number }): Promise<void> {
    const seq = ++a.seq;
    // A card drawn unseen for this very mention is kept, to be revealed.
    if (a.ui?.open) a.ui.hide();
    let card: Card | null = null;
    let ui: CardUi | null = null;
    try {
      [card, ui] = await Promise.all([cardData(hit.mention.entity), cardUi(a)]);
    } catch (e) {
      onError(e);
      return;
    }
    // A newer hover (or a close) came while the background answered: this one is stale.
    if (destroyed || a !== active || seq !== a.seq || a.hover.active !== hit || !card || !ui) return;
    try {
      ui.show({ card, match: { text: hit.text, how: hit.mention.how, kind: hit.mention.kind }, anchor: hit.range, pointer, key: hit.painted });
    } catch (e) {
      onError(e);
      return;
    }
    if (a.focusFor === hit.painted) {
      a.focusFor = null;
      focusCard(a, hit.painted, 0);
    }
  }

  // ------------------------------------------------- without a pointer: keyboard and touch

  /** The card's host element, if it is on the page (told from a page's look-alike by the card UI itself). */
  function cardHost(a: Active): Element | null {
    // The host is the last child of <html> (it may carry a random tag after HOST_TAG on a hostile page).
    for (let el = doc.documentElement?.lastElementChild ?? null; el; el = el.previousElementSibling) {
      if (el.localName.startsWith(HOST_TAG) && a.ui?.contains(el)) return el;
    }
    return null;
  }

  /** Whether focus is inside the card (focus in a shadow root shows as its host). */
  function cardHasFocus(a: Active): boolean {
    const el = doc.activeElement;
    return !!el && !!a.ui?.contains(el);
  }

  /** The card about to open for `mark` takes focus once shown; remembers what had it, unless the card already does. */
  function takeFocus(a: Active, mark: Mark): void {
    if (!cardHasFocus(a)) a.focusBack = doc.activeElement;
    a.focusFor = mark;
  }

  /**
   * Moves focus into the open card: its first control (the close button), else the dialog itself. The card is
   * revealed once placed (a few microtasks after show), and a hidden element cannot take focus: tried at the
   * next frames until it does. Focus moves without scrolling; screen readers announce the dialog by its label.
   */
  function focusCard(a: Active, mark: Mark, tries: number): void {
    const next = guard(() => {
      if (a !== active || !a.ui?.open || a.hover.active?.painted !== mark) return;
      const dialog = cardHost(a)?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement | null | undefined;
      const target = (dialog?.querySelector('button, [href], [tabindex]') as HTMLElement | null) ?? dialog;
      if (target) {
        target.focus({ preventScroll: true });
        if ((target.getRootNode() as ShadowRoot).activeElement === target) return;
      }
      if (tries < 60) focusCard(a, mark, tries + 1);
    });
    if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(next);
    else win.setTimeout(next, 16);
  }

  /** Hides the card; if focus was in it, puts focus back where it was before the card took it. */
  function closeCard(a: Active): void {
    const hadFocus = cardHasFocus(a);
    const back = a.focusBack;
    a.focusBack = null;
    a.focusFor = null;
    a.ui?.hide();
    if (!hadFocus) return;
    const el = back as (Element & { focus?: (o?: FocusOptions) => void }) | null;
    if (el && el.isConnected && el !== doc.body && typeof el.focus === 'function') el.focus({ preventScroll: true });
    else (doc.activeElement as (Element & { blur?: () => void }) | null)?.blur?.();
  }

  function navigate(direction: Direction): boolean {
    const a = active;
    if (!a) return false;
    const from = a.hover.active?.painted ?? a.navAt;
    const place = step(a.painter.all(), from, direction, { shows, visible: recordVisible, inView: (r, d) => recordInView(win, r, d) });
    if (!place) return false;
    const hit = hitOf(doc, place);
    a.navAt = hit.painted;
    takeFocus(a, hit.painted);
    const el = hit.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    a.hover.openSticky(hit);
    return true;
  }

  function apply(s: Settings): void | Promise<void> {
    const before = settings;
    settings = s;
    const on = siteEnabled(s, host);
    if (!on) return deactivate();
    // Every mention or the first of each: the page is read again under the new choice.
    if (active && before && before.firstOnly !== s.firstOnly) deactivate();
    if (!active) return activate();
    active.painter.show(s.kinds);
    const open = active.hover.active;
    if (open && !s.kinds[open.mention.kind]) active.hover.closeNow();
  }

  async function summary(): Promise<PageSummary> {
    const found = active ? [...active.annotator.visibleEntities()] : [];
    const at = articleDate();
    let names: Record<string, { name: string }> = {};
    if (found.length) {
      try {
        names = await deps.describe(found.map(([id]) => id), at.date);
      } catch (e) {
        onError(e);
      }
    }
    const entities: PageEntity[] = found.map(([id, c]) => ({
      id, kind: c.firstKind === 'person' || c.firstKind === 'organisation' ? c.firstKind : 'country', name: names[id]?.name ?? id, count: c.count, firstKind: c.firstKind,
    }));
    return { url: safe(() => win.location.href) ?? '', date: at.date, dateSource: at.source, entities };
  }

  function reveal(entity: string): boolean {
    const a = active;
    if (!a) return false;
    const hit = a.annotator.firstMentionOf(entity);
    if (!hit) return false;
    const el = hit.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    a.hover.openSticky(hit);
    return true;
  }

  function destroy(): void {
    if (destroyed) return;
    deactivate();
    destroyed = true;
    for (const f of cleanups.splice(0)) safe(f);
  }

  const settled = (async () => {
    try {
      cleanups.push(deps.serveTab({
        summary: () => summary(),
        reveal: ({ entity }) => {
          try {
            return reveal(entity);
          } catch (e) {
            onError(e);
            return false;
          }
        },
        navigate: ({ direction }) => {
          try {
            return navigate(direction === 'previous' ? 'previous' : 'next');
          } catch (e) {
            onError(e);
            return false;
          }
        },
      }));
      const s = await deps.loadSettings();
      if (destroyed) return;
      const start = perf.now();
      const matcherReady = apply(s);
      startupMs = perf.now() - start;
      // While the background answers, follow settings already: there is time to subscribe, and a change must not be lost.
      if (matcherReady) {
        watch();
        await matcherReady;
      }
      // Painting first: subscribing to storage changes costs a few ms the first time. With nothing to paint, at once.
      if (!active) watch();
    } catch (e) {
      onError(e);
    }
  })();

  return { settled, summary, reveal, navigate, destroy };
}
