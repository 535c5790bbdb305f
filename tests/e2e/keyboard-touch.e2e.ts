/**
 * Without a pointer, in real Chromium: the keyboard command (declared in the manifest; the browser's shortcut is
 * hard to press headless, so the test sends the message the background sends on it, from the service worker)
 * moves from mark to mark in reading order, scrolls each into view and opens its card with focus inside;
 * Escape closes it and gives focus back. A tap on a touch screen opens a mark's card, and a tap on a link still
 * follows the link. The open card passes axe, and the page's DOM gains nothing but the one UI host.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLOSED_PORT, EXTENSION_DIR, ROOT, findChromium, serveFixtures, tabIdOf, type ExtensionBrowser, type FixtureServer } from './harness';
import { HOST_TAG, WAIT_MS, instrument, waitPainted } from './page-helpers';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const EXT = process.env['BACKSTORY_EXTENSION_DIR'] || EXTENSION_DIR;

/** A story whose marks in reading order are known: one hidden paragraph between them, and one far below. */
const STORY = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Talks in Tokyo</title>
<meta property="article:published_time" content="2020-11-20T06:15:00Z">
<style>body{font:17px/1.6 Georgia,serif;max-width:700px;margin:2em auto;color:#222} .gap{height:2400px}</style></head>
<body>
<p><button id="before" type="button">Share</button></p>
<article>
<p>Foreign Minister Wang Yi met Prime Minister Yoshihide Suga on Tuesday.</p>
<p hidden>Moon Jae-in was not there.</p>
<div class="gap"></div>
<p id="far">Japan and Australia signed a defence pact.</p>
<p>Read more: <a id="link" href="/kt-elsewhere.html">Scott Morrison's visit</a>.</p>
</article>
</body></html>`;
const ORDER = ['Wang Yi', 'Yoshihide Suga', 'JPN', 'AUS', 'Scott Morrison'];

let context: BrowserContext;
let profileDir: string;
let worker: Worker;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  server.route('/kt-story.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STORY));
  server.route('/kt-elsewhere.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Elsewhere</title><p>Elsewhere.</p>'));
  // The harness's browser, with a touch screen (Playwright's touchscreen needs hasTouch on the context).
  profileDir = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1200, height: 800 },
    hasTouch: true,
    args: [
      `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', `--proxy-server=127.0.0.1:${CLOSED_PORT}`,
    ],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
});

afterAll(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  await server?.close();
});

async function openStory(): Promise<Page> {
  const page = await context.newPage();
  await instrument(page);
  await page.goto(`${server.url}/kt-story.html`);
  await waitPainted(page);
  return page;
}

/** What the background sends a tab on the keyboard command, sent from the service worker the same way. */
async function command(page: Page, direction: 'next' | 'previous'): Promise<unknown> {
  const tabId = await tabIdOf({ context } as ExtensionBrowser, page);
  return worker.evaluate(([id, d]) => chrome.tabs.sendMessage(id, { type: 'navigate', direction: d }), [tabId, direction] as const);
}

/** The open card's entity, and what has focus: inside the card (the label of the focused control) or on the page (its id). */
function state(page: Page): Promise<{ entity: string | null; focus: string }> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const card = host?.shadowRoot?.querySelector('[role="dialog"]') ?? null;
    const active = document.activeElement;
    const focus = active && active === host
      ? `card:${host.shadowRoot!.activeElement?.getAttribute('aria-label') ?? host.shadowRoot!.activeElement?.getAttribute('role') ?? '?'}`
      : `page:${active?.id || active?.localName || 'none'}`;
    return { entity: card?.getAttribute('data-entity') ?? null, focus };
  }, HOST_TAG);
}

async function waitForState(page: Page, want: { entity: string | null; focus?: string }): Promise<void> {
  await expect.poll(async () => {
    const s = await state(page);
    return want.focus === undefined ? { entity: s.entity } : s;
  }, { timeout: WAIT_MS }).toEqual(want);
}

/** The box of the first occurrence of `text` in the page's text (not Backstory's), in viewport coordinates. */
function textBox(page: Page, text: string): Promise<{ x: number; y: number; top: number; bottom: number; innerHeight: number }> {
  return page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(t);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + t.length);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, top: b.top, bottom: b.bottom, innerHeight: innerHeight };
    }
    throw new Error(`no "${t}" on the page`);
  }, text);
}

test('the manifest declares the next and previous commands, with suggested keys, and asks no permission for them', async () => {
  const { manifest, commands } = await worker.evaluate(async () => ({ manifest: chrome.runtime.getManifest(), commands: await chrome.commands.getAll() }));
  const declared = (manifest as unknown as { commands?: Record<string, { suggested_key?: { default?: string }; description?: string }> }).commands ?? {};
  expect(declared['next-mention']?.suggested_key?.default).toBe('Alt+Shift+Period');
  expect(declared['previous-mention']?.suggested_key?.default).toBe('Alt+Shift+Comma');
  const names = commands.map((c) => c.name);
  expect(names).toEqual(expect.arrayContaining(['next-mention', 'previous-mention']));
  // The descriptions shown in chrome://extensions/shortcuts are localised, not message keys.
  for (const c of commands.filter((x) => x.name?.endsWith('-mention'))) expect(c.description).toMatch(/^Open the card of the (next|previous) /);
  expect(manifest.permissions).toEqual(['storage', 'scripting']);
});

describe('the keyboard command', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openStory();
  });

  test('opens the first mark\'s card with focus on its close button, then each next mark in reading order, skipping hidden text, and wraps round', async () => {
    await page.focus('#before');
    expect((await state(page)).focus).toBe('page:before');
    for (const entity of ORDER) {
      expect(await command(page, 'next')).toBe(true);
      await waitForState(page, { entity, focus: 'card:Close' });
    }
    // The last mark's text was far below: it was scrolled into view.
    const far = await textBox(page, 'Scott Morrison');
    expect(far.top).toBeGreaterThanOrEqual(0);
    expect(far.bottom).toBeLessThanOrEqual(far.innerHeight);
    // Past the last, the first; and back.
    expect(await command(page, 'next')).toBe(true);
    await waitForState(page, { entity: 'Wang Yi', focus: 'card:Close' });
    expect(await command(page, 'previous')).toBe(true);
    await waitForState(page, { entity: 'Scott Morrison', focus: 'card:Close' });
    expect(await command(page, 'previous')).toBe(true);
    await waitForState(page, { entity: 'AUS', focus: 'card:Close' });
    const near = await textBox(page, 'Australia');
    expect(near.top).toBeGreaterThanOrEqual(0);
    expect(near.bottom).toBeLessThanOrEqual(near.innerHeight);
  });

  test('Escape closes the card and gives focus back to where it was', async () => {
    expect((await state(page)).entity).not.toBeNull();
    await page.keyboard.press('Escape');
    await waitForState(page, { entity: null, focus: 'page:before' });
  });

  test('the open card is announced as a labelled dialog and has no serious or critical axe violation', async () => {
    expect(await command(page, 'next')).toBe(true);
    await waitForState(page, { entity: 'Scott Morrison', focus: 'card:Close' });
    const snapshot = await page.locator(HOST_TAG).ariaSnapshot();
    expect(snapshot).toContain('dialog "Backstory: Scott Morrison"');
    await page.evaluate(AXE);
    const result = await page.evaluate(async (tag) => {
      type Rule = { id: string; impact: string; nodes: { target: unknown }[] };
      const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
      const r = await axe.run({ include: [[tag]] });
      return { passed: r.passes.length, bad: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`) };
    }, HOST_TAG);
    expect(result.passed).toBeGreaterThan(5);
    expect(result.bad).toEqual([]);
    await page.keyboard.press('Escape');
    await waitForState(page, { entity: null });
  });

  test('the page\'s DOM gained the one UI host and nothing else', async () => {
    const changes = await page.evaluate(() => (window as unknown as { __bsMutations: string[] }).__bsMutations);
    expect(changes).toEqual([`add ${HOST_TAG} to html`]);
  });

  afterAll(async () => {
    await page?.close();
  });
});

test('the first command starts where the reader is: the first mark in view, not the top of the page', async () => {
  const page = await openStory();
  await page.evaluate(() => document.getElementById('far')!.scrollIntoView({ block: 'start' }));
  expect(await command(page, 'next')).toBe(true);
  await waitForState(page, { entity: 'JPN', focus: 'card:Close' });
  await page.close();
});

describe('a tap on a touch screen', () => {
  test('on a mark opens its card; on a link follows the link and opens nothing', async () => {
    const page = await openStory();
    const wang = await textBox(page, 'Wang Yi');
    await page.touchscreen.tap(wang.x, wang.y);
    await waitForState(page, { entity: 'Wang Yi' });
    // A tap elsewhere closes it.
    await page.touchscreen.tap(10, wang.y + 200);
    await waitForState(page, { entity: null });
    await page.evaluate(() => document.getElementById('link')!.scrollIntoView({ block: 'center' }));
    const link = await textBox(page, 'Scott Morrison');
    await Promise.all([page.waitForURL(/kt-elsewhere\.html$/, { timeout: WAIT_MS }), page.touchscreen.tap(link.x, link.y)]);
    expect(await page.title()).toBe('Elsewhere');
    await page.close();
  });
});
