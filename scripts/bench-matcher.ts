/**
 * `npx tsx scripts/bench-matcher.ts [--chromium] [MB]`: the matcher's speed
 * on generated news-like text (default 1 MB, in paragraphs of ~600
 * characters as the content script sees them) with the full compiled index,
 * and the cost of loading the index (JSON.parse + table build).
 *
 * With --chromium the same runs happen in headless Chromium (the engine the
 * extension runs in; Node 20's V8 lacks Maglev, so its cold figures are
 * pessimistic): each run in a fresh page, cold, then warm; plus an 8 KB
 * article measured from JSON.parse of the index to the last mention, cold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPageMatcher, type MatchIndex } from '../src/matching';
import { loadKnowledge } from './knowledge-files';
import { rng } from '../bench/pages';

const args = process.argv.slice(2);
const chromium = args.includes('--chromium');
const mb = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 1);
const ROOT = join(import.meta.dirname, '..');
const INDEX_PATH = join(ROOT, 'src', 'generated', 'match-index.json');


const FILLER = `the of and to in a that for on with as was said by at from it be has have would will its after about more than which who
had been were their they but not this also year new over government minister talks week officials state people last first two could
there when into them while other some before under meeting agreement trade security economic policy president visit foreign told
reporters statement month since against between during plans support leaders summit region deal country national public spokesman`.split(/\s+/);
/** Capitalised words that are not names (sentence starts, institutions, first names), some of them the first word of a tracked name. */
const CAPS = `The In But Monday Tuesday Reuters Associated Press Parliament Ministry Council Committee Party Democrats Union Street Bank
Group Company John Peter Mary Smith Brown Johnson Foreign Defence Prime Minister President Secretary General Agency News Times`.split(/\s+/);

/** 1 word in 8 capitalised, 1 in 60 a tracked name (a mention every ~350 characters), sentences of ~16 words. */
function generate(bytes: number): string[] {
  const { knowledge } = loadKnowledge();
  const names = [
    ...knowledge.people.flatMap((p) => [p.name, p.surname]),
    ...knowledge.countries.flatMap((c) => [c.name, ...c.demonyms.slice(0, 1), ...(c.capital ? [c.capital] : [])]),
    'U.S.', 'Beijing said', "Tokyo's", 'East China Sea', 'Suga’s',
  ];
  const r = rng(42);
  const blocks: string[] = [];
  let total = 0;
  while (total < bytes) {
    const words: string[] = [];
    let len = 0;
    while (len < 600) {
      const x = r();
      const w = x < 1 / 60 ? names[Math.floor(r() * names.length)]! : x < 1 / 8 ? CAPS[Math.floor(r() * CAPS.length)]! : FILLER[Math.floor(r() * FILLER.length)]!;
      words.push(w);
      len += w.length + 1;
      if (r() < 0.06) words[words.length - 1] += '.';
    }
    const text = words.join(' ');
    blocks.push(text);
    total += text.length + 1;
  }
  return blocks;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const blocks = generate(mb * 1024 * 1024);
const chars = blocks.reduce((n, b) => n + b.length + 1, 0);
const raw = readFileSync(INDEX_PATH, 'utf8');
const article = blocks.slice(0, Math.max(1, Math.round((8 * 1024) / 600)));
console.log(`text: ${(chars / 1024 / 1024).toFixed(2)} MB in ${blocks.length} blocks; index ${(raw.length / 1024).toFixed(0)} KB`);

if (!chromium) {
  // Index load: what the content script pays on every page.
  const loads: number[] = [];
  for (let k = 0; k < 20; k++) {
    const t0 = performance.now();
    createPageMatcher(JSON.parse(raw) as MatchIndex).matchBlock('Wang Yi met Suga.');
    loads.push(performance.now() - t0);
  }
  const runs: number[] = [];
  let mentions = 0;
  for (let k = 0; k < 12; k++) {
    const m = createPageMatcher(JSON.parse(raw) as MatchIndex);
    const t0 = performance.now();
    let found = 0;
    for (const b of blocks) found += m.matchBlock(b).length;
    runs.push(performance.now() - t0);
    mentions = found;
  }
  const best = Math.min(...runs);
  console.log(`node ${process.version}: index load (parse + tables + a first block): first ${ms(loads[0]!)}, median ${ms(median(loads))}`);
  console.log(`match: first (cold) run ${ms(runs[0]!)}, median ${ms(median(runs))} (${(chars / 1024 / 1024 / (median(runs) / 1000)).toFixed(0)} MB/s), best ${ms(best)} (${(chars / 1024 / 1024 / (best / 1000)).toFixed(0)} MB/s); ${mentions} mentions`);
} else {
  const esbuild = await import('esbuild');
  const { chromium: browserType } = await import('playwright-core');
  const entry = `
    import { createPageMatcher } from ${JSON.stringify(join(ROOT, 'src', 'matching', 'index.ts'))};
    const RAW = ${JSON.stringify(raw)};
    globalThis.bench = (blocks, warm) => {
      const t0 = performance.now();
      const index = JSON.parse(RAW);
      const t1 = performance.now();
      const m = createPageMatcher(index);
      const t2 = performance.now();
      let found = 0;
      for (const b of blocks) found += m.matchBlock(b).length;
      const t3 = performance.now();
      const runs = [];
      for (let k = 0; k < warm; k++) {
        const m2 = createPageMatcher(index);
        const a = performance.now();
        for (const b of blocks) m2.matchBlock(b);
        runs.push(performance.now() - a);
      }
      return { parse: t1 - t0, tables: t2 - t1, cold: t3 - t2, runs, found };
    };`;
  const built = await esbuild.build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'iife', write: false, logLevel: 'warning' });
  const bundle = built.outputFiles[0]!.text;
  const browser = await browserType.launch({ executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--proxy-server=127.0.0.1:9'] });
  try {
    const version = browser.version();
    const big: { parse: number; tables: number; cold: number; runs: number[]; found: number }[] = [];
    const small: typeof big = [];
    for (let r = 0; r < 9; r++) {
      for (const [list, input, warm] of [[small, article, 0], [big, blocks, 8]] as const) {
        const page = await browser.newPage();
        await page.setContent('<!doctype html><p>bench</p>');
        await page.addScriptTag({ content: bundle });
        list.push(await page.evaluate(([b, w]) => (globalThis as unknown as { bench: (b: string[], w: number) => (typeof big)[number] }).bench(b, w), [input, warm] as const));
        await page.close();
      }
    }
    const a = small.map((x) => x.parse + x.tables + x.cold);
    console.log(`chromium ${version}, each run in a fresh page; median of 9 runs [best of 9: what an idle machine would show]:`);
    const both = (xs: number[]) => `${ms(median(xs))} [${ms(Math.min(...xs))}]`;
    console.log(`  8 KB article, cold, JSON.parse + tables + match: ${both(a)} (parse ${both(small.map((x) => x.parse))}, tables ${both(small.map((x) => x.tables))}, match ${both(small.map((x) => x.cold))})`);
    const warm = big.flatMap((x) => x.runs);
    const mbs = (t: number) => `${(chars / 1024 / 1024 / (t / 1000)).toFixed(0)} MB/s`;
    console.log(`  ${(chars / 1024 / 1024).toFixed(2)} MB: cold (first page) ${both(big.map((x) => x.cold))}; warm ${both(warm)} = ${mbs(median(warm))} [${mbs(Math.min(...warm))}]; ${big[0]!.found} mentions`);
  } finally {
    await browser.close();
  }
}
