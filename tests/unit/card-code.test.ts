/**
 * The card's code reaches a frame only when asked for, and only that frame: src/platform/card-code.ts.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectCardCode, loadCardUi } from '../../src/platform/card-code';
import { CARD_UI_SLOT } from '../../src/vocabulary';

const slot = globalThis as Record<string, unknown>;
const browserWithScripting = fakeBrowser as unknown as { scripting?: { executeScript: (o: unknown) => Promise<unknown> } };
const tabsWithExecute = fakeBrowser.tabs as unknown as { executeScript?: (t: number, o: unknown) => Promise<unknown> };

beforeEach(() => {
  fakeBrowser.reset();
  delete slot[CARD_UI_SLOT];
});

afterEach(() => {
  vi.restoreAllMocks();
  delete slot[CARD_UI_SLOT];
  delete browserWithScripting.scripting;
  delete tabsWithExecute.executeScript;
});

describe('injectCardCode (background)', () => {
  test('Chromium: card.js, into the asking tab and frame only', async () => {
    const executeScript = vi.fn(async () => [{}]);
    browserWithScripting.scripting = { executeScript };
    expect(await injectCardCode({ tab: { id: 7 }, frameId: 3 })).toBe(true);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['card.js'] });
  });

  test('Firefox (no scripting API): tabs.executeScript, the same file and frame', async () => {
    const executeScript = vi.fn(async () => [undefined]);
    tabsWithExecute.executeScript = executeScript;
    expect(await injectCardCode({ tab: { id: 9 } })).toBe(true);
    expect(executeScript).toHaveBeenCalledWith(9, { file: '/card.js', frameId: 0 });
  });

  test('a sender without a tab (the popup, another extension page) gets nothing', async () => {
    const executeScript = vi.fn(async () => [{}]);
    browserWithScripting.scripting = { executeScript };
    expect(await injectCardCode({})).toBe(false);
    expect(await injectCardCode({ tab: { id: -1 }, frameId: 0 })).toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('loadCardUi (content script)', () => {
  test('asks the background once, then finds the maker card.js left in its world', async () => {
    const maker = () => null;
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string }) => {
      expect(msg.type).toBe('cardCode');
      slot[CARD_UI_SLOT] = maker;
      return true;
    }) as never);
    expect(await loadCardUi()).toBe(maker);
    expect(await loadCardUi()).toBe(maker);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('a background that answers without adding the code gives a clear error, not a crash later', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => false) as never);
    await expect(loadCardUi()).rejects.toThrow(/card code did not load/);
  });
});
