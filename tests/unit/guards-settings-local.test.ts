/**
 * The settings watcher when the settings live in local storage (sync refused
 * or absent): changes there are heard as changes in sync are.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, resetStorageChoice, saveSettings, watchSettings } from '../../src/platform/settings';
import { KEYS } from '../../src/vocabulary';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  resetStorageChoice();
});

describe('watching settings kept in local storage', () => {
  test('a save when sync refuses lands in local storage, and the watcher hears it', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.enabled));
    await saveSettings({ enabled: false });
    expect((await fakeBrowser.storage.local.get(KEYS.enabled))[KEYS.enabled]).toBe(false);
    await vi.waitFor(() => expect(seen).toEqual([false]), { timeout: 20_000 });
    await saveSettings({ enabled: true });
    await vi.waitFor(() => expect(seen).toEqual([false, true]), { timeout: 20_000 });
    stop();
  });

  test('a change made to local storage by another tab is heard, with the whole settings read from local', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    expect((await loadSettings()).enabled).toBe(true);
    const seen: { enabled: boolean; sites: string[] }[] = [];
    const stop = watchSettings((s) => seen.push({ enabled: s.enabled, sites: [...s.disabledSites] }));
    await fakeBrowser.storage.local.set({ [KEYS.disabledSites]: ['a.com'] });
    await vi.waitFor(() => expect(seen).toEqual([{ enabled: true, sites: ['a.com'] }]), { timeout: 20_000 });
    stop();
  });

  test('a change to other keys in local storage is not a settings change', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.enabled));
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await saveSettings({ enabled: false });
    await vi.waitFor(() => expect(seen).toEqual([false]), { timeout: 20_000 });
    stop();
    await fakeBrowser.storage.local.set({ [KEYS.enabled]: true });
    await loadSettings();
    expect(seen).toEqual([false]);
  });
});
