/**
 * What every page pays to download and parse: the content script's own files
 * (from the built manifest) plus what it fetches from the extension on load
 * (seen in the trace). Card details fetched only when a card opens are not
 * part of it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement } from './measure';
import type { MatchIndex } from '../src/matching/format';
import { indexPartForText } from '../src/matching/sub-index';
import { readMatchIndex } from './aliases';
import { median } from './stats';

export interface BundleFigures {
  contentScriptBytes: number;
  cssBytes: number;
  /** chrome-extension:// resources the page's renderer fetched while loading (median over the article runs). */
  fetchedBytes: number;
  /** The part of the match index the background sends for the article's text (JSON, as messaged). */
  indexPartBytes: number;
  everyPageBytes: number;
  files: Record<string, number>;
  note: string;
}

export function bundleFigures(extDir: string, articleRuns: Measurement[], articleHtml = ''): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
    web_accessible_resources?: ({ resources?: string[] } | string)[];
  };
  const files: Record<string, number> = {};
  let js = 0;
  let css = 0;
  for (const cs of manifest.content_scripts ?? []) {
    for (const f of cs.js ?? []) js += files[f] = statSync(join(extDir, f)).size;
    for (const f of cs.css ?? []) css += files[f] = statSync(join(extDir, f)).size;
  }
  const fetched = median(articleRuns.map((m) => m.extensionFetchBytes));
  const fetchedBytes = Number.isFinite(fetched) ? fetched : 0;
  // What the content script sends is the body's text; the generated pages hold no scripts, so their markup stripped is that text.
  const text = articleHtml.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ');
  const indexPartBytes = text ? JSON.stringify(indexPartForText(readMatchIndex() as MatchIndex, text)).length : 0;
  const war = (manifest.web_accessible_resources ?? []).flatMap((w) => (typeof w === 'string' ? [w] : (w.resources ?? [])));
  return {
    contentScriptBytes: js,
    cssBytes: css,
    fetchedBytes,
    indexPartBytes,
    everyPageBytes: js + css + fetchedBytes + indexPartBytes,
    files,
    note: war.length ? `Web-accessible resources (loaded on demand): ${war.join(', ')}.` : '',
  };
}
