import { afterEach, describe, expect, test, vi } from 'vitest';
import { Annotator } from '../../src/page/annotator';
import { HIGHLIGHT_NAMES, Painter } from '../../src/page/highlights';
import { Slicer } from '../../src/page/slices';
import type { Mark } from '../../src/page/span';
import type { MentionKind } from '../../src/vocabulary';
import { STORY_ENTRIES, STORY_SURNAMES, stubMatcher } from './page-stub-matcher';
import { FakeHighlight, installHighlights, removeHighlights } from './helpers/fake-highlights';
import { FakeIntersectionObserver } from './helpers/fake-viewport';

type Win = Window & typeof globalThis;
const win = window as unknown as Win;


const tick = () => new Promise((r) => setTimeout(r, 0));
/** Until the page is read and the browser (the stand-in) has said which ranges are near, so those are registered. */
async function idle({ slicer, painter }: { slicer: Slicer; painter: Painter }): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    await tick();
    if (!slicer.busy) {
      await new Promise<void>((r) => slicer.whenIdle(r));
      await new Promise<void>((r) => painter.whenSettled(r));
      return;
    }
  }
  throw new Error('slicer never went idle');
}

function setup(html: string, opts: { budgetMs?: number; firstOnly?: boolean } = {}) {
  document.body.innerHTML = html;
  const painter = new Painter(win);
  const slicer = new Slicer({ win, budgetMs: opts.budgetMs, post: (fn) => void setTimeout(fn, 0), afterSlice: () => painter.flush() });
  const matcher = stubMatcher(STORY_ENTRIES, STORY_SURNAMES);
  let paintedWith = -1;
  const annotator = new Annotator({ doc: document, win, matcher, painter, slicer, firstOnly: opts.firstOnly, onPainted: (n) => (paintedWith = n) });
  annotator.start();
  return { painter, slicer, matcher, annotator, painted: () => paintedWith };
}

const STORY = `<article><h1>China's Wang Yi heads to Tokyo</h1>
<p>In Tokyo, Wang is expected to meet Prime Minister <b>Yoshihide</b> Suga. It will be Suga’s first talks.</p>
<form><input value="Wang Yi and Japan"><textarea>Suga in Japan</textarea></form>
<div contenteditable="true">Japan</div><pre>China</pre></article>`;

let current: ReturnType<typeof setup> | null = null;
afterEach(() => {
  current?.annotator.destroy();
  current?.slicer.destroy();
  current = null;
  removeHighlights(win);
  document.body.innerHTML = '';
});

describe('Annotator', () => {
  test('finds mentions block by block, never in inputs or editable or code, and reports when painted', async () => {
    const registry = installHighlights(win);
    current = setup(STORY);
    await idle(current);
    const counts = Object.fromEntries([...current.annotator.entities()].map(([id, c]) => [id, c.count]));
    expect(counts).toEqual({ CHN: 1, 'Wang Yi': 2, JPN: 2, 'Yoshihide Suga': 2 });
    expect(current.painted()).toBe(7);
    expect(current.matcher.calls).toContain('In Tokyo, Wang is expected to meet Prime Minister Yoshihide Suga. It will be Suga’s first talks.');
    expect(current.matcher.calls.some((c) => c.includes('Suga in Japan') || c.includes('Wang Yi and Japan'))).toBe(false);
    current.painter.show({ person: true, country: true, demonym: true, capital: true, organisation: true });
    expect(registry.get(HIGHLIGHT_NAMES.person)?.size).toBe(4);
    expect(registry.get(HIGHLIGHT_NAMES.capital)?.size).toBe(2);
    const text = (r: AbstractRange) => (r.startContainer as Text).data.slice(r.startOffset, r.startContainer === r.endContainer ? r.endOffset : undefined) + (r.startContainer === r.endContainer ? '' : (r.endContainer as Text).data.slice(0, r.endOffset));
    const ranges = [...registry.get(HIGHLIGHT_NAMES.person)!].map(text);
    expect(ranges.sort()).toEqual(['Suga', 'Wang', 'Wang Yi', 'Yoshihide Suga']);
  });

  test('with "first mention only", each entity is painted once, at its first mention; every mention is still counted', async () => {
    const registry = installHighlights(win);
    current = setup(STORY, { firstOnly: true });
    await idle(current);
    const counts = Object.fromEntries([...current.annotator.entities()].map(([id, c]) => [id, c.count]));
    expect(counts).toEqual({ CHN: 1, 'Wang Yi': 2, JPN: 2, 'Yoshihide Suga': 2 });
    current.painter.show({ person: true, country: true, demonym: true, capital: true, organisation: true });
    const text = (r: AbstractRange) => (r.startContainer as Text).data.slice(r.startOffset, r.startContainer === r.endContainer ? r.endOffset : undefined) + (r.startContainer === r.endContainer ? '' : (r.endContainer as Text).data.slice(0, r.endOffset));
    expect([...registry.get(HIGHLIGHT_NAMES.person)!].map(text).sort()).toEqual(['Wang Yi', 'Yoshihide Suga']);
    // Japan's first mention is the capital in the headline ("Tokyo"); the later one is not painted.
    expect(registry.get(HIGHLIGHT_NAMES.capital)?.size).toBe(1);
    // Forgetting the page drops the unpainted marks as well as the painted ones.
    document.querySelector('p')!.remove();
    await idle(current);
    expect(Object.fromEntries([...current.annotator.entities()].map(([id, c]) => [id, c.count]))).toEqual({ CHN: 1, 'Wang Yi': 1, JPN: 1 });
  });

  test('on a dark page the highlights take their dark-page names (tints made for a dark background)', async () => {
    const registry = installHighlights(win);
    current = setup(`<div style="background-color: rgb(18, 18, 18); color: rgb(230, 230, 230)">${STORY}</div>`);
    await idle(current);
    current.painter.show({ person: true, country: true, demonym: true, capital: true, organisation: true });
    expect(registry.get(`${HIGHLIGHT_NAMES.person}-dark`)?.size).toBe(4);
    expect(registry.has(HIGHLIGHT_NAMES.person)).toBe(false);
    current.painter.destroy();
    expect(registry.has(`${HIGHLIGHT_NAMES.person}-dark`)).toBe(false);
  });

  test('text in open shadow roots is read and painted: present at the start, attached later, and changed later', async () => {
    const registry = installHighlights(win);
    document.body.innerHTML = '<article><p>Japan said.</p><news-story></news-story><late-story></late-story></article>';
    const story = document.querySelector('news-story')!.attachShadow({ mode: 'open' });
    story.innerHTML = '<p>Wang Yi met Prime Minister Yoshihide Suga.</p>';
    const painter = new Painter(win);
    const slicer = new Slicer({ win, post: (fn) => void setTimeout(fn, 0), afterSlice: () => painter.flush() });
    const shadows: ShadowRoot[] = [];
    const annotator = new Annotator({ doc: document, win, matcher: stubMatcher(STORY_ENTRIES, STORY_SURNAMES), painter, slicer, onShadowRoot: (r) => shadows.push(r) });
    current = { painter, slicer, annotator, matcher: null as never, painted: () => 0 };
    annotator.start();
    await idle(current);
    const counts = () => Object.fromEntries([...annotator.entities()].map(([id, c]) => [id, c.count]));
    expect(counts()).toEqual({ JPN: 1, 'Wang Yi': 1, 'Yoshihide Suga': 1 });
    expect(shadows).toEqual([story]);
    painter.show({ person: true, country: true, demonym: true, capital: true, organisation: true });
    const inShadow = [...registry.get(HIGHLIGHT_NAMES.person)!].filter((r) => r.startContainer.getRootNode() === story);
    expect(inShadow.length).toBe(2);

    // A component that attaches its shadow root after the walk passed it.
    const late = document.querySelector('late-story')!.attachShadow({ mode: 'open' });
    late.innerHTML = '<p>China replied.</p>';
    annotator.checkLateShadowRoots();
    await idle(current);
    expect(counts()).toEqual({ JPN: 1, CHN: 1, 'Wang Yi': 1, 'Yoshihide Suga': 1 });

    // A change inside a shadow root is followed.
    story.querySelector('p')!.textContent = 'Japan and China talked.';
    await idle(current);
    expect(counts()).toEqual({ JPN: 2, CHN: 2 });

    // Reading the whole page again (the matcher learned names) reads the shadow roots again too.
    annotator.readAgain();
    await idle(current);
    expect(counts()).toEqual({ JPN: 2, CHN: 2 });
    annotator.restart();
    await idle(current);
    expect(counts()).toEqual({ JPN: 2, CHN: 2 });
  });

  test('a surname in the headline, named in full only in the story below it, is painted once the story is read', async () => {
    const registry = installHighlights(win);
    current = setup('<article><h1>Suga meets <em>Wang</em></h1><p>Prime Minister Yoshihide Suga met Wang Yi.</p></article>');
    await idle(current);
    const counts = Object.fromEntries([...current.annotator.entities()].map(([id, c]) => [id, c.count]));
    expect(counts).toEqual({ 'Wang Yi': 2, 'Yoshihide Suga': 2 });
    expect(current.painted()).toBe(4);
    const person = [...registry.get(HIGHLIGHT_NAMES.person)!];
    const wang = person.find((r) => r.startContainer.parentElement?.localName === 'em')!;
    expect((wang.startContainer as Text).data.slice(wang.startOffset, wang.endOffset)).toBe('Wang');
    // The popup's "show me" goes to the first mention on the page: the headline's.
    expect(current.annotator.firstMentionOf('Yoshihide Suga')?.range.startContainer.parentElement?.localName).toBe('h1');
  });

  test('a headline surname is not painted where the page changed the headline before the story named the person', async () => {
    const registry = installHighlights(win);
    current = setup('<article id="a"><h1 id="h">Suga meets <em>Wang</em></h1></article>');
    await idle(current);
    expect(current.annotator.mentions).toBe(0);
    // A live page rewrites its headline, then adds the story.
    (document.getElementById('h')!.firstChild as Text).data = 'Abe greets ';
    await idle(current);
    const story = document.createElement('p');
    story.textContent = 'Prime Minister Yoshihide Suga met Wang Yi.';
    document.getElementById('a')!.append(story);
    await idle(current);
    const text = (r: AbstractRange) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
    expect([...registry.get(HIGHLIGHT_NAMES.person)!].map(text).sort()).toEqual(['Wang', 'Wang Yi', 'Yoshihide Suga']);
    expect(Object.fromEntries([...current.annotator.entities()].map(([id, c]) => [id, c.count]))).toEqual({ 'Wang Yi': 2, 'Yoshihide Suga': 1 });
  });

  test('leaves the page DOM exactly as it was', async () => {
    installHighlights(win);
    current = setup(STORY);
    const before = document.documentElement.outerHTML;
    await idle(current);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  test('works without the highlight API: nothing painted, nothing thrown, mentions still found', async () => {
    removeHighlights(win);
    current = setup(STORY);
    await idle(current);
    expect(current.painter.supported).toBe(false);
    expect(current.annotator.mentions).toBe(7);
  });

  test('follows the page: added text is read, rewritten text re-matched, removed text forgotten', async () => {
    installHighlights(win);
    current = setup('<div id="feed"><p id="a">Japan</p></div>');
    await idle(current);
    expect(current.annotator.entities().get('JPN')?.count).toBe(1);

    const p = document.createElement('p');
    p.textContent = 'Later, China and Japan talked.';
    document.getElementById('feed')!.append(p);
    await idle(current);
    expect(current.annotator.entities().get('CHN')?.count).toBe(1);
    expect(current.annotator.entities().get('JPN')?.count).toBe(2);

    // A framework rewrites a text node's data in place.
    (document.getElementById('a')!.firstChild as Text).data = 'Wang Yi';
    await idle(current);
    expect(current.annotator.entities().get('JPN')?.count).toBe(1);
    expect(current.annotator.entities().get('Wang Yi')?.count).toBe(1);

    p.remove();
    await idle(current);
    expect(current.annotator.entities().has('CHN')).toBe(false);
    expect(current.annotator.mentions).toBe(1);
  });

  test('a page that swaps in a new <body> is read again', async () => {
    installHighlights(win);
    current = setup('<p>Japan</p>');
    await idle(current);
    const body = document.createElement('body');
    body.innerHTML = '<div><p>China and <i>Wang Yi</i></p></div>';
    document.documentElement.replaceChild(body, document.body);
    await idle(current);
    expect(current.annotator.entities().has('JPN')).toBe(false);
    expect(current.annotator.entities().get('CHN')?.count).toBe(1);
    expect(current.annotator.entities().get('Wang Yi')?.count).toBe(1);
  });

  test('an inline insertion re-reads its whole block so a split name still matches', async () => {
    installHighlights(win);
    current = setup('<p id="p">Prime Minister <b>Yoshihide</b></p>');
    await idle(current);
    expect(current.annotator.mentions).toBe(0);
    document.getElementById('p')!.append(document.createTextNode(' Suga said'));
    await idle(current);
    expect(current.annotator.entities().get('Yoshihide Suga')?.count).toBe(1);
  });

  test('a block added inside a paragraph read whole keeps its mentions, placed on their text', async () => {
    const registry = installHighlights(win);
    current = setup('<div id="d">Talks with <i>Wang Yi</i></div>');
    await idle(current);
    // The walk read the div in one call; now it holds a block, so its text nodes are read one by one.
    document.getElementById('d')!.append(document.createElement('div'));
    await idle(current);
    expect(current.annotator.entities().get('Wang Yi')?.count).toBe(1);
    const [r] = [...registry.get(HIGHLIGHT_NAMES.person)!];
    expect(r && (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)).toBe('Wang Yi');
  });

  test("a block's text nodes are looked up only for the marks painted or asked for", async () => {
    const registry = installHighlights(win);
    FakeIntersectionObserver.near = () => false;
    const walkers = vi.spyOn(document, 'createTreeWalker');
    current = setup('<p>China and Japan.</p><p>Prime Minister <b>Yoshihide</b> Suga met Wang Yi.</p>');
    await idle(current);
    expect(current.annotator.mentions).toBe(4);
    expect(registry.get(HIGHLIGHT_NAMES.person)?.size ?? 0).toBe(0);
    expect(walkers).not.toHaveBeenCalled();
    // Asked for (the popup chose it): placed now, on the right text.
    const hit = current.annotator.firstMentionOf('Yoshihide Suga');
    expect(hit?.text).toBe('Yoshihide Suga');
    expect(walkers).toHaveBeenCalled();
    walkers.mockRestore();
  });

  test('a far mention whose text the page rewrites before it comes near is painted on the new text, not the old place', async () => {
    const registry = installHighlights(win);
    FakeIntersectionObserver.near = () => false;
    current = setup('<p id="p">Talks: Japan and <b>China</b> met Wang Yi.</p>');
    await idle(current);
    expect(registry.get(HIGHLIGHT_NAMES.person)?.size ?? 0).toBe(0);
    // The page rewrites the text (a mention moves), and the paragraph comes near in the same turn, before Backstory has
    // read the change: the marks are placed on what the page holds now, and the re-read that follows puts them right.
    const first = document.getElementById('p')!.firstChild as Text;
    first.data = 'Earlier, the officials of ';
    FakeIntersectionObserver.near = () => true;
    FakeIntersectionObserver.rescan();
    await idle(current);
    const texts = (name: string) =>
      [...(registry.get(name) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    expect(texts(HIGHLIGHT_NAMES.person)).toEqual(['Wang Yi']);
    expect(texts(HIGHLIGHT_NAMES.country)).toEqual(['China']);
    expect(current.annotator.entities().has('JPN')).toBe(false);
  });

  test('text added inside an input-like region is ignored', async () => {
    installHighlights(win);
    current = setup('<div contenteditable="true" id="ed"><p>x</p></div>');
    await idle(current);
    const p = document.createElement('p');
    p.textContent = 'Japan';
    document.getElementById('ed')!.append(p);
    await idle(current);
    expect(current.annotator.mentions).toBe(0);
  });

  test('a big page is worked in many slices, each doing a bounded share of it', async () => {
    installHighlights(win);
    document.body.innerHTML = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i}: Wang Yi met officials in Tokyo about Japan.</p>`).join('');
    // Counted, not timed: a clock that moves one millisecond each time it is read, and slices of 4 ms. Each slice may
    // then do only what fits between a few reads of the clock, on any machine under any load; a job that stops
    // checking the clock (or one step that does the whole page) shows as a slice that finds far more than its share.
    let clock = 0;
    const clockWin = { performance: { now: () => ++clock } } as unknown as Win;
    const painter = new Painter(win);
    const queued: (() => void)[] = [];
    const slicer = new Slicer({ win: clockWin, budgetMs: 4, post: (fn) => void queued.push(fn), afterSlice: () => painter.flush() });
    const annotator = new Annotator({ doc: document, win, matcher: stubMatcher(STORY_ENTRIES, STORY_SURNAMES), painter, slicer });
    current = { painter, slicer, annotator } as unknown as ReturnType<typeof setup>;
    annotator.start();
    const perSlice: number[] = [];
    for (let n = 0, quiet = 0; n < 100_000 && quiet < 5; n++) {
      const slice = queued.shift();
      if (slice) {
        const before = annotator.mentions;
        slice();
        perSlice.push(annotator.mentions - before);
      }
      quiet = slice ? 0 : quiet + 1;
      if (!slice) await tick();
    }
    expect(annotator.mentions).toBe(1800);
    expect(slicer.stats.slices).toBe(perSlice.length);
    // The walk reads the clock every few thousand characters, so a 4 ms slice reads about fifty of these paragraphs
    // (150 mentions; 12 slices in all today): never the page, nor a sixth of it. A runaway slice finds all 1,800 at once.
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(300);
    expect(perSlice.length).toBeGreaterThanOrEqual(6);
  });

  test('a page that removes what the walk was about to read between two slices is still read to the end', async () => {
    installHighlights(win);
    document.body.innerHTML = `<div id="feed">${Array.from({ length: 200 }, (_, i) => `<p id="p${i}">Paragraph ${i} of the feed says that Japan and its neighbours met again today.</p>`).join('')}</div>`;
    const painter = new Painter(win);
    const queued: (() => void)[] = [];
    // A clock that moves one millisecond each time it is read, and slices of 3 ms: each slice reads a few thousand
    // characters, and the test runs the slices one by one.
    let clock = 0;
    let ticking = true;
    const clockWin = { performance: { now: () => (ticking ? ++clock : clock) } } as unknown as Win;
    const slicer = new Slicer({ win: clockWin, budgetMs: 3, post: (fn) => void queued.push(fn), afterSlice: () => painter.flush() });
    const annotator = new Annotator({ doc: document, win, matcher: stubMatcher(STORY_ENTRIES, STORY_SURNAMES), painter, slicer });
    current = { painter, slicer, annotator } as unknown as ReturnType<typeof setup>;
    annotator.start();
    queued.shift()!();
    const read = annotator.entities().get('JPN')?.count ?? 0;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(100);
    // The page takes out the paragraphs from just after those read to the middle, the walk's next one among them.
    for (let i = read; i < 100; i++) document.getElementById(`p${i}`)!.remove();
    // From here the clock stands still, so each slice does all there is; until none has come for a few ticks
    // (the page's changes reach the annotator a tick later).
    ticking = false;
    for (let n = 0, quiet = 0; n < 1000 && quiet < 5; n++) {
      const slice = queued.shift();
      if (slice) slice();
      quiet = slice ? 0 : quiet + 1;
      await tick();
    }
    expect(annotator.entities().get('JPN')?.count).toBe(read + 100);
  });

  test('a storm of page changes is read in slices too, and ends up right', async () => {
    installHighlights(win);
    const html = Array.from({ length: 400 }, (_, i) => `<p>Item ${i}: Japan</p>`).join('');
    current = setup(html, { budgetMs: 2 });
    await idle(current);
    expect(current.annotator.entities().get('JPN')?.count).toBe(400);
    const before = current.slicer.stats.slices;
    for (const p of Array.from(document.querySelectorAll('p'))) (p.firstChild as Text).data = 'Item: China and Wang Yi';
    await idle(current);
    expect(current.slicer.stats.slices - before).toBeGreaterThan(1);
    expect(current.annotator.entities().has('JPN')).toBe(false);
    expect(current.annotator.entities().get('CHN')?.count).toBe(400);
    expect(current.annotator.entities().get('Wang Yi')?.count).toBe(400);
  });

  test('restart forgets the page and reads it again; destroy unregisters the highlights', async () => {
    const registry = installHighlights(win);
    current = setup('<p>Yoshihide Suga.</p><p>Suga said.</p>');
    current.painter.show({ person: true, country: true, demonym: true, capital: true, organisation: true });
    await idle(current);
    expect(current.annotator.entities().get('Yoshihide Suga')?.count).toBe(2);
    document.body.innerHTML = '<p>Suga said.</p>';
    current.annotator.restart();
    await idle(current);
    // After a reset the surname alone is not enough: the new page never named him in full.
    expect(current.annotator.mentions).toBe(0);
    current.annotator.destroy();
    current.painter.destroy();
    expect(registry.has(HIGHLIGHT_NAMES.person)).toBe(false);
  });
});

describe('Painter', () => {
  test('one highlight per kind; hidden kinds unregistered; deleted highlights restored; fallback when missing', () => {
    const registry = installHighlights(win);
    const painter = new Painter(win);
    document.body.innerHTML = '<p>Suga</p><p>Japanese</p><p>Japan</p>';
    const over = (i: number, kind: MentionKind): Mark => {
      const t = document.querySelectorAll('p')[i]!.firstChild!;
      return { startContainer: t, startOffset: 0, endContainer: t, endOffset: (t as Text).length, kind, near: null };
    };
    // The painter registers ranges of its own over the spans it is given.
    const holds = (name: string, s: Mark) =>
      [...(registry.get(name) ?? [])].some((r) => r.startContainer === s.startContainer && r.startOffset === s.startOffset && r.endOffset === s.endOffset);
    const r = over(0, 'person');
    painter.add(r);
    painter.show({ person: true, country: false, demonym: true, capital: true, organisation: true });
    // Ranges reach the browser in batches, and a kind is registered only once it has some (an empty one costs the page a frame).
    expect(registry.get('backstory-person')).toBeUndefined();
    painter.flush();
    expect([...registry.keys()]).toEqual(['backstory-person']);
    expect(holds('backstory-person', r)).toBe(true);
    const d = over(1, 'demonym');
    painter.add(d);
    painter.add(over(2, 'country'));
    painter.flush();
    expect([...registry.keys()].sort()).toEqual(['backstory-demonym', 'backstory-person']);
    expect(holds('backstory-demonym', r)).toBe(false);
    registry.delete('backstory-person');
    registry.set('backstory-demonym', new FakeHighlight());
    painter.sync();
    expect(holds('backstory-person', r)).toBe(true);
    expect(holds('backstory-demonym', d)).toBe(true);
    painter.delete(d);
    expect(holds('backstory-demonym', d)).toBe(false);
    painter.destroy();
    expect(registry.size).toBe(0);

    removeHighlights(win);
    const none = new Painter(win);
    expect(() => {
      none.add(r);
      none.show({ person: true, country: true, demonym: true, capital: true, organisation: true });
      none.sync();
      none.destroy();
    }).not.toThrow();
    expect(none.rangesAt(1, 1)).toBeNull();
  });
});
