/**
 * The matching engine alone, in Node, so a regression shows at its source:
 * the index's load time (JSON.parse + createPageMatcher) and matching
 * throughput in MB/s of text with the full index and with 10% / 50% of the
 * knowledge (growth with alias count); the time of hostile inputs (very long
 * words, whitespace runs, lone marks and surrogates, 10–50k characters each:
 * the unit tests hold that their work is linear, this says how long they take)
 * and of reading a stored settings list of 100,000 sites.
 */
import { readFileSync } from 'node:fs';
import { aliasStrings, MATCH_INDEX_PATH } from './aliases';
import type { GeneratedPage } from './pages';
import { fmt, median, table } from './stats';

interface Matcher {
  matchBlock(text: string): unknown[];
  reset(): void;
}
type CreateMatcher = (index: never) => Matcher;

export interface EngineRun {
  fraction: number;
  aliases: number;
  indexBytes: number;
  /** JSON.parse of the index text + createPageMatcher: the first time in this process, then the median of later ones. */
  loadFirstMs: number;
  loadMs: number;
  matchMs: number;
  mbPerS: number;
  /** The first pass, before the JIT has warmed up (what a page sees). */
  firstMatchMs: number;
  firstMbPerS: number;
  mentions: number;
}

export interface EngineFigures {
  text: string;
  page: string;
  chars: number;
  blocks: number;
  runs: EngineRun[];
  growth: { page: string; runs: EngineRun[] };
  /** Hostile matcher inputs: ms to match each (median of 5, one matcher per pass, warm). */
  hostile: { input: string; chars: number; ms: number }[];
  /** parseSettings of a stored list of 100,000 sites (a third not strings, a third 304 characters long): median of 5, ms. */
  settingsParseMs: number;
}

/** The hostile inputs of tests/unit/property-matching.test.ts ("pathological inputs"). */
const HOSTILE: [string, string][] = [
  ['50,000 × "A"', 'A'.repeat(50_000)],
  ['"Wang", 10,000 spaces, "Yi"', `Wang${' '.repeat(10_000)}Yi`],
  ['10,000 combining accents', '\u0301'.repeat(10_000)],
  ['5,000 lone surrogates, "Japan", 5,000 more', '\ud800'.repeat(5_000) + 'Japan' + '\udfff'.repeat(5_000)],
  ['5,000 × "Wang-Yi-"', 'Wang-Yi-'.repeat(5_000)],
  ['10,000 × "U."', 'U.'.repeat(10_000)],
  ['20,000 × "王"', '王'.repeat(20_000)],
  ['3,000 × "Japan "', 'Japan '.repeat(3000)],
];

async function hostileFigures(create: CreateMatcher): Promise<{ hostile: EngineFigures['hostile']; settingsParseMs: number }> {
  const index = JSON.parse(readFileSync(MATCH_INDEX_PATH, 'utf8')) as never;
  const hostile = HOSTILE.map(([input, text]) => {
    create(index).matchBlock(text);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const m = create(index);
      const t0 = performance.now();
      m.matchBlock(text);
      times.push(performance.now() - t0);
    }
    return { input, chars: text.length, ms: median(times) };
  });
  const { parseSettings, KEYS } = (await import('../src/vocabulary')) as unknown as { parseSettings: (raw: unknown) => unknown; KEYS: { disabledSites: string } };
  const sites = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? `site${i}.com` : `${'x'.repeat(300)}.com`));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    parseSettings({ [KEYS.disabledSites]: sites });
    times.push(performance.now() - t0);
  }
  return { hostile, settingsParseMs: median(times) };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** A generated page's text as the content script hands it to the matcher: one string per block element, inline markup dropped. */
export function blocksOf(html: string): string[] {
  const body = html.slice(html.indexOf('<body'));
  return body
    .split(/<\/?(?:p|h[1-6]|li|div|article|main|header|nav|ul|ol|aside|footer|body|html|section)\b[^>]*>/)
    .map((s) => s.replace(/<[^>]+>/g, '').replace(/&(?:amp|lt|gt|quot);/g, (m) => ENTITIES[m]!))
    .filter((s) => s.trim().length > 0);
}

function pick<T>(list: readonly T[], fraction: number): T[] {
  if (fraction >= 1) return [...list];
  // Every k-th item of a fixed order keeps the mix of countries and people, long and short names.
  const step = 1 / fraction;
  const out: T[] = [];
  for (let x = 0; x < list.length; x += step) out.push(list[Math.floor(x)]!);
  return out;
}

/** A match index compiled from a fraction of the knowledge (countries and people alike), as JSON text. */
export async function indexForFraction(fraction: number): Promise<string> {
  if (fraction >= 1) return readFileSync(MATCH_INDEX_PATH, 'utf8');
  const { compileMatchIndex } = (await import('../src/knowledge/compile')) as { compileMatchIndex: (k: never) => unknown };
  const k = JSON.parse(readFileSync(new URL('../src/generated/knowledge.json', import.meta.url), 'utf8')) as {
    countries: unknown[];
    people: unknown[];
  };
  return JSON.stringify(compileMatchIndex({ ...k, countries: pick(k.countries, fraction), people: pick(k.people, fraction) } as never));
}

async function loadEngine(): Promise<CreateMatcher> {
  const mod = (await import('../src/matching/index')) as Record<string, unknown>;
  const create = mod['createPageMatcher'];
  if (typeof create !== 'function') throw new Error('src/matching/index.ts exports no createPageMatcher');
  return create as CreateMatcher;
}

/**
 * `page` (the 1 MB page) with the full index gives the headline throughput;
 * `growthPage` (1 MB whose mentions all come from the 10% subset, so every
 * variant finds the same mentions) gives the growth with alias count.
 */
export async function engineFigures(page: GeneratedPage, growthPage: GeneratedPage, fractions = [1, 0.1, 0.5], passes = 15): Promise<EngineFigures> {
  const create = await loadEngine();
  const headline = await throughput(create, page, [1], passes);
  const growth = await throughput(create, growthPage, fractions, passes);
  const full = headline.runs[0]!;
  const { hostile, settingsParseMs } = await hostileFigures(create);
  const text = [
    `Matching engine in Node ${process.version} on ${page.name} (${(headline.chars / 1e6).toFixed(2)} M chars in ${headline.blocks} blocks), full index (${full.aliases} aliases, ${(full.indexBytes / 1024).toFixed(1)} KB): ` +
      `${fmt(full.mbPerS)} MB/s (median of ${passes} warm passes; the first, cold pass: ${fmt(full.firstMbPerS)} MB/s); index load (JSON.parse + createPageMatcher) ${fmt(full.loadMs)} ms (first ${fmt(full.loadFirstMs)} ms).`,
    `Growth with alias count, in Node, on ${growthPage.name} (every mention drawn from the 10% subset, so all variants find the same ones):`,
    table(
      ['knowledge', 'aliases', 'index KB', 'load ms', 'match ms', 'MB/s', 'mentions'],
      growth.runs.map((r) => [`${r.fraction * 100}%`, String(r.aliases), (r.indexBytes / 1024).toFixed(1), fmt(r.loadMs), fmt(r.matchMs), fmt(r.mbPerS), String(r.mentions)]),
    ),
    'Hostile inputs, in Node, full index (median of 5; linear work is held by tests/unit/property-matching.test.ts):',
    table(['input', 'chars', 'ms'], hostile.map((h) => [h.input, String(h.chars), fmt(h.ms)])),
    `Settings: a stored list of 100,000 sites read (parseSettings, capped to the first 300 good ones): ${fmt(settingsParseMs)} ms (median of 5).`,
  ].join('\n');
  return {
    text, page: page.name, chars: headline.chars, blocks: headline.blocks, runs: headline.runs, growth: { page: growthPage.name, runs: growth.runs }, hostile, settingsParseMs,
  };
}

async function throughput(create: CreateMatcher, page: GeneratedPage, fractions: number[], passes: number): Promise<{ chars: number; blocks: number; runs: EngineRun[] }> {
  const blocks = blocksOf(page.html);
  const chars = blocks.reduce((s, b) => s + b.length, 0);
  interface Variant {
    fraction: number;
    text: string;
    loads: number[];
    matcher: Matcher;
    times: number[];
    mentions: number;
  }
  const variants: Variant[] = [];
  for (const fraction of fractions) {
    const text = await indexForFraction(fraction);
    const loads: number[] = [];
    for (let i = 0; i < passes + 1; i++) {
      const t0 = performance.now();
      create(JSON.parse(text) as never);
      loads.push(performance.now() - t0);
    }
    variants.push({ fraction, text, loads, matcher: create(JSON.parse(text) as never), times: [], mentions: 0 });
  }
  const pass = (v: Variant) => {
    v.matcher.reset();
    let mentions = 0;
    const t0 = performance.now();
    for (const b of blocks) mentions += v.matcher.matchBlock(b).length;
    v.mentions = mentions;
    return performance.now() - t0;
  };
  // The first pass of the full index is cold (what a page sees); the timed passes interleave the variants so JIT warm-up and machine load favour none.
  const fullVariant = variants.find((v) => v.fraction === 1) ?? variants[0]!;
  const coldMs = pass(fullVariant);
  for (let i = 0; i < passes; i++) {
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(i + j) % variants.length]!;
      v.times.push(pass(v));
    }
  }
  const runs: EngineRun[] = variants.map((v) => {
    const matchMs = median(v.times);
    const first = v === fullVariant ? coldMs : v.times[0]!;
    return {
      fraction: v.fraction,
      aliases: aliasStrings(JSON.parse(v.text)).length,
      indexBytes: Buffer.byteLength(v.text),
      loadFirstMs: v.loads[0]!,
      loadMs: median(v.loads.slice(1)),
      matchMs,
      mbPerS: chars / 1e6 / (matchMs / 1000),
      firstMatchMs: first,
      firstMbPerS: chars / 1e6 / (first / 1000),
      mentions: v.mentions,
    };
  });
  runs.sort((a, b) => a.fraction - b.fraction);
  return { chars, blocks: blocks.length, runs };
}
