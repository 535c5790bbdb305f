/** Events, one per item: date, title, who and which countries took part (the page's own in bold), and the source. */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EventLine } from '../../knowledge/cards';
import { countryName, formatRange, isWebLink, sourceHost } from './format';
import { useLocale } from './i18n';

export interface EventListProps {
  events: readonly EventLine[];
  names: Record<string, string>;
  /** Entity ids named on the page, shown in bold among the participants. */
  onPage?: ReadonlySet<string>;
  /** How many to show before "Show more". */
  initial?: number;
  testId?: string;
  labelledBy?: string;
  /** For lists without names for the participants' ids (a card's events). */
  hideParticipants?: boolean;
}

/** People by the knowledge's names; countries (`countries`: the ids are ISO3 codes) by their names in the reader's language. */
function Participants({ ids, names, onPage, countries = false }: { ids: readonly string[]; names: Record<string, string>; onPage: ReadonlySet<string>; countries?: boolean }) {
  const { language } = useLocale();
  return (
    <>
      {ids.map((id, i) => {
        const name = countries ? countryName(language, id, names[id] ?? id) : names[id] ?? id;
        return (
          <Fragment key={id}>
            {i > 0 && ', '}
            {onPage.has(id) ? <strong>{name}</strong> : name}
          </Fragment>
        );
      })}
    </>
  );
}

/** Most participants to name; a summit of twenty countries names the page's own and a few more. */
export const MAX_PARTICIPANTS = 8;

/** The participants to name: the page's own first (in the event's order), then others, up to the limit. */
export function pickParticipants(event: EventLine, onPage: ReadonlySet<string>, max = MAX_PARTICIPANTS): { people: string[]; countries: string[]; more: number } {
  const all = [...event.people, ...event.countries];
  // "and 1 more" saves nothing: shorten only when it hides a few.
  if (all.length <= max + 2) return { people: event.people, countries: event.countries, more: 0 };
  const kept = new Set([...all.filter((id) => onPage.has(id)), ...all.filter((id) => !onPage.has(id))].slice(0, Math.max(max, 1)));
  return { people: event.people.filter((id) => kept.has(id)), countries: event.countries.filter((id) => kept.has(id)), more: all.length - kept.size };
}

function Who({ event, names, onPage }: { event: EventLine; names: Record<string, string>; onPage: ReadonlySet<string> }) {
  const { t } = useLocale();
  const { people, countries, more } = pickParticipants(event, onPage);
  return (
    <span class="event-who">
      <Participants ids={people} names={names} onPage={onPage} />
      {people.length > 0 && countries.length > 0 && ' · '}
      <Participants ids={countries} names={names} onPage={onPage} countries />
      {more > 0 && ` ${t('popup_more_participants', more)}`}
    </span>
  );
}

export function EventItem({ event, names, onPage, hideParticipants = false }: { event: EventLine; names: Record<string, string>; onPage: ReadonlySet<string>; hideParticipants?: boolean }) {
  const { t, language } = useLocale();
  return (
    <li class="event" data-testid="event" data-event={event.id} tabIndex={-1}>
      <time class="event-date" dateTime={event.start}>
        {formatRange(event.start, event.end, language)}
      </time>
      <span class="event-title">{event.title}</span>
      {!hideParticipants && (event.people.length > 0 || event.countries.length > 0) && <Who event={event} names={names} onPage={onPage} />}
      {event.source && (
        <span class="event-source">
          {isWebLink(event.source) ? (
            <a href={event.source} target="_blank" rel="noreferrer noopener">
              {t('popup_source', sourceHost(event.source))}
            </a>
          ) : (
            t('popup_source', event.source)
          )}
        </span>
      )}
    </li>
  );
}

export function EventList({ events, names, onPage = new Set(), initial = Infinity, testId, labelledBy, hideParticipants }: EventListProps) {
  const { t } = useLocale();
  const [all, setAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const shown = all ? events : events.slice(0, initial);
  const hidden = events.length - shown.length;
  // The "Show more" button goes away when pressed: keep the keyboard user's place at the first new event.
  const expanded = useRef(false);
  useEffect(() => {
    if (!all || expanded.current) return;
    expanded.current = true;
    const first = list.current?.children[initial] as HTMLElement | undefined;
    first?.focus();
  }, [all, initial]);
  return (
    <>
      <ul class="events" data-testid={testId} aria-labelledby={labelledBy} ref={list}>
        {shown.map((e) => <EventItem key={e.id} event={e} names={names} onPage={onPage} hideParticipants={hideParticipants} />)}
      </ul>
      {hidden > 0 && (
        <button type="button" class="link-button" onClick={() => setAll(true)}>
          {t('popup_show_more', hidden)}
        </button>
      )}
    </>
  );
}
