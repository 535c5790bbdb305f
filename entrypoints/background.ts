import { defineBackground } from 'wxt/utils/define-background';
import knowledgeJson from '../src/generated/knowledge.json';
import type { Knowledge } from '../src/knowledge/model';
import { cardFor } from '../src/knowledge/cards';
import { describeEntities, relatedFor, searchKnowledge } from '../src/knowledge/lookup';
import { serve, type BackgroundProtocol, type Message } from '../src/platform/messages';

const knowledge = knowledgeJson as unknown as Knowledge;

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

/** The answers to BackgroundProtocol, over one knowledge file. */
export function backgroundHandlers(k: Knowledge) {
  return {
    card: (m: Message<BackgroundProtocol, 'card'>) => cardFor(k, text(m.entity), date(m.date)),
    describe: (m: Message<BackgroundProtocol, 'describe'>) => describeEntities(k, ids(m.entities), date(m.date)),
    related: (m: Message<BackgroundProtocol, 'related'>) => relatedFor(k, ids(m.entities), date(m.date), counts(m.counts)),
    search: (m: Message<BackgroundProtocol, 'search'>) => searchKnowledge(k, text(m.query), date(m.date)),
  };
}

export default defineBackground(() => {
  serve<BackgroundProtocol>(backgroundHandlers(knowledge));
});
