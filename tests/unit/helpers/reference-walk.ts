/**
 * The plain definition of a page's blocks, node by node, that
 * tests/unit/page-walk-reference.test.ts holds the fast walk (src/page/walk.ts)
 * to: a recursive descent over every node, with none of the walk's shortcuts
 * (whole-subtree textContent, lazily listed text nodes, resumable position).
 * A block is the text of consecutive text nodes with no block element, line
 * break, excluded element or editable region between them; runs are cut after
 * the text node that reaches MAX_BLOCK_CHARS; whitespace-only runs are not blocks.
 */
import { INLINE_TAGS, isExcluded, MAX_BLOCK_CHARS, SKIPPED_TAGS } from '../../../src/page/walk';

export interface ReferenceBlock {
  text: string;
  nodes: Text[];
  starts: number[];
}

function editable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

export function collectBlocks(root: Document | Element): ReferenceBlock[] {
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  const out: ReferenceBlock[] = [];
  let cur: ReferenceBlock = { text: '', nodes: [], starts: [] };
  const cut = () => {
    if (cur.nodes.length && /\S/.test(cur.text)) out.push(cur);
    cur = { text: '', nodes: [], starts: [] };
  };
  const visit = (n: Node): void => {
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      if (!data.length) return;
      cur.starts.push(cur.text.length);
      cur.nodes.push(n as Text);
      cur.text += data;
      if (cur.text.length >= MAX_BLOCK_CHARS) cut();
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (SKIPPED_TAGS.has(el.localName) || editable(el)) {
      cut();
      return;
    }
    const block = !INLINE_TAGS.has(el.localName);
    if (block) cut();
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (block) cut();
  };
  if (start && !isExcluded(start)) visit(start);
  cut();
  return out;
}

/** The text node and offset for a position in a block's text (an end position resolves to the end of the earlier node). */
export function locate(block: ReferenceBlock, offset: number, preferEnd = false): { node: Text; offset: number } {
  for (let i = block.nodes.length - 1; i >= 0; i--) {
    const s = block.starts[i]!;
    if (s < offset || (s === offset && !preferEnd) || i === 0) return { node: block.nodes[i]!, offset: offset - s };
  }
  throw new Error('empty block');
}
