/** "Related events": the knowledge's events around the page's people and countries, split at the article's date. */
import type { RelatedEvents } from '../../vocabulary';
import { EventList } from './EventList';
import { useLocale } from './i18n';

export function RelatedSection({ related, onPage }: { related: RelatedEvents | null; onPage: ReadonlySet<string> }) {
  const { t } = useLocale();
  if (!related) return null;
  const none = related.before.length === 0 && related.after.length === 0;
  return (
    <section aria-labelledby="related-heading" data-testid="related-events">
      <h2 id="related-heading">{t('popup_related')}</h2>
      {none ? (
        <p class="empty">{t('popup_no_related')}</p>
      ) : (
        <>
          {related.before.length > 0 && (
            <>
              <h3 id="before-heading">{t('popup_before')}</h3>
              <EventList events={related.before} names={related.names} onPage={onPage} initial={4} testId="events-before" labelledBy="before-heading" />
            </>
          )}
          {related.after.length > 0 && (
            <>
              <h3 id="after-heading">{t('popup_after')}</h3>
              <EventList events={related.after} names={related.names} onPage={onPage} initial={4} testId="events-after" labelledBy="after-heading" />
            </>
          )}
        </>
      )}
    </section>
  );
}
