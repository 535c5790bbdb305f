/**
 * The one typed protocol between the extension's parts. Background requests
 * go through runtime messaging; requests to a tab's content script through
 * tabs messaging. Every reply is plain JSON.
 *
 * The browser's own promise-based API (wxt/browser), not webextension-polyfill:
 * the content script imports this module, and the polyfill's set-up cost ~4 ms
 * on every page load.
 */
import { browser } from 'wxt/browser';
import type { DateSource, PageEntity, PageSummary, SearchHit, OfficeRef, EntityLine, RelatedEvents, BackgroundProtocol, TabProtocol, Message } from '../vocabulary';

export type { DateSource, PageEntity, PageSummary, SearchHit, OfficeRef, EntityLine, RelatedEvents, BackgroundProtocol, TabProtocol, Message };

type Res<P, K extends keyof P> = P[K] extends { res: infer R } ? R : never;

export function askBackground<K extends keyof BackgroundProtocol>(type: K, req: BackgroundProtocol[K]['req']): Promise<Res<BackgroundProtocol, K>> {
  return browser.runtime.sendMessage({ type, ...req }) as Promise<Res<BackgroundProtocol, K>>;
}

export function askTab<K extends keyof TabProtocol>(tabId: number, type: K, req: TabProtocol[K]['req']): Promise<Res<TabProtocol, K>> {
  return browser.tabs.sendMessage(tabId, { type, ...req }) as Promise<Res<TabProtocol, K>>;
}

/** Who sent a runtime message: the tab and frame of a content script (absent for the popup). */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
}

type Handlers<P> = { [K in keyof P]: (msg: Message<P, K>, sender: MessageSender) => Res<P, K> | Promise<Res<P, K>> };

/** How runtime.onMessage calls a listener in Chromium and Firefox alike. */
type MessageListener = (msg: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

/**
 * The protocol's answers as a runtime.onMessage listener. It replies through
 * sendResponse and returns true: Chromium does not reliably honour a Promise
 * returned by a listener (the asker can get "message port closed" instead of
 * the answer), while sendResponse works natively in both browsers and under
 * the polyfill. Messages it does not handle return false so that other
 * listeners may answer them.
 */
function messageListener<P>(handlers: Handlers<P>): MessageListener {
  return (msg, sender, sendResponse) => {
    if (!msg || typeof msg !== 'object') return false;
    const type = (msg as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
    const handler = handlers[type as keyof P] as (m: unknown, s: MessageSender) => unknown;
    let result: unknown;
    try {
      result = handler(msg, (sender ?? {}) as MessageSender);
    } catch {
      // Not keeping the channel open makes the asker's promise reject now rather than wait for a reply that will not come.
      return false;
    }
    Promise.resolve(result).then(
      (reply) => {
        try {
          sendResponse(reply);
        } catch {
          // The asker is gone (tab closed, popup shut) or the reply cannot be cloned: nobody is left to tell.
        }
      },
      () => {
        // No reply: the asker's promise rejects when the browser closes the unanswered channel. Nothing reaches the page.
      },
    );
    return true;
  };
}

/** Answers the protocol's requests; unknown messages are left for other listeners. Returns an unsubscribe. */
export function serve<P>(handlers: Handlers<P>): () => void {
  const listener = messageListener(handlers);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
