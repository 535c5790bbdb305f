/**
 * The end-to-end harness every e2e test reuses: real Chromium with the built
 * extension, a fresh profile, a loopback-only proxy, fixture pages on a
 * loopback port, and the popup opened as a page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/**
 * The tests (and the benchmark) load the bench build (`wxt build --mode bench`): the production build with the
 * `backstory:painted` event and performance marks they wait on. The production build emits neither, since a page
 * could read them (tests/e2e/observable.e2e.ts checks it).
 */
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3-bench');
export const PRODUCTION_EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the end-to-end tests. Install Debian\'s package (`sudo apt-get install -y chromium`) or set CHROME_PATH to a Chromium/Chrome binary.';

export function findChromium(): string {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist. ${NO_CHROMIUM_MESSAGE}`);
    return fromEnv;
  }
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(NO_CHROMIUM_MESSAGE);
}

export interface LaunchOptions {
  /** Reuse a profile (to test what survives a restart); a fresh one otherwise. */
  profileDir?: string;
  /** Where the browser's proxy points: a closed loopback port unless a test logs traffic. */
  proxy?: string;
  extensionDir?: string;
  /** The browser's UI language ("ja"): what the extension's strings and its facts are shown in. */
  lang?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** A loopback port with nothing listening, so the browser's own traffic never leaves the machine. */
export const CLOSED_PORT = 9;

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(opts.extensionDir ?? EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${opts.extensionDir ?? EXTENSION_DIR}: run \`npm run build && npm run build:bench\` first.`);
  }
  const ext = opts.extensionDir ?? EXTENSION_DIR;
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      `--proxy-server=${opts.proxy ?? `127.0.0.1:${CLOSED_PORT}`}`,
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
    // Chromium on Linux takes its UI language (the extension's i18n locale) from the environment too.
    ...(opts.lang ? { env: { ...process.env, LANGUAGE: opts.lang, LANG: `${opts.lang}.UTF-8` }, locale: opts.lang } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  url: string;
  /** Serve a path with a handler of the test's own (custom headers, generated pages). */
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/** Serves tests/fixtures on a loopback port; `<name>.headers.json` beside a file adds response headers (e.g. a CSP). */
export async function serveFixtures(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const custom = routes.get(path);
    if (custom) return custom(req, res);
    const file = normalize(join(FIXTURES_DIR, path));
    if (!file.startsWith(FIXTURES_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    const extra = `${file}.headers.json`;
    if (existsSync(extra)) Object.assign(headers, JSON.parse(readFileSync(extra, 'utf8')));
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route: (path, handler) => void routes.set(path, handler),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Opens the popup as an ordinary page, bound to a tab when given (popup.html?tab=ID). */
export async function openPopup(b: ExtensionBrowser, tabId?: number): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
  return page;
}

/** The browser's tab id of a page, asked of the extension's service worker. */
export async function tabIdOf(b: ExtensionBrowser, page: Page): Promise<number> {
  const worker = b.context.serviceWorkers()[0]!;
  const url = page.url();
  return worker.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab with url ${u}`);
    return tab.id;
  }, url);
}
