import { defineBackground } from 'wxt/utils/define-background';
import knowledgeJson from '../src/generated/knowledge.json';
import type { Knowledge } from '../src/knowledge/model';
import { cardFor } from '../src/knowledge/cards';
import { describeEntities, relatedFor, searchKnowledge } from '../src/knowledge/lookup';
import { serve, type BackgroundProtocol } from '../src/platform/messages';

const knowledge = knowledgeJson as unknown as Knowledge;

export default defineBackground(() => {
  serve<BackgroundProtocol>({
    card: ({ entity, date }) => cardFor(knowledge, entity, date),
    describe: ({ entities, date }) => describeEntities(knowledge, entities, date),
    related: ({ entities, date }) => relatedFor(knowledge, entities, date),
    search: ({ query, date }) => searchKnowledge(knowledge, query, date),
  });
});
