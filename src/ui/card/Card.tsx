/**
 * The hover card: who a person is and the office they held on the article's
 * date, or a country's key facts then. Every text comes from the card data as
 * text nodes (Preact escapes it); nothing is ever inserted as HTML.
 */
import type { Card, CountryCard, CountryLeader, EventLine, OrganisationCard, PersonCard, RoleLine } from '../../knowledge/cards';
import type { TrackedRole } from '../../knowledge/schema';
import type { DateSource } from '../../vocabulary';
import type { MatchHow, MentionKind } from '../../matching/types';
import { Fragment, type JSX } from 'preact';
import type { CardKey, CardTranslate } from './messages';
import { formatDate } from '../dates';
import { foldLetters } from '../../matching/text';
import { CJK_COUNTRIES, countryName, flagAlpha2, japaneseFacts } from '../popup/format';
import { officeTitle } from '../popup/role';

/**
 * A person's name as the Japanese press writes it, for a Japanese reader: the
 * katakana form the knowledge has for a foreign leader (the full one, with its
 * middle dot), or the characters of a Chinese or Japanese name; null otherwise.
 */
export function japaneseName(native: readonly string[], country: string | undefined): string | null {
  const kana = native.filter((n) => /\p{Script=Katakana}/u.test(n)).sort((a, b) => b.length - a.length)[0];
  if (kana) return kana;
  if (country && ['JPN', 'CHN', 'TWN', 'HKG', 'MAC'].includes(country)) return native.find((n) => /^[\p{Script=Han}\p{Script=Hiragana}\s]+$/u.test(n)) ?? null;
  return null;
}

export interface CardMatch {
  /** The words on the page: "Suga". */
  text: string;
  how: MatchHow;
  kind: MentionKind;
}

export interface CardProps {
  card: Card;
  match: CardMatch | null;
  t: CardTranslate;
  language: string;
  onClose: () => void;
}

const HOW_KEY: Record<MatchHow, CardKey> = {
  name: 'card_how_name',
  alias: 'card_how_alias',
  native: 'card_how_native',
  surname: 'card_how_surname',
  demonym: 'card_how_demonym',
  capital: 'card_how_capital',
};

export { formatDate };

/** Only web links open from a card; anything else in the data is shown as text. */
function webLink(url: string): string | null {
  return /^https:\/\//i.test(url) ? url : null;
}

/**
 * The article's date (or today's, when the page gives none); after the knowledge's snapshot, also that later changes
 * of office are unknown (a 2026 story must not pass off March's office holders as certain).
 */
function OnDate({ date, asOf, source, t, language }: { date: string; asOf: string; source?: DateSource; t: CardTranslate; language: string }) {
  return (
    <div class="bs-asof" data-testid="backstory-date">
      {t(source === 'today' ? 'card_on_today' : 'card_on_date', formatDate(date, language))}
      {asOf && date > asOf ? <div data-testid="backstory-after-snapshot">{t('card_after_snapshot', formatDate(asOf, language))}</div> : null}
    </div>
  );
}

function Term({ role, t, language }: { role: RoleLine; t: CardTranslate; language: string }) {
  const start = formatDate(role.start, language);
  const text = role.status === 'future' ? t('card_from', start) : role.end === null ? t('card_since', start) : t('card_term', start, formatDate(role.end, language));
  return <div class="bs-term">{text}</div>;
}

/** An office in the reader's language: "Prime Minister of Japan", "former …", "incoming …"; with `withStart`, a future one also says when it starts. */
function roleText(role: RoleLine, t: CardTranslate, language: string, withStart: boolean, country?: string): string {
  // In Japanese the title is built from the office's role and country (米国大統領), as the popup does.
  const title = officeTitle(language, { title: role.title, country: flagAlpha2(role.countryFlag) ?? country });
  if (title !== role.title) role = { ...role, title };
  if (role.status === 'serving') return role.title;
  if (role.status === 'former') return t('card_role_former', role.title);
  // Elected, not yet sworn in: a president is "President-elect" (the title news gives them), anyone else "incoming".
  if (withStart && role.incoming && role.elected && /^President of /.test(role.title)) {
    return t('card_next_elect', role.title.replace(/^President of /, 'President-elect of '), formatDate(role.start, language));
  }
  if (withStart) return t(role.incoming ? 'card_next_incoming' : 'card_next_later', role.title, formatDate(role.start, language));
  return t(role.incoming ? 'card_role_incoming' : 'card_role_later', role.title);
}

function EventList({ events, testid, heading, language }: { events: EventLine[]; testid: string; heading: string; language: string }) {
  if (!events.length) return null;
  return (
    <div data-testid={testid}>
      <h4>{heading}</h4>
      <ul>
        {events.map((e) => (
          <li key={e.id} title={e.summary}>
            <time dateTime={e.start}>{formatDate(e.start, language)}</time>
            <span class="bs-ev-title">{e.title}</span>
            {e.summary ? <div class="bs-ev-summary">{e.summary}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Events before and after the article, each most relevant first, with their summaries on one line. */
function Events({ before, after, t, language }: { before: EventLine[]; after: EventLine[]; t: CardTranslate; language: string }) {
  if (!before.length && !after.length) return null;
  return (
    <section class="bs-events" aria-label={t('card_events')}>
      <h3>{t('card_events')}</h3>
      <EventList events={before} testid="backstory-events-before" heading={t('card_events_before')} language={language} />
      <EventList events={after} testid="backstory-events-after" heading={t('card_events_after')} language={language} />
    </section>
  );
}

/** Why these words matched: only when they are not simply the name itself. */
function Why({ match, name, t }: { match: CardMatch | null; name: string; t: CardTranslate }) {
  if (!match || foldLetters(match.text) === foldLetters(name)) return null;
  return <span class="bs-why" data-testid="backstory-why">{t(HOW_KEY[match.how], match.text, name)}</span>;
}

function WikiLink({ url, t }: { url: string; t: CardTranslate }) {
  const wiki = webLink(url);
  return wiki ? (
    <a href={wiki} target="_blank" rel="noopener noreferrer">
      {t('card_wikipedia')}
      <span class="bs-sr"> {t('card_new_tab')}</span>
    </a>
  ) : null;
}

function Head({ flag, name, sub, subLang, t, onClose, titleId }: {
  flag: string; name: string; sub: string | null; subLang?: string; t: CardTranslate; onClose: () => void; titleId: string;
}) {
  return (
    <div class="bs-head">
      {flag ? <span class="bs-flag" aria-hidden="true">{flag}</span> : null}
      <div class="bs-titles">
        <h2 class="bs-name" id={titleId}>{name}</h2>
        {sub ? <div class="bs-native" lang={subLang}>{sub}</div> : null}
      </div>
      <button type="button" class="bs-close" aria-label={t('card_close')} title={t('card_close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** What every card ends with: its summary, the events before and after the article, why it matched, its link. */
function Tail({ card, match, t, language }: { card: Card; match: CardMatch | null; t: CardTranslate; language: string }) {
  return (
    <>
      {card.kind !== 'country' && card.summary ? <p class="bs-summary">{card.summary}</p> : null}
      <Events before={card.before} after={card.after} t={t} language={language} />
      <div class="bs-foot">
        <Why match={match} name={card.name} t={t} />
        <WikiLink url={card.wikipediaUrl} t={t} />
      </div>
    </>
  );
}

function PersonView({ card, match, t, language, onClose }: CardProps & { card: PersonCard }) {
  const iso = card.country?.iso3;
  // A Japanese reader gets the name as the Japanese press writes it, with the English one below.
  const ja = japaneseFacts(language) ? japaneseName(card.native, iso) : null;
  const native = card.native.filter((n) => n !== ja && !/\p{Script=Katakana}/u.test(n) && (iso !== undefined && CJK_COUNTRIES.has(iso) ? true : !/[\p{Script=Han}\p{Script=Hangul}]/u.test(n)));
  return (
    <>
      <Head flag={card.country?.flag ?? ''} name={ja ?? card.name} sub={ja ? card.name : native.join(' · ') || null} t={t} onClose={onClose} titleId="bs-card-title" />
      <OnDate date={card.date} asOf={card.asOf} source={card.dateSource} t={t} language={language} />
      {card.role ? (
        <div data-testid="backstory-role">
          <div class="bs-role">{roleText(card.role, t, language, false, iso)}</div>
          <Term role={card.role} t={t} language={language} />
        </div>
      ) : (
        <div class="bs-role" data-testid="backstory-role">{t('card_no_role')}</div>
      )}
      {card.next ? <div class="bs-now" data-testid="backstory-next">{roleText(card.next, t, language, true, iso)}</div> : null}
      {card.now ? <div class="bs-now" data-testid="backstory-now">{t('card_now', roleText(card.now, t, language, true, iso), formatDate(card.asOf, language))}</div> : null}
      <div class="bs-sub">
        {[card.country ? `${card.country.flag} ${card.country.name}`.trim() : null, card.born ? t('card_born', card.born) : null].filter(Boolean).join(' · ')}
      </div>
      <Tail card={card} match={match} t={t} language={language} />
    </>
  );
}

const ROLE_KEY: Record<TrackedRole, CardKey> = {
  head_of_state: 'card_head_of_state',
  head_of_government: 'card_head_of_government',
  foreign_minister: 'card_foreign_minister',
};

/** "Head of state and government", "Head of government · Foreign minister". */
function rolesLabel(roles: readonly TrackedRole[], t: CardTranslate): string {
  const both = roles.includes('head_of_state') && roles.includes('head_of_government');
  const rest = both ? roles.filter((r) => r !== 'head_of_state' && r !== 'head_of_government') : roles;
  return [...(both ? [t('card_head_of_state_and_government')] : []), ...rest.map((r) => t(ROLE_KEY[r]))].join(' · ');
}

/** One line per person with all their roles; a head of state or of government no one is on record for says so. */
function Leaders({ leaders, t }: { leaders: CountryLeader[]; t: CardTranslate }) {
  const rows: JSX.Element[] = [];
  const shown = new Set<CountryLeader>();
  for (const role of ['head_of_state', 'head_of_government', 'foreign_minister'] as const) {
    const l = leaders.find((x) => x.roles.includes(role));
    if (l && !shown.has(l)) {
      shown.add(l);
      rows.push(
        <Fragment key={l.id}>
          <dt>{rolesLabel(l.roles, t)}</dt>
          <dd data-testid="backstory-leader">{`${l.name} (${l.titles.join(', ')})`}</dd>
        </Fragment>,
      );
    } else if (!l && role !== 'foreign_minister') {
      rows.push(
        <Fragment key={role}>
          <dt>{t(ROLE_KEY[role])}</dt>
          <dd>{t('card_unknown')}</dd>
        </Fragment>,
      );
    }
  }
  return <>{rows}</>;
}

function CountryView({ card, match, t, language, onClose }: CardProps & { card: CountryCard }) {
  return (
    <>
      <Head
        flag={card.flag}
        name={countryName(language, card.id, card.name)}
        sub={japaneseFacts(language) ? card.name : card.official !== card.name ? card.official : null}
        t={t}
        onClose={onClose}
        titleId="bs-card-title"
      />
      <OnDate date={card.date} asOf={card.asOf} source={card.dateSource} t={t} language={language} />
      <dl class="bs-facts">
        <dt>{t('card_capital')}</dt>
        <dd>{card.capital ?? t('card_unknown')}</dd>
        <Leaders leaders={card.leaders} t={t} />
        <dt>{t('card_region')}</dt>
        <dd>{[card.region, card.subregion].filter(Boolean).join(' · ')}</dd>
      </dl>
      <Tail card={card} match={match} t={t} language={language} />
    </>
  );
}

/** Members by name, suspended ones marked; a long list stays one paragraph that wraps. */
function Members({ card, t }: { card: OrganisationCard; t: CardTranslate }) {
  if (!card.members.length && !card.memberOrganisations.length) return null;
  return (
    <>
      <dt>{t('card_members', card.members.length)}</dt>
      <dd class="bs-members" data-testid="backstory-members">
        {card.members.map((m) => (m.suspended ? t('card_member_suspended', m.name) : m.name)).join(', ')}
        {card.memberOrganisations.length ? <div>{t('card_member_organisations', card.memberOrganisations.join(', '))}</div> : null}
      </dd>
    </>
  );
}

function OrganisationView({ card, match, t, language, onClose }: CardProps & { card: OrganisationCard }) {
  const short = card.acronyms[0];
  return (
    <>
      {/* Its names in Japanese, Chinese and Korean stay out of the head: they find mentions, and would crowd an English card. */}
      <Head flag="" name={card.name} sub={short ?? null} t={t} onClose={onClose} titleId="bs-card-title" />
      <OnDate date={card.date} asOf={card.asOf} source={card.dateSource} t={t} language={language} />
      <dl class="bs-facts">
        {card.leaders.length ? (
          <>
            <dt>{t('card_leaders')}</dt>
            {card.leaders.map((l) => (
              <dd key={`${l.title}|${l.id}`} data-testid="backstory-leader">{`${l.name} (${l.title})`}</dd>
            ))}
          </>
        ) : null}
        <Members card={card} t={t} />
        {card.seat ? (
          <>
            <dt>{t('card_seat')}</dt>
            <dd>{`${card.seat.city}, ${card.seat.flag} ${card.seat.country}`.replace(/\s+/g, ' ')}</dd>
          </>
        ) : null}
        <dt>{t('card_founded')}</dt>
        <dd>{card.founded}</dd>
      </dl>
      <Tail card={card} match={match} t={t} language={language} />
    </>
  );
}

export function CardView(props: CardProps) {
  const { card, t } = props;
  return (
    <div class="bs-card" role="dialog" aria-modal="false" aria-label={t('card_dialog_label', card.name)} data-testid="backstory-card" data-entity={card.id}>
      {card.kind === 'person' ? (
        <PersonView {...props} card={card} />
      ) : card.kind === 'country' ? (
        <CountryView {...props} card={card} />
      ) : (
        <OrganisationView {...props} card={card} />
      )}
    </div>
  );
}
