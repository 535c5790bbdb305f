/**
 * Precision and recall on the labelled fixture articles, per kind of mention,
 * through the annotate command's own .txt path. The scores are printed; the
 * thresholds are what the engine must keep.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { annotateText } from '../../scripts/annotate';
import { loadKnowledge } from '../../scripts/knowledge-files';
import { compileMatchIndex } from '../../src/knowledge/compile';
import { goldFixtures, parseGold } from './annotate-gold';
import { KINDS, scoreMentions as score } from '../../scripts/score-stories';

const { knowledge } = loadKnowledge();
const index = compileMatchIndex(knowledge);
interface Score {
  tp: number;
  fp: number;
  fn: number;
}

describe('labelled fixture articles', () => {
  const fixtures = goldFixtures();

  test('there are labelled fixtures, and each plain .txt is its .gold.txt without the marks', () => {
    expect(fixtures.map((f) => f.name)).toEqual(expect.arrayContaining(['wang-yi-2020', 'story-2024', 'story-2026', 'cjk', 'tricky-negatives']));
    for (const f of fixtures) expect(readFileSync(f.plainPath, 'utf8'), f.name).toBe(parseGold(f.marked, f.name).text);
  });

  test('precision and recall per kind of mention', () => {
    const total: Record<string, Score> = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
    const report: string[] = [];
    for (const f of fixtures) {
      const { text, gold } = parseGold(f.marked, f.name);
      const out = annotateText(knowledge, index, text, '2020-11-20');
      for (const m of out.mentions) expect(m.text).toBe(text.slice(m.start, m.end));
      const { per, errors } = score(gold, out.mentions);
      for (const k of KINDS) {
        total[k]!.tp += per[k]!.tp;
        total[k]!.fp += per[k]!.fp;
        total[k]!.fn += per[k]!.fn;
      }
      report.push(`${f.name}: ${gold.length} labelled, ${out.mentions.length} found${errors.length ? `\n    ${errors.join('\n    ')}` : ''}`);
    }
    const lines = KINDS.map((k) => {
      const { tp, fp, fn } = total[k]!;
      const p = tp + fp ? tp / (tp + fp) : 1;
      const r = tp + fn ? tp / (tp + fn) : 1;
      return { k, tp, fp, fn, p, r, line: `${k.padEnd(8)} gold ${String(tp + fn).padStart(3)}  found ${String(tp + fp).padStart(3)}  precision ${p.toFixed(3)}  recall ${r.toFixed(3)}` };
    });
    console.log(`${report.join('\n')}\n${lines.map((l) => l.line).join('\n')}`);
    for (const l of lines) {
      expect(l.tp + l.fn, `${l.k}: labelled mentions`).toBeGreaterThan(5);
      expect(l.p, `${l.k} precision`).toBeGreaterThanOrEqual(0.95);
      expect(l.r, `${l.k} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
