/**
 * What every page pays to download and parse, in the RELEASED build
 * (.output/chrome-mv3: the bench build adds the `backstory:*` marks): the
 * content script's own files (from the built manifest), the part of the
 * match index the background sends it at start-up (packed as on the wire,
 * src/matching/sub-index.ts packPart, for the bench's article), and anything
 * it fetches from the extension on load (seen in the trace). Card details
 * fetched only when a card opens, and the card's code (card.js, added to
 * a frame by the background on its first card), are not part of it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement } from './measure';
import type { MatchIndex } from '../src/matching/format';
import { indexPartForText, packPart } from '../src/matching/sub-index';
import { readMatchIndex } from './aliases';
import { CARD_FILE } from '../src/vocabulary';
import { median } from './stats';

export interface BundleFigures {
  /** The build the sizes were read from (the released one, unless it was missing). */
  buildDir: string;
  released: boolean;
  contentScriptBytes: number;
  cssBytes: number;
  /** chrome-extension:// resources the page's renderer fetched while loading (median over the article runs). */
  fetchedBytes: number;
  /** The part of the match index the background sends for the article's text (packed, as JSON on the wire). */
  indexPartBytes: number;
  /** The same part unpacked (IndexPart as JSON), for comparison. */
  indexPartUnpackedBytes: number;
  everyPageBytes: number;
  /** The card's code (card.js), added to a frame only when its first card opens (entrypoints/card.ts); not part of everyPageBytes. */
  firstCardBytes: number;
  files: Record<string, number>;
  note: string;
}

/** The text the content script sends at start-up: the body's text (the generated pages hold no scripts, so their markup stripped). */
export function pageText(html: string): string {
  return html.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ');
}

/** Bytes of the packed index part the background sends for `html`'s text. */
export function indexPartBytes(index: MatchIndex, html: string): { packed: number; unpacked: number } {
  const part = indexPartForText(index, pageText(html));
  return { packed: JSON.stringify(packPart(part)).length, unpacked: JSON.stringify(part).length };
}

/** The content script and stylesheet the manifest of the build in `dir` loads on every page. */
export function contentScriptBytes(dir: string): { js: number; css: number; files: Record<string, number> } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
  const files: Record<string, number> = {};
  let js = 0;
  let css = 0;
  for (const cs of manifest.content_scripts ?? []) {
    for (const f of cs.js ?? []) js += files[f] = statSync(join(dir, f)).size;
    for (const f of cs.css ?? []) css += files[f] = statSync(join(dir, f)).size;
  }
  return { js, css, files };
}

/** `dir`: the released build (its files are what users download), or, `released` false, the bench build in its place. */
export function bundleFigures(dir: string, released: boolean, articleRuns: Measurement[], articleHtml = '', index = readMatchIndex() as MatchIndex): BundleFigures {
  const { js, css, files } = contentScriptBytes(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { web_accessible_resources?: ({ resources?: string[] } | string)[] };
  const fetched = median(articleRuns.map((m) => m.extensionFetchBytes));
  const fetchedBytes = Number.isFinite(fetched) ? fetched : 0;
  const part = articleHtml ? indexPartBytes(index, articleHtml) : { packed: 0, unpacked: 0 };
  const war = (manifest.web_accessible_resources ?? []).flatMap((w) => (typeof w === 'string' ? [w] : (w.resources ?? [])));
  const notes = [
    released ? '' : 'No released build (.output/chrome-mv3): sizes from the bench build.',
    war.length ? `Web-accessible resources (loaded on demand): ${war.join(', ')}.` : '',
  ].filter(Boolean);
  return {
    buildDir: dir,
    released,
    contentScriptBytes: js,
    cssBytes: css,
    fetchedBytes,
    indexPartBytes: part.packed,
    indexPartUnpackedBytes: part.unpacked,
    everyPageBytes: js + css + fetchedBytes + part.packed,
    firstCardBytes: existsSync(join(dir, CARD_FILE)) ? statSync(join(dir, CARD_FILE)).size : 0,
    files,
    note: notes.join(' '),
  };
}
