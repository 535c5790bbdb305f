/**
 * The hover card: who a person is and the office they held on the article's
 * date, or a country's key facts then. Every text comes from the card data as
 * text nodes (Preact escapes it); nothing is ever inserted as HTML.
 */
import type { Card, CountryCard, EventLine, LeaderLine, PersonCard, RoleLine } from '../../knowledge/cards';
import type { MatchHow, MentionKind } from '../../matching/types';
import type { CardKey, CardTranslate } from './messages';
import { formatDate } from '../dates';

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

/** The article's date; after the knowledge's snapshot, also that later changes of office are unknown (a 2026 story must not pass off March's office holders as certain). */
function OnDate({ date, asOf, t, language }: { date: string; asOf: string; t: CardTranslate; language: string }) {
  return (
    <div class="bs-asof">
      {t('card_on_date', formatDate(date, language))}
      {asOf && date > asOf ? <div data-testid="backstory-after-snapshot">{t('card_after_snapshot', formatDate(asOf, language))}</div> : null}
    </div>
  );
}

function Term({ role, t, language }: { role: RoleLine; t: CardTranslate; language: string }) {
  const start = formatDate(role.start, language);
  const text = role.end === null ? t('card_since', start) : t('card_term', start, formatDate(role.end, language));
  return <div class="bs-term">{text}</div>;
}

function Events({ events, t, language }: { events: EventLine[]; t: CardTranslate; language: string }) {
  if (!events.length) return null;
  return (
    <section class="bs-events" aria-label={t('card_events')}>
      <h3>{t('card_events')}</h3>
      <ul>
        {events.slice(0, 3).map((e) => (
          <li key={e.id} title={e.summary}>
            <time dateTime={e.start}>{formatDate(e.start, language)}</time>
            <span>{e.title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Why({ match, name, t }: { match: CardMatch | null; name: string; t: CardTranslate }) {
  if (!match) return null;
  return <span class="bs-why" data-testid="backstory-why">{t(HOW_KEY[match.how], match.text, name)}</span>;
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

function PersonView({ card, match, t, language, onClose }: CardProps & { card: PersonCard }) {
  const wiki = webLink(card.wikipediaUrl);
  return (
    <>
      <Head flag={card.country?.flag ?? ''} name={card.name} sub={card.native.join(' · ') || null} t={t} onClose={onClose} titleId="bs-card-title" />
      <OnDate date={card.date} asOf={card.asOf} t={t} language={language} />
      {card.role ? (
        <div data-testid="backstory-role">
          <div class="bs-role">{card.role.label}</div>
          <Term role={card.role} t={t} language={language} />
        </div>
      ) : (
        <div class="bs-role" data-testid="backstory-role">{t('card_no_role')}</div>
      )}
      {card.now ? <div class="bs-now" data-testid="backstory-now">{t('card_now', card.now.label, formatDate(card.asOf, language))}</div> : null}
      <div class="bs-sub">
        {[card.country ? `${card.country.flag} ${card.country.name}`.trim() : null, card.born ? t('card_born', card.born) : null].filter(Boolean).join(' · ')}
      </div>
      {card.summary ? <p class="bs-summary">{card.summary}</p> : null}
      <Events events={card.events} t={t} language={language} />
      <div class="bs-foot">
        <Why match={match} name={card.name} t={t} />
        {wiki ? (
          <a href={wiki} target="_blank" rel="noopener noreferrer">
            {t('card_wikipedia')}
            <span class="bs-sr"> {t('card_new_tab')}</span>
          </a>
        ) : null}
      </div>
    </>
  );
}

function Leader({ label, leader, t }: { label: string; leader: LeaderLine | null; t: CardTranslate }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{leader ? `${leader.name} (${leader.title})` : t('card_unknown')}</dd>
    </>
  );
}

function CountryView({ card, match, t, language, onClose }: CardProps & { card: CountryCard }) {
  return (
    <>
      <Head flag={card.flag} name={card.name} sub={card.official !== card.name ? card.official : null} t={t} onClose={onClose} titleId="bs-card-title" />
      <OnDate date={card.date} asOf={card.asOf} t={t} language={language} />
      <dl class="bs-facts">
        <dt>{t('card_capital')}</dt>
        <dd>{card.capital ?? t('card_unknown')}</dd>
        <Leader label={t('card_head_of_state')} leader={card.headOfState} t={t} />
        <Leader label={t('card_head_of_government')} leader={card.headOfGovernment} t={t} />
        {card.foreignMinister ? <Leader label={t('card_foreign_minister')} leader={card.foreignMinister} t={t} /> : null}
        <dt>{t('card_region')}</dt>
        <dd>{[card.region, card.subregion].filter(Boolean).join(' · ')}</dd>
      </dl>
      <Events events={card.events} t={t} language={language} />
      <div class="bs-foot">
        <Why match={match} name={card.name} t={t} />
      </div>
    </>
  );
}

export function CardView(props: CardProps) {
  const { card, t } = props;
  return (
    <div class="bs-card" role="dialog" aria-modal="false" aria-label={t('card_dialog_label', card.name)} data-testid="backstory-card" data-entity={card.id}>
      {card.kind === 'person' ? <PersonView {...props} card={card} /> : <CountryView {...props} card={card} />}
    </div>
  );
}
