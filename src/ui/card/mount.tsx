/**
 * Puts the card on the page: the one node Backstory adds, a host element with
 * a shadow root, created on first use; the card inside is positioned beside
 * the mention with @floating-ui/dom, always wholly on screen: it goes below or
 * above the mention, whichever has the room, slides sideways to stay inside
 * the viewport, and where even that side is shorter than the card, the card is
 * cut to the room there and its content scrolls.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { HOST_TAG } from '../../page/walk';
import type { Card } from '../../knowledge/cards';
import { CardView, type CardMatch } from './Card';
import type { CardTranslate } from './messages';
import { CARD_CSS } from './styles';

export interface ShowOptions {
  card: Card;
  match: CardMatch | null;
  /** The mention's range on the page. */
  anchor: Range;
  /** Where the pointer is, so a mention broken over two lines gets the card beside the right line. */
  pointer?: { x: number; y: number };
  /** Identifies the mention (the same mention gives the same key): a card prepared for it is shown as it is. */
  key?: unknown;
}

export interface CardUi {
  show(opts: ShowOptions): void;
  /**
   * Draws and places a card unseen, while the pointer is still coming to rest,
   * so that show() for the same mention only has to reveal it. Does nothing
   * while a card is open.
   */
  prepare(opts: ShowOptions): void;
  hide(): void;
  readonly open: boolean;
  /** Whether an event's target is the card (events from inside a shadow root are retargeted to its host). */
  contains(target: EventTarget | null): boolean;
  destroy(): void;
}

/** Space kept between the card and the viewport's edges (CSS px), so its border and shadow stay in view. */
const EDGE = 8;
/** Space between the mention and the card. */
const GAP = 6;

import { pageTheme, type CardTheme } from '../../page/page-theme';

export type { CardTheme };

interface Prepared {
  card: Card;
  key: unknown;
  placed: boolean;
}

/**
 * The host element. A page may define a custom element under Backstory's tag name (to block or restyle its
 * cards): then, or if the element cannot take a shadow root, the host takes a tag no page can know in advance.
 */
function makeHost(doc: Document): HTMLElement {
  const plain = doc.createElement(HOST_TAG);
  let usable = !plain.matches(':defined');
  if (usable) {
    try {
      plain.attachShadow({ mode: 'open' });
    } catch {
      usable = false;
    }
  }
  if (usable) return doc.createElement(HOST_TAG);
  const bytes = new Uint8Array(6);
  (doc.defaultView?.crypto ?? globalThis.crypto).getRandomValues(bytes);
  return doc.createElement(`${HOST_TAG}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`);
}

export interface CardUiOptions {
  t: CardTranslate;
  language: string;
  onClose: () => void;
}

/** What entrypoints/card.ts hands the content script once the background has added it to the frame. */
export type CreateCardUi = (doc: Document, opts: CardUiOptions) => CardUi;

export function createCardUi(doc: Document, opts: CardUiOptions): CardUi {
  let host: HTMLElement | null = null;
  let mountPoint: HTMLElement | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let isOpen = false;
  /** The card drawn by prepare() and not yet shown: what it shows, and whether it has been placed. */
  let prepared: Prepared | null = null;

  function ensureHost(): HTMLElement {
    if (!host) {
      host = makeHost(doc);
      const shadow = host.attachShadow({ mode: 'open' });
      const win = doc.defaultView as (Window & typeof globalThis) | null;
      let adopted = false;
      try {
        // A constructed sheet is not an inline <style>: a page's strict style-src CSP does not block it.
        if (win && 'adoptedStyleSheets' in shadow) {
          const sheet = new win.CSSStyleSheet();
          sheet.replaceSync(CARD_CSS);
          shadow.adoptedStyleSheets = [sheet];
          adopted = true;
        }
      } catch {
        adopted = false;
      }
      if (!adopted) {
        const style = doc.createElement('style');
        style.textContent = CARD_CSS;
        shadow.append(style);
      }
      mountPoint = doc.createElement('div');
      shadow.append(mountPoint);
    }
    // A page that rebuilds <html>'s children may have dropped the host; put it back.
    if (!host.isConnected) doc.documentElement.append(host);
    return host;
  }

  function stopFollowing(): void {
    stopAutoUpdate?.();
    stopAutoUpdate = null;
  }

  /** Renders the card hidden (so it never flashes at the corner of the screen) and returns its element. */
  function draw({ card, match, anchor }: ShowOptions): HTMLElement | null {
    ensureHost();
    stopFollowing();
    render(<CardView card={card} match={match} t={opts.t} language={opts.language} onClose={opts.onClose} />, mountPoint!);
    const floating = mountPoint!.firstElementChild as HTMLElement | null;
    if (floating) {
      floating.style.visibility = 'hidden';
      floating.setAttribute('data-theme', pageTheme(anchor));
    }
    return floating;
  }

  function placer(floating: HTMLElement, { anchor, pointer }: ShowOptions, reveal: boolean) {
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: (anchor.startContainer.parentElement ?? undefined) as Element | undefined,
    };
    const update = (then?: () => void) => {
      // Measured at its natural size: a limit left from an earlier spot would make a short side look
      // big enough and keep the card cut there when the other side could show all of it. Nothing is
      // painted before the limit is set again (placing only waits on microtasks), but measuring at full
      // height loses how far the reader has scrolled inside the card: keep it.
      const scrolled = floating.scrollTop;
      floating.style.removeProperty('--bs-room-width');
      floating.style.removeProperty('--bs-room-height');
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(pointer),
          offset(GAP),
          // Below or above the line, never on it: where neither side holds the whole card, the roomier one.
          flip({ padding: EDGE }),
          shift({ padding: EDGE }),
          // After shift, so the width available is the viewport's rather than what lies right of the mention.
          size({
            padding: EDGE,
            // The room, not the size: the stylesheet keeps the card no bigger than it has to be (styles.ts).
            apply({ availableWidth, availableHeight, elements }) {
              elements.floating.style.setProperty('--bs-room-width', `${Math.max(0, Math.floor(availableWidth))}px`);
              elements.floating.style.setProperty('--bs-room-height', `${Math.max(0, Math.floor(availableHeight))}px`);
            },
          }),
        ],
      })
        .then(({ x, y }) => {
          floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
          floating.scrollTop = scrolled;
          if (reveal) floating.style.visibility = 'visible';
          then?.();
        })
        .catch(() => undefined);
    };
    return { reference, update };
  }

  return {
    get open() {
      return isOpen;
    },
    prepare(o) {
      if (isOpen) return;
      const floating = draw(o);
      if (!floating) return;
      const mine: Prepared = { card: o.card, key: o.key, placed: false };
      prepared = mine;
      placer(floating, o, false).update(() => {
        mine.placed = true;
      });
    },
    show(o) {
      const ready = prepared && prepared.placed && o.key !== undefined && prepared.key === o.key && prepared.card === o.card;
      prepared = null;
      const floating = ready ? (mountPoint!.firstElementChild as HTMLElement | null) : draw(o);
      isOpen = true;
      if (!floating) return;
      // Drawn and placed while the pointer came to rest: show it in this very frame, then follow the page as usual.
      if (ready) floating.style.visibility = 'visible';
      const { reference, update } = placer(floating, o, true);
      stopAutoUpdate = autoUpdate(reference, floating, () => update(), { animationFrame: false });
    },
    hide() {
      stopFollowing();
      if (mountPoint && (isOpen || prepared)) render(null, mountPoint);
      prepared = null;
      isOpen = false;
    },
    contains(target) {
      return !!host && target === host;
    },
    destroy() {
      stopFollowing();
      prepared = null;
      if (mountPoint) render(null, mountPoint);
      host?.remove();
      host = null;
      mountPoint = null;
      isOpen = false;
    },
  };
}
