import { describe, expect, test } from 'vitest';
import { BlockCursor, collectBlocks, HOST_TAG, isExcluded, locate, MAX_BLOCK_CHARS, blockAncestor } from '../../src/page/walk';

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = html;
  return d;
}

const texts = (html: string) => collectBlocks(doc(html)).map((b) => b.text);

describe('collectBlocks', () => {
  test('joins inline descendants of a block into one text', () => {
    expect(texts('<p>Prime Minister <b>Yoshihide</b> Suga met <a href="#"><i>Wang</i> Yi</a>.</p>')).toEqual([
      'Prime Minister Yoshihide Suga met Wang Yi.',
    ]);
  });

  test('block elements end a block, including blocks nested in a block', () => {
    expect(texts('<div>Wang <p>Japan</p> Yi</div><p>a</p>b<section><h2>Head</h2><ul><li>one</li><li>two</li></ul></section>')).toEqual([
      'Wang ', 'Japan', ' Yi', 'a', 'b', 'Head', 'one', 'two',
    ]);
  });

  test('a line break ends a block', () => {
    expect(texts('<p>Wang<br>Yi</p>')).toEqual(['Wang', 'Yi']);
  });

  test('skips inputs, editable regions, code, scripts and its own UI', () => {
    const html = `<p>keep</p><input value="Wang Yi"><textarea>Suga</textarea><select><option>Japan</option></select>
      <div contenteditable="true"><p>edit <b>Suga</b></p></div><div contenteditable="false">ce false</div>
      <script>var Japan</script><style>.China{}</style><noscript>Japan</noscript><code>China</code><pre>India</pre>
      <template><p>Korea</p></template><svg><text>Iran</text></svg><${HOST_TAG}><p>card text</p></${HOST_TAG}><p>last</p>`;
    expect(texts(html).map((t) => t.trim()).filter(Boolean)).toEqual(['keep', 'ce false', 'last']);
  });

  test('an inline skipped element also ends the block so text is not joined across it', () => {
    expect(texts('<p>Wang <code>x</code> Yi</p>')).toEqual(['Wang ', ' Yi']);
  });

  test('nodes and starts map block offsets back to text nodes', () => {
    const [b] = collectBlocks(doc('<p>Prime Minister <b>Yoshihide</b> Suga</p>'));
    expect(b!.nodes.map((n) => n.data)).toEqual(['Prime Minister ', 'Yoshihide', ' Suga']);
    expect(b!.starts).toEqual([0, 15, 24]);
    const at = b!.text.indexOf('Suga');
    expect(locate(b!, at)).toEqual({ node: b!.nodes[2], offset: 1 });
    expect(locate(b!, 24, true)).toEqual({ node: b!.nodes[1], offset: 9 });
    expect(locate(b!, 24, false)).toEqual({ node: b!.nodes[2], offset: 0 });
  });

  test('a Document root walks the body only, never the head', () => {
    const d = doc('<p>body text</p>');
    d.title = 'Japan';
    expect(collectBlocks(d).map((b) => b.text)).toEqual(['body text']);
  });

  test('an element root walks that subtree only; an excluded root yields nothing', () => {
    const d = doc('<p id="a">one <i>two</i></p><p>three</p><div contenteditable><p id="e">x</p></div>');
    expect(collectBlocks(d.getElementById('a')!).map((b) => b.text)).toEqual(['one two']);
    expect(collectBlocks(d.getElementById('e')!)).toEqual([]);
    expect(isExcluded(d.getElementById('e')!.firstChild!)).toBe(true);
    expect(isExcluded(d.getElementById('a')!.firstChild!)).toBe(false);
  });

  test('blockAncestor finds the block around inline text', () => {
    const d = doc('<div><p id="p">a <b><i id="i">b</i></b></p></div>');
    expect(blockAncestor(d.getElementById('i')!.firstChild!)).toBe(d.getElementById('p'));
  });

  test('the cursor resumes where it stopped', () => {
    const d = doc('<p>one</p><p>two</p><p>three</p><p>four</p>');
    const c = new BlockCursor(d);
    expect(c.next()?.text).toBe('one');
    c.pause();
    d.body.lastElementChild!.remove();
    expect(c.next()?.text).toBe('two');
    expect(c.next()?.text).toBe('three');
    expect(c.next()).toBeNull();
    expect(c.done).toBe(true);
    expect(c.lost).toBe(false);
  });

  test('the cursor says when the page removed the node it was about to read', () => {
    const d = doc('<p>one</p><p>two</p><p>three</p>');
    const c = new BlockCursor(d);
    expect(c.next()?.text).toBe('one');
    // The caller yields to the page, which removes what the walk was to read next.
    c.pause();
    d.body.lastElementChild!.remove();
    // "two" was already read ahead; "three" is gone, and the walk says so instead of reading a detached subtree.
    expect(c.next()?.text).toBe('two');
    expect(c.next()).toBeNull();
    expect(c.lost).toBe(true);
  });

  test('an enormous single container is cut into bounded blocks', () => {
    const spans = Array.from({ length: 3000 }, (_, i) => `<span>word${i} Wang Yi </span>`).join('');
    const blocks = texts(`<div>${spans}</div>`);
    expect(blocks.length).toBeGreaterThan(1);
    for (const t of blocks) expect(t.length).toBeLessThan(MAX_BLOCK_CHARS + 100);
    expect(blocks.join('')).toContain('word2999 Wang Yi');
  });
});

describe('plain-text documents', () => {
  test('the browser shows a text/plain document as one <pre>: it is read, while <pre> in an HTML page stays code', () => {
    const plain = doc('<pre>Wang Yi met Yoshihide Suga.</pre>');
    Object.defineProperty(plain, 'contentType', { value: 'text/plain' });
    expect(collectBlocks(plain).map((b) => b.text)).toEqual(['Wang Yi met Yoshihide Suga.']);
    expect(isExcluded(plain.querySelector('pre')!.firstChild!)).toBe(false);
    const html = doc('<pre>Wang Yi met Yoshihide Suga.</pre>');
    expect(collectBlocks(html).map((b) => b.text)).toEqual([]);
    expect(isExcluded(html.querySelector('pre')!.firstChild!)).toBe(true);
  });
});
