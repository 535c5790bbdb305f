/**
 * Serves a generated page in two parts: everything but the closing tags at
 * once, the rest when the bench releases it. The document cannot finish
 * parsing before then, so no content script (document_idle) can start; the
 * bench releases it once the page's own text is parsed, laid out and painted.
 * Every contender then starts on the same, fully rendered page, and the
 * page's own first layout never falls into a content script's window.
 */
import type { Page } from 'playwright-core';
import type { FixtureServer } from '../tests/e2e/harness';

export const SENTINEL_ID = 'bench-end';
const TAIL = '</body></html>\n';

export class Gate {
  private pending: (() => void)[] = [];

  /** Lets every held response finish. */
  release(): void {
    const list = this.pending;
    this.pending = [];
    list.forEach((f) => f());
  }

  /**
   * Navigates `page` to a gated URL and lets the document finish once the
   * page has parsed up to the hold (and `whileHeld`, if given, is done).
   */
  async open(page: Page, url: string, timeoutMs: number, whileHeld?: () => Promise<unknown>): Promise<void> {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    try {
      await page.waitForFunction((id) => document.getElementById(id) !== null, SENTINEL_ID, { timeout: timeoutMs, polling: 20 });
      await whileHeld?.();
    } finally {
      this.release();
    }
  }

  serve(server: FixtureServer, path: string, html: string): void {
    const cut = html.lastIndexOf('</body>');
    const head = `${html.slice(0, cut)}<div id="${SENTINEL_ID}"></div>\n`;
    server.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(head);
      this.pending.push(() => res.end(TAIL));
    });
  }
}
