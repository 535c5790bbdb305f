/**
 * The hover card's strings. The browser's _locales files carry them for every
 * language (keys prefixed card_); these English texts are the fallback when a
 * key is missing there, so a gap never shows as a blank or a key name.
 */
export const CARD_MESSAGES = {
  card_dialog_label: 'Backstory: $1',
  card_close: 'Close',
  card_since: 'since $1',
  card_term: '$1 – $2',
  card_on_date: 'On $1, the article’s date',
  card_on_today: 'On $1, today: no date found on the page',
  card_now: 'now: $1, as of $2',
  card_after_snapshot: 'Backstory knows offices up to $1',
  card_no_role: 'No office on record for this date',
  card_role_former: 'former $1',
  card_role_incoming: 'incoming $1',
  card_role_later: 'later $1',
  card_from: 'from $1',
  card_next_incoming: 'incoming $1, from $2',
  card_next_elect: '$1, from $2',
  card_next_later: 'later $1, from $2',
  card_born: 'born $1',
  card_capital: 'Capital',
  card_head_of_state: 'Head of state',
  card_head_of_government: 'Head of government',
  card_head_of_state_and_government: 'Head of state and government',
  card_foreign_minister: 'Foreign minister',
  card_region: 'Region',
  card_events: 'Related events',
  card_events_before: 'Before the article',
  card_events_after: 'After the article',
  card_wikipedia: 'Wikipedia',
  card_new_tab: '(opens in a new tab)',
  card_unknown: 'not on record',
  card_how_name: '“$1” → $2',
  card_how_alias: '“$1” → $2, another name for them',
  card_how_native: '“$1” → $2, the name in its own script',
  card_how_surname: '“$1” → $2, named in full on this page',
  card_how_demonym: '“$1” → $2, the word for its people',
  card_how_capital: '“$1” → $2, its capital standing for its government',
  card_leaders: "Leaders",
  card_members: "Members ($1)",
  card_member_suspended: "$1 (suspended)",
  card_member_organisations: "Also members: $1",
  card_seat: "Seat",
  card_founded: "Founded",
} as const;

export type CardKey = keyof typeof CARD_MESSAGES;
export type CardTranslate = (key: CardKey, ...subs: (string | number)[]) => string;

function fill(text: string, subs: readonly (string | number)[]): string {
  return text.replace(/\$\$|\$([1-9])/g, (_m, n: string | undefined) => (n ? String(subs[Number(n) - 1] ?? '') : '$'));
}

/**
 * A translator for the card: the browser's messages where it has the key,
 * English otherwise. `lookup` returns '' (as browser.i18n does) for a missing key.
 */
export function cardTranslator(lookup?: (key: string, subs: string[]) => string): CardTranslate {
  return (key, ...subs) => {
    let text = '';
    try {
      text = lookup?.(key, subs.map(String)) ?? '';
    } catch {
      text = '';
    }
    return text || fill(CARD_MESSAGES[key], subs);
  };
}
