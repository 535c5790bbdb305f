/**
 * The content script: binds the browser (settings, messaging, i18n, WXT's
 * invalidation signal) to the page side in src/page, which does the work.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import indexJson from '../src/generated/match-index.json';
import { startBackstory } from '../src/page/backstory';
import { createPageMatcher, type MatchIndex } from '../src/matching/index';
import { askBackground, serve, type TabProtocol } from '../src/platform/messages';
import { loadSettings, watchSettings } from '../src/platform/settings';
import { lookupMessage, uiLanguage } from '../src/platform/i18n';
import { cardTranslator } from '../src/ui/card/messages';
import '../src/page/highlight.css';

let language: string | undefined;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    try {
      const app = startBackstory({
        win: window,
        doc: document,
        createMatcher: () => createPageMatcher(indexJson as unknown as MatchIndex),
        describe: async (ids, date) => {
          const described = await askBackground('describe', { entities: ids, date });
          return Object.fromEntries(ids.map((id) => [id, { name: described[id]?.name ?? id }]));
        },
        loadSettings,
        watchSettings,
        fetchCard: (entity, date) => askBackground('card', { entity, date }),
        serveTab: (handlers) => serve<TabProtocol>(handlers),
        t: cardTranslator(lookupMessage),
        // A getter: the card asks when it is first drawn, so a page without cards never calls into the browser for it.
        get language() {
          return (language ??= uiLanguage());
        },
      });
      ctx.onInvalidated(() => app.destroy());
      // WXT notices a dead context (extension reloaded or removed) only when asked; asking now and then lets the old script clean up without waiting for the reader.
      ctx.setInterval(() => undefined, 1000);
    } catch {
      // Never let Backstory's start-up break the page.
    }
  },
});
