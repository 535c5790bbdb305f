/** "On this page": the people, then the countries, the page names, with the article's date and where it came from. */
import type { EntityFacts } from '../../knowledge/lookup';
import type { PageEntity, PageSummary } from '../../vocabulary';
import type { Described } from './api';
import { countryName, DATE_SOURCE_KEY, formatDate, japaneseFacts } from './format';
import { useLocale } from './i18n';
import { cjkNativeName, NativeName } from './NativeName';
import { roleText } from './role';

export interface PageSectionProps {
  summary: PageSummary;
  described: Described | null;
  onReveal(entity: string): void;
  /** Highlights are off for this page, so the page was not read. */
  highlightsOff: boolean;
}

/** People first, then countries, then organisations; within a kind, the most mentioned first, then by name. */
export function orderEntities(entities: readonly PageEntity[]): PageEntity[] {
  const kindRank = (e: PageEntity) => (e.kind === 'person' ? 0 : e.kind === 'country' ? 1 : 2);
  return [...entities].sort((a, b) => kindRank(a) - kindRank(b) || b.count - a.count || a.name.localeCompare(b.name));
}

export function ArticleDate({ summary }: { summary: PageSummary }) {
  const { t, language } = useLocale();
  return (
    <p class="article-date" data-testid="article-date">
      {t('popup_article_date', formatDate(summary.date, language))}
      <span class="muted"> · {t(DATE_SOURCE_KEY[summary.dateSource])}</span>
    </p>
  );
}

function EntityRow({ entity, described, onReveal }: { entity: PageEntity; described: Described | null; onReveal(id: string): void }) {
  const { t, language } = useLocale();
  const d: EntityFacts | undefined = described?.[entity.id];
  // In Japanese: a country's name from CLDR; a person keeps the knowledge's name, with their own script's beside it.
  const name = entity.kind === 'country' ? countryName(language, entity.id, d?.name ?? entity.name) : d?.name ?? entity.name;
  const native = entity.kind === 'person' && japaneseFacts(language) ? cjkNativeName(d?.native, d?.country) : null;
  const role = d?.office && d.status ? roleText(t, language, d.status, d.office) : d?.role ?? '';
  const detail = entity.kind === 'person' ? role : (d?.leaders ?? []).map((l) => l.name).join(', ');
  const mentions = entity.count === 1 ? t('popup_mentions_one') : t('popup_mentions_other', entity.count);
  return (
    <li>
      <button type="button" class="entity" data-entity={entity.id} data-testid="page-entity" onClick={() => onReveal(entity.id)} title={t('popup_reveal_title')}>
        <span class="flag" aria-hidden="true">{d?.flag ?? ''}</span>
        <span class="entity-text">
          <span class="entity-name">
            {name}
            {native && <NativeName name={native} country={d?.country} />}
          </span>
          {detail && (
            <span class={`entity-detail${d?.status && d.status !== 'serving' ? ' out-of-office' : ''}`} data-testid="entity-role">
              {entity.kind === 'person' ? detail : t('popup_leaders', detail)}
            </span>
          )}
        </span>
        <span class="count" aria-hidden="true" title={mentions}>
          {entity.count}
        </span>
        <span class="visually-hidden">{mentions}</span>
      </button>
    </li>
  );
}

export function PageSection({ summary, described, onReveal, highlightsOff }: PageSectionProps) {
  const { t } = useLocale();
  const ordered = orderEntities(summary.entities);
  const people = ordered.filter((e) => e.kind === 'person');
  const countries = ordered.filter((e) => e.kind === 'country');
  const organisations = ordered.filter((e) => e.kind === 'organisation');
  return (
    <section aria-labelledby="on-page-heading" data-testid="on-this-page">
      <h2 id="on-page-heading">{t('popup_on_this_page')}</h2>
      <ArticleDate summary={summary} />
      {ordered.length === 0 ? (
        highlightsOff ? (
          <p class="empty" data-testid="empty-state" data-state="off">
            {t('popup_empty_off')}
          </p>
        ) : (
          <p class="empty" data-testid="empty-state" data-state="none">
            {t('popup_empty_none')}
          </p>
        )
      ) : (
        <>
          {people.length > 0 && (
            <>
              <h3 id="people-heading">{t('popup_people')}</h3>
              <ul class="entities" aria-labelledby="people-heading">
                {people.map((e) => <EntityRow key={e.id} entity={e} described={described} onReveal={onReveal} />)}
              </ul>
            </>
          )}
          {countries.length > 0 && (
            <>
              <h3 id="countries-heading">{t('popup_countries')}</h3>
              <ul class="entities" aria-labelledby="countries-heading">
                {countries.map((e) => <EntityRow key={e.id} entity={e} described={described} onReveal={onReveal} />)}
              </ul>
            </>
          )}
          {organisations.length > 0 && (
            <>
              <h3 id="organisations-heading">{t('popup_kind_group_organisation')}</h3>
              <ul class="entities" aria-labelledby="organisations-heading" data-testid="page-organisations">
                {organisations.map((e) => <EntityRow key={e.id} entity={e} described={described} onReveal={onReveal} />)}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
