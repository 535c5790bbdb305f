/** Search results over the whole knowledge file, and the card of the one chosen. Arrow keys move between results. */
import type { TargetedKeyboardEvent } from 'preact';
import type { Card } from '../../knowledge/cards';
import type { SearchFacts } from '../../knowledge/lookup';
import type { SearchHit } from '../../vocabulary';
import { CardView } from './CardView';
import { countryName, formatDate, japaneseFacts } from './format';
import { useLocale } from './i18n';
import { cjkNativeName, NativeName } from './NativeName';
import { roleText } from './role';

export interface SearchPanelProps {
  query: string;
  /** Null while the answer is on its way. */
  hits: SearchHit[] | null;
  date: string;
  card: Card | null;
  onOpen(id: string): void;
  onBack(): void;
  /** Focus returns to the search box from the first result on ArrowUp. */
  onLeaveTop(): void;
}

/** Up and down arrows move between the buttons of a list; Home and End jump to its ends. */
export function moveFocus(e: TargetedKeyboardEvent<HTMLElement>, onLeaveTop?: () => void): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.result')];
  const i = buttons.indexOf(e.target as HTMLButtonElement);
  if (i < 0) return;
  e.preventDefault();
  if (e.key === 'ArrowUp' && i === 0) return onLeaveTop?.();
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : e.key === 'ArrowDown' ? Math.min(i + 1, buttons.length - 1) : i - 1;
  buttons[next]?.focus();
}

/** One result: in Japanese, a country by its CLDR name, a person with their own-script name beside and the Japanese title. */
function Hit({ hit, onOpen }: { hit: SearchHit; onOpen(id: string): void }) {
  const { t, language } = useLocale();
  const h: SearchFacts = hit;
  const name = h.kind === 'country' ? countryName(language, h.id, h.name) : h.name;
  const native = h.kind === 'person' && japaneseFacts(language) ? cjkNativeName(h.native, h.country) : null;
  // A person out of every office on the date is described by their country.
  const detail = h.role ? roleText(t, language, h.role.status, h.role.office) : h.kind === 'person' && h.country ? countryName(language, h.country, h.detail) : h.detail;
  return (
    <li>
      <button type="button" class="result" data-entity={h.id} data-testid="search-hit" onClick={() => onOpen(h.id)}>
        <span class="flag" aria-hidden="true">{h.flag}</span>
        <span class="entity-text">
          <span class="entity-name">
            {name}
            {native && <NativeName name={native} country={h.country} />}
          </span>
          {h.detail && <span class="entity-detail">{detail}</span>}
        </span>
      </button>
    </li>
  );
}

export function SearchPanel({ query, hits, date, card, onOpen, onBack, onLeaveTop }: SearchPanelProps) {
  const { t, language } = useLocale();
  if (card) {
    return (
      <section class="search-panel" aria-label={t('popup_search_results')}>
        <button type="button" class="link-button back" onClick={onBack} data-testid="search-back">
          ← {t('popup_back')}
        </button>
        <CardView card={card} onOpen={onOpen} />
      </section>
    );
  }
  return (
    <section class="search-panel" aria-labelledby="results-heading" data-testid="search-results">
      <h2 id="results-heading">{t('popup_search_results')}</h2>
      <p class="muted small">{t('popup_search_date', formatDate(date, language))}</p>
      {hits === null ? (
        <p class="muted" role="status">{t('popup_searching')}</p>
      ) : hits.length === 0 ? (
        <p class="empty" role="status">{t('popup_search_none', query.trim())}</p>
      ) : (
        <ul class="results" onKeyDown={(e) => moveFocus(e, onLeaveTop)}>
          {hits.map((h) => (
            <Hit key={h.id} hit={h} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}
