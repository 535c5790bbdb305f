/** The matching engine: pure TypeScript, no DOM, used by the content script and the annotate command. */
export { createPageMatcher } from './matcher';
export type { MatchIndex } from './format';
export type { Mention, MatchHow, MentionKind, PageMatcher } from './types';
