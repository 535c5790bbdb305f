/**
 * Properties over the real index with text built from the knowledge's own
 * names (issue #18): a surname that two tracked people share never links on
 * its own, whatever surrounds it; and no rule fires inside a longer name (a
 * tracked person's full name is one mention of them, never a shorter
 * mention of someone or something else within it).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge-files';
import { compileMatchIndex, indexEntries } from '../../src/knowledge/compile';
import { entryEntity, entryKind, K_SURNAME } from '../../src/matching/format';
import { createPageMatcher } from '../../src/matching';

const { knowledge } = loadKnowledge();
const index = compileMatchIndex(knowledge);
const entries = indexEntries(index);

/** Surnames (as written in the data) of two or more tracked people. */
const shared = [...new Set(knowledge.people.map((p) => p.surname))].filter((s) => {
  const key = s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const codes = entries.get(key)?.filter((e) => entryKind(e.code) === K_SURNAME) ?? [];
  return new Set(codes.map((e) => entryEntity(e.code))).size >= 2;
});

const WORDS = ['said', 'met', 'President', 'Minister', 'Mr', 'the', 'administration', 'on', 'Monday', 'and', 'government', 'told', 'in', 'Tokyo', 'Headline', 'Talks'];
const filler = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));

describe('surnames and longer names, over the knowledge\'s own names', () => {
  test('there are shared surnames to test (the property is not vacuous)', () => {
    expect(shared.length).toBeGreaterThan(20);
    expect(shared).toEqual(expect.arrayContaining(['Wang', 'Kim']));
  });

  test('a surname two tracked people share never links on its own, before or after any words', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shared), filler, filler, (surname, before, after) => {
        const text = `${before} ${surname} ${after}.`.trim();
        const found = createPageMatcher(index).matchBlock(text);
        const s = text.indexOf(surname);
        const alone = found.filter((m) => m.kind === 'person' && m.start === s && m.end === s + surname.length);
        expect(alone, text).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  test('a full name is one mention of its person: no rule fires inside it', () => {
    const people = knowledge.people.filter((p) => /^[\p{L}][\p{L}' .-]+$/u.test(p.name) && p.name.includes(' '));
    fc.assert(
      fc.property(fc.constantFrom(...people), filler, filler, (p, before, after) => {
        const text = `${before} ${p.name} ${after}.`.trim();
        const s = text.indexOf(p.name);
        const e = s + p.name.length;
        const inside = createPageMatcher(index).matchBlock(text).filter((m) => m.start < e && m.end > s);
        // Either the whole name is the person's mention, or (a name another entity shares) nothing is marked there.
        for (const m of inside) expect({ text, start: m.start, end: m.end, entity: m.entity }).toEqual({ text, start: s, end: e, entity: p.wikipedia });
      }),
      { numRuns: 1500 },
    );
  });
});
