/**
 * Main-thread time from a Chromium trace (CDP Tracing), attributed to one
 * content script: every top-level task on the page's renderer main thread
 * from the script's first instruction until the end of the first frame that
 * paints after it signals "done". The generated pages run no scripts of their
 * own and have finished parsing by document_idle, so that window holds the
 * content script's JavaScript and the style, layout and paint it causes (the
 * `none` control shows what little else falls into such a window).
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

const CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  // not 'disabled-by-default-devtools.timeline': with it Chromium walks the whole DOM for a DOMStats event on the next frame (24–38 ms on the large pages), which fell into Backstory's window and not the floor's.
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
];

/** Starts a trace; the returned function stops it and yields the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    // BENCH_TRACE_CATEGORIES=a,b,… adds categories when digging into where time goes.
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: [...CATEGORIES, ...(process.env['BENCH_TRACE_CATEGORIES']?.split(',') ?? [])] },
  });
  return async () => {
    const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

export interface WindowFigures {
  /** Main-thread busy time (sum of top-level tasks, clipped) from start to painted. */
  busyMs: number;
  /** Start to done: the script's own span (wall clock). */
  scriptWallMs: number;
  /** Start to the end of the frame that paints the result (wall clock). */
  paintedWallMs: number;
  /** The page's own load-event task(s) and idle rendering frames inside the window, left out of busyMs. */
  pageLoadTaskMs: number;
  /** The same tasks' thread CPU time (less sensitive to other processes competing for the cores). */
  busyCpuMs: number;
  /** Busy time from start to done (before the painting frame). */
  busyToDoneMs: number;
  /** JavaScript of the content script's own URLs inside the window. */
  jsMs: number;
  /** Style, layout, pre-paint, paint, layerize and commit inside the window. */
  renderMs: number;
  /** Garbage collection inside the window. */
  gcMs: number;
  /** The first task, from the script's start to its end: evaluating the content script (and its bundled index). */
  startTaskMs: number;
  /** Longest top-level task that overlaps the window. */
  longestTaskMs: number;
  /** Longest task running JavaScript or other work of the script's (anything but a rendering frame). */
  longestScriptTaskMs: number;
  /** Longest rendering frame (style, layout, paint, commit) in the window, which the script's changes cause. */
  longestRenderTaskMs: number;
  /** Top-level tasks overlapping the window. */
  tasks: number;
  /** Whether a frame with Paint/Commit was found after done (false: the window ends when the done task ends). */
  framePainted: boolean;
  /** The page's own layout ran before the content script started (sanity check of the method). */
  pageLaidOutBefore: boolean;
}

const RENDER = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'HitTest']);
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GC_MC_INCREMENTAL', 'BlinkGC.AtomicPhase']);

function urlOf(e: TraceEvent): string {
  const d = e.args?.data;
  const u = d?.['url'] ?? (e.args?.['fileName'] as string | undefined);
  return typeof u === 'string' ? u : '';
}

export interface WindowSpec {
  /** The page's URL (finds its renderer). */
  pageUrl: string;
  /** Content scripts are recognised by this URL prefix (chrome-extension://ID/). */
  scriptPrefix: string;
  /** User-timing mark whose time is the start; else the first EvaluateScript of the prefix. */
  startMark?: string;
  /** User-timing mark whose time means "work done, result registered"; else the end of the last task running the script. */
  doneMark?: string;
  /** User-timing mark set in a task posted after the next frame: the window never ends later than this (a contender that changes nothing paints nothing). */
  afterFrameMark?: string;
}

/** The renderer main thread (pid, tid) of the frame that committed `pageUrl`. */
function mainThread(events: TraceEvent[], pageUrl: string): { pid: number; tid: number } {
  const commit = events.filter((e) => e.name === 'FrameCommittedInBrowser' && urlOf(e) === pageUrl).at(-1);
  const pid = (commit?.args?.data?.['processId'] as number | undefined) ??
    events.find((e) => e.name === 'ParseHTML' && String((e.args?.['beginData'] as Record<string, unknown> | undefined)?.['url'] ?? '') === pageUrl)?.pid;
  if (pid === undefined) throw new Error(`trace: no renderer committed ${pageUrl}`);
  const named = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && (e.args?.['name'] as string) === 'CrRendererMain');
  return { pid, tid: named?.tid ?? pid };
}

/** Outermost events of the given names (nested ones are inside and would be counted twice). */
function outermost(list: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of list) {
    if (e.ts >= end) {
      out.push(e);
      end = e.ts + (e.dur ?? 0);
    }
  }
  return out;
}

function overlap(e: TraceEvent, a: number, b: number): number {
  return Math.max(0, Math.min(e.ts + (e.dur ?? 0), b) - Math.max(e.ts, a));
}

/** The renderer main thread's events in time order, its complete events, and its outermost top-level tasks. */
function mainTasks(events: TraceEvent[], pageUrl: string): { pid: number; main: TraceEvent[]; complete: TraceEvent[]; tasks: TraceEvent[] } {
  const { pid, tid } = mainThread(events, pageUrl);
  const main = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const complete = main.filter((e) => e.ph === 'X');
  let tasks = complete.filter((e) => e.name === 'RunTask');
  if (tasks.length === 0) tasks = complete.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  return { pid, main, complete, tasks: outermost(tasks) };
}

export function analyseWindow(events: TraceEvent[], spec: WindowSpec): WindowFigures {
  const { main, complete, tasks: all } = mainTasks(events, spec.pageUrl);
  let tasks = all;
  // The page's own load-event task can land between a content script's slices (document_idle may run before onload): not the script's.
  const lifecycle = main.filter((e) => e.name === 'MarkLoad' || e.name === 'loadEventStart' || e.name === 'MarkDOMContent');
  const within = (t: TraceEvent, e: TraceEvent) => e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0);
  const isLifecycle = (t: TraceEvent) =>
    lifecycle.some((e) => within(t, e)) && !complete.some((e) => within(t, e) && urlOf(e).startsWith(spec.scriptPrefix));
  // A rendering frame in which Chromium had nothing to update (its style, layout, pre-paint and paint together
  // under 1 ms) was not caused by the script: the page's first frame after it finished parsing is one, ~25 ms
  // on the 1 MB page and ~50 ms on the 200k-node page, which the control shows as well. It lands in any
  // window that lasts long enough (Backstory's, mark.js's) and not in a short one (the floor's), so it is left out.
  const isIdleFrame = (t: TraceEvent) => {
    const inside = complete.filter((e) => e !== t && within(t, e));
    if (!inside.some((e) => e.name === 'PrePaint' || e.name === 'Layerize')) return false;
    if (inside.some((e) => urlOf(e).startsWith(spec.scriptPrefix) || e.name === 'FunctionCall')) return false;
    return inside.filter((e) => RENDER.has(e.name) && e.name !== 'Commit').reduce((sum, e) => sum + (e.dur ?? 0), 0) < 1000;
  };
  const pageTasks = tasks.filter((t) => isLifecycle(t) || isIdleFrame(t));
  tasks = tasks.filter((t) => !isLifecycle(t) && !isIdleFrame(t));
  const mark = (name: string) => main.find((e) => e.cat.includes('blink.user_timing') && e.name === name && (e.ph === 'I' || e.ph === 'R' || e.ph === 'n'))?.ts;
  // Any event carrying one of the script's URLs: evaluation, compilation, callbacks (timers, tasks, observers, events).
  const scriptJs = complete.filter((e) => urlOf(e).startsWith(spec.scriptPrefix));

  const start = (spec.startMark ? mark(spec.startMark) : undefined) ?? scriptJs.find((e) => e.name === 'EvaluateScript')?.ts;
  if (start === undefined) throw new Error(`trace: the content script (${spec.scriptPrefix}…) never ran on ${spec.pageUrl}`);
  const taskAt = (ts: number) => tasks.find((t) => t.ts <= ts && ts <= t.ts + (t.dur ?? 0));
  let done = spec.doneMark ? mark(spec.doneMark) : undefined;
  if (done === undefined) {
    const last = scriptJs.filter((e) => e.ts >= start).at(-1);
    done = last ? last.ts + (last.dur ?? 0) : start;
  }
  const doneTask = taskAt(done);
  const doneTaskEnd = doneTask ? doneTask.ts + (doneTask.dur ?? 0) : done;
  // The frame that shows the result: the first task after the done task that paints or commits.
  const bound = (spec.afterFrameMark ? mark(spec.afterFrameMark) : undefined) ?? Infinity;
  const paints = complete.filter((e) => (e.name === 'Paint' || e.name === 'Commit') && e.ts >= doneTaskEnd && e.ts < bound);
  const paintTask = paints.length ? taskAt(paints[0]!.ts) : undefined;
  const end = paintTask ? paintTask.ts + (paintTask.dur ?? 0) : doneTaskEnd;

  const inWindow = tasks.filter((t) => overlap(t, start, end) > 0 || (t.ts <= start && start <= t.ts + (t.dur ?? 0)));
  const sum = (list: TraceEvent[], a: number, b: number) => list.reduce((s, e) => s + overlap(e, a, b), 0);
  const cpu = (list: TraceEvent[], a: number, b: number) =>
    list.reduce((s, e) => s + (e.dur ? (overlap(e, a, b) / e.dur) * (e.tdur ?? e.dur) : 0), 0);
  const firstLayout = complete.find((e) => e.name === 'Layout');
  return {
    busyMs: sum(tasks, start, end) / 1000,
    pageLoadTaskMs: sum(pageTasks, start, end) / 1000,
    busyCpuMs: cpu(tasks, start, end) / 1000,
    busyToDoneMs: sum(tasks, start, done) / 1000,
    scriptWallMs: (done - start) / 1000,
    paintedWallMs: (end - start) / 1000,
    jsMs: sum(outermost(scriptJs), start, end) / 1000,
    renderMs: sum(outermost(complete.filter((e) => RENDER.has(e.name))), start, end) / 1000,
    gcMs: sum(outermost(complete.filter((e) => GC.has(e.name))), start, end) / 1000,
    startTaskMs: (() => {
      const t = taskAt(start);
      return t ? (t.ts + (t.dur ?? 0) - start) / 1000 : NaN;
    })(),
    longestTaskMs: Math.max(0, ...inWindow.map((t) => (t.dur ?? 0) / 1000)),
    ...(() => {
      let script = 0;
      let render = 0;
      for (const t of inWindow) {
        const end = t.ts + (t.dur ?? 0);
        const inside = complete.filter((e) => e !== t && e.ts >= t.ts && e.ts < end);
        const isRender = inside.some((e) => RENDER.has(e.name)) && !inside.some((e) => urlOf(e).startsWith(spec.scriptPrefix));
        if (isRender) render = Math.max(render, (t.dur ?? 0) / 1000);
        else script = Math.max(script, (t.dur ?? 0) / 1000);
      }
      return { longestScriptTaskMs: script, longestRenderTaskMs: render };
    })(),
    tasks: inWindow.length,
    framePainted: paintTask !== undefined,
    pageLaidOutBefore: firstLayout !== undefined && firstLayout.ts < start,
  };
}

/** Main-thread time in a fixed window, by what it was spent on (bench/README.md, "The whole cost"). */
export interface FixedWindowFigures {
  /** The window: from the content script's first instruction, this long (ms). */
  windowMs: number;
  /** Whether the trace reached the end of the window. */
  complete: boolean;
  /** Every top-level task on the page's main thread inside the window, clipped to it: nothing left out. */
  totalMs: number;
  /** Thread CPU time of those tasks. */
  totalCpuMs: number;
  /** Top-level tasks inside the window. */
  tasks: number;
  /** When the "done" mark came (Backstory's `backstory:painted`, a contender's `contender:done`), ms from the start. */
  doneOffsetMs: number;
  /** totalMs split by what ran (each instant counted once, in the first of gc, style, layout, paint, observers, script; the rest "other"). */
  categories: Record<FixedCategory, number>;
  /** Where each category's time lies, ms from the start (for splitting at another run's "done"; left out of the JSON). */
  spans: Record<FixedCategory, [number, number][]>;
}

export const FIXED_CATEGORIES = ['script', 'observers', 'style', 'layout', 'paint', 'gc', 'other'] as const;
export type FixedCategory = (typeof FIXED_CATEGORIES)[number];

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet']);
const LAYOUT = new Set(['Layout', 'UpdateLayer', 'HitTest']);
const PAINT = new Set(['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'Commit', 'UpdateLayerTree', 'CompositeLayers', 'Decode Image']);
const isGc = (name: string) => GC.has(name) || name.startsWith('V8.GC') || name.startsWith('BlinkGC') || name === 'V8.ScavengeTask';
/** JavaScript, and the engine's own work around it (interrupts, microtask checkpoints). */
const JS = new Set([
  'EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunPostTaskCallback',
  'v8.run', 'V8.Execute', 'v8.callFunction', 'RunMicrotasks', 'FireIdleCallback', 'BlinkScheduler_PerformMicrotaskCheckpoint',
  'V8.StackGuard', 'V8.HandleInterrupts', 'V8.BytecodeBudgetInterrupt', 'V8.BytecodeBudgetInterruptWithStackCheck',
]);
/** What a task that runs a callback says about where it came from: a task with none of these that calls a function is an observer's delivery. */
const ENTRY = new Set(['EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'RunPostTaskCallback', 'EventDispatch', 'FireIdleCallback', 'Receive mojo message', 'Receive mojo reply', 'ParseHTML']);

type Span = [number, number];

/** The union of the events' spans, clipped to [a, b], as sorted disjoint spans. */
function union(list: TraceEvent[], a: number, b: number): Span[] {
  const spans = list
    .map((e): Span => [Math.max(a, e.ts), Math.min(b, e.ts + (e.dur ?? 0))])
    .filter(([s, t]) => t > s)
    .sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** `x` minus `y` (both sorted, disjoint). */
function minus(x: Span[], y: Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const [s0, t] of x) {
    let s = s0;
    while (j < y.length && y[j]![1] <= s) j++;
    let k = j;
    while (k < y.length && y[k]![0] < t) {
      if (y[k]![0] > s) out.push([s, y[k]![0]]);
      s = Math.max(s, y[k]![1]);
      k++;
    }
    if (s < t) out.push([s, t]);
  }
  return out;
}

/** Spans as events again (to union them with others). */
const toEvents = (x: Span[]): TraceEvent[] => x.map(([a, b]) => ({ name: '', cat: '', ph: 'X', ts: a, dur: b - a, pid: 0, tid: 0 }));

const spanTotal = (x: readonly Span[]) => x.reduce((s, [a, b]) => s + b - a, 0);

/** Of a fixed window's time in `category` (or all of it), the part from `offsetMs` after the start on. */
export function fixedAfter(f: FixedWindowFigures, offsetMs: number, category?: FixedCategory): number {
  const cats = category ? [category] : FIXED_CATEGORIES;
  let sum = 0;
  for (const c of cats) for (const [a, b] of f.spans[c]) sum += Math.max(0, b - Math.max(a, offsetMs));
  return sum;
}

/**
 * Everything on the page's renderer main thread for `windowMs` from the
 * content script's first instruction (its first EvaluateScript), with no
 * task left out: meant to be taken with the script and without it (the
 * `none` control), on the same page in the same round, and the difference
 * read as the script's whole cost, whatever it caused and whenever.
 *
 * Categories, each instant counted once, in this order: GC (V8 and Blink
 * collections); style (UpdateLayoutTree); layout (Layout, hit tests); paint
 * (pre-paint, paint, layerize, commit, and the rest of a rendering frame that
 * no traced event covers, such as rebuilding highlight markers); observer callbacks (Blink computing
 * IntersectionObserver intersections, and any function a task calls with no
 * other cause in it (no timer, frame callback, posted task, event, message
 * or script evaluation): how Chromium delivers IntersectionObserver and
 * ResizeObserver callbacks); script (all other JavaScript, its compilation
 * and the engine's interrupts); other (the rest of the tasks: IPC, the
 * scheduler, the harness's own probes).
 */
export function analyseFixedWindow(events: TraceEvent[], spec: WindowSpec & { windowMs: number }): FixedWindowFigures {
  const { pid, main, complete, tasks } = mainTasks(events, spec.pageUrl);
  const mark = (name: string) => main.find((e) => e.cat.includes('blink.user_timing') && e.name === name && (e.ph === 'I' || e.ph === 'R' || e.ph === 'n'))?.ts;
  const first = complete.find((e) => e.name === 'EvaluateScript' && urlOf(e).startsWith(spec.scriptPrefix))?.ts;
  const start = first ?? (spec.startMark ? mark(spec.startMark) : undefined);
  if (start === undefined) throw new Error(`trace: the content script (${spec.scriptPrefix}…) never ran on ${spec.pageUrl}`);
  const end = start + spec.windowMs * 1000;
  const done = (spec.doneMark ? mark(spec.doneMark) : undefined) ?? end;
  const lastTs = Math.max(...events.filter((e) => e.pid === pid).map((e) => e.ts + (e.dur ?? 0)));

  const inWindow = complete.filter((e) => e.ts < end && e.ts + (e.dur ?? 0) > start);
  // Observer deliveries: function calls in a task that has no other cause for them.
  const observerCalls: TraceEvent[] = [];
  let ti = 0;
  for (const t of tasks) {
    if (overlap(t, start, end) <= 0) continue;
    const tEnd = t.ts + (t.dur ?? 0);
    while (ti < inWindow.length && inWindow[ti]!.ts < t.ts) ti++;
    let entry = false;
    const calls: TraceEvent[] = [];
    for (let k = ti; k < inWindow.length && inWindow[k]!.ts <= tEnd; k++) {
      const e = inWindow[k]!;
      if (ENTRY.has(e.name)) entry = true;
      else if (e.name === 'FunctionCall') calls.push(e);
    }
    if (!entry) observerCalls.push(...calls);
  }
  const all = union(tasks, start, end);
  const gc = union(inWindow.filter((e) => isGc(e.name)), start, end);
  const style = minus(union(inWindow.filter((e) => STYLE.has(e.name)), start, end), gc);
  const layout = minus(minus(union(inWindow.filter((e) => LAYOUT.has(e.name)), start, end), gc), style);
  const scriptAll = union(inWindow.filter((e) => JS.has(e.name) || urlOf(e).startsWith(spec.scriptPrefix)), start, end);
  const observersRaw = union([...inWindow.filter((e) => e.name === 'IntersectionObserverController::computeIntersections'), ...observerCalls], start, end);
  // A rendering frame's time that no traced event covers (Chromium rebuilding highlight markers, for one) is the frame's: paint.
  const frames = union(
    tasks.filter((t) => inWindow.some((e) => (e.name === 'PrePaint' || e.name === 'Layerize') && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0))),
    start,
    end,
  );
  const paintEvents = union(inWindow.filter((e) => PAINT.has(e.name)), start, end);
  const paint = minus(minus(minus(union([...toEvents(paintEvents), ...toEvents(minus(minus(frames, scriptAll), observersRaw))], start, end), gc), style), layout);
  const taken = union([...toEvents(gc), ...toEvents(style), ...toEvents(layout), ...toEvents(paint)], start, end);
  const observers = minus(observersRaw, taken);
  const script = minus(minus(scriptAll, taken), observers);
  const other = minus(minus(minus(all, taken), observers), scriptAll);
  const rel = (x: Span[]): [number, number][] => x.map(([a, b]) => [Math.round((a - start) / 10) / 100, Math.round((b - start) / 10) / 100]);
  const spans: Record<FixedCategory, [number, number][]> = {
    script: rel(script),
    observers: rel(observers),
    style: rel(style),
    layout: rel(layout),
    paint: rel(paint),
    gc: rel(gc),
    other: rel(other),
  };
  const categories = Object.fromEntries(FIXED_CATEGORIES.map((c) => [c, spanTotal(spans[c])])) as Record<FixedCategory, number>;
  return {
    windowMs: spec.windowMs,
    complete: lastTs >= end,
    totalMs: spanTotal(all) / 1000,
    totalCpuMs: tasks.reduce((s, e) => s + (e.dur ? (overlap(e, start, end) / e.dur) * (e.tdur ?? e.dur) : 0), 0) / 1000,
    tasks: tasks.filter((t) => overlap(t, start, end) > 0).length,
    doneOffsetMs: (Math.min(done, end) - start) / 1000,
    categories,
    spans,
  };
}
