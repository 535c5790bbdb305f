import { afterEach, describe, expect, test } from 'vitest';
import { HIGHLIGHT_NAMES, LINGER_LIMIT, Painter } from '../../src/page/highlights';
import { CHUNK } from '../../src/page/near-viewport';
import type { Mark } from '../../src/page/span';
import { FakeIntersectionObserver as IO } from './helpers/fake-viewport';
import { installHighlights, removeHighlights, type FakeRegistry } from './helpers/fake-highlights';

type Win = Window & typeof globalThis;
const win = window as unknown as Win;

let registry: FakeRegistry;

function install(): void {
  registry = installHighlights(win);
}

afterEach(() => {
  removeHighlights(win);
  document.body.replaceChildren();
});

/** A country's mark over part of a text node (the painter makes the browser's range when it registers one). */
function rangeOver(node: Node, start: number, end: number): Mark {
  return { startContainer: node, startOffset: start, endContainer: node, endOffset: end, kind: 'country', near: null };
}

const reported = () => new Promise((r) => setTimeout(r, 5));

/** One paragraph per entry, each with one range over its first word; a paragraph is near when its data-near says so. */
function page(nearness: boolean[]): { painter: Painter; ranges: Mark[]; paras: HTMLElement[] } {
  install();
  document.body.innerHTML = nearness.map((n, i) => `<p data-near="${n}">Japan ${i}</p>`).join('');
  IO.near = (el) => el.getAttribute('data-near') === 'true';
  const painter = new Painter(win);
  const paras = [...document.querySelectorAll('p')];
  const ranges = paras.map((p) => rangeOver(p.firstChild!, 0, 5));
  for (const r of ranges) painter.add(r);
  painter.flush();
  return { painter, ranges, paras };
}

/** A range as what it covers (the painter registers ranges of its own over the spans it is given). */
const key = (r: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) =>
  `${(r.startContainer.parentNode as Element | null)?.outerHTML}:${r.startOffset}-${r.endOffset}`;
const keys = (list: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }[]) => list.map(key);
const registered = () => [...(registry.get(HIGHLIGHT_NAMES.country) ?? [])].map(key);

describe('only ranges near the viewport are handed to the browser', () => {
  test('ranges the page adds are painted at once, as a guess; the browser\'s report keeps the near ones only, and "settled" waits for it', async () => {
    const { painter, ranges } = page([true, false, true, false]);
    expect(registered()).toEqual(keys(ranges));
    let settled = false;
    painter.whenSettled(() => (settled = true));
    expect(settled).toBe(false);
    await reported();
    expect(settled).toBe(true);
    expect(registered()).toEqual(keys([ranges[0]!, ranges[2]!]));
    expect(painter.found).toBe(4);
    expect(painter.count()).toBe(2);
  });

  test('scrolling brings ranges in; those that went away stay until deleted or too many are registered; a deleted far range never comes back', async () => {
    const { painter, ranges, paras } = page([true, false, false, false]);
    await reported();
    painter.delete(ranges[3]!);
    paras.forEach((p, i) => p.setAttribute('data-near', String(i >= 2)));
    IO.rescan();
    await reported();
    expect(registered()).toEqual(keys([ranges[0]!, ranges[2]!]));
    painter.delete(ranges[2]!);
    painter.delete(ranges[0]!);
    expect(registered()).toEqual([]);
    expect(painter.found).toBe(1);
  });

  test('ranges that went away are taken out all at once when the registered ones pass the limit', async () => {
    const n = LINGER_LIMIT;
    const { painter, ranges, paras } = page(Array.from({ length: 2 * n }, (_, i) => i < n));
    await reported();
    expect(registered()).toHaveLength(n);
    paras.forEach((p, i) => p.setAttribute('data-near', String(i >= n)));
    IO.rescan();
    await reported();
    expect(painter.count()).toBe(n);
    expect(registered()).toEqual(keys(ranges.slice(n)));
  });

  test('a range added to an element already near is painted at the next flush, without waiting for a report', async () => {
    const { painter, paras } = page([true]);
    await reported();
    const text = paras[0]!.firstChild!;
    const later = rangeOver(text, 6, 7);
    const reports = IO.reports;
    painter.add(later);
    painter.flush();
    expect(registered()).toContain(key(later));
    expect(IO.reports).toBe(reports);
  });

  test('text the page rewrites is painted again at once; an element left empty is let go at the second sweep', async () => {
    const { painter, ranges, paras } = page([true]);
    await reported();
    const text = paras[0]!.firstChild!;
    painter.delete(ranges[0]!);
    const again = rangeOver(text, 0, 5);
    painter.add(again);
    painter.flush();
    expect(registered()).toEqual(keys([again]));
    painter.delete(again);
    const io = [...IO.live][0]!;
    painter.sweep();
    expect(io.targets.has(paras[0]!)).toBe(true);
    painter.sweep();
    expect(io.targets.has(paras[0]!)).toBe(false);
    // Watched anew: painted on a guess, which the browser's report then bears out.
    const fresh = rangeOver(text, 0, 5);
    const reports = IO.reports;
    painter.add(fresh);
    painter.flush();
    expect(registered()).toEqual(keys([fresh]));
    await reported();
    expect(IO.reports).toBe(reports + 1);
    expect(registered()).toEqual(keys([fresh]));
  });

  test('an element without a box of its own (display: contents) is judged by its parent', async () => {
    install();
    document.body.innerHTML = '<div data-near="true"><span>Japan</span></div><div data-near="false"><span>China</span></div>';
    const spans = [...document.querySelectorAll('span')];
    IO.near = (el) => el.getAttribute('data-near') === 'true';
    IO.boxless = (el) => el.localName === 'span';
    const painter = new Painter(win);
    const [near, far] = spans.map((sp) => rangeOver(sp.firstChild!, 0, 5));
    painter.add(near!);
    painter.add(far!);
    painter.flush();
    let settled = false;
    painter.whenSettled(() => (settled = true));
    await reported();
    await reported();
    expect(settled).toBe(true);
    expect(registered()).toEqual(keys([near!]));
  });

  test('a walk in document order is watched by chunks: two elements each, near when either end is or when they straddle the band', async () => {
    install();
    const n = CHUNK * 3;
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>Japan ${i}</p>`).join('');
    const paras = [...document.querySelectorAll('p')];
    const at = (el: Element) => paras.indexOf(el as HTMLParagraphElement);
    // The band holds no paragraph's box: the first chunk lies above it, the third below, the second straddles it.
    IO.near = () => false;
    IO.above = (el) => at(el) < CHUNK + CHUNK / 2;
    const painter = new Painter(win);
    const ranges = paras.map((p) => rangeOver(p.firstChild!, 0, 5));
    ranges.forEach((r) => painter.add(r, true));
    painter.flush();
    await reported();
    const io = [...IO.live][0]!;
    expect(io.targets.size).toBe(6);
    expect([...io.targets].map(at).sort((a, b) => a - b)).toEqual([0, CHUNK - 1, CHUNK, 2 * CHUNK - 1, 2 * CHUNK, 3 * CHUNK - 1]);
    expect(registered()).toEqual(keys(ranges.slice(CHUNK, 2 * CHUNK)));
  });

  test('a jump of more than a screen makes every watched element report again (a crossing alone would be missed)', async () => {
    install();
    document.body.innerHTML = Array.from({ length: CHUNK * 2 }, (_, i) => `<p>Japan ${i}</p>`).join('');
    const paras = [...document.querySelectorAll('p')];
    const at = (el: Element) => paras.indexOf(el as HTMLParagraphElement);
    IO.near = (el) => at(el) < CHUNK;
    const painter = new Painter(win);
    const ranges = paras.map((p) => rangeOver(p.firstChild!, 0, 5));
    ranges.forEach((r) => painter.add(r, true));
    painter.flush();
    await reported();
    expect(registered()).toEqual(keys(ranges.slice(0, CHUNK)));
    // Now the second chunk straddles the band and the first lies above: no element crossed the band itself.
    IO.near = () => false;
    IO.above = (el) => at(el) < CHUNK + 1;
    const reports = IO.reports;
    document.dispatchEvent(new win.Event('scroll'));
    await reported();
    expect(IO.reports).toBe(reports);
    Object.defineProperty(win, 'scrollY', { value: 10_000, configurable: true });
    try {
      document.dispatchEvent(new win.Event('scroll'));
      await reported();
    } finally {
      Object.defineProperty(win, 'scrollY', { value: 0, configurable: true });
    }
    expect(IO.reports).toBeGreaterThan(reports);
    // The second chunk came in; the first went away but stays registered (fewer than the limit are).
    expect(registered()).toEqual(keys(ranges));
  });

  test('without IntersectionObserver every range is painted, as before', () => {
    install();
    (win as unknown as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;
    document.body.innerHTML = '<p>Japan</p>';
    const painter = new Painter(win);
    const t = document.querySelector('p')!.firstChild!;
    const r = rangeOver(t, 0, 5);
    painter.add(r);
    painter.flush();
    let settled = false;
    painter.whenSettled(() => (settled = true));
    expect(settled).toBe(true);
    expect(registered()).toEqual(keys([r]));
  });
});
