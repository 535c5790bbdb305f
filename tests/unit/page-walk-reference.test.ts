/**
 * The walk reads flowing subtrees in one textContent call and lists their
 * text nodes only when asked; on random pages it must give exactly what the
 * plain node-by-node walk (tests/unit/helpers/reference-walk.ts) gives: the
 * same blocks, texts, text nodes and offsets.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { collectBlocks, HOST_TAG, locate, MAX_BLOCK_CHARS } from '../../src/page/walk';
import { collectBlocks as referenceBlocks, locate as referenceLocate } from './helpers/reference-walk';

type Spec = { text: string } | { tag: string; attrs: [string, string][]; children: Spec[] };

const BLOCK = ['div', 'p', 'li', 'ul', 'section', 'h2', 'td', 'article', 'my-widget'];
const INLINE = ['a', 'b', 'i', 'em', 'span', 'strong', 'time', 'label', 'sup', 'wbr'];
const SKIPPED = ['script', 'style', 'code', 'pre', 'textarea', 'button', 'svg', 'noscript', HOST_TAG];
const VOID = ['br', 'img', 'hr'];

const textArb = fc.oneof(
  fc.constantFrom('', ' ', '\n  ', 'Wang Yi', 'Suga', 'met ', ' in Tokyo. ', 'Japan', '\u00a0'),
  fc.string({ maxLength: 6 }),
);

const { node: nodeArb } = fc.letrec<{ node: Spec; element: Spec }>((tie) => ({
  node: fc.oneof({ maxDepth: 5, depthIdentifier: 'walk' }, { weight: 3, arbitrary: textArb.map((text) => ({ text })) }, { weight: 3, arbitrary: tie('element') }),
  element: fc.record({
    tag: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BLOCK) }, { weight: 5, arbitrary: fc.constantFrom(...INLINE) }, { weight: 1, arbitrary: fc.constantFrom(...SKIPPED) }, { weight: 1, arbitrary: fc.constantFrom(...VOID) }),
    attrs: fc.array(fc.constantFrom<[string, string]>(['contenteditable', ''], ['contenteditable', 'true'], ['contenteditable', 'false'], ['class', 'x']), { maxLength: 1 }),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
}));

function build(d: Document, parent: Node, spec: Spec): void {
  if ('text' in spec) {
    // Built node by node, not through innerHTML, so empty and adjacent text nodes occur as they do in script-built pages.
    parent.appendChild(d.createTextNode(spec.text));
    return;
  }
  const el = d.createElement(spec.tag);
  for (const [k, v] of spec.attrs) el.setAttribute(k, v);
  if (!VOID.includes(spec.tag)) for (const c of spec.children) build(d, el, c);
  parent.appendChild(el);
}

function page(body: Spec[]): Document {
  const d = document.implementation.createHTMLDocument('t');
  for (const s of body) build(d, d.body, s);
  return d;
}

const shape = (blocks: ReturnType<typeof collectBlocks>) =>
  blocks.map((b) => ({ text: b.text, nodes: b.nodes, starts: b.starts }));

describe('the walk equals the node-by-node reference', () => {
  test('on random pages: same blocks, texts, text nodes and starts', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 6 }), (body) => {
        const d = page(body);
        expect(shape(collectBlocks(d))).toEqual(shape(referenceBlocks(d)));
        // From any element as the root too (the annotator re-reads subtrees the page changed).
        for (const el of Array.from(d.body.querySelectorAll('*')).slice(0, 5)) {
          expect(shape(collectBlocks(el))).toEqual(shape(referenceBlocks(el)));
        }
      }),
      { numRuns: 400 },
    );
  });

  test('locating an offset lists only the nodes it needs and finds what the full listing finds', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 6 }), fc.nat(), fc.boolean(), (body, pick, preferEnd) => {
        const d = page(body);
        const ours = collectBlocks(d);
        const theirs = referenceBlocks(d);
        ours.forEach((b, i) => {
          const offset = pick % (b.text.length + 1);
          expect(locate(b, offset, preferEnd)).toEqual(referenceLocate(theirs[i]!, offset, preferEnd));
        });
      }),
      { numRuns: 300 },
    );
  });

  test('a long flowing container is still cut where the reference cuts it', () => {
    const d = document.implementation.createHTMLDocument('t');
    const div = d.createElement('div');
    for (let i = 0; i < 2500; i++) {
      const s = d.createElement('span');
      s.textContent = `word${i} Wang Yi `;
      div.appendChild(s);
    }
    d.body.appendChild(div);
    const blocks = collectBlocks(d);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.text.length).toBeLessThan(MAX_BLOCK_CHARS + 100);
    expect(shape(blocks)).toEqual(shape(referenceBlocks(d)));
  });
});
