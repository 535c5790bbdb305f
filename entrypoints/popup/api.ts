/** The popup's PopupApi on the real browser: tabs, the content script, the background, storage. */
import browser from 'webextension-polyfill';
import { askBackground, askTab } from '../../src/platform/messages';
import { loadSettings, saveSettings, watchSettings } from '../../src/platform/settings';
import { uiLanguage } from '../../src/platform/i18n';
import type { PopupApi, TabInfo } from '../../src/ui/popup/api';
import { localToday } from '../../src/ui/popup/format';

/** `popup.html?tab=<id>` binds the popup to a tab, so it can be opened as a page (tests, a detached window). */
export function boundTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

async function tabInfo(bound: number | null): Promise<TabInfo | null> {
  if (bound !== null) {
    try {
      const tab = await browser.tabs.get(bound);
      return tab.id === undefined ? null : { id: tab.id, url: tab.url };
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

export function browserApi(search: string): PopupApi {
  const bound = boundTabId(search);
  return {
    tab: () => tabInfo(bound),
    summary: (tabId) => askTab(tabId, 'summary', {}),
    reveal: (tabId, entity) => askTab(tabId, 'reveal', { entity }),
    describe: (entities, date) => askBackground('describe', { entities, date }),
    related: (entities, date, counts) => askBackground('related', { entities, date, counts }),
    search: (query, date) => askBackground('search', { query, date }),
    card: (entity, date) => askBackground('card', { entity, date }),
    loadSettings,
    saveSettings,
    watchSettings,
    today: () => localToday(),
    language: uiLanguage(),
    reload: async (tabId) => {
      await browser.tabs.reload(tabId);
    },
    afterReveal: (tabId) => {
      if (bound === null) {
        // The toolbar popup would cover the card it just opened.
        window.close();
      } else {
        void browser.tabs.update(tabId, { active: true }).catch(() => undefined);
      }
    },
  };
}
