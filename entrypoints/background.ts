import { defineBackground } from 'wxt/utils/define-background';
import knowledgeJson from '../src/generated/knowledge.json';
import indexJson from '../src/generated/match-index.json';
import { indexPart, packPart, textWords, type MatchIndex } from '../src/matching/index';
import type { Knowledge } from '../src/knowledge/model';
import { cardFor } from '../src/knowledge/cards';
import { describeEntities, relatedFor, searchKnowledge } from '../src/knowledge/lookup';
import { browser } from 'wxt/browser';
import { askTab, serve, type BackgroundProtocol, type Message, type MessageSender } from '../src/platform/messages';
import { injectCardCode } from '../src/platform/card-code';
import type { NavigateDirection } from '../src/vocabulary';

const knowledge = knowledgeJson as unknown as Knowledge;
const matchIndex = indexJson as unknown as MatchIndex;
/** A page's text is read up to this length for its first part of the index; words met beyond it are asked for later. */
const MAX_TEXT = 8_000_000;
const MAX_WORDS = 60_000;

// Requests come only from Backstory's own pages and content scripts, but a content script lives beside a
// hostile page: keep every answer well-formed whatever arrives.
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_IDS = 500;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function date(raw: unknown): string {
  return typeof raw === 'string' && DATE.test(raw) ? raw : today();
}

/** Mention counts per entity: whole positive numbers only, at most MAX_IDS of them. */
function counts(raw: unknown): Record<string, number> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Record<string, number> = {};
  for (const [id, n] of Object.entries(raw).slice(0, MAX_IDS)) if (typeof n === 'number' && Number.isFinite(n) && n > 0) out[id] = Math.min(n, 1e6);
  return out;
}

function ids(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string').slice(0, MAX_IDS) : [];
}

function text(raw: unknown, max = 200): string {
  return typeof raw === 'string' ? raw.slice(0, max) : '';
}

/** The part of the index for a page's text and words, packed for the wire; anything malformed counts as nothing. */
function partFor(index: MatchIndex, rawText: unknown, rawWords: unknown) {
  const { words, chars } = textWords(typeof rawText === 'string' ? rawText.slice(0, MAX_TEXT) : '');
  if (Array.isArray(rawWords)) for (const w of rawWords.slice(0, MAX_WORDS)) if (typeof w === 'string' && w.length <= 40) words.add(w);
  return packPart(indexPart(index, words, chars));
}

/** The answers to BackgroundProtocol, over one knowledge file and its match index. */
export function backgroundHandlers(k: Knowledge, index: MatchIndex = matchIndex) {
  return {
    index: (m: Message<BackgroundProtocol, 'index'>) => partFor(index, m.text, m.words),
    card: (m: Message<BackgroundProtocol, 'card'>) => cardFor(k, text(m.entity), date(m.date)),
    describe: (m: Message<BackgroundProtocol, 'describe'>) => describeEntities(k, ids(m.entities), date(m.date)),
    related: (m: Message<BackgroundProtocol, 'related'>) => relatedFor(k, ids(m.entities), date(m.date), counts(m.counts)),
    search: (m: Message<BackgroundProtocol, 'search'>) => searchKnowledge(k, text(m.query), date(m.date)),
    // Only ever into the asking frame itself, and only Backstory's own card code.
    cardCode: (_m: Message<BackgroundProtocol, 'cardCode'>, sender: MessageSender) => injectCardCode(sender),
  };
}

/** The manifest's keyboard commands (wxt.config.ts) and the way each moves through the page's mentions. */
export const NAVIGATE_COMMANDS: Readonly<Record<string, NavigateDirection>> = { 'next-mention': 'next', 'previous-mention': 'previous' };

/**
 * A keyboard command, passed on to the content script of the tab it was pressed in (the listener's tab, else the
 * active tab of the focused window: no permission needed for either). A tab without Backstory (a browser page,
 * a site switched off) just does not answer.
 */
export async function relayCommand(
  command: string,
  tab: { id?: number } | undefined,
  deps: { activeTab: () => Promise<number | undefined>; send: (tabId: number, direction: NavigateDirection) => Promise<unknown> },
): Promise<boolean> {
  const direction = Object.hasOwn(NAVIGATE_COMMANDS, command) ? NAVIGATE_COMMANDS[command] : undefined;
  if (!direction) return false;
  try {
    const id = tab?.id ?? (await deps.activeTab());
    if (id === undefined || id < 0) return false;
    return (await deps.send(id, direction)) === true;
  } catch {
    return false;
  }
}

export default defineBackground(() => {
  serve<BackgroundProtocol>(backgroundHandlers(knowledge));
  browser.commands?.onCommand.addListener((command: string, tab?: { id?: number }) => {
    void relayCommand(command, tab, {
      activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
      send: (tabId, direction) => askTab(tabId, 'navigate', { direction }),
    });
  });
});
