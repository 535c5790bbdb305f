/**
 * One person's or country's card inside the popup (search results): the same
 * data as the hover card, laid out for the popup's width.
 */
import type { Card, CountryCard, LeaderLine, OrganisationCard, PersonCard, RoleLine } from '../../knowledge/cards';
import type { OfficeRole } from '../../knowledge/schema';
import type { MessageKey } from '../../vocabulary';
import { EventList } from './EventList';
import { countryName, flagAlpha2, formatDate } from './format';
import { useLocale } from './i18n';
import { NativeName } from './NativeName';
import { officeTitle, rolesFromTitle, roleText } from './role';

/** A card's office line as the title template needs it: the country from its flag (the office's own country). */
function office(role: RoleLine, person: PersonCard) {
  return { title: role.title, start: role.start, country: flagAlpha2(role.countryFlag) ?? person.country?.iso3 };
}

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
        {card.native[0] && <NativeName name={card.native[0]} country={card.country?.iso3} />}
      </h3>
      <dl class="card-facts">
        <dt>{t('popup_card_on_date', formatDate(card.date, language))}</dt>
        <dd data-testid="card-role">
          {card.role ? (
            <>
              {roleText(t, language, card.role.status, office(card.role, card))}
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
              {roleText(t, language, card.now.status, office(card.now, card))} <Term role={card.now} />
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
      <WikipediaLink href={card.wikipediaUrl} />
    </>
  );
}

/** One of a country's leaders; the line's role is the card's slot, and what the title says (the US president heads its government too). */
function Leader({ line, label, role, country, onOpen }: { line: LeaderLine | null; label: MessageKey; role: OfficeRole; country: string; onOpen(id: string): void }) {
  const { t, language } = useLocale();
  if (!line) return null;
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>
        <button type="button" class="link-button" onClick={() => onOpen(line.id)}>
          {line.name}
        </button>
        <span class="muted"> · {officeTitle(language, { title: line.title, roles: [role, ...rolesFromTitle(line.title)], country })}</span>
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
        <span class="flag" aria-hidden="true">{card.flag}</span> {countryName(language, card.id, card.name)}
      </h3>
      <p class="muted">{[card.official !== card.name ? card.official : '', card.subregion || card.region].filter(Boolean).join(' · ')}</p>
      <dl class="card-facts">
        {card.capital && (
          <>
            <dt>{t('popup_card_capital')}</dt>
            <dd>{card.capital}</dd>
          </>
        )}
        <Leader line={card.headOfState} label="popup_card_head_of_state" role="head_of_state" country={card.id} onOpen={onOpen} />
        <Leader line={card.headOfGovernment} label="popup_card_head_of_government" role="head_of_government" country={card.id} onOpen={onOpen} />
        <Leader line={card.foreignMinister} label="popup_card_foreign_minister" role="foreign_minister" country={card.id} onOpen={onOpen} />
      </dl>
      {hasLeaders && <p class="muted small">{t('popup_card_leaders_on', formatDate(card.date, language))}</p>}
    </>
  );
}

function Organisation({ card, onOpen }: { card: OrganisationCard; onOpen(id: string): void }) {
  const { t, language } = useLocale();
  return (
    <>
      <h3 class="card-name" id="card-heading">
        {card.name}
        {card.acronyms[0] ? <span class="muted"> · {card.acronyms[0]}</span> : null}
      </h3>
      {card.summary && <p class="card-summary">{card.summary}</p>}
      <dl class="card-facts">
        {card.leaders.length > 0 && (
          <>
            <dt>{t('popup_card_leaders', formatDate(card.date, language))}</dt>
            {card.leaders.map((l) => (
              <dd key={`${l.title}|${l.id}`}>
                <button type="button" class="link-button" onClick={() => onOpen(l.id)}>
                  {l.name}
                </button>
                <span class="muted"> · {l.title}</span>
              </dd>
            ))}
          </>
        )}
        {card.members.length > 0 && (
          <>
            <dt>{t('popup_card_members', card.members.length)}</dt>
            <dd data-testid="card-members">
              {card.members.map((m, i) => (
                <span key={m.iso3}>
                  {i > 0 ? ', ' : ''}
                  <button type="button" class="link-button" onClick={() => onOpen(m.iso3)}>
                    {countryName(language, m.iso3, m.name)}
                  </button>
                </span>
              ))}
            </dd>
          </>
        )}
        {card.seat && (
          <>
            <dt>{t('popup_card_seat')}</dt>
            <dd>{`${card.seat.city}, ${card.seat.country}`}</dd>
          </>
        )}
        <dt>{t('popup_card_founded')}</dt>
        <dd>{card.founded}</dd>
      </dl>
      <WikipediaLink href={card.wikipediaUrl} />
    </>
  );
}

function WikipediaLink({ href }: { href: string }) {
  const { t } = useLocale();
  return (
    <p>
      <a href={href} target="_blank" rel="noreferrer noopener">
        {t('popup_card_wikipedia')}
      </a>
    </p>
  );
}

export function CardView({ card, onOpen }: { card: Card; onOpen(id: string): void }) {
  const { t } = useLocale();
  return (
    <article class="card" aria-labelledby="card-heading" data-testid="search-card" data-entity={card.id}>
      {card.kind === 'person' ? <Person card={card} /> : card.kind === 'country' ? <Country card={card} onOpen={onOpen} /> : <Organisation card={card} onOpen={onOpen} />}
      {card.events.length > 0 && (
        <>
          <h4 id="card-events-heading">{t('popup_card_events')}</h4>
          <EventList events={card.events} names={{}} labelledBy="card-events-heading" hideParticipants />
        </>
      )}
    </article>
  );
}
