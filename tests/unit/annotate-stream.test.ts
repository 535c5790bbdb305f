/**
 * The annotate command's streaming path for pages too deep or too large for
 * happy-dom: it must read the same blocks as the content script's walk, give
 * the same JSON as the happy-dom path, and find the same article date; and
 * the input checks (encodings, binary files, dates in range).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { annotateHtml, annotateHtmlStream, dateInRange, parseArgs } from '../../scripts/annotate';
import { decodeText, InputError, MAX_HTML_DEPTH, MAX_STREAM_DEPTH, nestingDepth, readTextChunks, streamBlocks } from '../../scripts/annotate-input';
import { loadKnowledge } from '../../scripts/knowledge-files';
import { compileMatchIndex } from '../../src/knowledge/compile';
import { collectBlocks, MAX_BLOCK_CHARS } from '../../src/page/walk';
import { GOLD_DIR } from './annotate-gold';

const { knowledge } = loadKnowledge();
const index = compileMatchIndex(knowledge);
const read = (name: string) => readFileSync(join(GOLD_DIR, name), 'utf8');

/** The blocks as the content script reads them (happy-dom). */
function domBlocks(html: string): string[] {
  return collectBlocks(new DOMParser().parseFromString(html, 'text/html')).map((b) => b.text);
}

/** The blocks as the streaming path reads them, from the page cut into chunks at the given places. */
function streamedBlocks(html: string, cuts: number[] = []): string[] {
  const at = [...new Set([0, ...cuts.map((c) => Math.min(c, html.length)), html.length])].sort((a, b) => a - b);
  const chunks = at.slice(1).map((end, i) => html.slice(at[i], end));
  const out: string[] = [];
  streamBlocks(chunks, (t) => out.push(t));
  return out;
}

describe('streamed blocks are the content script’s blocks', () => {
  test('the fixture pages, in one piece or cut anywhere', () => {
    for (const name of ['wang-yi-2020.html', 'no-date.html']) {
      const html = read(name);
      expect(streamedBlocks(html), name).toEqual(domBlocks(html));
      expect(streamedBlocks(html, [1, 17, 100, 1000, 1001, 2500, 4000]), name).toEqual(domBlocks(html));
    }
  });

  test('block and inline elements, skipped and editable subtrees, entities, comments and long blocks', () => {
    const long = 'word '.repeat(MAX_BLOCK_CHARS / 4);
    const html = [
      '<html><head><title>Title Wang Yi</title><style>p { color: red }</style></head><body>',
      '<p>Yoshihide <b>Suga</b> met <span>Wang&nbsp;<i>Yi</i></span> &amp; others</p>',
      'loose text <em>inline</em><div>in a div <code>Xi Jinping()</code> after code</div>tail',
      '<p>edit <span contenteditable="true">Moon Jae-in</span> not <span contenteditable="false">Kim</span> done</p>',
      '<ul><li>one<li>two</ul><pre>Abe</pre><noscript>Abe</noscript><textarea>Abe</textarea><svg><text>Abe</text></svg>',
      `<section><span>${long}</span><b>${long}</b>${long}</section>`,
      `<div>a<!-- c -->b<span>${long}<div>block in span</div>${long}</span></div>`,
      '<p>Tokyo<br>Beijing</p><table><tr><td>Seoul</td><td>Manila</td></tr></table>',
      '</body></html>',
    ].join('\n');
    expect(streamedBlocks(html)).toEqual(domBlocks(html));
    expect(streamedBlocks(html, [30, 31, 200, 333, 9000])).toEqual(domBlocks(html));
  });

  test('random well-formed pages', () => {
    const words = ['Wang Yi', ' ', '\n', 'Suga', 'said &amp; ', 'the U.S.', 'Beijing', 'x'.repeat(7000), '&nbsp;', '', '<!-- Abe -->', '<br>'];
    type Tree = string | { tag: string; attrs: string; kids: Tree[] };
    const tags = ['div', 'p', 'section', 'h2', 'span', 'b', 'em', 'i', 'code', 'script', 'style', 'textarea', 'noscript', 'pre', 'blockquote', 'small', 'label', 'article', 'svg'];
    const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(...words), tie('node')),
      node: fc.record({
        tag: fc.constantFrom(...tags),
        attrs: fc.constantFrom('', '', ' contenteditable', ' contenteditable="false"', ' class="x"'),
        kids: fc.array(tie('tree'), { maxLength: 5 }),
      }),
    }));
    const render = (t: Tree): string => {
      if (typeof t === 'string') return t;
      // Raw-text elements and <svg> hold text only, and a <p> or heading inline content only (else the two parsers rearrange it differently).
      if (t.tag === 'script' || t.tag === 'style' || t.tag === 'textarea') return `<${t.tag}>Wang Yi</${t.tag}>`;
      if (t.tag === 'svg') return '<svg><text>Wang Yi</text></svg>';
      const kids = t.tag === 'p' || t.tag === 'h2' ? t.kids.filter((k) => typeof k === 'string' || ['span', 'b', 'em', 'i', 'small', 'label'].includes(k.tag)) : t.kids;
      return `<${t.tag}${t.attrs}>${kids.map(render).join('')}</${t.tag}>`;
    };
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.array(fc.nat(40_000), { maxLength: 4 }), (trees, cuts) => {
        const html = `<!doctype html><html><body>${trees.map(render).join('')}</body></html>`;
        expect(streamedBlocks(html, cuts)).toEqual(domBlocks(html));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the streaming path gives the happy-dom path’s JSON', () => {
  test('on the fixture pages: mentions (late ones too), entities, events and the date read from the page', () => {
    for (const name of ['wang-yi-2020.html', 'no-date.html']) {
      const html = read(name);
      const url = `file:///${name}`;
      const viaDom = annotateHtml(knowledge, index, html, null, url, '2026-03-31');
      expect(annotateHtmlStream(knowledge, index, [html], null, url, '2026-03-31'), name).toEqual(viaDom);
      expect(annotateHtmlStream(knowledge, index, [html.slice(0, 777), html.slice(777)], '2021-01-05', null, '2026-03-31'), name).toEqual(
        annotateHtml(knowledge, index, html, '2021-01-05', null, '2026-03-31'),
      );
    }
  });

  test('the article date from <time> elements, JSON-LD and the page’s frame, as readArticleDate reads the whole page', () => {
    const pages = [
      '<html><body><aside><time datetime="2019-01-01">x</time></aside><article><header><time datetime="2020-02-02">y</time></header></article></body></html>',
      '<html><body><div class="comment-list"><time datetime="2019-01-01">x</time></div><main><time datetime="2020-03-03">y</time></main></body></html>',
      '<html><body><span itemprop="datePublished" datetime="2018-04-04">z</span><time pubdate datetime="2017-05-05"></time></body></html>',
      '<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2016-01-01"},{"@type":"NewsArticle","datePublished":"2016-06-06"}]}</script></head><body>Japan</body></html>',
      '<html><head><meta name="date" content="2015-07-07"><meta property="article:published_time" content="2015-08-08T23:30:00-05:00"></head><body>Japan</body></html>',
      '<html><body><footer><time datetime="2014-01-01"></time></footer>Japan</body></html>',
    ];
    const expected = ['2020-02-02', '2020-03-03', '2017-05-05', '2016-06-06', '2015-08-08', '2026-03-31'];
    pages.forEach((html, i) => {
      expect(annotateHtml(knowledge, index, html, null, null, '2026-03-31').date, html).toBe(expected[i]);
      expect(annotateHtmlStream(knowledge, index, [html], null, null, '2026-03-31').date, html).toBe(expected[i]);
    });
  });
});

describe('deep pages', () => {
  const deep = (n: number, inner: string) => `<html><body>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}</body></html>`;

  test('nesting depth is counted without recursion, implied ends included', () => {
    expect(nestingDepth('<p>a<p>b<p>c')).toBe(1);
    expect(nestingDepth('<div><span><br><img>x</span></div>')).toBe(3);
    expect(nestingDepth(deep(20_000, 'x'))).toBe(20_002);
    expect(nestingDepth(deep(20_000, 'x'), 500)).toBe(501);
  });

  test('5,000 nested elements: annotated through the stream, not a stack overflow', () => {
    const html = deep(5000, '<p>Foreign Minister Wang Yi met <b>Yoshihide Suga</b>.</p><time pubdate datetime="2020-11-24"></time>');
    expect(nestingDepth(html)).toBeGreaterThan(MAX_HTML_DEPTH);
    const a = annotateHtml(knowledge, index, html, null, null, '2026-03-31');
    expect(a.date).toBe('2020-11-24');
    expect(a.mentions).toEqual([
      { start: 17, end: 24, text: 'Wang Yi', entity: 'Wang Yi', kind: 'person' },
      { start: 29, end: 43, text: 'Yoshihide Suga', entity: 'Yoshihide Suga', kind: 'person' },
    ]);
    // Inline nesting as deep: one block, read without recursion either.
    const spans = `<p>${'<span>'.repeat(5000)}Wang Yi${'</span>'.repeat(5000)}</p>`;
    expect(annotateHtml(knowledge, index, spans, null, null, '2026-03-31').mentions.map((m) => m.text)).toEqual(['Wang Yi']);
  });

  test('nesting past any real page is refused with a clear message, not hours of work', () => {
    expect(() => annotateHtml(knowledge, index, deep(MAX_STREAM_DEPTH + 1, 'x'), null, null, '2026-03-31', 'deep.html')).toThrow(
      new InputError('deep.html nests elements more than 10,000 deep; no page to read is'),
    );
  });
});

describe('dates', () => {
  test('only 1900-01-01 to 2100-12-31', () => {
    expect(dateInRange('1900-01-01')).toBe(true);
    expect(dateInRange('2100-12-31')).toBe(true);
    expect(dateInRange('1899-12-31')).toBe(false);
    expect(dateInRange('2101-01-01')).toBe(false);
    expect(() => parseArgs(['--date', '1899-12-31', 'a.txt'])).toThrow(/1900-01-01/);
    expect(() => parseArgs(['--date=2101-01-01', 'a.txt'])).toThrow(/2100-12-31/);
    expect(parseArgs(['--date', '2100-12-31', 'a.txt'])).toEqual({ date: '2100-12-31', file: 'a.txt' });
  });

  test('a page date outside the range counts as none: today', () => {
    // A publisher a timezone ahead may be dated tomorrow, which on the last day of the range lies outside it.
    const html = '<html><head><meta property="article:published_time" content="2101-01-01"></head><body>Japan</body></html>';
    expect(annotateHtml(knowledge, index, html, null, null, '2100-12-31').date).toBe('2100-12-31');
    expect(annotateHtmlStream(knowledge, index, [html], null, null, '2100-12-31').date).toBe('2100-12-31');
  });
});

describe('bytes to text', () => {
  const text = 'Wang Yi met Yoshihide Suga — 王毅.\n';
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  test('UTF-8, with or without a BOM', () => {
    expect(decodeText(Buffer.from(text), 'f')).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'f')).toBe(text);
  });

  test('UTF-16 LE and BE, with a BOM or without one', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'f')).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'f')).toBe(text);
    expect(decodeText(Buffer.from(text, 'utf16le'), 'f')).toBe(text);
    expect(decodeText(utf16be(text), 'f')).toBe(text);
  });

  test('read in chunks, a character split between two chunks is decoded whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-chunks-'));
    try {
      const variants: [string, Buffer][] = [
        ['utf8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.repeat(50))])],
        ['utf16le', Buffer.from(text.repeat(50), 'utf16le')],
        ['utf16be', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text.repeat(50))])],
      ];
      for (const [name, bytes] of variants) {
        const path = join(dir, name);
        writeFileSync(path, bytes);
        expect([...readTextChunks(path, name, 7)].join(''), name).toBe(text.repeat(50));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('binary files are refused: NUL bytes, control characters, invalid UTF-8', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 0, 0xff, 0xfe]);
    expect(() => decodeText(png, 'x.png.html')).toThrow(InputError);
    expect(() => decodeText(png, 'x.png.html')).toThrow(/x\.png\.html looks like a binary file \(it has NUL bytes\)/);
    const controls = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i % 3 ? 0x41 : 0x01)));
    expect(() => decodeText(controls, 'c.txt')).toThrow(/binary file \(\d+% of it is control characters\)/);
    const latin = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i % 2 ? 0xe9 : 0x41)));
    expect(() => decodeText(latin, 'l.txt')).toThrow(/not valid UTF-8/);
    // A few stray bytes in a long text are not a binary file.
    expect(decodeText(Buffer.concat([Buffer.from('a'.repeat(5000)), Buffer.from([0xe9, 0x07])]), 'f')).toHaveLength(5002);
  });
});
