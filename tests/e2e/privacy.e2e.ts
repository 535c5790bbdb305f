/**
 * Privacy and permissions.
 *
 * Network: the browser runs with a logging proxy of this test's own as its
 * only way out (loopback, where the fixture pages live, bypasses it). Three
 * records are kept while Backstory paints a story, opens hover cards and
 * serves the popup (list, search, card, switches):
 * - the proxy's log: every connection the browser tried to make off the
 *   machine, whoever made it;
 * - Playwright's request events for every page, the popup and the service
 *   worker (Backstory's pages and scripts);
 * - the article page's CDP Network events with their initiator stacks, which
 *   name the script that asked: a content-script request to the page's own
 *   origin would pass a URL filter, not this one.
 * Chromium's own background traffic (if any) reaches the proxy too; it is
 * told apart by host (Google/Chromium service hosts), and a control proves
 * that the extension's own requests do show up in the logs.
 *
 * Permissions: the built manifest asks for storage and web-page access
 * only, exposes nothing to pages, and the README says why each is needed.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_DIR, ROOT, launchWithExtension, openPopup, serveFixtures, tabIdOf, type ExtensionBrowser, type FixtureServer } from './harness';
import { hoverMention, instrument, moveAway, WAIT_MS, waitPainted } from './page-helpers';

// ----------------------------------------------------------- logging proxy

interface LoggingProxy {
  address: string;
  /** The first line of every request that reached the proxy ("CONNECT host:443 HTTP/1.1", "GET http://host/x HTTP/1.1"). */
  log: string[];
  close(): Promise<void>;
}

/** A proxy that forwards nothing: it writes down what the browser tried to reach and answers 502. */
async function startLoggingProxy(): Promise<LoggingProxy> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (buf) => {
      log.push(buf.toString('latin1').split('\r\n', 1)[0]!);
      socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** The host a proxy request line is about. */
function proxyHost(line: string): string {
  const target = line.split(' ')[1] ?? '';
  if (/^[a-z]+:\/\//i.test(target)) return new URL(target).hostname;
  return target.replace(/:\d+$/, '');
}

/** Chromium's own services (updates, safe browsing, sign-in, variations): not Backstory's, whatever the flags. */
const CHROMIUM_HOSTS = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|gvt2\.com|googleusercontent\.com|google-analytics\.com|googleadservices\.com|chromium\.org|doubleclick\.net)$/;

// --------------------------------------------------------------------- run

interface Seen {
  url: string;
  from: 'page' | 'service worker';
  frame: string;
}

let proxy: LoggingProxy;
let browser: ExtensionBrowser;
let server: FixtureServer;
const seen: Seen[] = [];
/** Article-page requests whose initiator stack runs through an extension script. */
const extensionInitiated: string[] = [];
const pageErrors: string[] = [];

function record(r: Request): void {
  const sw = r.serviceWorker();
  let frame = '';
  if (!sw) {
    try {
      frame = r.frame().url();
    } catch {
      frame = '?';
    }
  }
  seen.push({ url: r.url(), from: sw ? 'service worker' : 'page', frame });
}

async function watchInitiators(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; initiator: { type: string; url?: string; stack?: { callFrames: { url: string }[]; parent?: unknown } } }) => {
    const frames: string[] = [];
    type Stack = { callFrames: { url: string }[]; parent?: Stack };
    for (let s = e.initiator.stack as Stack | undefined; s; s = s.parent) frames.push(...s.callFrames.map((f) => f.url));
    if (e.initiator.url) frames.push(e.initiator.url);
    if (frames.some((u) => u.startsWith('chrome-extension://'))) extensionInitiated.push(e.request.url);
  });
  await cdp.send('Network.enable');
}

beforeAll(async () => {
  proxy = await startLoggingProxy();
  server = await serveFixtures();
  browser = await launchWithExtension({ proxy: proxy.address });
  browser.context.on('request', record);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await proxy?.close();
});

describe('no network request of its own', () => {
  test('painting a story, hover cards and the popup (list, search, card, switches) request nothing but extension files', async () => {
    const article = await browser.context.newPage();
    article.on('pageerror', (e) => pageErrors.push(e.message));
    await instrument(article);
    await watchInitiators(article);
    const storyUrl = `${server.url}/news-2020-wang-yi.html`;
    await article.goto(storyUrl);
    await waitPainted(article);
    for (const name of ['Yoshihide Suga', 'Japan', 'Beijing']) {
      const card = await hoverMention(article, name);
      expect((await card.innerText()).length).toBeGreaterThan(20);
      await moveAway(article);
    }

    const popup = await openPopup(browser, await tabIdOf(browser, article));
    popup.on('pageerror', (e) => pageErrors.push(e.message));
    await popup.locator('[data-testid="page-entity"]').first().waitFor({ timeout: 15_000 });
    await popup.getByTestId('search-input').fill('Kang Kyung');
    await popup.locator('[data-testid="search-hit"][data-entity="Kang Kyung-wha"]').click();
    await popup.getByTestId('search-card').waitFor();
    await popup.getByTestId('search-input').fill('');
    // Switches: off and on again, everywhere and for this site; the article follows.
    for (const id of ['#setting-enabled', '#setting-site']) {
      await popup.locator(id).click();
      await popup.waitForTimeout(300);
      await popup.locator(id).click();
    }
    await waitPainted(article, 2);
    // Anything lazy (a prefetch, a beacon on idle) has time to go out.
    await article.waitForTimeout(2000);

    const ext = `chrome-extension://${browser.extensionId}/`;
    const documents = new Set([storyUrl]);
    const foreign = seen.filter((s) => !s.url.startsWith(ext) && !documents.has(s.url) && !s.url.startsWith('data:'));
    expect(foreign).toEqual([]);
    // The service worker and the popup asked for nothing outside the extension.
    expect(seen.filter((s) => (s.from === 'service worker' || s.frame.startsWith(ext)) && !s.url.startsWith(ext) && !s.url.startsWith('data:'))).toEqual([]);
    // No request on the article was started by an extension script, even to the page's own origin.
    expect(extensionInitiated).toEqual([]);
    console.log(`privacy: ${seen.length} requests seen (${seen.filter((s) => s.url.startsWith(ext)).length} to the extension's own files); proxy saw ${proxy.log.length}: ${JSON.stringify(proxy.log)}`);
    // Off the machine: only Chromium's own service hosts, if anything.
    const offMachine = proxy.log.filter((l) => !CHROMIUM_HOSTS.test(proxyHost(l)));
    expect(offMachine).toEqual([]);
    // The logs did see this session: the article and the popup's own files.
    expect(seen.some((s) => s.url === storyUrl)).toBe(true);
    expect(seen.some((s) => s.url.startsWith(ext))).toBe(true);
    expect(pageErrors).toEqual([]);
    await popup.close();
    await article.close();
  });

  test('control: requests from the extension and from a page do reach the logs (so the test above can fail)', async () => {
    const page = await browser.context.newPage();
    await watchInitiators(page);
    await page.goto(`${server.url}/news-2020-wang-yi.html`);
    const before = { seen: seen.length, proxy: proxy.log.length };
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate(() => fetch('http://backstory-probe.example/sw').then(() => undefined, () => undefined));
    await page.evaluate(() => fetch('http://backstory-probe.example/page').then(() => undefined, () => undefined));
    await expect.poll(() => seen.slice(before.seen).map((s) => `${s.from} ${s.url}`), { timeout: WAIT_MS }).toEqual(
      expect.arrayContaining(['service worker http://backstory-probe.example/sw', 'page http://backstory-probe.example/page']),
    );
    await expect.poll(() => proxy.log.slice(before.proxy).filter((l) => l.includes('backstory-probe.example')).length, { timeout: WAIT_MS }).toBe(2);
    expect(proxy.log.slice(before.proxy).every((l) => !CHROMIUM_HOSTS.test(proxyHost(l)) || !l.includes('backstory-probe'))).toBe(true);
    await page.close();
  });
});

// ---------------------------------------------------------------- manifest

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; all_frames?: boolean }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  update_url?: string;
}

const manifest = (): Manifest => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
const WEB_PAGES = ['http://*/*', 'https://*/*'];

describe('permissions', () => {
  test('the manifest asks for storage, scripting and web pages, nothing more', () => {
    const m = manifest();
    // storage: the settings; scripting: the card's code, added to a frame on its first card (entrypoints/card.ts).
    // Nothing else: no tabs, webRequest, cookies, history, downloads, unlimitedStorage, activeTab.
    expect(m.permissions ?? []).toEqual(['storage', 'scripting']);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    // Web pages only: not <all_urls>, not file:// or ftp://.
    expect((m.host_permissions ?? []).every((h) => WEB_PAGES.includes(h))).toBe(true);
    for (const cs of m.content_scripts ?? []) {
      expect(cs.matches.every((h) => WEB_PAGES.includes(h))).toBe(true);
    }
  });

  test('nothing is exposed to web pages or other extensions, and no remote code or updates', () => {
    const m = manifest();
    // A web-accessible resource lets any page detect (fingerprint) the extension.
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.update_url).toBeUndefined();
    // The default extension CSP (no remote scripts, no eval) stays in force.
    expect(JSON.stringify(m.content_security_policy ?? '')).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  test('the README says why each permission is needed', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((s) => /^Permissions\b/i.test(s));
    expect(section, 'a "## Permissions" section in README.md').toBeDefined();
    const m = manifest();
    for (const p of m.permissions ?? []) expect(section, `README explains "${p}"`).toMatch(new RegExp(`\`${p}\`[^\\n]{30,}`));
    if ((m.host_permissions ?? []).length || (m.content_scripts ?? []).length) {
      expect(section, 'README explains the access to web pages').toMatch(/http:\/\/\*\/\*|https:\/\/\*\/\*|every (web )?(page|site)|all (web )?(pages|sites)/i);
    }
    // And that there is no network access to explain.
    expect(section).toMatch(/no network|never (sends|contacts|requests)|nothing leaves/i);
  });
});
