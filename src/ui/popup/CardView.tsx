/**
 * One person's or country's card inside the popup (search results): the same
 * data as the hover card, laid out for the popup's width.
 */
import type { Card, CountryCard, LeaderLine, PersonCard, RoleLine } from '../../knowledge/cards';
import type { MessageKey } from '../../vocabulary';
import { EventList } from './EventList';
import { formatDate } from './format';
import { useLocale } from './i18n';
import { roleText } from './role';

function Term({ role }: { role: RoleLine }) {
  const { t, language } = useLocale();
  const start = formatDate(role.start, language);
  return <span class="muted">{role.end ? t('popup_card_term', start, formatDate(role.end, language)) : t('popup_card_term_since', start)}</span>;
}

function Person({ card }: { card: PersonCard }) {
  const { t, language } = useLocale();
  return (
    <>
      <h3 class="card-name" id="card-heading">
        <span class="flag" aria-hidden="true">{card.country?.flag ?? ''}</span> {card.name}
        {card.native.length > 0 && <span class="native" lang="">{card.native[0]}</span>}
      </h3>
      <dl class="card-facts">
        <dt>{t('popup_card_on_date', formatDate(card.date, language))}</dt>
        <dd data-testid="card-role">
          {card.role ? (
            <>
              {roleText(t, language, card.role.status, card.role)}
              {card.role.acting ? ` ${t('popup_card_acting')}` : ''} <Term role={card.role} />
            </>
          ) : (
            t('popup_card_no_role')
          )}
        </dd>
        {card.now && (
          <>
            <dt>{t('popup_card_as_of', formatDate(card.asOf, language))}</dt>
            <dd>
              {roleText(t, language, card.now.status, card.now)} <Term role={card.now} />
            </dd>
          </>
        )}
        {card.born !== null && (
          <>
            <dt>{t('popup_card_born')}</dt>
            <dd>{card.born}</dd>
          </>
        )}
      </dl>
      {card.summary && <p class="card-summary">{card.summary}</p>}
      <p>
        <a href={card.wikipediaUrl} target="_blank" rel="noreferrer noopener">
          {t('popup_card_wikipedia')}
        </a>
      </p>
    </>
  );
}

function Leader({ line, label, onOpen }: { line: LeaderLine | null; label: MessageKey; onOpen(id: string): void }) {
  const { t } = useLocale();
  if (!line) return null;
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>
        <button type="button" class="link-button" onClick={() => onOpen(line.id)}>
          {line.name}
        </button>
        <span class="muted"> · {line.title}</span>
      </dd>
    </>
  );
}

function Country({ card, onOpen }: { card: CountryCard; onOpen(id: string): void }) {
  const { t, language } = useLocale();
  const hasLeaders = card.headOfState || card.headOfGovernment || card.foreignMinister;
  return (
    <>
      <h3 class="card-name" id="card-heading">
        <span class="flag" aria-hidden="true">{card.flag}</span> {card.name}
      </h3>
      <p class="muted">{[card.official !== card.name ? card.official : '', card.subregion || card.region].filter(Boolean).join(' · ')}</p>
      <dl class="card-facts">
        {card.capital && (
          <>
            <dt>{t('popup_card_capital')}</dt>
            <dd>{card.capital}</dd>
          </>
        )}
        <Leader line={card.headOfState} label="popup_card_head_of_state" onOpen={onOpen} />
        <Leader line={card.headOfGovernment} label="popup_card_head_of_government" onOpen={onOpen} />
        <Leader line={card.foreignMinister} label="popup_card_foreign_minister" onOpen={onOpen} />
      </dl>
      {hasLeaders && <p class="muted small">{t('popup_card_leaders_on', formatDate(card.date, language))}</p>}
    </>
  );
}

export function CardView({ card, onOpen }: { card: Card; onOpen(id: string): void }) {
  const { t } = useLocale();
  return (
    <article class="card" aria-labelledby="card-heading" data-testid="search-card" data-entity={card.id}>
      {card.kind === 'person' ? <Person card={card} /> : <Country card={card} onOpen={onOpen} />}
      {card.events.length > 0 && (
        <>
          <h4 id="card-events-heading">{t('popup_card_events')}</h4>
          <EventList events={card.events} names={{}} labelledBy="card-events-heading" hideParticipants />
        </>
      )}
    </article>
  );
}
