/**
 * The one typed protocol between the extension's parts. Background requests
 * go through runtime messaging; requests to a tab's content script through
 * tabs messaging. Every reply is plain JSON.
 */
import browser from 'webextension-polyfill';
import type { Card, EventLine } from '../knowledge/cards';
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
  related: { req: { entities: string[]; date: string }; res: RelatedEvents };
  search: { req: { query: string; date: string }; res: SearchHit[] };
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

/** Answers the protocol's requests; unknown messages are left for other listeners. Returns an unsubscribe. */
export function serve<P>(handlers: Handlers<P>): () => void {
  const listener = (msg: unknown): Promise<unknown> | undefined => {
    if (!msg || typeof msg !== 'object') return undefined;
    const type = (msg as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as keyof P] as (m: unknown) => unknown;
    return Promise.resolve().then(() => handler(msg));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
