/** The matching engine: pure TypeScript, no DOM, used by the content script and the annotate command. */
export { createPageMatcher, createPartMatcher } from './matcher';
export { indexPart, indexPartForText, packPart, textWords, unpackPart, type IndexPart, type PackedPart } from './sub-index';
export type { MatchIndex } from './format';
export type { Mention, MatchHow, MentionKind, PageMatcher, PartMatcher } from './types';
