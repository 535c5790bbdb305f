/**
 * Hostile pages in real Chromium, each its own test: a strict CSP, page CSS
 * that targets everything, page scripts that delete or replace Backstory's
 * highlights, page scripts that patch DOM prototypes, iframes and open shadow
 * roots. Every test checks that Backstory still works on the page (mentions
 * painted, a hover card readable) and stays harmless (no error thrown into
 * the page, no console error, no CSP violation).
 *
 * The test reads the page from an isolated world of its own (CDP
 * Page.createIsolatedWorld): a page that patches its prototypes cannot fool
 * the test, and the highlight registry is the document's, shared by all
 * worlds. "Painted" is checked on screen: a screenshot of the mention with
 * Backstory's highlights registered differs from one taken with them
 * briefly unregistered.
 *
 * Iframes and shadow roots, the behaviour defined here: Backstory reads the
 * top document (its content script runs in the top frame only) and the open
 * shadow roots of its custom elements (web components); frames, and shadow
 * roots attached to built-in elements (a <div>), are left alone; no shadow
 * tree gains an element, and nothing breaks.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES_DIR, launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { hoverMention, instrument, NAMES, paintedTextsIn, waitPainted, WAIT_MS } from './page-helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  // The browser's own favicon request would log a 404 as a console error.
  server.route('/favicon.ico', (_req, res) => void res.writeHead(204).end());
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ------------------------------------------------------------------ helpers

interface Watched {
  page: Page;
  /** Errors thrown into the page, console errors and warnings, CSP violations. */
  problems: string[];
  clean<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

/** Opens a page with everything that could go wrong recorded, and a clean world to look at it from. */
async function open(path: string, opts: { ignoreConsole?: RegExp } = {}): Promise<Watched> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !opts.ignoreConsole?.test(m.text())) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  await instrument(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    }, true);
    (window as unknown as { __csp: string[] }).__csp = [];
  });
  await page.goto(`${server.url}${path}`);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let contextId: number | null = null;
  const clean = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
    if (contextId === null) {
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      ({ executionContextId: contextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'backstory-hostile-test' })) as { executionContextId: number });
    }
    const r = (await cdp.send('Runtime.evaluate', { expression: `(${fn.toString()})(${JSON.stringify(arg)})`, contextId, returnByValue: true, awaitPromise: true })) as { result: { value: T }; exceptionDetails?: { exception?: { description?: string } } };
    if (r.exceptionDetails) throw new Error(`clean-world evaluation failed: ${r.exceptionDetails.exception?.description}`);
    return r.result.value;
  };
  return { page, problems, clean };
}

/** Texts painted under each of Backstory's names, read from the clean world. */
function paintedTexts(w: Watched): Promise<Record<string, string[]>> {
  return w.clean(paintedTextsIn, [...NAMES]);
}

async function allPainted(w: Watched): Promise<string[]> {
  return Object.values(await paintedTexts(w)).flat().sort();
}

/** The box of the first painted mention with this text, scrolled to the middle of the viewport. */
async function boxOf(w: Watched, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await w.clean(({ names, text }: { names: string[]; text: string }) => {
    for (const n of names) {
      for (const r of CSS.highlights.get(n) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() !== text) continue;
        (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
        const b = live.getClientRects()[0]!;
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
    }
    return null;
  }, { names: [...NAMES], text });
  if (!box) throw new Error(`no painted mention "${text}"`);
  return box;
}

/**
 * Whether the mention shows on screen: its pixels with Backstory's highlights
 * registered differ from those with them briefly unregistered. Backstory may
 * put them back between the two screenshots (that is its job), so a "same"
 * is tried again; a mention that is not painted is "same" every time.
 */
async function showsOnScreen(w: Watched, text: string): Promise<boolean> {
  const b = await boxOf(w, text);
  const clip = { x: Math.max(0, b.x - 1), y: Math.max(0, b.y - 1), width: b.width + 2, height: b.height + 2 };
  for (let attempt = 0; attempt < 3; attempt++) {
    const on = await w.page.screenshot({ clip });
    const removed = await w.clean((names: string[]) => {
      const saved = ((window as unknown as { __saved?: Map<string, unknown> }).__saved = new Map());
      for (const n of names) {
        saved.set(n, CSS.highlights.get(n));
        CSS.highlights.delete(n);
      }
      return [...saved.values()].filter(Boolean).length;
    }, [...NAMES]);
    const off = await w.page.screenshot({ clip });
    await w.clean(() => {
      for (const [n, h] of (window as unknown as { __saved: Map<string, Highlight> }).__saved) if (h && !CSS.highlights.has(n)) CSS.highlights.set(n, h);
    }, null);
    if (removed > 0 && !on.equals(off)) return true;
  }
  return false;
}

/** Rests the pointer on a mention; returns what the card shows and where, read from the clean world. */
async function hoverCard(w: Watched, text: string): Promise<{ text: string; box: DOMRectLike; topmost: boolean; fontSize: number; position: string }> {
  const b = await boxOf(w, text);
  await w.page.mouse.move(b.x + Math.min(4, b.width / 2), b.y + b.height / 2, { steps: 2 });
  await w.page.mouse.move(b.x + Math.min(5, b.width / 2), b.y + b.height / 2);
  const read = () =>
    w.clean(() => {
      const host = document.querySelector('backstory-ui');
      const dialog = host?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement | null;
      if (!host || !dialog) return null;
      const r = dialog.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(dialog).visibility === 'hidden') return null;
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      const s = getComputedStyle(dialog);
      return {
        text: dialog.innerText,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        // The element on top at the card's centre is Backstory's host (events from a shadow tree are retargeted to it).
        topmost: document.elementFromPoint(cx, cy) === host,
        fontSize: parseFloat(s.fontSize),
        position: s.position,
      };
    }, null);
  let card: Awaited<ReturnType<typeof read>> = null;
  for (let i = 0; i < 100 && !card; i++) {
    card = await read();
    if (!card) await w.page.waitForTimeout(50);
  }
  if (!card) throw new Error(`no card opened for "${text}"`);
  return card;
}

interface DOMRectLike {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Waits for Backstory's "painted" signal by plain polling (Playwright's waitForFunction leans on page APIs a hostile page may have patched). */
async function painted(w: Watched): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await w.page.evaluate(() => (window as unknown as { __bsPainted: unknown[] }).__bsPainted.length > 0)) return;
    await w.page.waitForTimeout(50);
  }
  throw new Error('Backstory never signalled "painted"');
}

async function cspViolations(w: Watched): Promise<string[]> {
  return w.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

const STORY_MENTIONS = ['Wang Yi', 'Yoshihide Suga', 'Toshimitsu Motegi', 'Kang Kyung-wha', 'Michael Pompeo', 'Japan', 'South Korea'];

// -------------------------------------------------------------------- tests

describe('hostile pages', () => {
  test('a strict Content-Security-Policy (default-src \'none\'): painted, cards styled, no violation caused', async () => {
    // The page's own inline <style> and <script> are refused, as they should be: those console errors name their hashes.
    const html = readFileSync(join(FIXTURES_DIR, 'hostile', 'csp.html'), 'utf8');
    const inline = [...html.matchAll(/<(style|script)>([\s\S]*?)<\/\1>/g)].map((m) => createHash('sha256').update(m[2]!).digest('base64'));
    expect(inline).toHaveLength(2);
    const pagesOwn = new RegExp(`sha256-(${inline.map((h) => h.replace(/[+/=]/g, (c) => `\\${c}`)).join('|')})'`);
    const w = await open('/hostile/csp.html', { ignoreConsole: pagesOwn });
    // The CSP is in force: the page's own inline script did not run.
    expect(await w.page.title()).toBe("Strict CSP: default-src 'none'");
    await painted(w);
    expect(await allPainted(w)).toEqual(expect.arrayContaining(STORY_MENTIONS));
    expect(await showsOnScreen(w, 'Wang Yi')).toBe(true);
    const card = await hoverCard(w, 'Yoshihide Suga');
    expect(card.text).toContain('Prime Minister of Japan');
    // Its stylesheet applied (a constructed sheet is not blocked by style-src): fixed, sized, legible.
    expect(card.position).toBe('fixed');
    expect(card.box.width).toBeGreaterThan(150);
    expect(card.fontSize).toBeGreaterThanOrEqual(12);
    // The page's own inline style and script were refused; nothing of Backstory's was.
    // Exactly the page's two refusals, none of Backstory's.
    const violations = await cspViolations(w);
    expect(violations.filter((v) => !/^(style-src-elem|script-src-elem) blocked inline /.test(v))).toEqual([]);
    expect(violations).toHaveLength(2);
    expect(w.problems).toEqual([]);
    await w.page.close();
  });

  test('page CSS aimed at everything (all: unset !important, huge z-indexes, unknown elements hidden): painted, card on top and legible', async () => {
    const w = await open('/hostile/css-all.html');
    await painted(w);
    expect(await allPainted(w)).toEqual(expect.arrayContaining(STORY_MENTIONS));
    expect(await showsOnScreen(w, 'Suga')).toBe(true);
    const card = await hoverCard(w, 'Kang Kyung-wha');
    expect(card.text).toContain('Kang Kyung-wha');
    expect(card.box.width).toBeGreaterThan(150);
    expect(card.box.height).toBeGreaterThan(60);
    expect(card.fontSize).toBeGreaterThanOrEqual(12);
    // Above the page's fixed banner at z-index 2147483647, which covers the bottom of the viewport.
    const overBanner = await w.clean((y: number) => y > window.innerHeight * 0.55, card.box.y + card.box.height);
    expect(overBanner, 'the card reaches over the banner').toBe(true);
    expect(card.topmost).toBe(true);
    expect(w.problems).toEqual([]);
    await w.page.close();
  });

  test('page scripts that delete, replace, clear or empty Backstory\'s highlights: Backstory puts its own back', async () => {
    const w = await open('/hostile/tamper.html');
    await painted(w);
    const before = await paintedTexts(w);
    expect(Object.values(before).flat()).toEqual(expect.arrayContaining(STORY_MENTIONS));
    // An empty highlight the page left under a name Backstory is not using (a dark-page name on a light page) paints nothing.
    const sizes = (p: Record<string, string[]>) => Object.fromEntries(Object.entries(p).filter(([, v]) => v.length > 0).map(([k, v]) => [k, v.length]));

    const attacks: [string, (names: string[]) => void][] = [
      ['delete', (names) => names.forEach((n) => CSS.highlights.delete(n))],
      ['replace with empty highlights', (names) => names.forEach((n) => CSS.highlights.set(n, new Highlight()))],
      ['clear the registry', () => CSS.highlights.clear()],
      ['empty Backstory\'s own highlight objects', (names) => names.forEach((n) => CSS.highlights.get(n)?.clear())],
      ['delete ranges from Backstory\'s own highlight objects', (names) => names.forEach((n) => {
        const h = CSS.highlights.get(n);
        if (h) for (const r of [...h]) h.delete(r);
      })],
    ];
    for (const [label, attack] of attacks) {
      // As a page script: in the page's own world. What is left is read in the same task, before Backstory can react.
      const left = await w.page.evaluate(
        `(${attack.toString()})(${JSON.stringify([...NAMES])}), ${JSON.stringify([...NAMES])}.reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0)`,
      );
      expect(left, `${label}: the attack took effect`).toBe(0);
      await expect.poll(async () => sizes(await paintedTexts(w)), { timeout: WAIT_MS, message: `${label}: restored` }).toEqual(sizes(before));
    }
    // A page that keeps deleting them for a while, then stops: back again, and on screen.
    await w.page.evaluate((names) => {
      const t = setInterval(() => names.forEach((n) => CSS.highlights.delete(n)), 20);
      setTimeout(() => clearInterval(t), 3000);
    }, [...NAMES]);
    await w.page.waitForTimeout(3100);
    await expect.poll(async () => sizes(await paintedTexts(w)), { timeout: WAIT_MS }).toEqual(sizes(before));
    expect(await showsOnScreen(w, 'Wang Yi')).toBe(true);
    expect((await hoverCard(w, 'Wang Yi')).text).toContain('Wang Yi');
    expect(w.problems).toEqual([]);
    await w.page.close();
  });

  test('page scripts that patch DOM prototypes in the page world: Backstory (in its own world) is unaffected', async () => {
    const w = await open('/hostile/patched.html');
    // The patches are in force where the page's scripts run.
    expect(await w.page.evaluate(() => (window as unknown as { __patched?: boolean }).__patched)).toBe(true);
    expect(await w.page.evaluate(() => {
      try {
        document.createRange();
        return 'not patched';
      } catch (e) {
        return (e as Error).message;
      }
    })).toBe('patched by the page');
    await painted(w);
    expect(await allPainted(w)).toEqual(expect.arrayContaining(STORY_MENTIONS));
    expect(await showsOnScreen(w, 'Toshimitsu Motegi')).toBe(true);
    expect((await hoverCard(w, 'Toshimitsu Motegi')).text).toContain('Foreign Affairs of Japan');
    expect(w.problems).toEqual([]);
    await w.page.close();
  });

  test("iframes and open shadow roots: the top document and its web components are painted, frames and built-in elements' shadow trees left alone, none gains an element", async () => {
    const w = await open('/hostile/frames.html');
    await painted(w);
    const found = await allPainted(w);
    expect(found).toEqual(expect.arrayContaining(STORY_MENTIONS));
    // The slotted light-DOM text belongs to the top document.
    expect(found).toContain('Xi Jinping');
    // A web component's shadow root is read; a <div>'s and the frames' are not (Scott Morrison appears only in the <div>'s).
    expect(found).toContain('Moon Jae-in');
    expect(found).not.toContain('Scott Morrison');
    const frames = w.page.frames().filter((f) => f !== w.page.mainFrame());
    expect(frames.length).toBe(2);
    for (const f of frames) {
      await f.waitForLoadState();
      const registered = await f.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('backstory-')));
      expect(registered).toEqual([]);
      expect(await f.evaluate(() => document.querySelector('backstory-ui'))).toBeNull();
    }
    const shadows = await w.clean(() => {
      const out: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot && el.localName !== 'backstory-ui') {
          out.push(el.shadowRoot.innerHTML);
          visit(el.shadowRoot);
        }
      };
      visit(document);
      return out;
    }, null);
    expect(shadows).toEqual([
      '<p>In a declarative shadow root: Wang Yi and Japan.</p><slot></slot>',
      '<p>In a scripted shadow root: Scott Morrison and Australia.</p>',
      '<section><p>Inside a web component: Moon Jae-in of South Korea.</p><div id="nested"></div></section>',
      '<p>Nested shadow: Michael Pompeo.</p>',
    ]);
    expect((await hoverCard(w, 'Wang Yi')).text).toContain('Wang Yi');
    // Backstory's only DOM change: its card host.
    const mutations = await w.page.evaluate(() => (window as unknown as { __bsMutations: string[] }).__bsMutations);
    expect(mutations.filter((m) => m !== 'add backstory-ui to html')).toEqual([]);
    expect(w.problems).toEqual([]);
    await w.page.close();
  });
});

test("a page that defines an element under Backstory's UI tag name does not block the card", async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    customElements.define('backstory-ui', class extends HTMLElement {
      constructor() {
        super();
        // Takes the shadow root for itself and hides: what a page trying to block Backstory's cards would do.
        this.attachShadow({ mode: 'closed' });
        this.style.display = 'none';
      }
    });
  });
  await instrument(page);
  await page.goto(`${server.url}/news-2020-wang-yi.html`);
  await waitPainted(page);
  await hoverMention(page, 'Yoshihide Suga');
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 30_000 }).toBe(1);
  expect(await page.getByRole('dialog').getAttribute('aria-label')).toBe('Backstory: Yoshihide Suga');
  await page.close();
});
