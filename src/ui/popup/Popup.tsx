/**
 * The toolbar popup: the switches at the top (with the legend of the page's
 * highlight colours), then search, what the page names, and related events.
 * Everything comes through `api`, so the same tree runs in the extension and
 * in unit tests.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Card } from '../../knowledge/cards';
import type { PageSummary, RelatedEvents, SearchHit } from '../../vocabulary';
import type { Translate } from '../../vocabulary';
import { siteEnabled, type Settings } from '../../vocabulary';
import type { Described, PopupApi, TabInfo } from './api';
import { LocaleContext, useLocale } from './i18n';
import { pageAccess } from './page-access';
import { PageSection } from './PageSection';
import { RelatedSection } from './RelatedSection';
import { SearchPanel } from './SearchPanel';
import { SettingsSection } from './SettingsSection';

export type PageState =
  /** The tab is known once the browser names it, before its content script answers. */
  | { state: 'loading'; tab?: TabInfo }
  /** The browser lets no extension run here. */
  | { state: 'closed' }
  /** A web page whose content script has not answered (installed after the page loaded, or still loading). */
  | { state: 'not-loaded'; tab: TabInfo }
  | { state: 'ready'; tab: TabInfo; summary: PageSummary };

export interface PopupTiming {
  /** Quiet retries before "not yet loaded" shows, and the pace of retries after. */
  firstRetryMs: number;
  notLoadedAfterMs: number;
  retryMs: number;
  /** The page keeps being read while the popup is open (a long article, a switch turned back on): ask again at this pace. */
  refreshMs: number;
  /** A content script that takes longer than this to answer counts as not answering (a page busy with its own scripts). */
  answerMs: number;
  searchDebounceMs: number;
}

export const DEFAULT_TIMING: PopupTiming = { firstRetryMs: 250, notLoadedAfterMs: 1200, retryMs: 1500, refreshMs: 2000, answerMs: 3000, searchDebounceMs: 120 };

export interface PopupProps {
  api: PopupApi;
  t: Translate;
  timing?: PopupTiming;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer')), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Asks the tab for its summary until it answers, reporting the state as it goes. Returns a cancel. */
function followPage(api: PopupApi, timing: PopupTiming, onState: (s: PageState) => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  void (async () => {
    let tab: TabInfo | null;
    try {
      tab = await api.tab();
    } catch {
      tab = null;
    }
    if (cancelled) return;
    if (!tab || pageAccess(tab.url) === 'closed') return onState({ state: 'closed' });
    const known = tab;
    onState({ state: 'loading', tab: known });
    let last = '';
    const attempt = async (): Promise<void> => {
      try {
        const summary = await withTimeout(api.summary(known.id), timing.answerMs);
        if (cancelled) return;
        const json = JSON.stringify(summary);
        // Only a changed answer re-renders (and re-asks for roles and events).
        if (json !== last) onState({ state: 'ready', tab: { ...known, url: known.url ?? summary.url }, summary });
        last = json;
        timer = setTimeout(() => void attempt(), timing.refreshMs);
        return;
      } catch {
        if (cancelled) return;
      }
      const waited = Date.now() - started;
      if (last || waited >= timing.notLoadedAfterMs) {
        last = '';
        onState({ state: 'not-loaded', tab: known });
      }
      timer = setTimeout(() => void attempt(), waited >= timing.notLoadedAfterMs ? timing.retryMs : timing.firstRetryMs);
    };
    await attempt();
  })();
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

function Status({ page, onReload }: { page: PageState; onReload(): void }) {
  const { t } = useLocale();
  if (page.state === 'loading') {
    return (
      <p class="muted" role="status" data-testid="empty-state" data-state="loading">
        {t('popup_loading')}
      </p>
    );
  }
  if (page.state === 'closed') {
    return (
      <p class="empty" data-testid="empty-state" data-state="closed">
        {t('popup_empty_closed')}
      </p>
    );
  }
  if (page.state === 'not-loaded') {
    return (
      <div class="empty" data-testid="empty-state" data-state="not-loaded">
        <p>{t('popup_empty_not_loaded')}</p>
        <button type="button" class="button" onClick={onReload}>
          {t('popup_reload')}
        </button>
      </div>
    );
  }
  return null;
}

function PopupBody({ api, timing }: { api: PopupApi; timing: PopupTiming }) {
  const { t } = useLocale();
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [described, setDescribed] = useState<Described | null>(null);
  const [related, setRelated] = useState<RelatedEvents | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [card, setCard] = useState<Card | null>(null);
  const [follow, setFollow] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const lastOpened = useRef<string | null>(null);

  useEffect(() => followPage(api, timing, setPage), [api, timing, follow]);

  const summary = page.state === 'ready' ? page.summary : null;
  const ids = useMemo(() => summary?.entities.map((e) => e.id) ?? [], [summary]);
  const onPage = useMemo(() => new Set(ids), [ids]);
  const date = summary?.date ?? api.today();

  useEffect(() => {
    setDescribed(null);
    setRelated(null);
    if (!summary || ids.length === 0) return;
    let live = true;
    api.describe(ids, summary.date).then((d) => live && setDescribed(d), () => undefined);
    api.related(ids, summary.date, Object.fromEntries(summary.entities.map((e) => [e.id, e.count]))).then((r) => live && setRelated(r), () => live && setRelated({ before: [], after: [], names: {} }));
    return () => {
      live = false;
    };
  }, [api, summary, ids]);

  useEffect(() => {
    let live = true;
    api.loadSettings().then((s) => live && setSettings(s));
    const stop = api.watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  useEffect(() => {
    setCard(null);
    if (!query.trim()) {
      setHits(null);
      return;
    }
    setHits(null);
    let live = true;
    const timer = setTimeout(() => {
      api.search(query, date).then((h) => live && setHits(h), () => live && setHits([]));
    }, timing.searchDebounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, date, timing]);

  const changeSettings = useCallback(
    (patch: Partial<Settings>) => {
      // Show the change at once; the storage watcher confirms it, or the error undoes it.
      setSettings((s) => (s ? { ...s, ...patch } : s));
      setSettingsError(null);
      api.saveSettings(patch).catch(async (e: unknown) => {
        setSettingsError(errorText(e));
        setSettings(await api.loadSettings());
      });
    },
    [api],
  );

  const reveal = useCallback(
    (entity: string) => {
      if (page.state !== 'ready') return;
      const tabId = page.tab.id;
      api.reveal(tabId, entity).then(
        () => api.afterReveal(tabId),
        () => setFollow((n) => n + 1),
      );
    },
    [api, page],
  );

  const openCard = useCallback(
    (id: string) => {
      lastOpened.current = id;
      api.card(id, date).then((c) => setCard(c), () => setCard(null));
    },
    [api, date],
  );

  // Focus follows the view: the card's back button when a card opens, the chosen result when it closes.
  useEffect(() => {
    if (card) document.querySelector<HTMLElement>('[data-testid="search-back"]')?.focus();
    else if (lastOpened.current && hits) {
      const id = lastOpened.current;
      [...document.querySelectorAll<HTMLElement>('button.result')].find((b) => b.dataset['entity'] === id)?.focus();
      lastOpened.current = null;
    }
  }, [card, hits]);

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      const first = document.querySelector<HTMLElement>('button.result');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Escape' && query) {
      // Clear the search first; a second Escape closes the popup as usual.
      e.preventDefault();
      setQuery('');
    }
  };

  return (
    <main>
      <header class="top">
        <h1>
          <img src="/icon/32.png" alt="" width={16} height={16} /> {t('extName')}
        </h1>
      </header>

      {/* The switches first: whether and where highlights show is the first thing a reader may want to change. */}
      {settings && (
        <SettingsSection
          settings={settings}
          url={page.state === 'closed' ? undefined : page.tab?.url}
          closed={page.state === 'closed'}
          onChange={changeSettings}
          error={settingsError}
        />
      )}

      <div class="search" role="search">
        <label for="search" class="visually-hidden">
          {t('popup_search_label')}
        </label>
        <input
          id="search"
          ref={searchRef}
          type="search"
          // Open the popup, type a name: the search box has the focus from the start.
          autofocus
          autocomplete="off"
          spellcheck={false}
          placeholder={t('popup_search_placeholder')}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={onSearchKey}
          data-testid="search-input"
        />
      </div>

      {query.trim() ? (
        <SearchPanel
          query={query}
          hits={hits}
          date={date}
          card={card}
          onOpen={openCard}
          onBack={() => setCard(null)}
          onLeaveTop={() => searchRef.current?.focus()}
        />
      ) : page.state === 'ready' ? (
        <>
          <PageSection
            summary={page.summary}
            described={described}
            onReveal={reveal}
            highlightsOff={!!settings && !siteEnabled(settings, page.tab.url ?? page.summary.url)}
          />
          {ids.length > 0 && <RelatedSection related={related} onPage={onPage} />}
        </>
      ) : (
        <section aria-labelledby="on-page-heading" data-testid="on-this-page">
          <h2 id="on-page-heading">{t('popup_on_this_page')}</h2>
          <Status
            page={page}
            onReload={() => {
              if (page.state !== 'not-loaded') return;
              void api.reload(page.tab.id).finally(() => setFollow((n) => n + 1));
            }}
          />
        </section>
      )}

    </main>
  );
}

export function Popup({ api, t, timing = DEFAULT_TIMING }: PopupProps) {
  const locale = useMemo(() => ({ t, language: api.language }), [t, api.language]);
  return (
    <LocaleContext.Provider value={locale}>
      <PopupBody api={api} timing={timing} />
    </LocaleContext.Provider>
  );
}


