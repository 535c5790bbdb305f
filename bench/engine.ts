/**
 * The matching engine alone, in Node, so a regression shows at its source:
 * the index's load time (JSON.parse + createPageMatcher) and matching
 * throughput in MB/s of text with the full index and with 10% / 50% of the
 * knowledge (growth with alias count).
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
  mentions: number;
}

export interface EngineFigures {
  text: string;
  page: string;
  chars: number;
  blocks: number;
  runs: EngineRun[];
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

export async function engineFigures(page: GeneratedPage, fractions = [0.1, 0.5, 1], passes = 7): Promise<EngineFigures> {
  const create = await loadEngine();
  const blocks = blocksOf(page.html);
  const chars = blocks.reduce((s, b) => s + b.length, 0);
  const runs: EngineRun[] = [];
  for (const fraction of fractions) {
    const text = await indexForFraction(fraction);
    const loads: number[] = [];
    for (let i = 0; i < passes + 1; i++) {
      const t0 = performance.now();
      create(JSON.parse(text) as never);
      loads.push(performance.now() - t0);
    }
    const matcher = create(JSON.parse(text) as never);
    const times: number[] = [];
    let mentions = 0;
    for (let i = 0; i < passes; i++) {
      matcher.reset();
      mentions = 0;
      const t0 = performance.now();
      for (const b of blocks) mentions += matcher.matchBlock(b).length;
      times.push(performance.now() - t0);
    }
    const matchMs = median(times);
    runs.push({
      fraction,
      aliases: aliasStrings(JSON.parse(text)).length,
      indexBytes: Buffer.byteLength(text),
      loadFirstMs: loads[0]!,
      loadMs: median(loads.slice(1)),
      matchMs,
      mbPerS: chars / 1e6 / (matchMs / 1000),
      mentions,
    });
  }
  const full = runs.find((r) => r.fraction === 1) ?? runs.at(-1)!;
  const text = [
    `Matching engine in Node ${process.version} on ${page.name} (${(chars / 1e6).toFixed(2)} M chars in ${blocks.length} blocks): ` +
      `${fmt(full.mbPerS)} MB/s with the full index (${full.aliases} aliases); index load ${fmt(full.loadMs)} ms (first ${fmt(full.loadFirstMs)} ms, ${(full.indexBytes / 1024).toFixed(1)} KB).`,
    table(
      ['knowledge', 'aliases', 'index KB', 'load ms', 'match ms', 'MB/s', 'mentions'],
      runs.map((r) => [`${r.fraction * 100}%`, String(r.aliases), (r.indexBytes / 1024).toFixed(1), fmt(r.loadMs), fmt(r.matchMs), fmt(r.mbPerS), String(r.mentions)]),
    ),
  ].join('\n');
  return { text, page: page.name, chars, blocks: blocks.length, runs };
}
