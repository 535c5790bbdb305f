/**
 * The Firefox end-to-end harness: Debian's firefox-esr driven over WebDriver
 * BiDi by puppeteer-core, the Firefox build installed as a temporary add-on,
 * a fresh profile, and every non-loopback request sent to a closed port.
 *
 * Playwright cannot drive a stock Firefox (its Firefox is a patched build),
 * hence puppeteer-core here and playwright-core for Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CLOSED_PORT, ROOT } from '../e2e/harness';

/** The Firefox build under test; BACKSTORY_FIREFOX_BUILD points the tests at another unpacked build. */
// The bench build: the production build plus the painted event the tests wait on (see tests/e2e/harness.ts).
export const FIREFOX_EXTENSION_DIR = process.env['BACKSTORY_FIREFOX_BUILD'] ?? join(ROOT, '.output', 'firefox-mv2-bench');
/** The add-on id the Firefox manifest declares (wxt.config.ts). */
export const ADDON_ID = 'backstory@backstory.invalid';
/**
 * Firefox gives each add-on a random internal UUID per profile; pinning it
 * (pref `extensions.webextensions.uuids`) lets a test open moz-extension:// pages.
 */
export const ADDON_UUID = '0b5e2a7c-3f1d-4c8e-9a6b-5d2f7e1c4a90';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
/** CSS Custom Highlight API: Firefox 140+. */
export const MIN_FIREFOX = 140;

export const NO_FIREFOX_MESSAGE =
  "No Firefox found for the Firefox end-to-end tests. Install Debian's package (`sudo apt-get install -y --no-install-recommends firefox-esr`) or set FIREFOX_PATH to a Firefox 140+ binary.";

export function findFirefox(): string {
  const fromEnv = process.env['FIREFOX_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist. ${NO_FIREFOX_MESSAGE}`);
    return fromEnv;
  }
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(NO_FIREFOX_MESSAGE);
}

export function requireFirefoxBuild(extensionDir = FIREFOX_EXTENSION_DIR): void {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionDir}: run \`npm run build:bench\` first.`);
  }
}

/**
 * Prefs on top of puppeteer's own test profile (which already turns off
 * updates, telemetry, safe browsing and the first-run pages) so that nothing
 * the browser does by itself can leave the machine.
 */
function offlinePrefs(proxy: string): Record<string, unknown> {
  const [host, portText] = proxy.split(':');
  const port = Number(portText);
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': port,
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': port,
    'network.proxy.socks': host,
    'network.proxy.socks_port': port,
    'network.proxy.socks_remote_dns': true,
    'network.proxy.share_proxy_settings': false,
    // Loopback (the fixture server) goes direct; everything else hits the proxy.
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.trr.mode': 5,
    'media.peerconnection.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': '',
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'datareporting.usage.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.archive.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    'browser.topsites.contile.enabled': false,
    'services.sync.enabled': false,
    'identity.fxaccounts.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.discovery.enabled': false,
    // Remote settings (blocklists, etc.) poll firefox.settings.services.mozilla.com
    // at start-up whatever else is set; this dummy server makes them skip it.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  };
}

export interface FirefoxLaunchOptions {
  /** Where the browser's proxy points (host:port): a closed loopback port unless a test logs traffic. */
  proxy?: string;
  extensionDir?: string;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** Firefox's version string, e.g. "firefox/153.8.0". */
  version: string;
  newPage(): Promise<Page>;
  /** Opens the popup as an ordinary tab (moz-extension://…/popup.html). */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(opts: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  requireFirefoxBuild(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: true,
    // Lets BiDi navigate a tab to moz-extension:// (the popup); without it Firefox refuses any non-web URL.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: offlinePrefs(opts.proxy ?? `127.0.0.1:${CLOSED_PORT}`),
    // Headless Firefox needs no display; keep it off any the environment names.
    env: {
      ...process.env,
      DISPLAY: '',
      MOZ_CRASHREPORTER_DISABLE: '1',
      // Lets services.settings.server below take effect in a release build.
      MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
    },
  });
  try {
    const version = await browser.version();
    const major = Number(/\/(\d+)/.exec(version)?.[1] ?? 0);
    if (major < MIN_FIREFOX) throw new Error(`${version} is too old: Backstory needs Firefox ${MIN_FIREFOX}+ (CSS Custom Highlight API). ${NO_FIREFOX_MESSAGE}`);
    // BiDi webExtension.install: a temporary add-on, so an unsigned build loads.
    const extensionId = await browser.installExtension(extensionDir);
    return {
      browser,
      extensionId,
      version,
      newPage: () => browser.newPage(),
      async openPopup() {
        const page = await browser.newPage();
        const url = `${EXTENSION_ORIGIN}/popup.html`;
        // Firefox loads the page in the extension process and BiDi never reports
        // that navigation as finished, so goto() would time out: wait for the document instead.
        void page.goto(url).catch(() => undefined);
        await waitFor(
          () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''),
          (state) => state === `${url} complete`,
          `the popup at ${url} did not load`,
        );
        return page;
      },
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Polls `read` until `done` holds, or throws `message` with the last value after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, message: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${message} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

export interface LoggingProxy {
  /** host:port for FirefoxLaunchOptions.proxy. */
  address: string;
  /** The first line of every request that reached the proxy (e.g. "CONNECT host:443 HTTP/1.1"). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A proxy that forwards nothing: it records what the browser tried to reach
 * beyond loopback and answers 502, so a test can prove nothing left the machine.
 */
export async function startLoggingProxy(): Promise<LoggingProxy> {
  const requests: string[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      requests.push(chunk.toString('latin1').split('\r\n')[0]!.slice(0, 200));
      socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
