/**
 * The bench's arithmetic on made-up traces and figures (bench/trace.ts,
 * bench/stats.ts, bench/knowledge-growth.ts) and the knowledge subsets the
 * growth runs build from (scripts/knowledge-files.ts keepPerson): what is
 * counted, what is left out, and that smaller subsets sit inside larger ones.
 */
import { describe, expect, test } from 'vitest';
import { analyseFixedWindow, fixedAfter, FIXED_CATEGORIES, type TraceEvent } from '../../bench/trace';
import { pairedDiff } from '../../bench/stats';
import { logSlope } from '../../bench/knowledge-growth';
import { keepPerson } from '../../scripts/knowledge-files';

const PID = 7;
const TID = 1;
const URL = 'http://127.0.0.1/page.html';
const EXT = 'chrome-extension://abc/';

function ev(name: string, ts: number, dur: number, data: Record<string, unknown> = {}): TraceEvent {
  return { name, cat: 'devtools.timeline', ph: 'X', ts: ts * 1000, dur: dur * 1000, pid: PID, tid: TID, args: { data } };
}

/** A page's main thread: times in ms from 0; the content script starts at 100. */
function trace(extra: TraceEvent[] = []): TraceEvent[] {
  return [
    { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: PID, tid: TID, args: { name: 'CrRendererMain' } },
    { name: 'ParseHTML', cat: 'devtools.timeline', ph: 'X', ts: 0, dur: 5000, pid: PID, tid: TID, args: { beginData: { url: URL } } },
    // Before the start: not counted.
    ev('RunTask', 10, 20),
    ev('Layout', 12, 10),
    // The script's first task: 10 ms, of which 4 compiling.
    ev('RunTask', 100, 10),
    ev('EvaluateScript', 100, 10, { url: `${EXT}backstory.js` }),
    ev('v8.compile', 100, 4, { url: `${EXT}backstory.js` }),
    // A posted slice with a collection inside: 8 ms, 2 of them GC.
    ev('RunTask', 200, 8),
    ev('RunPostTaskCallback', 200, 8),
    ev('FunctionCall', 200, 8, { url: `${EXT}backstory.js` }),
    ev('MinorGC', 203, 2),
    // A rendering frame: style 1, layout 2, paint 1, and 2 ms no event covers.
    ev('RunTask', 300, 6),
    ev('UpdateLayoutTree', 300, 1),
    ev('Layout', 301, 2),
    ev('PrePaint', 303, 0.5),
    ev('Paint', 303.5, 0.5),
    // An observer's delivery: a function called in a task with no other cause.
    ev('RunTask', 400, 3),
    ev('FunctionCall', 400, 3, { url: `${EXT}backstory.js`, functionName: 'n' }),
    // A task with nothing traced in it.
    ev('RunTask', 500, 5),
    // Straddling the end of a 1 s window (100 + 1000): 4 ms inside.
    ev('RunTask', 1096, 10),
    { name: 'bench:painted', cat: 'blink.user_timing', ph: 'I', ts: 350_000, pid: PID, tid: TID },
    ...extra,
    // The trace goes on past the window.
    ev('RunTask', 2000, 1),
  ];
}

describe('the fixed window of the whole cost', () => {
  const f = analyseFixedWindow(trace(), { pageUrl: URL, scriptPrefix: EXT, windowMs: 1000, doneMark: 'bench:painted' });

  test('counts every task from the first instruction for the window, clipped, and nothing before', () => {
    expect(f.complete).toBe(true);
    expect(f.totalMs).toBeCloseTo(10 + 8 + 6 + 3 + 5 + 4, 6);
    expect(f.tasks).toBe(6);
    expect(f.doneOffsetMs).toBeCloseTo(250, 6);
  });

  test('splits it by what ran, each instant once, the categories adding up to the whole', () => {
    const c = f.categories;
    expect(c.gc).toBeCloseTo(2, 6);
    expect(c.style).toBeCloseTo(1, 6);
    expect(c.layout).toBeCloseTo(2, 6);
    // pre-paint and paint, and the frame's 2 ms no event covers
    expect(c.paint).toBeCloseTo(3, 6);
    expect(c.observers).toBeCloseTo(3, 6);
    // the first task and the slice less its collection
    expect(c.script).toBeCloseTo(10 + 6, 6);
    // the untraced task and the part of the last one inside the window
    expect(c.other).toBeCloseTo(5 + 4, 6);
    expect(FIXED_CATEGORIES.reduce((s, k) => s + c[k], 0)).toBeCloseTo(f.totalMs, 6);
  });

  test('tells what came after a given offset from the start', () => {
    // after 250 ms: the observer's task, the untraced one, and 4 ms of the last
    expect(fixedAfter(f, 250)).toBeCloseTo(3 + 5 + 4, 6);
    expect(fixedAfter(f, 250, 'observers')).toBeCloseTo(3, 6);
    expect(fixedAfter(f, 0)).toBeCloseTo(f.totalMs, 6);
  });

  test('says when the trace stopped before the window ended', () => {
    const short = trace().filter((e) => e.ts < 1_000_000);
    expect(analyseFixedWindow(short, { pageUrl: URL, scriptPrefix: EXT, windowMs: 1000 }).complete).toBe(false);
  });

  test('fails loudly when the script never ran', () => {
    const none = trace().filter((e) => e.name !== 'EvaluateScript');
    expect(() => analyseFixedWindow(none, { pageUrl: URL, scriptPrefix: EXT, windowMs: 1000 })).toThrow(/never ran/);
  });
});

describe('per-round differences and growth exponents', () => {
  test('pairedDiff takes the difference round by round, then the median', () => {
    expect(pairedDiff([10, 20, 30], [1, 2, 3]).perRound).toEqual([9, 18, 27]);
    expect(pairedDiff([10, 20, 30], [1, 2, 3]).median).toBe(18);
  });

  test('logSlope is the exponent of a power law, and undefined where a cost is not positive', () => {
    expect(logSlope([1, 2, 5].map((x) => ({ x, y: 3 * x ** 0.5 })))).toBeCloseTo(0.5, 9);
    expect(logSlope([1, 2, 5].map((x) => ({ x, y: 7 })))).toBeCloseTo(0, 9);
    expect(logSlope([{ x: 1, y: 1 }, { x: 2, y: -1 }, { x: 5, y: 2 }])).toBeNaN();
    expect(logSlope([{ x: 1, y: 1 }])).toBeNaN();
  });
});

describe('the knowledge subsets of the growth runs', () => {
  const names = Array.from({ length: 5000 }, (_, i) => `Person number ${i} (politician)`);

  test('keep about the share asked for, the same people every time', () => {
    const kept = names.filter((n) => keepPerson(n, 0.2)).length;
    expect(kept).toBeGreaterThan(5000 * 0.17);
    expect(kept).toBeLessThan(5000 * 0.23);
    expect(names.filter((n) => keepPerson(n, 0.2))).toEqual(names.filter((n) => keepPerson(n, 0.2)));
    expect(names.every((n) => keepPerson(n, 1))).toBe(true);
  });

  test('a smaller share is a subset of a larger one', () => {
    for (const n of names) if (keepPerson(n, 0.2)) expect(keepPerson(n, 0.4)).toBe(true);
  });
});
