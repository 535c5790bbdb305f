/** Moving through the marks without a pointer: the order, wrapping round, what is skipped; the command's relay; a tap. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { MentionKind } from '../../src/vocabulary';
import type { MentionHit } from '../../src/page/annotator';
import { BlockMark, hostOf, type BlockRecord } from '../../src/page/block-record';
import { HoverController } from '../../src/page/hover';
import { LedgerPainter, step, type Direction, type StepOptions } from '../../src/page/navigate';
import type { Mark } from '../../src/page/span';
import type { Block } from '../../src/page/walk';
import { relayCommand } from '../../entrypoints/background';
import { startBackstory, type Backstory } from '../../src/page/backstory';
import { DEFAULT_SETTINGS, type Settings } from '../../src/vocabulary';
import { cardTranslator } from '../../src/ui/card/messages';
import { createCardUi } from '../../src/ui/card/mount';
import type { Card } from '../../src/knowledge/cards';
import { STORY_ENTRIES, STORY_SURNAMES, stubMatcher } from './page-stub-matcher';
import { installHighlights } from './helpers/fake-highlights';

type Win = Window & typeof globalThis;
const win = window as unknown as Win;

/** A record of a paragraph's mentions, one per kind given, named `<id>.<n>`. */
function record(p: Element, kinds: MentionKind[]): BlockRecord {
  const r: BlockRecord = { parts: [p], block: { text: '', nodes: [], starts: [] } as unknown as Block, mentions: [], ranges: [] };
  kinds.forEach((kind, i) => {
    r.mentions.push({ start: i * 2, end: i * 2 + 1, entity: `${p.id}.${i}`, kind, how: 'name' });
    r.ranges.push(new BlockMark(r, kind, i * 2, i * 2 + 1, p));
  });
  return r;
}

const shown = (hidden: MentionKind[] = []): StepOptions => ({
  shows: (k) => !hidden.includes(k),
  // happy-dom lays nothing out: a [hidden] ancestor stands for text the page hides.
  visible: (r) => !hostOf(r)?.closest('[hidden]'),
});

/** The entity of every place `step` goes to, `n` times over, from nothing. */
function walk(marks: readonly Mark[], dir: Direction, n: number, o = shown()): string[] {
  const out: string[] = [];
  let at: Mark | null = null;
  for (let i = 0; i < n; i++) {
    const place = step(marks, at, dir, o);
    if (!place) break;
    out.push(place.record.mentions[place.index]!.entity);
    at = place.record.ranges[place.index]!;
  }
  return out;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('next and previous mention', () => {
  let a: BlockRecord, b: BlockRecord, c: BlockRecord;
  let marks: Mark[];
  beforeEach(() => {
    document.body.innerHTML = '<p id="a"></p><div><p id="b"></p></div><p id="c"></p>';
    a = record(document.getElementById('a')!, ['person', 'country']);
    b = record(document.getElementById('b')!, ['capital']);
    c = record(document.getElementById('c')!, ['demonym', 'person']);
    // Found out of order (a block the page changed is read again later): navigation follows the page, not the finding.
    marks = [...c.ranges, ...a.ranges, ...b.ranges];
  });

  test('go in reading order, and back', () => {
    expect(walk(marks, 'next', 5)).toEqual(['a.0', 'a.1', 'b.0', 'c.0', 'c.1']);
    expect(walk(marks, 'previous', 5)).toEqual(['c.1', 'c.0', 'b.0', 'a.1', 'a.0']);
  });

  test('wrap round at either end', () => {
    expect(walk(marks, 'next', 7)).toEqual(['a.0', 'a.1', 'b.0', 'c.0', 'c.1', 'a.0', 'a.1']);
    expect(step(marks, a.ranges[0]!, 'previous', shown())?.record).toBe(c);
    expect(step(marks, a.ranges[0]!, 'previous', shown())?.index).toBe(1);
    // One mark alone: next is itself.
    expect(walk(b.ranges, 'next', 2)).toEqual(['b.0', 'b.0']);
  });

  test('skip the kinds switched off, text the page hides and text gone from the page', () => {
    expect(walk(marks, 'next', 4, shown(['person']))).toEqual(['a.1', 'b.0', 'c.0', 'a.1']);
    document.querySelector('div')!.hidden = true;
    expect(walk(marks, 'next', 5)).toEqual(['a.0', 'a.1', 'c.0', 'c.1', 'a.0']);
    expect(walk(marks, 'previous', 3)).toEqual(['c.1', 'c.0', 'a.1']);
    document.getElementById('c')!.remove();
    expect(walk(marks, 'next', 3)).toEqual(['a.0', 'a.1', 'a.0']);
    document.getElementById('a')!.hidden = true;
    expect(step(marks, null, 'next', shown())).toBeNull();
  });

  test('moving on from a mark whose text the page hid since goes on from its place', () => {
    document.querySelector('div')!.hidden = true;
    expect(step(marks, b.ranges[0]!, 'next', shown())?.record).toBe(c);
    expect(step(marks, b.ranges[0]!, 'previous', shown())).toMatchObject({ record: a, index: 1 });
  });

  test('the first move starts where the reader is, and with nothing there, from the top', () => {
    const only = (...rs: BlockRecord[]) => ({ ...shown(), inView: (r: BlockRecord) => rs.includes(r) });
    expect(step(marks, null, 'next', only(b, c))).toMatchObject({ record: b, index: 0 });
    expect(step(marks, null, 'previous', only(a, b))).toMatchObject({ record: b, index: 0 });
    expect(step(marks, null, 'next', only())).toMatchObject({ record: a, index: 0 });
    expect(step(marks, null, 'previous', only())).toMatchObject({ record: c, index: 1 });
    // Once moving, the order goes on from the mark, whatever is in view.
    expect(step(marks, c.ranges[1]!, 'next', only(b))).toMatchObject({ record: a, index: 0 });
  });

  test('the painter keeps every mark handed to it, less those taken out', () => {
    installHighlights(win);
    const painter = new LedgerPainter(win);
    for (const m of marks) painter.add(m);
    painter.delete(b.ranges[0]!);
    expect(walk(painter.all(), 'next', 5)).toEqual(['a.0', 'a.1', 'c.0', 'c.1', 'a.0']);
    painter.clear();
    expect(painter.all()).toEqual([]);
    painter.destroy();
  });
});

describe('the keyboard command', () => {
  test('the background passes each command on to its tab, or the active tab, and ignores others', async () => {
    const sent: [number, string][] = [];
    const deps = { activeTab: async () => 7, send: async (id: number, d: string) => (sent.push([id, d]), true) };
    expect(await relayCommand('next-mention', { id: 3 }, deps)).toBe(true);
    expect(await relayCommand('previous-mention', undefined, deps)).toBe(true);
    expect(await relayCommand('_execute_action', { id: 3 }, deps)).toBe(false);
    expect(await relayCommand('toString', { id: 3 }, deps)).toBe(false);
    expect(sent).toEqual([[3, 'next'], [7, 'previous']]);
    // A tab without Backstory does not answer: no error escapes.
    expect(await relayCommand('next-mention', { id: 4 }, { activeTab: async () => 4, send: () => Promise.reject(new Error('Receiving end does not exist')) })).toBe(false);
  });

  test('the content script answers it: mention after mention in reading order, wrapping round', async () => {
    installHighlights(win);
    document.body.innerHTML = '<article><p>Chinese Foreign Minister Wang Yi met Prime Minister Yoshihide Suga in Tokyo.</p><p>Suga said Japan and China would talk.</p></article>';
    const asked: string[] = [];
    const served: { navigate?: (m: { direction: Direction }) => unknown } = {};
    let painted = 0;
    const onPainted = () => painted++;
    win.addEventListener('backstory:painted', onPainted);
    const settings: Settings = { ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds }, disabledSites: [] };
    const app: Backstory = startBackstory({
      win, doc: document,
      createMatcher: () => stubMatcher(STORY_ENTRIES, STORY_SURNAMES),
      describe: async () => ({}),
      loadSettings: async () => settings,
      watchSettings: () => () => {},
      fetchCard: async (entity) => (asked.push(entity), null as Card | null),
      serveTab: (handlers) => (Object.assign(served, handlers), () => {}),
      loadCardUi: () => createCardUi,
      t: cardTranslator(), language: 'en', today: () => '2020-11-20', announce: true,
    });
    try {
      for (let i = 0; i < 500 && !painted; i++) await new Promise((r) => setTimeout(r, 5));
      expect(painted).toBe(1);
      const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
      const go = (direction: Direction) => served.navigate!({ direction });
      // Chinese, Wang Yi, Yoshihide Suga, Tokyo, Suga, Japan, China: card data is asked once per entity.
      for (let i = 0; i < 7; i++) expect(go('next')).toBe(true);
      expect(asked).toEqual(['CHN', 'Wang Yi', 'Yoshihide Suga', 'JPN']);
      expect(scrolled).toHaveBeenCalledTimes(7);
      scrolled.mockRestore();
      // Past the last, the first; before the first, the last.
      expect(go('next')).toBe(true);
      expect(go('previous')).toBe(true);
      expect(go('previous')).toBe(true);
      app.destroy();
      expect(go('next')).toBe(false);
    } finally {
      win.removeEventListener('backstory:painted', onPainted);
      app.destroy();
    }
  });
});

describe('a tap on a touch screen', () => {
  let opened: string[];
  let hover: HoverController;
  const hit = (): MentionHit => {
    const range = document.createRange();
    range.selectNodeContents(document.body);
    return { mention: { start: 0, end: 7, entity: 'Wang Yi', kind: 'person', how: 'name' }, range, painted: { startContainer: document.body, startOffset: 0, endContainer: document.body, endOffset: 0, kind: 'person', near: null }, text: 'Wang Yi' };
  };

  beforeEach(() => {
    opened = [];
    document.body.innerHTML = '<p id="text">Wang Yi</p><a id="link" href="#x">Wang Yi</a><button id="btn">Wang Yi</button>';
    hover = new HoverController({
      win, hitTest: () => hit(), inCard: () => false,
      open: (h, _p, via) => opened.push(`${h.text} by ${via}`),
      close: () => opened.push('close'),
      guard: (fn) => fn,
    });
  });

  afterEach(() => hover.destroy());

  function tap(id: string, pointerType = 'touch'): boolean {
    const el = document.getElementById(id)!;
    el.dispatchEvent(new PointerEvent('pointerdown', { pointerType, bubbles: true, composed: true, clientX: 5, clientY: 5 }));
    el.dispatchEvent(new PointerEvent('pointerup', { pointerType, bubbles: true, composed: true, clientX: 5, clientY: 5 }));
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, clientX: 5, clientY: 5 });
    el.dispatchEvent(click);
    return click.defaultPrevented;
  }

  test('on a mention opens its card, and prevents nothing', () => {
    expect(tap('text')).toBe(false);
    expect(opened).toEqual(['Wang Yi by tap']);
  });

  test('on a link or a control is theirs: no card, and nothing prevented', () => {
    expect(tap('link')).toBe(false);
    expect(tap('btn')).toBe(false);
    expect(opened).toEqual([]);
  });

  test('a mouse click opens nothing (the mouse has its hover)', () => {
    tap('text', 'mouse');
    expect(opened).toEqual([]);
  });
});
