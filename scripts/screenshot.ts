/**
 * The README's popup screenshots: the built extension in Chromium on the Wang
 * Yi fixture article, the popup opened as a page bound to the article's tab,
 * light and dark. Run after a build: `npx tsx scripts/screenshot.ts`.
 * BACKSTORY_EXTENSION_DIR picks another build.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, openPopup, ROOT, serveFixtures, tabIdOf } from '../tests/e2e/harness';

const OUT = join(ROOT, 'assets', 'screenshots');
const WIDTH = 380;

async function main(): Promise<void> {
  const server = await serveFixtures();
  const b = await launchWithExtension({ extensionDir: process.env['BACKSTORY_EXTENSION_DIR'] || undefined });
  try {
    const article = await b.context.newPage();
    await article.goto(`${server.url}/news-2020-wang-yi.html`);
    await article.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0, null, { timeout: 15_000 });
    const popup = await openPopup(b, await tabIdOf(b, article));
    await popup.setViewportSize({ width: WIDTH, height: 600 });
    await popup.locator('[data-testid="events-after"]').waitFor({ timeout: 15_000 });
    await popup.locator('[data-testid="entity-role"]').first().waitFor();
    mkdirSync(OUT, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      const path = join(OUT, scheme === 'light' ? 'popup.png' : 'popup-dark.png');
      await popup.screenshot({ path, fullPage: true, animations: 'disabled' });
      console.log(`wrote ${path}`);
    }
  } finally {
    await b.close();
    await server.close();
  }
}

await main();
