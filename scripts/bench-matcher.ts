/**
 * `npx tsx scripts/bench-matcher.ts [MB]`: the matcher's speed on generated
 * news-like text (default 1 MB, in paragraphs of ~600 characters as the
 * content script sees them) with the full compiled index, and the cost of
 * loading the index (JSON parse + table build), cold and warm.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPageMatcher, type MatchIndex } from '../src/matching';
import { loadKnowledge } from './knowledge-files';
import { compileMatchIndex } from '../src/knowledge/compile';

const mb = Number(process.argv[2] ?? 1);
const INDEX_PATH = join(import.meta.dirname, '..', 'src', 'generated', 'match-index.json');

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = `the of and to in a that for on with as was said by at from it be has have would will its after about more than which who
had been were their they but not this also year new over government minister talks week officials state people last first two could
there when into them while other some before under meeting agreement trade security economic policy president visit foreign told
reporters statement month since against between during plans support leaders summit region deal country national public spokesman`.split(/\s+/);
const CAPS = `The In But Monday Tuesday Reuters Associated Press Parliament Ministry Council Committee Party Democrats Union Street Bank
Group Company John Peter Mary Smith Brown Johnson Foreign Defence Prime Minister President Secretary General Agency News Times`.split(/\s+/);

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
      const w = x < 0.03 ? names[Math.floor(r() * names.length)]! : x < 0.15 ? CAPS[Math.floor(r() * CAPS.length)]! : FILLER[Math.floor(r() * FILLER.length)]!;
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

const blocks = generate(mb * 1024 * 1024);
if (process.env.DUMP) (await import("node:fs")).writeFileSync(process.env.DUMP, JSON.stringify(blocks));
const chars = blocks.reduce((n, b) => n + b.length + 1, 0);

// Index load: what the content script pays on every page.
const raw = readFileSync(INDEX_PATH, 'utf8');
const loads: number[] = [];
for (let k = 0; k < 20; k++) {
  const t0 = performance.now();
  const index = JSON.parse(raw) as MatchIndex;
  createPageMatcher(index).matchBlock('Wang Yi met Suga.');
  loads.push(performance.now() - t0);
}

const index = compileMatchIndex(loadKnowledge().knowledge);
const runs: number[] = [];
let mentions = 0;
for (let k = 0; k < 12; k++) {
  const m = createPageMatcher(index);
  const t0 = performance.now();
  let found = 0;
  for (const b of blocks) found += m.matchBlock(b).length;
  runs.push(performance.now() - t0);
  mentions = found;
}
const sorted = [...runs].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
console.log(`text: ${(chars / 1024 / 1024).toFixed(2)} MB in ${blocks.length} blocks; index ${(raw.length / 1024).toFixed(0)} KB, ${index.keys.split("\n").length} keys+prefixes`);
console.log(`index load (parse + tables + first block): first ${ms(loads[0]!)}, median ${ms([...loads].sort((a, b) => a - b)[10]!)}`);
console.log(`match: first (cold) run ${ms(runs[0]!)}, median ${ms(median)}, best ${ms(sorted[0]!)} -> ${(chars / 1024 / 1024 / (median / 1000)).toFixed(0)} MB/s; ${mentions} mentions`);
