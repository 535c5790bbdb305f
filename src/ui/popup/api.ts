/**
 * Everything the popup asks of the browser, as one interface: the entrypoint
 * wires it to the extension APIs, unit tests to a stub. Keeps src/ui free of
 * browser.* calls.
 */
import type { Card } from '../../knowledge/cards';
import type { BackgroundProtocol, PageSummary, RelatedEvents, SearchHit } from '../../vocabulary';
import type { Settings } from '../../vocabulary';

export interface TabInfo {
  id: number;
  /** Undefined when the browser hides it: a page the extension has no access to. */
  url: string | undefined;
}

export type Described = BackgroundProtocol['describe']['res'];

export interface PopupApi {
  /** The tab the popup reports on, or null when there is none. */
  tab(): Promise<TabInfo | null>;
  /** Rejects when the tab's content script does not answer. */
  summary(tabId: number): Promise<PageSummary>;
  reveal(tabId: number, entity: string): Promise<boolean>;
  describe(entities: string[], date: string): Promise<Described>;
  related(entities: string[], date: string, counts?: Record<string, number>): Promise<RelatedEvents>;
  search(query: string, date: string): Promise<SearchHit[]>;
  card(entity: string, date: string): Promise<Card | null>;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  watchSettings(onChange: (s: Settings) => void): () => void;
  /** Today's date, YYYY-MM-DD, in the reader's time zone. */
  today(): string;
  /** The reader's language for dates and numbers. */
  language: string;
  /** Reloads the tab, so that a content script injected after the page loaded can read it. */
  reload(tabId: number): Promise<void>;
  /** After a mention is revealed: a toolbar popup closes, a full-page popup brings the tab forward. */
  afterReveal(tabId: number): void;
}
