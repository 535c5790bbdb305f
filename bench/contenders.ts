/**
 * Packs the comparison contenders (the floor, one big RegExp, mark.js) into a
 * small unpacked extension of the bench's own, so they run where and when
 * Backstory's content script runs (document_idle, isolated world) and are
 * timed by the same trace.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { aliasRegExpSource } from './aliases';

const ROOT = resolve(import.meta.dirname, '..');
export const MARK_JS = join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');

export type Contender = 'none' | 'floor' | 'regexp' | 'markre' | 'markkw' | 'engine';

/** Index variants for the engine contender: path segment → match index JSON text. /e100/… pages get the full index. */
export type IndexVariants = Record<string, string>;

export async function buildContenderExtension(aliases: readonly string[], indexes: IndexVariants): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-contenders-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'bench contenders',
      version: '1.0',
      // launchWithExtension finds the extension id through its service worker.
      background: { service_worker: 'sw.js' },
      // /c/… pages get the contenders; /none/… pages (the control) only the runner, which then does nothing.
      content_scripts: [
        { matches: ['http://*/c/*'], run_at: 'document_idle', js: ['aliases.js', 'mark.min.js', 'runner.js'] },
        { matches: ['http://*/none/*'], run_at: 'document_idle', js: ['runner.js'] },
        ...Object.keys(indexes).map((seg) => ({
          matches: [`http://*/${seg}/*`],
          run_at: 'document_idle',
          js: [`index-${seg}.js`, 'engine.js'],
          css: ['engine.css'],
        })),
      ],
    }),
  );
  writeFileSync(join(dir, 'sw.js'), '');
  const re = aliasRegExpSource(aliases);
  writeFileSync(join(dir, 'aliases.js'), `var BENCH_ALIASES = ${JSON.stringify(aliases)};\nvar BENCH_RE = ${JSON.stringify(re)};\n`);
  copyFileSync(MARK_JS, join(dir, 'mark.min.js'));
  copyFileSync(join(import.meta.dirname, 'contenders', 'runner.js'), join(dir, 'runner.js'));
  for (const [seg, json] of Object.entries(indexes)) writeFileSync(join(dir, `index-${seg}.js`), `var BENCH_INDEX = ${JSON.stringify(json)};\n`);
  writeFileSync(join(dir, 'engine.css'), '::highlight(bench-engine) { background-color: rgb(255 214 102 / 0.45); }\n');
  await build({
    entryPoints: [join(import.meta.dirname, 'contenders', 'engine-driver.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    outfile: join(dir, 'engine.js'),
    logLevel: 'warning',
  });
  return dir;
}
