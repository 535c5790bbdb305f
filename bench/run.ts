/**
 * `npm run bench`: Backstory's cost on generated pages in real Chromium,
 * against the floor (reading every text node) and mark.js, interleaved round
 * by round. Prints a table and writes bench-results.json.
 *
 * Options: --rounds N (default 5) · --quick (3 rounds, no growth runs, no Firefox) ·
 *   --knowledge / --no-knowledge (the builds with 1×, 2×, 5× the knowledge) · --firefox / --no-firefox ·
 *   --only backstory,none,floor,regexp,markre,engine,markkw ·
 *   --pages article,text-1mb,nodes-200k,text-250kb,text-500kb,br-transcript-20k,one-node-100k ·
 *   --out FILE · --markkw (also mark.js mark() with the keyword list on the
 *   large pages, capped at 2 min each) · --trace-dir DIR (keep every trace) ·
 *   --strict (exit 1 when a target is missed)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, findChromium, launchWithExtension, PRODUCTION_EXTENSION_DIR, ROOT, serveFixtures } from '../tests/e2e/harness';
import { aliasStrings, readMatchIndex } from './aliases';
import { bundleFigures } from './bundle';
import { buildContenderExtension } from './contenders';
import { engineFigures, indexForFraction, type EngineFigures } from './engine';
import { Gate } from './gate';
import { hoverFigures, type HoverFigures } from './hover';
import { buildKnowledgeVariants, knowledgeGrowth, type KnowledgeGrowthFigures } from './knowledge-growth';
import { firefoxFigures, type FirefoxFigures } from './firefox';
import { scrollFigures, type ScrollFigures } from './scroll';
import { churnFigures, type ChurnFigures } from './churn';
import { settingsFigures, type SettingsFigures } from './settings';
import { measure, type Measurement } from './measure';
import { articlePage, bigTextPage, brTranscriptPage, manyNodesPage, oneNodePage, vocabulary, type GeneratedPage } from './pages';
import { fmt, GROWTH_PAGE, summarise, type MarkKeywords, type PageResult, type Who } from './report';
import { shuffled } from './stats';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('quick');
/** The growth with the knowledge (three builds with 1×, 2×, 5× the people): in a full run, or with --knowledge. */
const KNOWLEDGE = (!QUICK || flag('knowledge')) && !flag('no-knowledge');
/** Firefox (article and 1 MB, Backstory and mark.js): in a full run, or with --firefox. */
const FIREFOX = (!QUICK || flag('firefox')) && !flag('no-firefox');
const ROUNDS = Number(option('rounds') ?? (QUICK ? 3 : 5));
const OUT = option('out') ?? join(ROOT, 'bench-results.json');
const TRACE_DIR = option('trace-dir');
const ONLY = option('only')?.split(',');
const PAGES = option('pages')?.split(',');
const wants = (w: string) => !ONLY || ONLY.includes(w);

/** Contenders on the three main pages, every round. */
const MAIN: Who[] = (['backstory', 'none', 'floor', 'regexp', 'markre', 'engine'] as Who[]).filter(wants);
/** On the 0.25 and 0.5 MB pages (growth with text length). */
const BY_SIZE: Who[] = (['backstory', 'floor', 'markre'] as Who[]).filter(wants);
/** On the pages that hold all their text in one element (a <br> transcript, one huge text node): Backstory and the control only (mark.js takes minutes there). */
const ONE_ELEMENT: Who[] = (['backstory', 'none'] as Who[]).filter(wants);
/** On GROWTH_PAGE with 10%, 50% and 100% of the knowledge (growth with alias count). */
const BY_ALIASES: Who[] = (['engine10', 'engine50', 'engine'] as Who[]).filter(() => wants('engine'));
const FRACTIONS: Record<string, number> = { e10: 0.1, e50: 0.5, e100: 1 };
/** The fixed window of the whole cost (Backstory and the control on the main pages): this long from the content script's first instruction. */
const HOLD_MS = 3000;

function log(msg: string) {
  process.stderr.write(`${msg}\n`);
}

/** A copy of the built extension, so a rebuild by someone else mid-run cannot change what is measured. */
function snapshotExtension(from = EXTENSION_DIR): string {
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`No built extension at ${from}: run \`npm run build && npx wxt build --mode bench\` (npm run bench does).`);
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-ext-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}


async function attempt<T>(what: string, fn: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await fn();
  } catch (e) {
    log(`${what}: ${String(e)}`);
    return { error: String(e instanceof Error ? e.message : e) };
  }
}

async function main() {
  const started = performance.now();
  const chromiumVersion = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const aliases = aliasStrings(readMatchIndex());
  const vocab = vocabulary(aliases);
  log(`${chromiumVersion}; ${cpus().length} cores; ${aliases.length} aliases; ${ROUNDS} rounds`);

  const indexes: Record<string, string> = {};
  for (const [seg, f] of Object.entries(FRACTIONS)) indexes[seg] = await indexForFraction(f);
  const wanted = (p: GeneratedPage) => !PAGES || PAGES.includes(p.name);
  const mainPages = [articlePage(vocab), bigTextPage(vocab, 1_000_000), manyNodesPage(vocab, 200_000)].filter(wanted);
  const sizePages = QUICK ? [] : [bigTextPage(vocab, 250_000), bigTextPage(vocab, 500_000)].filter(wanted);
  // 1 MB whose mentions all come from the 10% subset: every index variant finds the same mentions, so only the alias count changes.
  const commonVocab = vocabulary(aliasStrings(JSON.parse(indexes['e10']!)));
  const aliasPage = QUICK ? undefined : [bigTextPage(commonVocab, 1_000_000, 4, GROWTH_PAGE)].filter(wanted)[0];
  const hugePages = [brTranscriptPage(vocab, 20_000), oneNodePage(100_000)].filter(wanted);
  const allPages = [...mainPages, ...sizePages, ...hugePages, ...(aliasPage ? [aliasPage] : [])];

  const server = await serveFixtures();
  const gate = new Gate();
  for (const p of allPages) for (const prefix of ['b', 'c', 'none', 'e100']) gate.serve(server, `/${prefix}/${p.name}.html`, p.html);
  if (aliasPage) for (const prefix of ['e10', 'e50']) gate.serve(server, `/${prefix}/${aliasPage.name}.html`, aliasPage.html);

  const kv = KNOWLEDGE && wants('backstory') ? buildKnowledgeVariants(log) : undefined;
  const extDir = snapshotExtension();
  // Bytes per page are the released build's (the bench build adds its marks); missing, the bench build's are shown.
  const releasedDir = existsSync(join(PRODUCTION_EXTENSION_DIR, 'manifest.json')) ? snapshotExtension(PRODUCTION_EXTENSION_DIR) : extDir;
  const contenderDir = await buildContenderExtension(aliases, indexes);
  const backstory = await launchWithExtension({ extensionDir: extDir });
  const contenders = await launchWithExtension({ extensionDir: contenderDir });
  let traceNo = 0;
  const keepTrace = (name: string) =>
    TRACE_DIR
      ? (events: unknown[]) => {
          mkdirSync(TRACE_DIR, { recursive: true });
          writeFileSync(join(TRACE_DIR, `${String(++traceNo).padStart(3, '0')}-${name}.json`), JSON.stringify({ traceEvents: events }));
        }
      : undefined;

  const urlOf = (p: GeneratedPage, who: Who): string => {
    switch (who) {
      case 'backstory':
        return `${server.url}/b/${p.name}.html`;
      case 'none':
        return `${server.url}/none/${p.name}.html${mainPages.includes(p) ? `?hold=${HOLD_MS}` : ''}`;
      case 'engine':
        return `${server.url}/e100/${p.name}.html`;
      case 'engine10':
        return `${server.url}/e10/${p.name}.html`;
      case 'engine50':
        return `${server.url}/e50/${p.name}.html`;
      default:
        return `${server.url}/c/${p.name}.html?c=${who}`;
    }
  };

  const results = new Map<string, PageResult>();
  for (const p of allPages) results.set(p.name, { page: p.name, textChars: p.textChars, planted: p.planted, nodes: NaN, runs: {} });
  const run = async (p: GeneratedPage, who: Who, round: number) => {
    const t0 = performance.now();
    const m: Measurement = await measure(who === 'backstory' ? backstory : contenders, urlOf(p, who), {
      kind: who === 'backstory' ? 'backstory' : 'contender',
      gate,
      heap: who === 'backstory' || who === 'none' || who === 'markre',
      holdMs: mainPages.includes(p) && (who === 'backstory' || who === 'none') ? HOLD_MS : undefined,
      timeoutMs: p.name === 'article' ? 20_000 : hugePages.includes(p) ? 180_000 : 90_000,
      keepTrace: keepTrace(`${p.name}-${who}`),
    });
    const r = results.get(p.name)!;
    (r.runs[who] ??= []).push(m);
    const nodes = m.inPage.extra?.['nodes'];
    if (who === 'none' && typeof nodes === 'number') r.nodes = nodes;
    log(
      `round ${round} ${p.name.padEnd(10)} ${who.padEnd(9)} busy ${fmt(m.window.busyMs).padStart(6)} ms ` +
        `(to done ${fmt(m.window.busyToDoneMs)}), longest task ${fmt(m.window.longestTaskMs)} ms` +
        `${m.fixed ? `, ${HOLD_MS / 1000} s window ${fmt(m.fixed.totalMs)} ms` : ''}${m.note ? ` — ${m.note}` : ''} [${((performance.now() - t0) / 1000).toFixed(1)} s]`,
    );
  };

  for (let round = 1; round <= ROUNDS; round++) {
    for (const p of mainPages) for (const w of shuffled(MAIN, round * 31 + p.name.length)) await run(p, w, round);
    for (const p of sizePages) for (const w of shuffled(BY_SIZE, round)) await run(p, w, round);
    for (const p of hugePages) for (const w of shuffled(ONE_ELEMENT, round)) await run(p, w, round);
    if (aliasPage) for (const w of shuffled(BY_ALIASES, round)) await run(aliasPage, w, round);
  }

  // mark.js mark() with the whole keyword list takes minutes on large pages: once, capped, on the article (the others with --markkw).
  const markkw: MarkKeywords = {};
  const kwPages = flag('markkw') ? mainPages : wants('markkw') ? mainPages.filter((p) => p.name === 'article') : [];
  for (const p of kwPages) {
    const cap = p.name === 'article' ? 60_000 : 120_000;
    const got = await attempt(`mark.js mark() keyword list on ${p.name}`, () =>
      measure(contenders, `${server.url}/c/${p.name}.html?c=markkw&cap=${cap}`, { kind: 'contender', gate, timeoutMs: cap + 60_000 }),
    );
    if ('error' in got) continue;
    const m = got;
    markkw[p.name] = {
      ms: m.window.busyMs,
      capped: Boolean(m.inPage.extra?.['capped']),
      keywordsDone: Number(m.inPage.extra?.['keywordsDone']),
      mentions: m.inPage.mentions ?? NaN,
    };
    log(`mark.js mark() keyword list on ${p.name}: ${fmt(m.window.busyMs)} ms${markkw[p.name]!.capped ? ' (capped)' : ''}`);
  }

  const knowledge: KnowledgeGrowthFigures | { error: string } = kv
    ? await attempt('knowledge growth', () => knowledgeGrowth(kv.builds, contenders, server, gate, ROUNDS, log))
    : { error: 'skipped (--quick)' };
  kv?.cleanup();
  if (!('error' in knowledge)) log(knowledge.text);

  const article = mainPages.find((p) => p.name === 'article');
  const hover: HoverFigures | { error: string } =
    article && wants('backstory') ? await attempt('hover', () => hoverFigures(backstory, server, gate, article)) : { error: 'skipped' };
  const scroll: (ScrollFigures | { error: string })[] = [];
  if (wants('backstory')) {
    for (const p of [...mainPages.filter((mp) => mp.name !== 'article'), ...hugePages]) {
      const sc = await attempt(`scroll ${p.name}`, () => scrollFigures(backstory, contenders, server, gate, p));
      if (!('error' in sc)) log(sc.text);
      scroll.push(sc);
    }
  }
  const churn: ChurnFigures | { error: string } = wants('backstory') ? await attempt('churn', () => churnFigures(backstory, server)) : { error: 'skipped' };
  if (!('error' in churn)) log(churn.text);
  const settings: SettingsFigures | { error: string } = wants('backstory') ? await attempt('settings', () => settingsFigures(backstory, server)) : { error: 'skipped' };
  if (!('error' in settings)) log(settings.text);
  await backstory.close();
  await contenders.close();
  const firefox: FirefoxFigures | { error: string } = FIREFOX
    ? await attempt('firefox', () => firefoxFigures(server, gate, mainPages.filter((p) => p.name === 'article' || p.name === 'text-1mb'), aliases, QUICK ? 3 : ROUNDS, log))
    : { error: 'skipped (--quick; --firefox runs it)' };
  if (!('error' in firefox)) log(firefox.text);
  await server.close();

  const enginePage = mainPages.find((p) => p.name === 'text-1mb') ?? mainPages[0]!;
  const engine: EngineFigures | { error: string } = await attempt('engine', () =>
    engineFigures(enginePage, aliasPage ?? bigTextPage(commonVocab, 1_000_000, 4, GROWTH_PAGE)),
  );
  const bundle = bundleFigures(releasedDir, releasedDir !== extDir, results.get('article')?.runs.backstory ?? [], mainPages.find((p) => p.name === 'article')?.html);
  rmSync(extDir, { recursive: true, force: true });
  if (releasedDir !== extDir) rmSync(releasedDir, { recursive: true, force: true });
  rmSync(contenderDir, { recursive: true, force: true });

  const aliasCounts = Object.fromEntries(Object.entries(indexes).map(([seg, json]) => [seg, aliasStrings(JSON.parse(json)).length]));
  const report = summarise({ results, markkw, hover, scroll, churn, settings, engine, bundle, aliasCounts, oneElement: hugePages.map((p) => p.name), knowledge, firefox });
  const meta = {
    date: new Date().toISOString(),
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })(),
    /** Uncommitted changes in what the extension is built from (the build measured includes them). */
    uncommitted: (() => {
      try {
        return execFileSync('git', ['status', '--porcelain', '--', 'src', 'entrypoints', 'assets'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').filter(Boolean);
      } catch {
        return [];
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
  console.log(
    `\nBackstory bench — ${meta.chromium}, ${meta.cores} cores, ${ROUNDS} interleaved rounds, medians; ${meta.aliases} aliases; commit ${meta.commit}` +
      `${meta.uncommitted.length ? ` + ${meta.uncommitted.length} uncommitted file(s) in src/entrypoints/assets` : ''}\n`,
  );
  console.log(report.text);
  console.log(`\nFigures: ${OUT} (${meta.seconds} s). Reproduce: npm run bench`);
  if (report.failed.length) {
    console.log(`\nTargets missed: ${report.failed.join('; ')}`);
    if (flag('strict')) process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
