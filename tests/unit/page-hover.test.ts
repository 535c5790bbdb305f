import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HoverController } from '../../src/page/hover';
import type { MentionHit } from '../../src/page/annotator';

function hitAt(): MentionHit {
  const range = document.createRange();
  range.selectNodeContents(document.body);
  return { mention: { start: 0, end: 7, entity: 'Wang Yi', kind: 'person', how: 'name' }, range, painted: { startContainer: document.body, startOffset: 0, endContainer: document.body, endOffset: 0, kind: 'person', near: null }, text: 'Wang Yi' };
}

function move(x: number, y: number): void {
  window.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse' }));
}

describe('hover timing', () => {
  let events: string[];
  let hover: HoverController;
  const hit = hitAt();

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    hover = new HoverController({
      win: window as Window & typeof globalThis,
      hitTest: () => hit,
      inCard: () => false,
      open: () => events.push('open'),
      close: () => events.push('close'),
      prefetch: () => events.push('prefetch'),
      guard: (fn) => fn,
      restMs: 350,
    });
  });

  afterEach(() => {
    hover.destroy();
    vi.useRealTimers();
  });

  test('the card\'s data is asked for early in the rest, and the card opens when the rest completes', () => {
    move(10, 10);
    vi.advanceTimersByTime(39);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(events).toEqual(['prefetch']);
    vi.advanceTimersByTime(308);
    expect(events).toEqual(['prefetch']);
    vi.advanceTimersByTime(2);
    expect(events).toEqual(['prefetch', 'open']);
  });

  test('the rest is counted from when the pointer moved, not from when the event arrived', () => {
    const e = new PointerEvent('pointermove', { clientX: 10, clientY: 10, pointerType: 'mouse' });
    // Chromium delivers pointermove with the next animation frame: this one arrives 16 ms after the movement.
    Object.defineProperty(e, 'timeStamp', { value: performance.now() - 16 });
    window.dispatchEvent(e);
    vi.advanceTimersByTime(333);
    expect(events).toEqual(['prefetch']);
    vi.advanceTimersByTime(2);
    expect(events).toEqual(['prefetch', 'open']);
  });

  test('a pointer that keeps moving neither prefetches nor opens', () => {
    // A moving mouse reports about once a frame.
    for (let i = 0; i < 60; i++) {
      move(10 + i * 5, 10);
      vi.advanceTimersByTime(16);
    }
    expect(events).toEqual([]);
  });

  test('touch input asks for nothing', () => {
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5, pointerType: 'touch' }));
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });
});
