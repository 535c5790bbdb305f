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
import type { Card, EventLine } from '../knowledge/cards';
import type { IndexPart } from '../matching/sub-index';
import type { MentionKind } from './settings-schema';

export type DateSource = 'meta' | 'json-ld' | 'time' | 'url' | 'today';

export interface PageEntity {
  id: string;
  kind: 'person' | 'country';
  name: string;
  /** Mentions by kind of mention (a country is also mentioned through demonyms and capitals). */
  count: number;
  firstKind: MentionKind;
}

export interface PageSummary {
  url: string;
  date: string;
  dateSource: DateSource;
  entities: PageEntity[];
}

export interface SearchHit {
  id: string;
  kind: 'person' | 'country';
  name: string;
  flag: string;
  /** A person's office on the date, or a country's capital and region. */
  detail: string;
  /** A person's office behind `detail` and whether they held it on the date. */
  role?: { status: 'serving' | 'former' | 'future'; office: OfficeRef } | null;
}

/** An office as a UI needs it to say "former X" or "later X (from …)" itself. */
export interface OfficeRef {
  title: string;
  start: string;
  end: string | null;
}

/** A page entity in one line: a person's office on the date, a country's leaders then. */
export interface EntityLine {
  name: string;
  /** The person's office on the date ("former …" / "later …" when out of office then); null for a country. */
  role: string | null;
  status: 'serving' | 'former' | 'future' | null;
  /** The office behind `role`, for a UI that words "former …" in its own language. */
  office: OfficeRef | null;
  /** The person's country's flag, or the country's own. */
  flag: string;
  /** A country's head of state and of government on the date (one name when the same person). */
  leaders: { name: string; title: string }[];
}

export interface RelatedEvents {
  before: EventLine[];
  after: EventLine[];
  names: Record<string, string>;
}

/** Requests answered by the background, with their replies. */
export interface BackgroundProtocol {
  card: { req: { entity: string; date: string }; res: Card | null };
  describe: { req: { entities: string[]; date: string }; res: Record<string, EntityLine> };
  /** counts: the page's mentions per entity, which weigh the ranking. */
  related: { req: { entities: string[]; date: string; counts?: Record<string, number> }; res: RelatedEvents };
  search: { req: { query: string; date: string }; res: SearchHit[] };
  /** The part of the match index for a page's text, or for words it showed later (see src/matching/sub-index.ts). */
  index: { req: { text?: string; words?: string[] }; res: IndexPart };
}

/** Requests answered by a tab's content script. */
export interface TabProtocol {
  summary: { req: Record<string, never>; res: PageSummary };
  reveal: { req: { entity: string }; res: boolean };
}

export type Message<P, K extends keyof P> = { type: K } & (P[K] extends { req: infer R } ? R : never);
type Res<P, K extends keyof P> = P[K] extends { res: infer R } ? R : never;

export function askBackground<K extends keyof BackgroundProtocol>(type: K, req: BackgroundProtocol[K]['req']): Promise<Res<BackgroundProtocol, K>> {
  return browser.runtime.sendMessage({ type, ...req }) as Promise<Res<BackgroundProtocol, K>>;
}

export function askTab<K extends keyof TabProtocol>(tabId: number, type: K, req: TabProtocol[K]['req']): Promise<Res<TabProtocol, K>> {
  return browser.tabs.sendMessage(tabId, { type, ...req }) as Promise<Res<TabProtocol, K>>;
}

type Handlers<P> = { [K in keyof P]: (msg: Message<P, K>) => Res<P, K> | Promise<Res<P, K>> };

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
  return (msg, _sender, sendResponse) => {
    if (!msg || typeof msg !== 'object') return false;
    const type = (msg as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
    const handler = handlers[type as keyof P] as (m: unknown) => unknown;
    let result: unknown;
    try {
      result = handler(msg);
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
