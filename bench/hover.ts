/** Hover latency: from the pointer coming to rest on a mention to the card painted. */
import type { ExtensionBrowser, FixtureServer } from '../tests/e2e/harness';
import type { GeneratedPage } from './pages';

export interface HoverFigures {
  text: string;
}

export async function hoverFigures(_b: ExtensionBrowser, _server: FixtureServer, _page: GeneratedPage): Promise<HoverFigures> {
  throw new Error('the content script does not open cards yet');
}
