import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Card } from '../../src/knowledge/cards';
import type { PageMatcher } from '../../src/matching/types';
import { isContextGone, startBackstory, type Backstory, type BackstoryDeps } from '../../src/page/backstory';
import { Painter } from '../../src/page/highlights';
import { HOST_TAG } from '../../src/page/walk';
import { DEFAULT_SETTINGS, type Settings } from '../../src/vocabulary';
import { cardTranslator } from '../../src/ui/card/messages';
import { createCardUi, type CreateCardUi } from '../../src/ui/card/mount';
import knowledgeJson from '../../src/generated/knowledge.json';
import type { Knowledge } from '../../src/knowledge/model';
import { cardFor } from '../../src/knowledge/cards';
import { STORY_ENTRIES, STORY_SURNAMES, stubMatcher } from './page-stub-matcher';
import { installHighlights, type FakeRegistry } from './helpers/fake-highlights';

type Win = Window & typeof globalThis;
const win = window as unknown as Win;

let registry: FakeRegistry;

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds }, disabledSites: [], ...patch });

interface Harness {
  app: Backstory;
  change: (s: Settings) => void;
  served: { summary?: () => unknown; reveal?: (m: { entity: string }) => unknown };
  unserved: () => boolean;
  painted: () => number;
}

function start(overrides: Partial<BackstoryDeps> = {}, initial = settings(), matcher: PageMatcher = stubMatcher(STORY_ENTRIES, STORY_SURNAMES)): Harness {
  let listener: ((s: Settings) => void) | null = null;
  let unserved = false;
  const served: Harness['served'] = {};
  let painted = 0;
  win.addEventListener('backstory:painted', () => painted++);
  const app = startBackstory({
    win,
    doc: document,
    createMatcher: () => matcher,
    describe: async (ids) => Object.fromEntries(ids.map((id) => [id, { name: `Name of ${id}` }])),
    loadSettings: async () => initial,
    watchSettings: (cb) => {
      listener = cb;
      return () => (listener = null);
    },
    fetchCard: async () => null as Card | null,
    serveTab: (handlers) => {
      Object.assign(served, handlers);
      return () => (unserved = true);
    },
    loadCardUi: () => createCardUi,
    t: cardTranslator(),
    language: 'en',
    today: () => '2026-11-15',
    announce: true,
    ...overrides,
  });
  return { app, change: (s) => listener?.(s), served, unserved: () => unserved, painted: () => painted };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

const STORY = '<article><p>Chinese Foreign Minister Wang Yi met Prime Minister Yoshihide Suga in Tokyo.</p><p>Suga said Japan and China would talk.</p></article>';
const ours = () => [...registry.entries()].filter(([k, h]) => k.startsWith('backstory-') && h.size > 0).map(([k]) => k).sort();

let h: Harness | null = null;
afterEach(() => {
  h?.app.destroy();
  h = null;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('startBackstory', () => {
  test('paints, then answers the popup\'s summary with names, counts and the page\'s date', async () => {
    registry = installHighlights(win);
    document.head.innerHTML = '<meta property="article:published_time" content="2020-11-24T10:00:00+09:00">';
    document.body.innerHTML = STORY;
    h = start();
    await until(() => h!.painted() === 1);
    expect(ours()).toEqual(['backstory-capital', 'backstory-country', 'backstory-demonym', 'backstory-person']);
    const summary = (await h.served.summary!()) as { date: string; dateSource: string; entities: { id: string; name: string; count: number; kind: string }[] };
    expect(summary.date).toBe('2020-11-24');
    expect(summary.dateSource).toBe('meta');
    const byId = Object.fromEntries(summary.entities.map((e) => [e.id, e]));
    expect(byId['Yoshihide Suga']).toMatchObject({ name: 'Name of Yoshihide Suga', count: 2, kind: 'person' });
    expect(byId['CHN']).toMatchObject({ kind: 'country', count: 2 });
    expect(h.served.reveal!({ entity: 'Nobody' })).toBe(false);
  });

  test('settings apply at once: off clears everything, a hidden kind goes, on paints again', async () => {
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    h = start();
    await until(() => h!.painted() === 1);
    h.change(settings({ kinds: { person: false, country: true, demonym: true, capital: true, organisation: true } }));
    expect(ours()).toEqual(['backstory-capital', 'backstory-country', 'backstory-demonym']);
    h.change(settings({ disabledSites: [location.hostname || 'localhost'] }));
    expect(ours()).toEqual([]);
    expect(((await h.served.summary!()) as { entities: unknown[] }).entities).toEqual([]);
    h.change(settings());
    await until(() => h!.painted() === 2);
    expect(ours()).toHaveLength(4);
  });

  test('settings are watched from the first paint on, and a change made before it is not lost', async () => {
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    let stored = settings();
    let watched = 0;
    h = start({
      loadSettings: async () => stored,
      watchSettings: () => {
        watched++;
        return () => undefined;
      },
    });
    await h.app.settled;
    // The reader turns people off while the page is still being read: no change event reaches us yet.
    stored = settings({ kinds: { person: false, country: true, demonym: true, capital: true, organisation: true } });
    expect(watched).toBe(0);
    await until(() => h!.painted() === 1);
    expect(watched).toBe(1);
    await until(() => !ours().includes('backstory-person'));
    expect(ours()).toEqual(['backstory-capital', 'backstory-country', 'backstory-demonym']);
  });

  test('a long page is handed to the browser in a few growing batches, not at a steady rate', async () => {
    registry = installHighlights(win);
    document.body.innerHTML = Array.from({ length: 1500 }, (_, i) => `<p>Item ${i}: Wang Yi met Yoshihide Suga in Tokyo.</p>`).join('');
    // Every clock read moves time on by 2 ms: slices end quickly and the spacing between flushes is passed again and again.
    let now = 0;
    const clock = vi.spyOn(win.performance, 'now').mockImplementation(() => (now += 2));
    const flush = vi.spyOn(Painter.prototype, 'flush');
    try {
      h = start();
      await until(() => h!.painted() === 1);
      const painted = [...registry.values()].reduce((n, hl) => n + hl.size, 0);
      expect(painted).toBe(4500);
      // Each flush makes the browser rebuild the marks of every range so far: doubling batches keep that linear.
      expect(flush.mock.calls.length).toBeGreaterThan(1);
      expect(flush.mock.calls.length).toBeLessThanOrEqual(Math.ceil(Math.log2(painted)) + 2);
    } finally {
      clock.mockRestore();
      flush.mockRestore();
    }
  });

  test('off from the start: nothing is read or painted, and no host is added', async () => {
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    const matcher = stubMatcher(STORY_ENTRIES);
    h = start({}, settings({ enabled: false }), matcher);
    await h.app.settled;
    await new Promise((r) => setTimeout(r, 30));
    expect(matcher.calls).toEqual([]);
    expect(ours()).toEqual([]);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  test('when the extension goes away, everything is taken down quietly', async () => {
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    h = start({ describe: () => Promise.reject(new Error('Extension context invalidated.')) });
    await until(() => h!.painted() === 1);
    const summary = (await h.served.summary!()) as { entities: unknown[] };
    expect(summary.entities.length).toBeGreaterThan(0);
    // The failed call took Backstory down: highlights gone, the tab no longer served, page changes no longer read.
    expect(ours()).toEqual([]);
    expect(registry.size).toBe(0);
    expect(h.unserved()).toBe(true);
    expect(isContextGone(new Error('Extension context invalidated.'))).toBe(true);
  });

  test('a matcher that throws never reaches the page', async () => {
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    const onError = vi.fn();
    win.addEventListener('error', onError);
    const broken: PageMatcher = { matchBlock: () => { throw new Error('boom'); }, takeLate: () => [], reset: () => {} };
    h = start({}, settings(), broken);
    await h.app.settled;
    await new Promise((r) => setTimeout(r, 50));
    expect(onError).not.toHaveBeenCalled();
    win.removeEventListener('error', onError);
  });

  test('without the highlight API nothing throws and the summary still works', async () => {
    delete (win as unknown as { Highlight?: unknown }).Highlight;
    delete (win as unknown as { CSS?: unknown }).CSS;
    document.body.innerHTML = STORY;
    h = start();
    await until(() => h!.painted() === 1);
    const summary = (await h.served.summary!()) as { entities: { id: string }[] };
    expect(summary.entities.map((e) => e.id)).toContain('Wang Yi');
  });
});

describe('the matcher made from the part of the index the background sends', () => {
  // The real index and part matcher: the content script asks the background for the keys of its page's words.
  const loadIndex = async () => (await import('../../src/generated/match-index.json')).default as unknown as import('../../src/matching/format').MatchIndex;

  test('paints once the part arrives, and settled waits for it', async () => {
    const { createPartMatcher, indexPartForText } = await import('../../src/matching/index');
    const index = await loadIndex();
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    let answer: (() => void) | null = null;
    h = start({
      createMatcher: () => new Promise<PageMatcher>((resolve) => {
        answer = () => resolve(createPartMatcher(indexPartForText(index, document.body.textContent ?? '')));
      }),
    });
    await until(() => answer !== null);
    expect(ours()).toEqual([]);
    let settled = false;
    void h.app.settled.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    answer!();
    await h.app.settled;
    await until(() => h!.painted() === 1);
    // The real rules: "in Tokyo" is a place, not Japan's government.
    expect(ours()).toEqual(['backstory-country', 'backstory-demonym', 'backstory-person']);
  });

  test('switched off while the background answers: nothing is painted', async () => {
    const { createPartMatcher, indexPartForText } = await import('../../src/matching/index');
    const index = await loadIndex();
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    let answer: (() => void) | null = null;
    h = start({ createMatcher: () => new Promise<PageMatcher>((resolve) => (answer = () => resolve(createPartMatcher(indexPartForText(index, STORY)))) ) });
    await until(() => answer !== null);
    h.change(settings({ enabled: false }));
    answer!();
    await new Promise((r) => setTimeout(r, 30));
    expect(ours()).toEqual([]);
    expect(h.painted()).toBe(0);
  });

  test('a name the page adds later, whose words the first part lacked, is asked for once and then painted', async () => {
    const { createPartMatcher, indexPart, indexPartForText } = await import('../../src/matching/index');
    const index = await loadIndex();
    registry = installHighlights(win);
    document.body.innerHTML = '<p>Nothing to see here at first.</p>';
    const asked: string[][] = [];
    h = start({
      createMatcher: async () => createPartMatcher(indexPartForText(index, document.body.textContent ?? '')),
      moreIndex: async (words) => {
        asked.push(words);
        return indexPart(index, words);
      },
    });
    await until(() => h!.painted() === 1);
    expect(ours()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'Chinese Foreign Minister Wang Yi spoke.';
    document.body.append(p);
    await until(() => asked.some((ws) => ws.includes('wang')));
    await until(() => ours().includes('backstory-person'));
    expect(h.app.summary).toBeDefined();
    const summary = (await h.served.summary!()) as { entities: { id: string }[] };
    expect(summary.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['Wang Yi', 'CHN']));
  });
});

describe('what a page can observe', () => {
  test('without announce (every build but the bench one) no performance mark and no painted event, though it paints', async () => {
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    const marks = () => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('backstory:')).length;
    performance.clearMarks();
    h = start({ announce: false });
    await h.app.settled;
    await until(() => ours().length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.painted()).toBe(0);
    expect(marks()).toBe(0);
  });
});

describe('hidden text', () => {
  test('mentions the page hides are not listed, and revealing them is refused rather than pinned to nothing', async () => {
    registry = installHighlights(win);
    const proto = Element.prototype as unknown as { checkVisibility?: () => boolean };
    const had = proto.checkVisibility;
    // happy-dom has no layout: stand in for the browser's check, which says false inside [hidden] or display: none.
    proto.checkVisibility = function (this: Element) {
      return !this.closest('[hidden]');
    };
    try {
      document.body.innerHTML = '<p>Chinese Foreign Minister Wang Yi met Prime Minister Yoshihide Suga.</p><div hidden><p>Suga said Japan would talk.</p></div>';
      h = start();
      await until(() => h!.painted() === 1);
      const summary = (await h.served.summary!()) as { entities: { id: string; count: number }[] };
      const byId = Object.fromEntries(summary.entities.map((e) => [e.id, e.count]));
      // The hidden paragraph's "Suga" and "Japan" are not counted; Japan is named nowhere else.
      expect(byId['Yoshihide Suga']).toBe(1);
      expect(byId['JPN']).toBeUndefined();
      expect(h.served.reveal!({ entity: 'JPN' })).toBe(false);
      expect(h.served.reveal!({ entity: 'Yoshihide Suga' })).toBe(true);
    } finally {
      if (had) proto.checkVisibility = had;
      else delete proto.checkVisibility;
    }
  });
  test('the card code is loaded on the first card only, never at start-up, and a failed load is tried again', async () => {
    registry = installHighlights(win);
    document.body.innerHTML = STORY;
    let loads = 0;
    let fail = true;
    const loadCardUi = async (): Promise<CreateCardUi> => {
      loads++;
      await new Promise((r) => setTimeout(r, 10));
      if (fail) throw new Error('no card code');
      return createCardUi;
    };
    const knowledge = knowledgeJson as unknown as Knowledge;
    h = start({ loadCardUi, fetchCard: async (entity, date) => cardFor(knowledge, entity, date) });
    await until(() => h!.painted() === 1);
    const host = () => [...document.documentElement.children].find((el) => el.localName.startsWith(HOST_TAG));
    expect(loads).toBe(0);
    expect(h.served.reveal!({ entity: 'Yoshihide Suga' })).toBe(true);
    await until(() => loads === 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(host()).toBeUndefined();
    fail = false;
    expect(h.served.reveal!({ entity: 'Yoshihide Suga' })).toBe(true);
    await until(() => !!host()?.shadowRoot?.querySelector('[role="dialog"]'));
    expect(loads).toBe(2);
    expect(h.served.reveal!({ entity: 'CHN' })).toBe(true);
    await until(() => /China/.test(host()?.shadowRoot?.textContent ?? ''));
    expect(loads).toBe(2);
  });
});
