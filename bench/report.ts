/** Turns the measured runs into the printed tables, the JSON and the target checks. */
import type { BundleFigures } from './bundle';
import type { Contender } from './contenders';
import type { EngineFigures } from './engine';
import type { HoverFigures } from './hover';
import type { KnowledgeGrowthFigures } from './knowledge-growth';
import type { FirefoxFigures } from './firefox';
import type { ScrollFigures } from './scroll';
import type { ChurnFigures } from './churn';
import type { SettingsFigures } from './settings';
import type { Measurement } from './measure';
import { fmt, kb, max, median, pairedDiff, pairedRatio, table } from './stats';
import { FIXED_CATEGORIES, fixedAfter, type FixedCategory } from './trace';

export { fmt };

/** Kilobytes of 1,000 bytes (as build tools print them, and as the bytes-per-page target is set). */
const kB = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} kB` : '–');

/** The 1 MB page for the alias-count growth runs (its mentions all come from the 10% subset). */
export const GROWTH_PAGE = 'text-1mb-common';

export type Who = 'backstory' | Contender | 'engine10' | 'engine50';

export interface PageResult {
  page: string;
  textChars: number;
  planted: number;
  nodes: number;
  runs: Partial<Record<Who, Measurement[]>>;
}

export type MarkKeywords = Record<string, { ms: number; capped: boolean; keywordsDone: number; mentions: number }>;

export interface Inputs {
  results: Map<string, PageResult>;
  markkw: MarkKeywords;
  hover: HoverFigures | { error: string };
  /** Scrolling each large page after it is painted (the mentions registered as they come near). */
  scroll: (ScrollFigures | { error: string })[];
  /** The churn page: text changing a thousand times a second (bench/churn.ts). */
  churn: ChurnFigures | { error: string };
  /** An open tab following a settings change (bench/settings.ts). */
  settings: SettingsFigures | { error: string };
  engine: EngineFigures | { error: string };
  bundle: BundleFigures;
  /** Pages that hold all their text in one element (a <br> transcript, one huge text node), reported on their own. */
  oneElement?: string[];
  /** Aliases in each index variant (e10, e50, e100). */
  aliasCounts: Record<string, number>;
  /** The extension built with 1×, 2×, 5× the knowledge (bench/knowledge-growth.ts). */
  knowledge?: KnowledgeGrowthFigures | { error: string };
  /** The article and the 1 MB page in Firefox (bench/firefox.ts). */
  firefox?: FirefoxFigures | { error: string };
}

const busy = (m: Measurement) => m.window.busyMs;
const toDone = (m: Measurement) => m.window.busyToDoneMs;

/** Growth exponent k in time ∝ size^k between the smallest and the largest point. */
function exponent(points: { x: number; t: number }[]): number {
  const ok = points.filter((p) => p.x > 0 && p.t > 0 && Number.isFinite(p.t));
  if (ok.length < 2) return NaN;
  const a = ok[0]!;
  const b = ok.at(-1)!;
  return Math.log(b.t / a.t) / Math.log(b.x / a.x);
}

function pageSummary(r: PageResult) {
  const runs = (who: Who) => r.runs[who] ?? [];
  const series = (who: Who, f: (m: Measurement) => number) => runs(who).map(f);
  const med = (who: Who, f: (m: Measurement) => number) => median(series(who, f));
  // Heap against the control run of the same round (same page, fresh tab, forced GC in both).
  const heapAdded = (who: Who) => median(runs(who).map((m, i) => m.heapBytes - (runs('none')[i]?.heapBytes ?? NaN)));
  const selfReported = (who: Who, key: string) => med(who, (m) => Number(m.inPage.extra?.[key] ?? NaN));
  const contender = (who: Who) => ({
    scriptMs: med(who, toDone),
    paintedMs: med(who, busy),
    paintedCpuMs: med(who, (m) => m.window.busyCpuMs),
    paintedWallMs: med(who, (m) => m.window.paintedWallMs),
    renderMs: med(who, (m) => m.window.renderMs),
    longestTaskMs: max(series(who, (m) => m.window.longestTaskMs)),
    heapAddedBytes: heapAdded(who),
    mentions: med(who, (m) => m.inPage.mentions ?? NaN),
  });
  const engineParts = (who: Who) => ({
    ...contender(who),
    loadMs: selfReported(who, 'loadMs'),
    walkMs: selfReported(who, 'walkMs'),
    matchMs: selfReported(who, 'matchMs'),
    rangesAndRegisterMs: selfReported(who, 'paintMs'),
  });
  const bsPainted = series('backstory', busy);
  // The whole cost: everything on the main thread in the fixed window, Backstory's run minus the control's of the same round.
  const fixedOf = (who: Who, f: (x: NonNullable<Measurement['fixed']>) => number) => series(who, (m) => (m.fixed ? f(m.fixed) : NaN));
  const fixedDiff = (f: (x: NonNullable<Measurement['fixed']>) => number) => pairedDiff(fixedOf('backstory', f), fixedOf('none', f));
  const hasFixed = runs('backstory').some((m) => m.fixed) && runs('none').some((m) => m.fixed);
  const afterPainted = (c?: FixedCategory) => {
    const b = runs('backstory');
    const n = runs('none');
    const perRound: number[] = [];
    for (let i = 0; i < Math.min(b.length, n.length); i++) {
      const fb = b[i]!.fixed;
      const fn = n[i]!.fixed;
      perRound.push(fb && fn ? fixedAfter(fb, fb.doneOffsetMs, c) - fixedAfter(fn, fb.doneOffsetMs, c) : NaN);
    }
    return { median: median(perRound), perRound };
  };
  const whole = hasFixed
    ? {
        windowMs: runs('backstory').find((m) => m.fixed)!.fixed!.windowMs,
        backstoryMs: median(fixedOf('backstory', (x) => x.totalMs)),
        controlMs: median(fixedOf('none', (x) => x.totalMs)),
        /** Backstory's total minus the control's, round by round, then the median. */
        extraMs: fixedDiff((x) => x.totalMs),
        extraCpuMs: fixedDiff((x) => x.totalCpuMs),
        /** Of the extra, what ran after Backstory's painted event: Backstory's time after it minus the control's after the same offset from its start. */
        extraAfterPaintedMs: afterPainted(),
        /** Per category: Backstory, the control, and the per-round difference's median. */
        categories: Object.fromEntries(
          FIXED_CATEGORIES.map((c) => [
            c,
            {
              backstoryMs: median(fixedOf('backstory', (x) => x.categories[c])),
              controlMs: median(fixedOf('none', (x) => x.categories[c])),
              extraMs: fixedDiff((x) => x.categories[c]).median,
              afterPaintedExtraMs: afterPainted(c).median,
            },
          ]),
        ) as Record<FixedCategory, { backstoryMs: number; controlMs: number; extraMs: number; afterPaintedExtraMs: number }>,
      }
    : undefined;
  return {
    textChars: r.textChars,
    nodes: r.nodes,
    planted: r.planted,
    floor: { scriptMs: med('floor', toDone) },
    regexp: { scriptMs: med('regexp', toDone), mentions: med('regexp', (m) => m.inPage.mentions ?? NaN) },
    markRegExp: contender('markre'),
    engine: r.runs.engine ? engineParts('engine') : undefined,
    engine10: r.runs.engine10 ? engineParts('engine10') : undefined,
    engine50: r.runs.engine50 ? engineParts('engine50') : undefined,
    control: { busyMs: med('none', busy), heapBytes: med('none', (m) => m.heapBytes) },
    /** Backstory's main-thread time until painted minus the control's (an empty content script) in the same round, then the median. */
    ownMs: pairedDiff(bsPainted, series('none', busy)),
    whole,
    backstory: {
      registeredMs: med('backstory', toDone),
      paintedMs: med('backstory', busy),
      paintedCpuMs: med('backstory', (m) => m.window.busyCpuMs),
      paintedWallMs: med('backstory', (m) => m.window.paintedWallMs),
      jsMs: med('backstory', (m) => m.window.jsMs),
      startTaskMs: med('backstory', (m) => m.window.startTaskMs),
      renderMs: med('backstory', (m) => m.window.renderMs),
      gcMs: med('backstory', (m) => m.window.gcMs),
      longestTaskMs: max(series('backstory', (m) => m.window.longestTaskMs)),
      longestScriptTaskMs: max(series('backstory', (m) => m.window.longestScriptTaskMs)),
      longestRenderTaskMs: max(series('backstory', (m) => m.window.longestRenderTaskMs)),
      tasks: med('backstory', (m) => m.window.tasks),
      heapAddedBytes: heapAdded('backstory'),
      mentions: med('backstory', (m) => m.inPage.mentions ?? NaN),
      /** Ranges registered when "painted" came (those near the viewport, as the page's registry counts them). */
      registered: max(series('backstory', (m) => Number(m.inPage.extra?.['registeredAtEvent'] ?? NaN))),
      /** The longest slice, as Backstory's slicer timed it. */
      longestSliceMs: max(series('backstory', (m) => Number(m.inPage.extra?.['longestTaskMs'] ?? NaN))),
      selfReportedMs: med('backstory', (m) => m.inPage.selfMs ?? NaN),
      extensionFetchBytes: med('backstory', (m) => m.extensionFetchBytes),
      notes: [...new Set(runs('backstory').map((m) => m.note).filter(Boolean))],
    },
    ratios: {
      /** Backstory until painted ÷ the floor, round by round. */
      backstoryOverFloor: pairedRatio(bsPainted, series('floor', toDone)),
      /** mark.js markRegExp until painted ÷ Backstory until painted, round by round. */
      markRegExpOverBackstory: pairedRatio(series('markre', busy), bsPainted),
      engineOverFloor: pairedRatio(series('engine', busy), series('floor', toDone)),
      markRegExpOverEngine: pairedRatio(series('markre', busy), series('engine', busy)),
    },
    runs: Object.fromEntries(
      Object.entries(r.runs).map(([k, v]) => [
        k,
        v.map((m) => ({ ...m.window, heapBytes: m.heapBytes, domNodes: m.domNodes, inPage: m.inPage, fixed: m.fixed ? { ...m.fixed, spans: undefined } : undefined, note: m.note })),
      ]),
    ),
  };
}

export function summarise(inp: Inputs): { text: string; json: Record<string, unknown>; failed: string[] } {
  const pages: Record<string, ReturnType<typeof pageSummary>> = {};
  for (const r of inp.results.values()) pages[r.page] = pageSummary(r);
  const targets: { target: string; value: string; met: boolean }[] = [];
  const target = (name: string, value: number, ok: (v: number) => boolean, show: string) =>
    targets.push({ target: name, value: show, met: Number.isFinite(value) && ok(value) });
  const lines: string[] = [];
  const size = (p: ReturnType<typeof pageSummary>) =>
    `${Math.round(p.textChars / 1000)}k chars, ${Number.isFinite(p.nodes) ? `${(p.nodes / 1000).toFixed(1)}k` : '?'} nodes`;

  const main = ['article', 'text-1mb', 'nodes-200k'].filter((n) => pages[n]);
  lines.push('Main-thread ms from the content script\'s start (CDP trace; medians). "registered / painted": until the highlights (or marks) are in place / until the frame that shows them ends.');
  lines.push(
    table(
      ['page', 'size', 'floor: text walk', 'one RegExp, match only', 'mark.js markRegExp', 'engine alone, painted once', 'Backstory', 'Backstory longest task: script / frame', 'Backstory ÷ floor', 'mark.js ÷ Backstory'],
      main.map((n) => {
        const p = pages[n]!;
        return [
          n,
          size(p),
          fmt(p.floor.scriptMs),
          fmt(p.regexp.scriptMs),
          `${fmt(p.markRegExp.scriptMs)} / ${fmt(p.markRegExp.paintedMs)}`,
          p.engine ? `${fmt(p.engine.scriptMs)} / ${fmt(p.engine.paintedMs)}` : '–',
          `${fmt(p.backstory.registeredMs)} / ${fmt(p.backstory.paintedMs)}`,
          `${fmt(p.backstory.longestScriptTaskMs)} / ${fmt(p.backstory.longestRenderTaskMs)}`,
          `${fmt(p.ratios.backstoryOverFloor.median)}×`,
          `${fmt(p.ratios.markRegExpOverBackstory.median)}×`,
        ];
      }),
    ),
  );
  lines.push('');
  lines.push('Where the time goes (ms), mentions found, memory:');
  lines.push(
    table(
      ['page', 'Backstory JS / render / GC', 'first task (script + index)', 'Backstory CPU', 'Backstory wall to painted', 'tasks', 'JS heap added: Backstory / mark.js', 'found: Backstory / engine / mark.js / planted', 'mark.js render / longest task', 'control window'],
      main.map((n) => {
        const p = pages[n]!;
        const b = p.backstory;
        return [
          n,
          `${fmt(b.jsMs)} / ${fmt(b.renderMs)} / ${fmt(b.gcMs)}`,
          fmt(b.startTaskMs),
          fmt(b.paintedCpuMs),
          fmt(b.paintedWallMs),
          fmt(b.tasks, 0),
          `${kb(b.heapAddedBytes)} / ${kb(p.markRegExp.heapAddedBytes)}`,
          `${fmt(b.mentions, 0)} / ${fmt(p.engine?.mentions ?? NaN, 0)} / ${fmt(p.markRegExp.mentions, 0)} / ${p.planted}`,
          `${fmt(p.markRegExp.renderMs)} / ${fmt(p.markRegExp.longestTaskMs)}`,
          fmt(p.control.busyMs),
        ];
      }),
    ),
  );
  const wholes = main.filter((n) => pages[n]!.whole);
  if (main.some((n) => Number.isFinite(pages[n]!.ownMs.median)) || wholes.length) {
    const w0 = wholes.length ? pages[wholes[0]!]!.whole!.windowMs : NaN;
    lines.push('');
    lines.push(
      `Own time and the whole cost (ms; each a median of per-round differences, Backstory's run minus the \`none\` control's, same page, same round). ` +
        `"Own time": until painted, as above. "Whole": every main-thread task in the ${fmt(w0 / 1000, 0)} s from the content script's first instruction, nothing left out.`,
    );
    lines.push(
      table(
        ['page', 'Backstory until painted', 'own time (− control)', `whole ${fmt(w0 / 1000, 0)} s: Backstory / control`, 'whole: extra', 'whole: extra CPU', 'extra after painted'],
        main.map((n) => {
          const p = pages[n]!;
          const w = p.whole;
          return [
            n,
            fmt(p.backstory.paintedMs),
            fmt(p.ownMs.median),
            w ? `${fmt(w.backstoryMs)} / ${fmt(w.controlMs)}` : '–',
            w ? fmt(w.extraMs.median) : '–',
            w ? fmt(w.extraCpuMs.median) : '–',
            w ? fmt(w.extraAfterPaintedMs.median) : '–',
          ];
        }),
      ),
    );
    // The 1 MB page (the issue's question), and the 200k-node page, where a collection after painted weighs most.
    for (const n of wholes.filter((w) => w === 'text-1mb' || w === 'nodes-200k')) {
      const w = pages[n]!.whole!;
      lines.push('');
      lines.push(
        `Where the extra goes on ${n} (${fmt(w.windowMs / 1000, 0)} s window, ms by trace event; each instant counted once, in the first of GC, style, layout, paint, observer callbacks, script; "other": the rest of the tasks):`,
      );
      lines.push(
        table(
          ['what', 'Backstory', 'control', 'extra', 'of it after painted'],
          FIXED_CATEGORIES.map((c) => {
            const x = w.categories[c];
            return [c === 'observers' ? 'observer callbacks' : c === 'style' ? 'style recalc' : c, fmt(x.backstoryMs), fmt(x.controlMs), fmt(x.extraMs), fmt(x.afterPaintedExtraMs)];
          }).concat([['all', fmt(w.backstoryMs), fmt(w.controlMs), fmt(w.extraMs.median), fmt(w.extraAfterPaintedMs.median)]]),
        ),
      );
    }
  }
  const engines = main.filter((n) => pages[n]!.engine);
  if (engines.length) {
    lines.push('');
    lines.push('The engine alone (real walk + matcher, every range registered at once, no slicing), self-timed in the page (ms):');
    lines.push(
      table(
        ['page', 'index load', 'walk', 'match', 'ranges + register', 'trace: script / painted'],
        engines.map((n) => {
          const e = pages[n]!.engine!;
          return [n, fmt(e.loadMs), fmt(e.walkMs), fmt(e.matchMs), fmt(e.rangesAndRegisterMs), `${fmt(e.scriptMs)} / ${fmt(e.paintedMs)}`];
        }),
      ),
    );
  }
  for (const n of main) for (const note of pages[n]!.backstory.notes) lines.push(`Note (${n}): ${note}`);

  // Growth with text length.
  const sized = ['text-250kb', 'text-500kb', 'text-1mb'].map((n) => pages[n]).filter(Boolean) as ReturnType<typeof pageSummary>[];
  const growth: Record<string, unknown> = {};
  if (sized.length >= 2) {
    const exp = (f: (p: ReturnType<typeof pageSummary>) => number) => exponent(sized.map((p) => ({ x: p.textChars, t: f(p) })));
    growth['byText'] = {
      points: sized.map((p) => ({ chars: p.textChars, backstoryMs: p.backstory.paintedMs, floorMs: p.floor.scriptMs, markRegExpMs: p.markRegExp.paintedMs })),
      exponent: { backstory: exp((p) => p.backstory.paintedMs), floor: exp((p) => p.floor.scriptMs), markRegExp: exp((p) => p.markRegExp.paintedMs) },
    };
    lines.push('');
    lines.push('Growth with text length (article text, ms until painted; k in time ∝ size^k):');
    lines.push(
      table(
        ['text', 'Backstory', 'floor', 'mark.js markRegExp'],
        [
          ...sized.map((p) => [`${Math.round(p.textChars / 1000)}k chars`, fmt(p.backstory.paintedMs), fmt(p.floor.scriptMs), fmt(p.markRegExp.paintedMs)]),
          ['k', fmt(exp((p) => p.backstory.paintedMs)), fmt(exp((p) => p.floor.scriptMs)), fmt(exp((p) => p.markRegExp.paintedMs))],
        ],
      ),
    );
  }
  // Pages whose text is all in one element: what is registered must not grow with the element, nor a task with its text.
  const oneElement = (inp.oneElement ?? []).filter((n) => pages[n]?.backstory && Number.isFinite(pages[n]!.backstory.paintedWallMs));
  if (oneElement.length) {
    lines.push('');
    lines.push('All the text in one element (a transcript cut by <br>; one text node): registered ranges at "painted" (the most of any round), longest tasks (the most of any round), time to painted (median, ms):');
    lines.push(
      table(
        ['page', 'size', 'found / planted', 'registered', 'longest task: script / frame / any', 'longest slice (self-timed)', 'Backstory busy to painted', 'wall to painted', 'tasks'],
        oneElement.map((n) => {
          const p = pages[n]!;
          const b = p.backstory;
          return [
            n,
            size(p),
            `${fmt(b.mentions, 0)} / ${p.planted}`,
            fmt(b.registered, 0),
            `${fmt(b.longestScriptTaskMs)} / ${fmt(b.longestRenderTaskMs)} / ${fmt(b.longestTaskMs)}`,
            fmt(b.longestSliceMs),
            fmt(b.paintedMs),
            fmt(b.paintedWallMs),
            fmt(b.tasks, 0),
          ];
        }),
      ),
    );
    for (const n of oneElement) {
      const b = pages[n]!.backstory;
      target(`${n}: no Backstory task over 50 ms`, b.longestScriptTaskMs, (v) => v <= 50, `${fmt(b.longestScriptTaskMs)} ms`);
      target(`${n}: registered < 1,000`, b.registered, (v) => v < 1000, fmt(b.registered, 0));
    }
  }
  // Growth with alias count.
  const big = pages[GROWTH_PAGE];
  if (big?.engine10 && big.engine50 && big.engine) {
    const pts = [
      { seg: 'e10', e: big.engine10 },
      { seg: 'e50', e: big.engine50 },
      { seg: 'e100', e: big.engine },
    ].map(({ seg, e }) => ({ aliases: inp.aliasCounts[seg] ?? NaN, ...e }));
    const k = exponent(pts.map((p) => ({ x: p.aliases, t: p.paintedMs })));
    const kMatch = exponent(pts.map((p) => ({ x: p.aliases, t: p.matchMs })));
    growth['byAliases'] = { points: pts.map((p) => ({ aliases: p.aliases, paintedMs: p.paintedMs, loadMs: p.loadMs, matchMs: p.matchMs, mentions: p.mentions })), exponent: k, matchExponent: kMatch };
    lines.push('');
    lines.push(`Growth with alias count (${GROWTH_PAGE}: 1 MB, every mention from the 10% subset; the engine in the page with 10% / 50% / 100% of the knowledge; ms):`);
    lines.push(
      table(
        ['aliases', 'index load', 'match', 'painted (trace)', 'mentions'],
        [
          ...pts.map((p) => [String(p.aliases), fmt(p.loadMs), fmt(p.matchMs), fmt(p.paintedMs), fmt(p.mentions, 0)]),
          ['k', '', fmt(kMatch), fmt(k), ''],
        ],
      ),
    );
  }

  if (inp.knowledge) {
    lines.push('');
    lines.push('error' in inp.knowledge ? `Growth with the knowledge: ${inp.knowledge.error}` : inp.knowledge.text);
  }
  if (inp.firefox) {
    lines.push('');
    lines.push('error' in inp.firefox ? `Firefox: ${inp.firefox.error}` : inp.firefox.text);
  }
  if (Object.keys(inp.markkw).length) {
    lines.push('');
    for (const [p, k] of Object.entries(inp.markkw)) {
      lines.push(`mark.js mark() with the ${k.keywordsDone}-keyword list (batches of 100; one call overflows the stack) on ${p}: ${fmt(k.ms)} ms${k.capped ? ' — capped, unfinished' : ''}, ${k.mentions} marks.`);
    }
  }
  lines.push('');
  lines.push('error' in inp.engine ? `Matching engine (Node): ${inp.engine.error}` : inp.engine.text);
  lines.push('');
  const bb = inp.bundle;
  lines.push(
    `Bytes per page (${bb.released ? 'released build' : 'BENCH build'}; kB = 1,000 bytes): content script ${kB(bb.contentScriptBytes)} + CSS ${kB(bb.cssBytes)} + ` +
      `the article's part of the index sent at start-up ${kB(bb.indexPartBytes)} (packed; ${kB(bb.indexPartUnpackedBytes)} unpacked) + fetched from the extension ${kB(bb.fetchedBytes)} ` +
      `= ${kB(bb.everyPageBytes)} (${bb.everyPageBytes.toLocaleString('en')} bytes)` +
      `${bb.firstCardBytes ? `; the card's code, added on a frame's first card only: ${kB(bb.firstCardBytes)}` : ''}. ${bb.note}`,
  );
  lines.push('error' in inp.hover ? `Hover: ${inp.hover.error}` : inp.hover.text);
  for (const sc of inp.scroll) lines.push('error' in sc ? `Scrolling: ${sc.error}` : sc.text);
  lines.push('error' in inp.churn ? `Churn: ${inp.churn.error}` : inp.churn.text);
  lines.push('error' in inp.settings ? `Settings: ${inp.settings.error}` : inp.settings.text);

  const p1 = pages['text-1mb'];
  const p2 = pages['nodes-200k'];
  const pa = pages['article'];
  if (p1) {
    target('1 MB page: Backstory ≤ 3× the floor', p1.ratios.backstoryOverFloor.median, (v) => v <= 3, `${fmt(p1.ratios.backstoryOverFloor.median)}×`);
    target('1 MB page: ≥ 5× faster than mark.js markRegExp', p1.ratios.markRegExpOverBackstory.median, (v) => v >= 5, `${fmt(p1.ratios.markRegExpOverBackstory.median)}×`);
  }
  if (p2) target('200k-node page: ≥ 4× faster than mark.js markRegExp', p2.ratios.markRegExpOverBackstory.median, (v) => v >= 4, `${fmt(p2.ratios.markRegExpOverBackstory.median)}×`);
  if (pa) {
    target('article: own time ≤ 8 ms (Backstory until painted − the empty content script, per round)', pa.ownMs.median, (v) => v <= 8, `${fmt(pa.ownMs.median)} ms (Backstory ${fmt(pa.backstory.paintedMs)}, control ${fmt(pa.control.busyMs)})`);
    target('article: ≥ 2× faster than mark.js markRegExp (painted vs painted)', pa.ratios.markRegExpOverBackstory.median, (v) => v >= 2, `${fmt(pa.ratios.markRegExpOverBackstory.median)}×`);
  }
  const longest = max(main.map((n) => pages[n]!.backstory.longestTaskMs));
  const longestScript = max(main.map((n) => pages[n]!.backstory.longestScriptTaskMs));
  const longestRender = max(main.map((n) => pages[n]!.backstory.longestRenderTaskMs));
  if (main.length) {
    target(
      'no Backstory task over 50 ms on any page (its own tasks, and the frames it causes)',
      longest,
      (v) => v <= 50,
      `${fmt(longestScript)} ms own, ${fmt(longestRender)} ms frame`,
    );
  }
  const scrolled = inp.scroll.filter((sc): sc is ScrollFigures => !('error' in sc));
  if (scrolled.length) {
    const worst = max(scrolled.map((sc) => sc.backstory.longestTaskMs));
    const control = max(scrolled.map((sc) => sc.control.longestTaskMs));
    target('scrolling a painted page: no task over 50 ms (mentions registered as they come near)', worst, (v) => v <= 50, `${fmt(worst)} ms (without Backstory ${fmt(control)} ms)`);
  }
  if (!('error' in inp.churn)) {
    const c = inp.churn;
    target('churn page: no task of Backstory\'s over 50 ms (its JS in any task, and its own tasks)', Math.max(c.maxOwnJsMs, c.maxOwnTaskMs), (v) => v <= 50, `${fmt(c.maxOwnJsMs)} ms JS in one task, ${fmt(c.maxOwnTaskMs)} ms own task`);
    target('churn page: most live texts current midway (> 50%), all within 3 s of the end', Math.min(...c.midwayCurrent.map((m) => m * 100)), (v) => v > 50 && c.settleMs < 3000, `${c.midwayCurrent.map((m) => `${Math.round(m * 100)}%`).join(' / ')}; ${fmt(c.settleMs)} ms`);
  }
  if (!('error' in inp.settings)) {
    const st = inp.settings;
    target('settings: an open tab clears its highlights < 1 s after switching off', st.offMs, (v) => v < 1000, `${fmt(st.offMs)} ms (back on: ${fmt(st.onMs)} ms)`);
  }
  if (!('error' in inp.engine)) {
    const worst = inp.engine.hostile.reduce((a, h) => (h.ms > a.ms ? h : a), inp.engine.hostile[0]!);
    target('hostile matcher inputs (10–50k chars): each < 500 ms', worst.ms, (v) => v < 500, `${fmt(worst.ms)} ms (${worst.input})`);
    target('settings: 100,000 stored sites read < 1 s', inp.engine.settingsParseMs, (v) => v < 1000, `${fmt(inp.engine.settingsParseMs)} ms`);
  }
  target('bytes per page ≤ 150 kB (released: content script + CSS + the article\'s index part + fetched)', bb.released ? bb.everyPageBytes : NaN, (v) => v <= 150_000, `${kB(bb.everyPageBytes)}${bb.released ? '' : ' (bench build: not judged)'}`);
  target('content script + what it loads on every page < 300 KB', inp.bundle.everyPageBytes, (v) => v < 300 * 1024, kb(inp.bundle.everyPageBytes));
  if (!('error' in inp.hover)) {
    const h = inp.hover;
    target(`hover: card painted within the rest delay (${h.restMs} ms) + one frame`, h.overDelayMaxMs, (v) => v <= 1000 / 60 + 1, `+${fmt(h.overDelayMedianMs)} ms median, +${fmt(h.overDelayMaxMs)} ms max`);
  }
  lines.push('');
  lines.push(table(['target', 'measured', 'met'], targets.map((t) => [t.target, t.value, t.met ? 'yes' : 'NO'])));
  return {
    text: lines.join('\n'),
    json: { pages, growth, knowledge: inp.knowledge, firefox: inp.firefox, markKeywords: inp.markkw, bundle: inp.bundle, engine: inp.engine, hover: inp.hover, scroll: inp.scroll, churn: inp.churn, settings: inp.settings, aliasCounts: inp.aliasCounts, targets },
    failed: targets.filter((t) => !t.met).map((t) => `${t.target} (${t.value})`),
  };
}
