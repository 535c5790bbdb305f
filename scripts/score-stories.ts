/**
 * Precision and recall of the engine on the labelled real stories in
 * tests/fixtures/stories (see sources.json there), per language and kind of
 * mention, each story read on its own date. `--errors` lists every miss and
 * false positive; `--json` prints the figures as JSON (to compare two builds).
 *
 *   npx tsx scripts/score-stories.ts [--errors] [--json] [--lang en|ja|zh|ko]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateText } from './annotate';
import { loadKnowledge } from './knowledge-files';
import { compileMatchIndex } from '../src/knowledge/compile';
import { parseGold } from '../tests/unit/annotate-gold';

export const STORY_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'stories');
export const KINDS = ['person', 'country', 'demonym', 'capital', 'organisation'] as const;

interface Story {
  name: string;
  lang: string;
  date: string;
}
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

type Scored = { start: number; end: number; entity: string; kind: string; text: string };
const key = (m: Scored) => `${m.start}:${m.end}:${m.entity}:${m.kind}`;

/** True and false positives and misses per kind, a mention counting only with its exact span, entity and kind; with a line per error. */
export function scoreMentions(gold: Scored[], found: Scored[]): { per: Record<string, Tally>; errors: string[] } {
  const per: Record<string, Tally> = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  const goldKeys = new Set(gold.map(key));
  const foundKeys = new Set(found.map(key));
  for (const f of found) {
    if (goldKeys.has(key(f))) per[f.kind]!.tp++;
    else {
      per[f.kind]!.fp++;
      errors.push(`false positive "${f.text}" ${f.kind}:${f.entity} at ${f.start}`);
    }
  }
  for (const g of gold) {
    if (foundKeys.has(key(g))) continue;
    per[g.kind]!.fn++;
    errors.push(`missed "${g.text}" ${g.kind}:${g.entity} at ${g.start}`);
  }
  return { per, errors };
}

/** The knowledge and its index, built once however many sets of stories are scored. */
let built: { knowledge: ReturnType<typeof loadKnowledge>['knowledge']; index: ReturnType<typeof compileMatchIndex> } | null = null;

/** Scores the stories of `dir` (in one language, and those `only` keeps, when given). */
export function scoreStories(
  filter?: string, opts: { dir?: string; only?: (name: string) => boolean } = {},
): { per: Record<string, Record<string, Tally>>; errors: string[] } {
  const dir = opts.dir ?? STORY_DIR;
  const stories = (JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as Story[])
    .filter((s) => (!filter || s.lang === filter) && (!opts.only || opts.only(s.name)));
  const { knowledge, index } = (built ??= (() => {
    const { knowledge } = loadKnowledge();
    return { knowledge, index: compileMatchIndex(knowledge) };
  })());
  const per: Record<string, Record<string, Tally>> = {};
  const errors: string[] = [];
  for (const s of stories) {
    const { text, gold } = parseGold(readFileSync(join(dir, `${s.name}.gold.txt`), 'utf8'), s.name);
    const found = annotateText(knowledge, index, text, s.date).mentions;
    const t = (per[s.lang] ??= Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])));
    const scored = scoreMentions(gold, found);
    for (const k of KINDS) {
      t[k]!.tp += scored.per[k]!.tp;
      t[k]!.fp += scored.per[k]!.fp;
      t[k]!.fn += scored.per[k]!.fn;
    }
    errors.push(...scored.errors.map((e) => `${s.name}: ${e}`));
  }
  return { per, errors };
}

export const precision = ({ tp, fp }: Tally) => (tp + fp ? tp / (tp + fp) : 1);
export const recall = ({ tp, fn }: Tally) => (tp + fn ? tp / (tp + fn) : 1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : undefined;
  const dir = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : undefined;
  const { per, errors } = scoreStories(lang, { dir });
  if (args.includes('--json')) console.log(JSON.stringify(per));
  else {
    if (args.includes('--errors')) console.log(errors.join('\n'));
    for (const [l, t] of Object.entries(per)) {
      console.log(`${l}:`);
      for (const k of KINDS) {
        const x = t[k]!;
        if (x.tp + x.fp + x.fn === 0) continue;
        console.log(`  ${k.padEnd(12)} gold ${String(x.tp + x.fn).padStart(4)}  found ${String(x.tp + x.fp).padStart(4)}  precision ${precision(x).toFixed(3)}  recall ${recall(x).toFixed(3)}`);
      }
    }
  }
}
