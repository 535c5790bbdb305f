/**
 * The contract between the matching engine (src/matching), the page side
 * (src/page) and the annotate command. Pure data.
 */
import type { MentionKind } from '../vocabulary';
import type { IndexPart } from './sub-index';

export type { MentionKind };

/** How a mention was recognised; the card says it ("named in full on this page"). */
export type MatchHow =
  | 'name' // the entity's main name: "Wang Yi", "Japan"
  | 'alias' // another full name or spelling: "Michael Pompeo", "the U.S.", "Britain"
  | 'native' // own-script name: 王毅
  | 'surname' // a surname alone, the full name elsewhere on the page (earlier, or just below a headline's)
  | 'demonym' // "Chinese"
  | 'capital'; // a capital standing for its government: "Beijing said"

export interface Mention {
  /** UTF-16 offsets into the text given to the matcher. */
  start: number;
  end: number;
  /** Entity id: a person's Wikipedia title or a country's ISO3 code. */
  entity: string;
  kind: MentionKind;
  how: MatchHow;
}

export interface LateMention {
  block: unknown;
  mention: Mention;
  /** The words matched, as written. */
  text: string;
}

/**
 * Matches a page's text block by block, in document order. It remembers what
 * the page named in full so that a later surname alone can be linked; one
 * instance per page.
 */
export interface PageMatcher {
  /**
   * Mentions in one block's text (the text of a block element with its inline descendants joined), sorted and
   * non-overlapping. Read-only: a block without mentions gets a shared empty list. `block` is the caller's
   * handle for this block, given back with the late mentions found in it (see takeLate); without one, none are.
   */
  matchBlock(text: string, block?: unknown): readonly Mention[];
  /**
   * Mentions in earlier blocks (or earlier in this one) that the last matchBlock call made certain: a surname
   * alone written shortly before the person's full name, as in a headline above the story ("Biden seeks unity
   * with Suga" over "President Joe Biden …"). Each comes with the handle given for its block and the text it
   * matched, so a caller can check the page still shows it. Handed out once.
   */
  takeLate(): readonly LateMention[];
  /** Forget what the page named (a single-page app navigated to a new article). */
  reset(): void;
}

/** A page matcher that started from a part of the index (see sub-index.ts) and is given more as the page needs. */
export interface PartMatcher extends PageMatcher {
  /** Takes in a further part of the index; what the page named so far is kept. */
  extend(part: IndexPart): void;
  /** Capitalised words looked up and not found since the last call, each handed out once: a further part may hold keys for them. */
  takeMissed(): string[];
}
