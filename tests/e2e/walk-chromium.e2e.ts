/**
 * The walk (src/page/walk.ts) in real Chromium, against the plain definition
 * of blocks (tests/unit/helpers/reference-walk.ts). The walk leans on the
 * browser: a `:not(…)` selector decides whether a subtree is flowing text and
 * `textContent` reads it whole; happy-dom only imitates those, so the unit
 * test's equivalence is checked here again with Chromium's own: on the fixture
 * pages and on random pages made in the browser, every block, text node and
 * offset must be the same.
 */
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findChromium, FIXTURES_DIR, ROOT, serveFixtures, type FixtureServer } from './harness';

let browser: Browser;
let server: FixtureServer;
let bundle: string;

const ENTRY = `
import { collectBlocks } from './src/page/walk';
import { collectBlocks as referenceBlocks } from './tests/unit/helpers/reference-walk';

function differences(root) {
  const ours = collectBlocks(root);
  const theirs = referenceBlocks(root);
  const out = [];
  if (ours.length !== theirs.length) out.push('blocks: ' + ours.length + ' vs ' + theirs.length);
  for (let i = 0; i < Math.min(ours.length, theirs.length) && out.length < 5; i++) {
    const a = ours[i], b = theirs[i];
    if (a.text !== b.text) out.push('text of block ' + i + ': ' + JSON.stringify(a.text.slice(0, 80)) + ' vs ' + JSON.stringify(b.text.slice(0, 80)));
    else if (a.nodes.length !== b.nodes.length || a.nodes.some((n, k) => n !== b.nodes[k] || a.starts[k] !== b.starts[k])) out.push('nodes of block ' + i);
  }
  return out;
}

// A seeded page of nested blocks, inline elements, skipped elements and whitespace, as servers and frameworks write them.
function randomPage(seed) {
  let s = seed >>> 0;
  const r = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 4294967296);
  const pick = (l) => l[Math.floor(r() * l.length)];
  const BLOCKS = ['div', 'p', 'section', 'article', 'ul', 'li', 'h2', 'td', 'br', 'my-card'];
  const INLINE = ['a', 'b', 'span', 'em', 'time', 'label'];
  const SKIPPED = ['script', 'code', 'pre', 'button', 'noscript'];
  const TEXT = ['Wang Yi', 'Suga', ' met ', 'Japan', ' ', '\\n  ', '\\n', '', '\\u00a0', 'said. ', '\\t'];
  const root = document.createElement('main');
  const fill = (el, depth) => {
    const n = Math.floor(r() * (depth > 3 ? 3 : 7));
    for (let i = 0; i < n; i++) {
      const k = r();
      if (k < 0.35) el.append(document.createTextNode(pick(TEXT)));
      else if (k < 0.4) el.append(document.createComment('c'));
      else {
        const tag = k < 0.75 ? pick(BLOCKS) : k < 0.93 ? pick(INLINE) : pick(SKIPPED);
        const child = document.createElement(tag);
        if (r() < 0.05) child.setAttribute('contenteditable', pick(['', 'true', 'false']));
        if (tag !== 'br') fill(child, depth + 1);
        el.append(child);
        // Pretty-printed HTML: whitespace between elements.
        if (r() < 0.6) el.append(document.createTextNode(pick(['\\n', '\\n    ', ' '])));
      }
    }
  };
  fill(root, 0);
  return root;
}

window.__walk = { differences, randomPage, count: (root) => collectBlocks(root).length };
`;

beforeAll(async () => {
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]!.text;
  server = await serveFixtures();
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--proxy-server=127.0.0.1:9'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function install(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol, which a page's Content-Security-Policy does not stop (one fixture forbids inline scripts).
  await page.evaluate(bundle);
}

test('on every fixture page the walk finds exactly the blocks of the plain definition', async () => {
  const pages = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(3);
  for (const name of pages) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${name}`);
    await install(page);
    const diff = await page.evaluate(() => (window as unknown as { __walk: { differences: (r: Node) => string[] } }).__walk.differences(document));
    expect(diff, name).toEqual([]);
    await page.close();
  }
});

test('on 300 random pages too, from the document and from every container as the root', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/${readdirSync(FIXTURES_DIR).find((f) => f.endsWith('.html'))}`);
  await install(page);
  const result = await page.evaluate(() => {
    const walk = (window as unknown as { __walk: { differences: (r: Node) => string[]; randomPage: (seed: number) => Element; count: (r: Node) => number } }).__walk;
    const problems: string[] = [];
    let blocks = 0;
    for (let seed = 1; seed <= 300 && problems.length < 5; seed++) {
      document.body.replaceChildren(walk.randomPage(seed));
      blocks += walk.count(document);
      for (const d of walk.differences(document)) problems.push(`seed ${seed}: ${d}`);
      for (const el of Array.from(document.body.querySelectorAll('div, section, article, ul')).slice(0, 8)) {
        for (const d of walk.differences(el)) problems.push(`seed ${seed}, from <${el.localName}>: ${d}`);
      }
    }
    return { problems, blocks };
  });
  expect(result.problems).toEqual([]);
  // Not vacuous: the random pages hold text in blocks.
  expect(result.blocks).toBeGreaterThan(1000);
  await page.close();
});
