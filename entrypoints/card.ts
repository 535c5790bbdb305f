/**
 * The card's code: Preact, Floating UI and the card's views, about a third of
 * what the content script would otherwise be. Not part of any page's start-up:
 * the first time a card is about to open in a frame, the content script asks
 * the background, which adds this script to that frame's isolated world
 * (scripting.executeScript; tabs.executeScript in Firefox). Nothing is
 * web-accessible, so no page can fetch or probe for it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCardUi } from '../src/ui/card/mount';
import { CARD_UI_SLOT } from '../src/vocabulary';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_UI_SLOT] = createCardUi;
});
