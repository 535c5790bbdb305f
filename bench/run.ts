/**
 * `npm run bench`: Backstory's cost on generated pages in real Chromium,
 * against the floor (reading every text node) and mark.js, interleaved round
 * by round. Prints a table and writes bench-results.json.
 *
 * Options: --rounds N (default 5) · --quick (3 rounds, no growth runs) ·
 *          --only backstory,none,floor,regexp,markre,markkw · --pages article,text-1mb,nodes-200k,text-250kb,text-500kb
 *          --out FILE · --markkw (also time mark.js mark() with the keyword
 *          list on the large pages, capped) · --trace-dir DIR (keep traces)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, findChromium, launchWithExtension, ROOT, serveFixtures } from '../tests/e2e/harness';
import { aliasStrings, readMatchIndex } from './aliases';
import { buildContenderExtension, type Contender } from './contenders';
import { Gate } from './gate';
import { measure, type Measurement } from './measure';
import { articlePage, bigTextPage, manyNodesPage, vocabulary, type GeneratedPage } from './pages';
import { fmt, kb, max, median, pairedRatio, table } from './stats';
import { bundleFigures, type BundleFigures } from './bundle';
import { engineFigures, type EngineFigures } from './engine';
import { growthByAliases, type AliasGrowth } from './growth';
import { hoverFigures, type HoverFigures } from './hover';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('quick');
const ROUNDS = Number(option('rounds') ?? (QUICK ? 3 : 5));
const OUT = option('out') ?? join(ROOT, 'bench-results.json');
const TRACE_DIR = option('trace-dir');

type Who = 'backstory' | Contender;
const ONLY = option('only')?.split(',');
const PAGES = option('pages')?.split(',');
const WHO_ORDER: Who[] = (['backstory', 'none', 'floor', 'regexp', 'markre'] as Who[]).filter((w) => !ONLY || ONLY.includes(w));

interface PageResult {
  page: string;
  textChars: number;
  planted: number;
  nodes: number;
  runs: Partial<Record<Who, Measurement[]>>;
}

function log(msg: string) {
  process.stderr.write(`${msg}\n`);
}

/** A copy of the built extension, so a rebuild by someone else mid-run cannot change what is measured. */
function snapshotExtension(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No built extension: run `npm run build` (npm run bench does).');
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed * 2654435761;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 13), 0x5bd1e995) + 1) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function main() {
  const started = performance.now();
  const chromiumVersion = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const index = readMatchIndex();
  const aliases = aliasStrings(index);
  const vocab = vocabulary(aliases);
  log(`${chromiumVersion}; ${cpus().length} cores; ${aliases.length} aliases; ${ROUNDS} rounds`);

  const wanted = (p: GeneratedPage) => !PAGES || PAGES.includes(p.name);
  const mainPages = [articlePage(vocab), bigTextPage(vocab, 1_000_000), manyNodesPage(vocab, 200_000)].filter(wanted);
  const sizePages = QUICK ? [] : [bigTextPage(vocab, 250_000), bigTextPage(vocab, 500_000)].filter(wanted);
  const allPages = [...mainPages, ...sizePages];

  const server = await serveFixtures();
  const gate = new Gate();
  for (const p of allPages) for (const prefix of ['b', 'c', 'none']) gate.serve(server, `/${prefix}/${p.name}.html`, p.html);
  const extDir = snapshotExtension();
  const contenderDir = buildContenderExtension(aliases);
  const backstory = await launchWithExtension({ extensionDir: extDir });
  const contenders = await launchWithExtension({ extensionDir: contenderDir });
  let traceNo = 0;
  const keepTrace = TRACE_DIR
    ? (name: string) => (events: unknown[]) => {
        mkdirSync(TRACE_DIR, { recursive: true });
        writeFileSync(join(TRACE_DIR, `${String(++traceNo).padStart(3, '0')}-${name}.json`), JSON.stringify({ traceEvents: events }));
      }
    : undefined;

  const run = async (p: GeneratedPage, who: Who): Promise<Measurement> => {
    const timeoutMs = p.name === 'article' ? 20_000 : 90_000;
    const m =
      who === 'backstory'
        ? await measure(backstory, `${server.url}/b/${p.name}.html`, { kind: 'backstory', gate, timeoutMs, keepTrace: keepTrace?.(`${p.name}-${who}`) })
        : await measure(contenders, `${server.url}/${who === 'none' ? 'none' : 'c'}/${p.name}.html?c=${who}`, {
            kind: 'contender',
            gate,
            timeoutMs,
            keepTrace: keepTrace?.(`${p.name}-${who}`),
          });
    return m;
  };

  const results = new Map<string, PageResult>();
  for (const p of allPages) results.set(p.name, { page: p.name, textChars: p.textChars, planted: p.planted, nodes: NaN, runs: {} });
  const record = (p: GeneratedPage, who: Who, m: Measurement) => {
    const r = results.get(p.name)!;
    (r.runs[who] ??= []).push(m);
    const nodes = m.inPage.extra?.['nodes'];
    if (who === 'none' && typeof nodes === 'number') r.nodes = nodes;
  };

  for (let round = 1; round <= ROUNDS; round++) {
    for (const p of mainPages) {
      for (const who of shuffled(WHO_ORDER, round * 31 + p.name.length)) {
        const m = await run(p, who);
        record(p, who, m);
        log(`round ${round} ${p.name.padEnd(10)} ${who.padEnd(9)} busy ${fmt(m.window.busyMs).padStart(6)} ms (to done ${fmt(m.window.busyToDoneMs)}), longest task ${fmt(m.window.longestTaskMs)} ms${m.note ? ` — ${m.note}` : ''}`);
      }
    }
    // Growth with text length: the same article text at 0.25 and 0.5 MB (1 MB is above).
    for (const p of sizePages) {
      for (const who of shuffled((['backstory', 'none', 'floor', 'markre'] as Who[]).filter((w) => WHO_ORDER.includes(w)), round)) {
        const m = await run(p, who);
        record(p, who, m);
        log(`round ${round} ${p.name.padEnd(10)} ${who.padEnd(9)} busy ${fmt(m.window.busyMs).padStart(6)} ms`);
      }
    }
  }

  // mark.js mark() with the whole keyword list: minutes on large pages, so once, on the article (others with --markkw), capped.
  const markkw: Record<string, { ms: number; capped: boolean; keywordsDone: number; mentions: number }> = {};
  for (const p of flag('markkw') ? mainPages : ONLY && !ONLY.includes('markkw') ? [] : mainPages.filter((p) => p.name === 'article')) {
    const cap = p.name === 'article' ? 60_000 : 120_000;
    const m = await measure(contenders, `${server.url}/c/${p.name}.html?c=markkw&cap=${cap}`, { kind: 'contender', gate, timeoutMs: cap + 60_000 });
    markkw[p.name] = {
      ms: m.window.busyMs,
      capped: Boolean(m.inPage.extra?.['capped']),
      keywordsDone: Number(m.inPage.extra?.['keywordsDone']),
      mentions: m.inPage.mentions ?? NaN,
    };
    log(`mark.js mark() keyword list on ${p.name}: ${fmt(m.window.busyMs)} ms${markkw[p.name]!.capped ? ' (capped)' : ''}`);
  }

  let hover: HoverFigures | { error: string };
  try {
    hover = await hoverFigures(backstory, server, mainPages[0]!);
  } catch (e) {
    hover = { error: String(e) };
  }
  await backstory.close();
  await contenders.close();

  let engine: EngineFigures | { error: string };
  try {
    engine = await engineFigures(mainPages[1]!);
  } catch (e) {
    engine = { error: String(e) };
  }
  let aliasGrowth: AliasGrowth | { error: string };
  try {
    aliasGrowth = QUICK ? { error: 'skipped (--quick)' } : await growthByAliases(index, aliases, mainPages[1]!, ROUNDS);
  } catch (e) {
    aliasGrowth = { error: String(e) };
  }
  await server.close();
  const bundle: BundleFigures = bundleFigures(extDir, results.get('article')?.runs.backstory ?? []);
  rmSync(extDir, { recursive: true, force: true });
  rmSync(contenderDir, { recursive: true, force: true });

  const report = summarise({ results, markkw, hover, engine, aliasGrowth, bundle });
  const meta = {
    date: new Date().toISOString(),
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })(),
    chromium: chromiumVersion,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    rounds: ROUNDS,
    aliases: aliases.length,
    seconds: Math.round((performance.now() - started) / 1000),
  };
  writeFileSync(OUT, JSON.stringify({ meta, ...report.json }, null, 2) + '\n');
  console.log(`\nBackstory bench — ${meta.chromium}, ${meta.cores} cores, ${ROUNDS} interleaved rounds, medians; ${meta.aliases} aliases; commit ${meta.commit}\n`);
  console.log(report.text);
  console.log(`\nFigures: ${OUT} (${meta.seconds} s)`);
  if (report.failed.length) {
    console.log(`\nTargets missed: ${report.failed.join('; ')}`);
    process.exitCode = flag('strict') ? 1 : 0;
  }
}

interface Inputs {
  results: Map<string, PageResult>;
  markkw: Record<string, { ms: number; capped: boolean; keywordsDone: number; mentions: number }>;
  hover: HoverFigures | { error: string };
  engine: EngineFigures | { error: string };
  aliasGrowth: AliasGrowth | { error: string };
  bundle: BundleFigures;
}

function summarise(inp: Inputs): { text: string; json: Record<string, unknown>; failed: string[] } {
  const pages: Record<string, unknown> = {};
  const rows: string[][] = [];
  const detailRows: string[][] = [];
  const targets: { target: string; value: string; met: boolean }[] = [];
  const target = (name: string, value: number, ok: (v: number) => boolean, show: string) =>
    targets.push({ target: name, value: show, met: Number.isFinite(value) && ok(value) });

  for (const r of inp.results.values()) {
    const runs = (who: Who) => r.runs[who] ?? [];
    const med = (who: Who, f: (m: Measurement) => number) => median(runs(who).map(f));
    const series = (who: Who, f: (m: Measurement) => number) => runs(who).map(f);
    const busy = (m: Measurement) => m.window.busyMs;
    const toDone = (m: Measurement) => m.window.busyToDoneMs;
    const bsPainted = series('backstory', busy);
    const toFloor = pairedRatio(bsPainted, series('floor', toDone));
    const markOverBs = pairedRatio(series('markre', busy), bsPainted);
    const heapDelta = (who: Who) =>
      median(runs(who).map((m, i) => m.heapBytes - (runs('none')[i]?.heapBytes ?? NaN)));
    const summary = {
      textChars: r.textChars,
      nodes: r.nodes,
      planted: r.planted,
      floor: { scriptMs: med('floor', toDone) },
      regexp: { scriptMs: med('regexp', toDone), mentions: med('regexp', (m) => m.inPage.mentions ?? NaN) },
      markRegExp: {
        scriptMs: med('markre', toDone),
        paintedMs: med('markre', busy),
        paintedWallMs: med('markre', (m) => m.window.paintedWallMs),
        renderMs: med('markre', (m) => m.window.renderMs),
        longestTaskMs: max(series('markre', (m) => m.window.longestTaskMs)),
        heapAddedBytes: heapDelta('markre'),
        mentions: med('markre', (m) => m.inPage.mentions ?? NaN),
      },
      control: { busyMs: med('none', busy), heapBytes: med('none', (m) => m.heapBytes) },
      backstory: {
        registeredMs: med('backstory', toDone),
        paintedMs: med('backstory', busy),
        paintedWallMs: med('backstory', (m) => m.window.paintedWallMs),
        jsMs: med('backstory', (m) => m.window.jsMs),
        renderMs: med('backstory', (m) => m.window.renderMs),
        gcMs: med('backstory', (m) => m.window.gcMs),
        longestTaskMs: max(series('backstory', (m) => m.window.longestTaskMs)),
        tasks: med('backstory', (m) => m.window.tasks),
        heapAddedBytes: heapDelta('backstory'),
        mentions: med('backstory', (m) => m.inPage.mentions ?? NaN),
        selfReportedMs: med('backstory', (m) => m.inPage.selfMs ?? NaN),
        extensionFetchBytes: med('backstory', (m) => m.extensionFetchBytes),
        notes: [...new Set(runs('backstory').map((m) => m.note).filter(Boolean))],
      },
      ratios: {
        backstoryOverFloor: toFloor,
        markRegExpOverBackstory: markOverBs,
      },
      runs: Object.fromEntries(Object.entries(r.runs).map(([k, v]) => [k, v.map((m) => ({ ...m.window, heapBytes: m.heapBytes, domNodes: m.domNodes, inPage: m.inPage, note: m.note }))])),
    };
    pages[r.page] = summary;
    const b = summary.backstory;
    const mk = summary.markRegExp;
    rows.push([
      r.page,
      `${Math.round(r.textChars / 1000)}k chars, ${Number.isFinite(r.nodes) ? `${Math.round(r.nodes / 100) / 10}k` : '?'} nodes`,
      fmt(summary.floor.scriptMs),
      fmt(summary.regexp.scriptMs),
      `${fmt(mk.scriptMs)} / ${fmt(mk.paintedMs)}`,
      `${fmt(b.registeredMs)} / ${fmt(b.paintedMs)}`,
      fmt(b.longestTaskMs),
      kb(b.heapAddedBytes),
      fmt(toFloor.median) + '×',
      fmt(markOverBs.median) + '×',
    ]);
    detailRows.push([
      r.page,
      `${fmt(b.jsMs)} / ${fmt(b.renderMs)} / ${fmt(b.gcMs)}`,
      fmt(b.paintedWallMs),
      String(b.tasks),
      `${fmt(b.mentions, 0)} of ${r.planted}`,
      `${fmt(mk.mentions, 0)}`,
      fmt(mk.longestTaskMs),
      kb(mk.heapAddedBytes),
      fmt(summary.control.busyMs),
    ]);
    if (r.page === 'text-1mb') {
      target('1 MB page: Backstory ≤ 3× the floor', toFloor.median, (v) => v <= 3, `${fmt(toFloor.median)}×`);
      target('1 MB page: ≥ 5× faster than mark.js markRegExp', markOverBs.median, (v) => v >= 5, `${fmt(markOverBs.median)}×`);
    }
    if (r.page === 'nodes-200k') target('200k-node page: ≥ 4× faster than mark.js markRegExp', markOverBs.median, (v) => v >= 4, `${fmt(markOverBs.median)}×`);
    if (r.page === 'article') target('article: < 5 ms to highlights registered (index load included)', b.registeredMs, (v) => v < 5, `${fmt(b.registeredMs)} ms`);
  }
  const longest = max([...inp.results.values()].flatMap((r) => (r.runs.backstory ?? []).map((m) => m.window.longestTaskMs)));
  target('no Backstory task over 50 ms on any page', longest, (v) => v <= 50, `${fmt(longest)} ms`);
  target('content script + index it loads on every page < 300 KB', inp.bundle.everyPageBytes, (v) => v < 300 * 1024, kb(inp.bundle.everyPageBytes));

  const lines: string[] = [];
  lines.push('Main-thread milliseconds (trace), medians. Backstory and mark.js: "registered / painted" = until the result is registered, until the frame that shows it.');
  lines.push(
    table(
      ['page', 'size', 'floor (text walk)', 'one RegExp, match only', 'mark.js markRegExp script / painted', 'Backstory registered / painted', 'Backstory longest task', 'Backstory JS heap added', 'Backstory ÷ floor', 'mark.js ÷ Backstory'],
      rows,
    ),
  );
  lines.push('');
  lines.push('Where Backstory\'s time goes, and the rest:');
  lines.push(
    table(['page', 'Backstory JS / render / GC ms', 'wall ms to painted', 'tasks', 'mentions found', 'mark.js marks', 'mark.js longest task', 'mark.js JS heap added', 'control window ms'], detailRows),
  );
  if (Object.keys(inp.markkw).length) {
    lines.push('');
    for (const [p, k] of Object.entries(inp.markkw)) {
      lines.push(`mark.js mark() with the ${k.keywordsDone}-keyword list (batches of 100) on ${p}: ${fmt(k.ms)} ms${k.capped ? ' — capped, unfinished' : ''}, ${k.mentions} marks.`);
    }
  }
  lines.push('');
  lines.push(`Bundle: content script ${kb(inp.bundle.contentScriptBytes)} + CSS ${kb(inp.bundle.cssBytes)} + fetched on every page ${kb(inp.bundle.fetchedBytes)} = ${kb(inp.bundle.everyPageBytes)} (budget 300 KB). ${inp.bundle.note}`);
  if ('error' in inp.engine) lines.push(`Matching engine (Node): ${inp.engine.error}`);
  else lines.push(inp.engine.text);
  if ('error' in inp.aliasGrowth) lines.push(`Growth with alias count: ${inp.aliasGrowth.error}`);
  else lines.push(inp.aliasGrowth.text);
  const sizes = ['text-250kb', 'text-500kb', 'text-1mb'].map((n) => pages[n] as { textChars: number; backstory: { paintedMs: number }; floor: { scriptMs: number }; markRegExp: { paintedMs: number } } | undefined);
  if (sizes.every(Boolean)) {
    lines.push(
      'Growth with text length (Backstory painted / floor / mark.js painted, ms): ' +
        sizes.map((s) => `${Math.round(s!.textChars / 1000)}k chars ${fmt(s!.backstory.paintedMs)} / ${fmt(s!.floor.scriptMs)} / ${fmt(s!.markRegExp.paintedMs)}`).join('; '),
    );
  }
  if ('error' in inp.hover) lines.push(`Hover: ${inp.hover.error}`);
  else lines.push(inp.hover.text);
  lines.push('');
  lines.push(table(['target', 'measured', 'met'], targets.map((t) => [t.target, t.value, t.met ? 'yes' : 'NO'])));
  return {
    text: lines.join('\n'),
    json: { pages, markKeywords: inp.markkw, bundle: inp.bundle, engine: inp.engine, aliasGrowth: inp.aliasGrowth, hover: inp.hover, targets },
    failed: targets.filter((t) => !t.met).map((t) => `${t.target} (${t.value})`),
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
