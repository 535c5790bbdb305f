/**
 * The card's code, on both sides of the messaging: the content script asks for
 * it once (loadCardUi), and the background adds entrypoints/card.ts to the
 * asking frame only (injectCardCode).
 */
import { browser } from 'wxt/browser';
import type { CreateCardUi } from '../ui/card/mount';
import { CARD_FILE, CARD_UI_SLOT } from '../vocabulary';
import { askBackground, type MessageSender } from './messages';


export async function loadCardUi(): Promise<CreateCardUi> {
  const slot = globalThis as Record<string, unknown>;
  if (typeof slot[CARD_UI_SLOT] !== 'function') await askBackground('cardCode', {});
  const create = slot[CARD_UI_SLOT];
  if (typeof create !== 'function') throw new Error('Backstory: the card code did not load');
  return create as CreateCardUi;
}

interface Scripting {
  executeScript(o: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown>;
}

/** Runs card.js in the sender's own frame: chrome.scripting in Chromium (MV3), tabs.executeScript in Firefox (MV2, no extra permission). */
export async function injectCardCode(sender: MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined || tabId < 0) return false;
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  if (scripting?.executeScript) await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_FILE] });
  else await (browser.tabs as unknown as { executeScript(t: number, o: { file: string; frameId: number }): Promise<unknown> }).executeScript(tabId, { file: `/${CARD_FILE}`, frameId });
  return true;
}
