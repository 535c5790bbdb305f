/**
 * Settings in extension storage: sync where the browser has it (so they follow
 * the reader to other machines), local otherwise or when sync refuses.
 */
// The browser's own promise-based API rather than webextension-polyfill, whose set-up the content script cannot afford on every page.
import { browser, type Browser } from 'wxt/browser';
import { KEYS, parseSettings, SETTINGS_VERSION, storedVersion, type Settings } from '../vocabulary';

const OUR_KEYS: ReadonlySet<string> = new Set(Object.values(KEYS));

interface Choice {
  area: Browser.storage.StorageArea;
  /** What the choosing read found, for the first reader: one trip to storage fewer on every page load. */
  firstRead: Record<string, unknown> | null;
}

let chosen: Promise<Choice> | null = null;

/**
 * Sync when it answers, local otherwise: Firefox with sync turned off in
 * about:config, or a browser without it, rejects or lacks storage.sync. The
 * choice is made once, so reads and writes always meet in the same area; the
 * read that makes it is of every setting, so the page's first read is done.
 */
function choose(): Promise<Choice> {
  chosen ??= (async () => {
    const sync = browser.storage.sync as Browser.storage.StorageArea | undefined;
    if (sync) {
      try {
        const got = (await sync.get([...OUR_KEYS])) as Record<string, unknown>;
        return { area: sync, firstRead: got };
      } catch {
        // fall through to local
      }
    }
    return { area: browser.storage.local, firstRead: null };
  })();
  return chosen;
}

/** The chosen area, for a write: what the choosing read found is stale from now on. */
async function area(): Promise<Browser.storage.StorageArea> {
  const choice = await choose();
  choice.firstRead = null;
  return choice.area;
}

/** Forget the chosen storage area (tests swap the fake browser's storage between cases). */
export function resetStorageChoice(): void {
  chosen = null;
}

async function readStored(): Promise<Record<string, unknown>> {
  const choice = await choose();
  let got = choice.firstRead;
  choice.firstRead = null;
  got ??= (await choice.area.get([...OUR_KEYS])) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(got).filter(([, v]) => v !== undefined));
}

/** The settings, each one its default when missing or unreadable. Never rejects. */
export async function loadSettings(): Promise<Settings> {
  let stored: Record<string, unknown>;
  try {
    stored = await readStored();
  } catch {
    return parseSettings(undefined);
  }
  const settings = parseSettings(stored);
  if (Object.keys(stored).length > 0 && storedVersion(stored) < SETTINGS_VERSION) {
    // Write the upgraded layout back once so later readers skip the migration.
    void saveSettings(settings).catch(() => undefined);
  }
  return settings;
}

/** Writes only the settings given, so a concurrent change to another one is not overwritten. */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const out: Record<string, unknown> = { [KEYS.version]: SETTINGS_VERSION };
  if (patch.enabled !== undefined) out[KEYS.enabled] = patch.enabled;
  if (patch.disabledSites !== undefined) out[KEYS.disabledSites] = [...patch.disabledSites];
  if (patch.kinds !== undefined) out[KEYS.kinds] = { ...patch.kinds };
  if (patch.firstOnly !== undefined) out[KEYS.firstOnly] = patch.firstOnly;
  await (await area()).set(out);
}

/**
 * Calls back with the whole parsed settings whenever one of them changes, in
 * any tab or on another synced machine. Returns an unsubscribe.
 */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  let active = true;
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    if (!Object.keys(changes).some((k) => OUR_KEYS.has(k))) return;
    void loadSettings().then((s) => {
      if (active) onChange(s);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    active = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
