import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, resetStorageChoice, saveSettings, watchSettings } from '../../src/platform/settings';
import { DEFAULT_SETTINGS, KEYS, SETTINGS_VERSION } from '../../src/vocabulary';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  resetStorageChoice();
});

describe('settings in storage', () => {
  test('defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('saved settings read back, in sync storage, with the layout version', async () => {
    await saveSettings({ enabled: false, kinds: { person: true, country: false, demonym: true, capital: true, organisation: true } });
    expect(await loadSettings()).toMatchObject({ enabled: false, kinds: { country: false } });
    expect(await fakeBrowser.storage.sync.get(null)).toMatchObject({ [KEYS.version]: SETTINGS_VERSION, [KEYS.enabled]: false });
  });

  test('a save touches only the settings it names', async () => {
    await saveSettings({ disabledSites: ['a.com'] });
    await saveSettings({ enabled: false });
    expect(await loadSettings()).toMatchObject({ enabled: false, disabledSites: ['a.com'] });
  });

  test('a corrupt stored value loses only itself', async () => {
    await saveSettings({ enabled: false, disabledSites: ['a.com'] });
    await fakeBrowser.storage.sync.set({ [KEYS.kinds]: 'garbage', [KEYS.enabled]: 17 });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.com'] });
  });

  test('an unversioned layout is written back with the current version', async () => {
    await fakeBrowser.storage.sync.set({ [KEYS.enabled]: false });
    expect((await loadSettings()).enabled).toBe(false);
    await vi.waitFor(async () => expect((await fakeBrowser.storage.sync.get(KEYS.version))[KEYS.version]).toBe(SETTINGS_VERSION), { timeout: 20_000 });
    expect((await fakeBrowser.storage.sync.get(KEYS.enabled))[KEYS.enabled]).toBe(false);
  });

  test('stored version 1 settings are migrated and written back: the organisation switch is on, the rest kept', async () => {
    await fakeBrowser.storage.sync.set({ [KEYS.version]: 1, [KEYS.enabled]: true, [KEYS.kinds]: { person: true, country: false, demonym: true, capital: false } });
    expect((await loadSettings()).kinds).toEqual({ person: true, country: false, demonym: true, capital: false, organisation: true });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.sync.get(KEYS.version))[KEYS.version]).toBe(SETTINGS_VERSION), { timeout: 20_000 });
    expect((await fakeBrowser.storage.sync.get(KEYS.kinds))[KEYS.kinds]).toEqual({ person: true, country: false, demonym: true, capital: false, organisation: true });
  });

  test('falls back to local storage when sync refuses, and reads and writes meet there', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await saveSettings({ enabled: false });
    expect(syncSet).not.toHaveBeenCalled();
    expect((await fakeBrowser.storage.local.get(KEYS.enabled))[KEYS.enabled]).toBe(false);
    expect((await loadSettings()).enabled).toBe(false);
  });

  test('storage that fails entirely still yields the defaults', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('x'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('y'));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('watchers hear changes to settings, not to other keys, and stop when unsubscribed', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.enabled));
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await saveSettings({ enabled: false });
    await vi.waitFor(() => expect(seen).toEqual([false]), { timeout: 20_000 });
    stop();
    await saveSettings({ enabled: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([false]);
  });
});
