/**
 * The page's matcher works on the part of the index its text needs (the
 * background cuts it, see sub-index.ts). It must find exactly what the whole
 * index finds, on real stories and on random text made of the index's own
 * names, and learn words that come later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import indexJson from '../../src/generated/match-index.json';
import type { MatchIndex } from '../../src/matching/format';
import { createPageMatcher, createPartMatcher, indexPart, indexPartForText, packPart, textWords, unpackPart, type PageMatcher } from '../../src/matching/index';

const index = indexJson as unknown as MatchIndex;
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'annotate');
const stories = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

function run(m: PageMatcher, blocks: string[]): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    for (const x of m.matchBlock(b, i)) out.push(`${i}:${x.start}-${x.end}=${x.entity}/${x.kind}/${x.how}`);
    for (const l of m.takeLate()) out.push(`late ${String(l.block)}:${l.mention.start}-${l.mention.end}=${l.mention.entity}`);
  });
  return out;
}

describe('a part of the index finds what the whole index finds', () => {
  test('on the labelled stories', () => {
    expect(stories.length).toBeGreaterThan(5);
    for (const text of stories) {
      const blocks = text.split(/\n\s*\n/);
      const whole = run(createPageMatcher(index), blocks);
      expect(whole.length).toBeGreaterThan(5);
      expect(run(createPartMatcher(indexPartForText(index, text)), blocks)).toEqual(whole);
    }
  });

  test('on random text built from the index names, in Latin and East Asian scripts', () => {
    const keys = index.keys.split('\n').filter((k, i) => (index.vals.split('\n')[i] ?? '') !== '');
    const cjk = index.cjk.split('\n');
    const title = (k: string) => k.split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    const piece = fc.oneof(
      fc.constantFrom(...keys).map(title),
      fc.constantFrom(...cjk),
      fc.constantFrom('the', 'said', 'President', 'Minister', 'in', 'met', 'of', ',', '.', "'s", 'Foreign', 'on Monday'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(piece, { minLength: 1, maxLength: 30 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 6 }), (blocks) => {
        const text = blocks.join('\n\n');
        expect(run(createPartMatcher(indexPartForText(index, text)), blocks)).toEqual(run(createPageMatcher(index), blocks));
      }),
      { numRuns: 200 },
    );
  });

  test('the part holds only keys whose first word is in the text, and far fewer than the whole', () => {
    const text = stories[0]!;
    const part = indexPartForText(index, text);
    const { words } = textWords(text);
    for (const k of part.keys.split('\n')) expect(words.has(k.split(/[ '.]/)[0]!), k).toBe(true);
    expect(part.keys.length).toBeLessThan(index.keys.length / 4);
  });
});

describe('a part matcher learns words the page shows later', () => {
  test('it hands out the words it missed once, and finds their names after extend()', () => {
    const m = createPartMatcher(indexPartForText(index, 'Nothing here.'));
    expect(m.matchBlock('Chinese Foreign Minister Wang Yi visited Japan.')).toEqual([]);
    const missed = m.takeMissed();
    expect(missed).toEqual(expect.arrayContaining(['chinese', 'wang', 'japan']));
    expect(m.takeMissed()).toEqual([]);
    m.extend(indexPart(index, missed));
    expect(m.matchBlock('Chinese Foreign Minister Wang Yi visited Japan.').map((x) => x.entity)).toEqual(['CHN', 'Wang Yi', 'JPN']);
    // Asked once, whatever the answer: a word with no key is not handed out again.
    m.matchBlock('Zyxwv Qqq met.');
    expect(m.takeMissed()).toEqual(['zyxwv', 'qqq']);
    m.matchBlock('Zyxwv Qqq met.');
    expect(m.takeMissed()).toEqual([]);
  });
});

describe('the part as sent to the page (packPart / unpackPart)', () => {
  test('unpacks to exactly the part that was packed, and is smaller', () => {
    for (const text of stories) {
      const part = indexPartForText(index, text);
      const packed = packPart(part);
      expect(unpackPart(packed)).toEqual(part);
      expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(part).length);
    }
  });

  test('round-trips random words, empty parts and keys longer than the shared-prefix limit', () => {
    const keys = index.keys.split('\n');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keys.map((k) => k.split(/[ '.]/)[0]!)), { maxLength: 40 }), (words) => {
        const part = indexPart(index, words);
        expect(unpackPart(packPart(part))).toEqual(part);
      }),
      { numRuns: 100 },
    );
    const empty = indexPart(index, []);
    expect(unpackPart(packPart(empty))).toEqual(empty);
    const long = { ...empty, keys: ['x'.repeat(90), 'x'.repeat(100) + ' y', 'x'.repeat(100) + ' z'].join('\n'), vals: '\n\n', single: 1 };
    expect(unpackPart(packPart(long))).toEqual(long);
  });

  test('a page matcher made from the unpacked part finds what the whole index finds', () => {
    for (const text of stories.slice(0, 3)) {
      const blocks = text.split(/\n\s*\n/);
      expect(run(createPartMatcher(unpackPart(packPart(indexPartForText(index, text)))), blocks)).toEqual(run(createPageMatcher(index), blocks));
    }
  });
});
