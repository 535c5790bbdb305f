import { afterAll, beforeAll, test } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { instrument, waitPainted, hoverMention, moveAway, highlighted } from './page-helpers';

let b: ExtensionBrowser;
let s: FixtureServer;
beforeAll(async () => { s = await serveFixtures(); b = await launchWithExtension(); });
afterAll(async () => { await b?.close(); await s?.close(); });

test('probe', async () => {
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
  const page = await b.context.newPage();
  await instrument(page);
  await page.goto(`${s.url}/card-in-view.html`);
  await waitPainted(page);
  console.log(await highlighted(page));
  for (const name of [] as string[]) {
    try {
      const card = await hoverMention(page, name);
      await page.waitForTimeout(200);
      console.log(name, await card.boundingBox(), await card.evaluate((e) => [e.scrollHeight, e.clientHeight]));
      await moveAway(page);
    } catch (e) { console.log(name, String(e).slice(0, 200)); }
  }
  const card = await hoverMention(page, 'Wang Yi');
  await page.evaluate((css) => {
    const sr = document.querySelector('backstory-ui')!.shadowRoot!;
    const sh = new CSSStyleSheet(); sh.replaceSync(css);
    sr.adoptedStyleSheets = [...sr.adoptedStyleSheets, sh];
  }, process.env.CSS ?? '');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  console.log('open?', await card.count());
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  console.log('CLIP', JSON.stringify(clip));
  console.log('SEL', JSON.stringify(await page.evaluate(() => getSelection()!.toString())));
});
