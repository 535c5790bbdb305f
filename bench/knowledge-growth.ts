/**
 * "Cost does not grow with the knowledge": the extension built with 1×, 2×
 * and 5× the knowledge (a deterministic 20% / 40% / 100% of the people, every
 * country and organisation kept: scripts/kb-build.ts KB_PEOPLE_FRACTION),
 * each into its own folder (nothing of the project's own build is touched),
 * then measured interleaved, round by round, on an article and a 1 MB page
 * whose planted names all come from the 1× subset (so every build has them):
 * bytes per page (released build), the article's own time (Backstory until
 * painted minus the `none` control, same round) and the 1 MB page's time
 * until painted. The exponent k of cost ∝ knowledge^k is the least-squares
 * slope of log(cost) against log(people).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, ROOT, type ExtensionBrowser, type FixtureServer } from '../tests/e2e/harness';
import type { MatchIndex } from '../src/matching/format';
import { aliasStrings } from './aliases';
import { contentScriptBytes, indexPartBytes } from './bundle';
import type { Gate } from './gate';
import { measure, type Measurement } from './measure';
import { articlePage, bigTextPage, vocabulary, type GeneratedPage } from './pages';
import { fmt, median, pairedDiff, shuffled, table } from './stats';

/** Share of the people in each build, by its name (1× is the smallest). */
export const KNOWLEDGE_STEPS: Record<string, number> = { '1x': 0.2, '2x': 0.4, '5x': 1 };

export interface KnowledgeBuild {
  step: string;
  fraction: number;
  people: number;
  aliases: number;
  indexBytes: number;
  index: MatchIndex;
  releasedDir: string;
  benchDir: string;
}

export interface KnowledgeGrowthFigures {
  points: {
    step: string;
    people: number;
    aliases: number;
    indexKB: number;
    contentScriptBytes: number;
    cssBytes: number;
    indexPartBytes: number;
    bytesPerPage: number;
    articlePaintedMs: number;
    articleOwnMs: number;
    articleOwnPerRound: number[];
    mb1PaintedMs: number;
    mb1PerRound: number[];
  }[];
  exponent: { bytesPerPage: number; articleOwnMs: number; mb1PaintedMs: number };
  text: string;
}

const run = (cmd: string, args: string[], env: Record<string, string>) =>
  execFileSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/** Builds the three variants (released and bench mode) into a temporary folder; call `cleanup` when done. */
export function buildKnowledgeVariants(log: (s: string) => void): { builds: KnowledgeBuild[]; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'backstory-bench-knowledge-'));
  const builds: KnowledgeBuild[] = [];
  for (const [step, fraction] of Object.entries(KNOWLEDGE_STEPS)) {
    const gen = join(root, `kb-${step}`);
    const out = join(root, `out-${step}`);
    mkdirSync(gen, { recursive: true });
    run('npx', ['tsx', 'scripts/kb-build.ts'], { KB_OUT: gen, KB_PEOPLE_FRACTION: String(fraction) });
    const env = { BACKSTORY_GENERATED_DIR: gen, BACKSTORY_OUT_DIR: out };
    run('npx', ['wxt', 'build'], env);
    run('npx', ['wxt', 'build', '--mode', 'bench'], env);
    const text = readFileSync(join(gen, 'match-index.json'), 'utf8');
    const index = JSON.parse(text) as MatchIndex;
    const people = index.organisations - index.countries;
    builds.push({
      step,
      fraction,
      people,
      aliases: aliasStrings(index).length,
      indexBytes: text.length,
      index,
      releasedDir: join(out, 'chrome-mv3'),
      benchDir: join(out, 'chrome-mv3-bench'),
    });
    log(`knowledge ${step}: ${people} people, ${(text.length / 1024).toFixed(0)} KB index, built in ${out}`);
  }
  return { builds, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Least-squares slope of log(y) against log(x); NaN unless every y is positive and there are two x's. */
export function logSlope(points: { x: number; y: number }[]): number {
  const ok = points.filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.y));
  if (ok.length < 2 || ok.length < points.length) return NaN;
  const lx = ok.map((p) => Math.log(p.x));
  const ly = ok.map((p) => Math.log(p.y));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  return den > 0 ? num / den : NaN;
}


/**
 * Measures the builds interleaved: each round, on each page, every build and the control in a shuffled order.
 * `control` is a browser with the bench's contenders extension (its /none/ pages run the empty content script).
 */
export async function knowledgeGrowth(
  builds: KnowledgeBuild[],
  control: ExtensionBrowser,
  server: FixtureServer,
  gate: Gate,
  rounds: number,
  log: (s: string) => void,
): Promise<KnowledgeGrowthFigures> {
  const smallest = builds.reduce((a, b) => (b.fraction < a.fraction ? b : a));
  // Planted names from the 1× subset: every build knows them.
  const vocab = vocabulary(aliasStrings(smallest.index));
  const pages: GeneratedPage[] = [articlePage(vocab), bigTextPage(vocab, 1_000_000)];
  for (const p of pages) {
    for (const b of builds) gate.serve(server, `/kg-${b.step}/${p.name}.html`, p.html);
    gate.serve(server, `/none/kg-${p.name}.html`, p.html);
  }
  const browsers = new Map<string, ExtensionBrowser>();
  const results = new Map<string, Measurement[]>();
  const key = (page: string, who: string) => `${page}|${who}`;
  try {
    for (const b of builds) browsers.set(b.step, await launchWithExtension({ extensionDir: b.benchDir }));
    for (let round = 1; round <= rounds; round++) {
      for (const p of pages) {
        for (const who of shuffled([...builds.map((b) => b.step), 'none'], round * 7 + p.name.length)) {
          const isControl = who === 'none';
          const url = isControl ? `${server.url}/none/kg-${p.name}.html` : `${server.url}/kg-${who}/${p.name}.html`;
          const m = await measure(isControl ? control : browsers.get(who)!, url, {
            kind: isControl ? 'contender' : 'backstory',
            gate,
            timeoutMs: p.name === 'article' ? 20_000 : 90_000,
          });
          const list = results.get(key(p.name, who)) ?? [];
          list.push(m);
          results.set(key(p.name, who), list);
          log(`knowledge round ${round} ${p.name.padEnd(9)} ${who.padEnd(4)} busy ${fmt(m.window.busyMs).padStart(6)} ms${m.note ? ` — ${m.note}` : ''}`);
        }
      }
    }
  } finally {
    for (const b of browsers.values()) await b.close();
  }
  const series = (page: string, who: string) => (results.get(key(page, who)) ?? []).map((m) => m.window.busyMs);
  const article = pages[0]!;
  const points = builds.map((b) => {
    const cs = contentScriptBytes(b.releasedDir);
    const part = indexPartBytes(b.index, article.html).packed;
    const own = pairedDiff(series('article', b.step), series('article', 'none'));
    const mb1 = series('text-1mb', b.step);
    return {
      step: b.step,
      people: b.people,
      aliases: b.aliases,
      indexKB: b.indexBytes / 1024,
      contentScriptBytes: cs.js,
      cssBytes: cs.css,
      indexPartBytes: part,
      bytesPerPage: cs.js + cs.css + part,
      articlePaintedMs: median(series('article', b.step)),
      articleOwnMs: own.median,
      articleOwnPerRound: own.perRound,
      mb1PaintedMs: median(mb1),
      mb1PerRound: mb1,
    };
  });
  const k = (f: (p: (typeof points)[number]) => number) => logSlope(points.map((p) => ({ x: p.people, y: f(p) })));
  const exponent = { bytesPerPage: k((p) => p.bytesPerPage), articleOwnMs: k((p) => p.articleOwnMs), mb1PaintedMs: k((p) => p.mb1PaintedMs) };
  const text = [
    `Growth with the knowledge (the extension built with ${builds.map((b) => `${b.step} = ${b.people} people`).join(', ')}; every country and organisation in each; ` +
      `pages planted from the ${smallest.step} subset; ${rounds} interleaved rounds, medians; own time per round minus the control; k in cost ∝ people^k, least squares over the three):`,
    table(
      ['knowledge', 'people', 'aliases', 'whole index', 'bytes per page (released; article)', 'of which index part', 'article: painted / own time (ms)', '1 MB: painted (ms)'],
      [
        ...points.map((p) => [
          p.step,
          String(p.people),
          String(p.aliases),
          `${fmt(p.indexKB)} KB`,
          `${(p.bytesPerPage / 1000).toFixed(1)} kB`,
          `${(p.indexPartBytes / 1000).toFixed(1)} kB`,
          `${fmt(p.articlePaintedMs)} / ${fmt(p.articleOwnMs)}`,
          fmt(p.mb1PaintedMs),
        ]),
        ['k', '', '', '', fmt(exponent.bytesPerPage, 3), '', `own: ${fmt(exponent.articleOwnMs, 2)}`, fmt(exponent.mb1PaintedMs, 2)],
      ],
    ),
  ].join('\n');
  return { points, exponent, text };
}
