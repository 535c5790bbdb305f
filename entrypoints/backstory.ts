/**
 * The content script: binds the browser (settings, messaging, i18n) to the
 * page side in src/page, which does the work.
 *
 * A plain script (WXT's unlisted script; the manifest entry is in
 * wxt.config.ts) rather than WXT's content-script entry: that wrapper starts
 * every page with a window.postMessage and a document event announcing the
 * script (~5 ms of the start-up on a large page, and visible to the page's
 * own scripts). Its one service, noticing that the extension went away, is
 * done here with a once-a-second look at the runtime.
 *
 * It carries no match index: the page's words go to the background, which
 * answers with the part of the index they need, so what every page loads
 * stays the same however much Backstory knows.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startBackstory } from '../src/page/backstory';
import { createPartMatcher, unpackPart } from '../src/matching/index';
import { lookupMessage, uiLanguage } from '../src/platform/i18n';
import { extensionAlive } from '../src/platform/lifetime';
import { askBackground, serve, type TabProtocol } from '../src/platform/messages';
import { loadSettings, watchSettings } from '../src/platform/settings';
import { cardTranslator } from '../src/ui/card/messages';
import { loadCardUi } from '../src/platform/card-code';

let language: string | undefined;

export default defineUnlistedScript(() => {
  try {
    const app = startBackstory({
      win: window,
      doc: document,
      // The index is the background's: it answers with the keys this page's words need (src/matching/sub-index.ts).
      createMatcher: async () => createPartMatcher(unpackPart(await askBackground('index', { text: document.body?.textContent ?? '' }))),
      moreIndex: async (words) => {
        const part = await askBackground('index', { words });
        return part ? unpackPart(part) : null;
      },
      describe: async (ids, date) => {
        const described = await askBackground('describe', { entities: ids, date });
        return Object.fromEntries(ids.map((id) => [id, { name: described[id]?.name ?? id }]));
      },
      loadSettings,
      watchSettings,
      fetchCard: (entity, date) => askBackground('card', { entity, date }),
      loadCardUi,
      serveTab: (handlers) => serve<TabProtocol>(handlers),
      t: cardTranslator(lookupMessage),
      // Marks and a window event for the benchmark and the end-to-end tests, in the bench build only: pages can see them.
      announce: import.meta.env.MODE === 'bench',
      // A getter: the card asks when it is first drawn, so a page without cards never calls into the browser for it.
      get language() {
        return (language ??= uiLanguage());
      },
    });
    // The extension reloaded, updated or removed under an open page: take everything down without waiting for the reader.
    const watch = window.setInterval(() => {
      if (extensionAlive()) return;
      window.clearInterval(watch);
      app.destroy();
    }, 1000);
  } catch {
    // Never let Backstory's start-up break the page.
  }
});
