/** Settings in extension storage: sync where the browser has it, local otherwise. */
import browser, { type Storage } from 'webextension-polyfill';
import { KEYS, parseSettings, SETTINGS_VERSION, type Settings } from './settings-schema';

function area(): Storage.StorageArea {
  return browser.storage.sync ?? browser.storage.local;
}

export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await area().get(null));
  } catch {
    return parseSettings(undefined);
  }
}

/** Writes only the settings given, so a concurrent change to another one is not overwritten. */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const out: Record<string, unknown> = { [KEYS.version]: SETTINGS_VERSION };
  if (patch.enabled !== undefined) out[KEYS.enabled] = patch.enabled;
  if (patch.disabledSites !== undefined) out[KEYS.disabledSites] = patch.disabledSites;
  if (patch.kinds !== undefined) out[KEYS.kinds] = patch.kinds;
  await area().set(out);
}

/** Calls back with the whole parsed settings whenever any of them changes. Returns an unsubscribe. */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  const listener = (_changes: unknown, areaName: string) => {
    if (areaName === 'sync' || areaName === 'local') void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
