/**
 * Corrupted or wrong-typed stored settings fall back per setting to the
 * defaults with no other setting lost; an unknown settings version is
 * migrated or read as far as it parses, never a crash. Extends
 * settings-schema.test.ts / settings-storage.test.ts with the hostile cases:
 * wrong types, null, arrays, huge values, prototype tricks, odd versions.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, resetStorageChoice, watchSettings } from '../../src/platform/settings';
import {
  DEFAULT_SETTINGS, KEYS, MAX_DISABLED_SITES, MENTION_KINDS, SETTINGS_VERSION, parseSettings, siteKey, type MentionKind, type Settings,
} from '../../src/vocabulary';
import { work } from './helpers/work';

/** Settings unlike the defaults in every field, so a lost setting shows. */
const CUSTOM: Settings = { enabled: false, disabledSites: ['example.com', 'news.example.org'], kinds: { person: false, country: true, demonym: false, capital: true, organisation: true }, firstOnly: true };

function stored(s: Settings, version: unknown = SETTINGS_VERSION): Record<string, unknown> {
  return { [KEYS.version]: version, [KEYS.enabled]: s.enabled, [KEYS.disabledSites]: [...s.disabledSites], [KEYS.kinds]: { ...s.kinds }, [KEYS.firstOnly]: s.firstOnly };
}


/** A label for any value, even one String() cannot convert. */
function labelOf(v: unknown): string {
  try {
    return `${typeof v} ${String(v).slice(0, 30)}`;
  } catch {
    return typeof v;
  }
}

type Field = 'enabled' | 'disabledSites' | 'kinds';
const FIELDS: Field[] = ['enabled', 'disabledSites', 'kinds'];

/** Values no setting accepts as a whole. */
const GARBAGE: unknown[] = [
  null, undefined, 0, 1, -1, NaN, Infinity, '', 'true', 'false', 'yes', [], [true], {}, { value: true }, 'x'.repeat(100_000),
  Symbol('s'), () => true, new Date(0), /re/, new Map([['person', false]]), 10n ** 30n, Object.create(null),
];

const validSettings: fc.Arbitrary<Settings> = fc.record({
  enabled: fc.boolean(),
  disabledSites: fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z]{2,5}){1,2}$/), { maxLength: 5 }),
  kinds: fc.record(Object.fromEntries(MENTION_KINDS.map((k) => [k, fc.boolean()])) as Record<MentionKind, fc.Arbitrary<boolean>>),
  firstOnly: fc.boolean(),
});

describe('parseSettings on corrupt values', () => {
  test.each(FIELDS)('garbage in "%s" falls back to its default and keeps every other setting', (field) => {
    for (const bad of GARBAGE) {
      const s = parseSettings({ ...stored(CUSTOM), [KEYS[field]]: bad });
      const label = `${field} = ${labelOf(bad)}`;
      for (const other of FIELDS) {
        if (other === field) continue;
        expect(s[other], label).toEqual(CUSTOM[other]);
      }
      // Garbage that is an object may still hold a valid entry (kinds.person); none of these does.
      expect(s[field], label).toEqual(DEFAULT_SETTINGS[field]);
    }
  });

  test('any value in any one setting, for any valid settings, loses no other setting (property)', () => {
    fc.assert(
      fc.property(validSettings, fc.constantFrom(...FIELDS), fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }), (s, field, bad) => {
        const out = parseSettings({ ...stored(s), [KEYS[field]]: bad });
        for (const other of FIELDS) if (other !== field) expect(out[other]).toEqual(s[other]);
        // The corrupted one is still a well-formed setting.
        expect(typeof out.enabled).toBe('boolean');
        for (const site of out.disabledSites) expect(siteKey(site)).toBe(site);
        for (const k of MENTION_KINDS) expect(typeof out.kinds[k]).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  test('inside kinds, each kind falls back alone; unknown kinds are ignored', () => {
    const s = parseSettings({ ...stored(CUSTOM), [KEYS.kinds]: { person: 'false', country: null, demonym: false, capital: [true], events: false } });
    expect(s.kinds).toEqual({ person: true, country: true, demonym: false, capital: true, organisation: true });
    expect(s.enabled).toBe(false);
    expect(s.disabledSites).toEqual(CUSTOM.disabledSites);
  });

  test('kinds given as an array or with a poisoned prototype are ignored, and nothing leaks into Object.prototype', () => {
    const poisoned = JSON.parse('{"__proto__": {"person": false, "polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    expect(parseSettings({ ...stored(CUSTOM), [KEYS.kinds]: poisoned }).kinds).toEqual(DEFAULT_SETTINGS.kinds);
    expect(parseSettings({ ...stored(CUSTOM), [KEYS.kinds]: [false, false, false, false] }).kinds).toEqual(DEFAULT_SETTINGS.kinds);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('a huge site list is capped, bad entries dropped, in work linear in its length', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? `site${i}.com` : `${'x'.repeat(300)}.com`));
    const sites = list(100_000);
    const s = parseSettings({ ...stored(CUSTOM), [KEYS.disabledSites]: sites });
    expect(s.disabledSites).toHaveLength(MAX_DISABLED_SITES);
    expect(s.disabledSites.every((x) => /^site\d+\.com$/.test(x))).toBe(true);
    expect(s.enabled).toBe(false);
    // Counted, not timed: eight times the entries, about eight times the work; comparing each entry with those kept
    // (quadratic) would be 64 times. (Time: npm run bench, "settings: 100,000 sites parsed".)
    const cost = (n: number) => {
      const raw = { ...stored(CUSTOM), [KEYS.disabledSites]: list(n) };
      return work(() => void parseSettings(raw));
    };
    const small = cost(12_500);
    const large = cost(100_000);
    expect(large / small, `work ${small} for 12,500 entries, ${large} for 100,000`).toBeGreaterThan(6);
    expect(large / small, `work ${small} for 12,500 entries, ${large} for 100,000`).toBeLessThan(10);
  });

  test('a site list with one good entry among garbage keeps the good one', () => {
    const s = parseSettings({ [KEYS.disabledSites]: [null, {}, ['a.com'], 'javascript:alert(1)', 'file:///etc/passwd', 'Good.Example.COM', ' ', '..', 'a..b'] });
    expect(s.disabledSites).toEqual(['good.example.com']);
  });

  test('the whole stored blob of the wrong type gives the defaults', () => {
    for (const blob of [null, undefined, 42, 'settings', true, [stored(CUSTOM)], () => 1]) expect(parseSettings(blob)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings versions', () => {
  test.each([
    ['no version at all', undefined],
    ['version 0', 0],
    ['a negative version', -3],
    ['a fractional version', 0.5],
    ['a version as a string', '1'],
    ['NaN', NaN],
    ['null', null],
    ['an object', { major: 1 }],
  ])('%s is read as the oldest layout and migrated, keeping the settings', (_label, version) => {
    const raw = stored(CUSTOM, version);
    if (version === undefined) delete raw[KEYS.version];
    expect(parseSettings(raw)).toEqual(CUSTOM);
  });

  test.each([
    ['the next version', SETTINGS_VERSION + 1],
    ['a far future version', 9999],
    ['the largest integer', Number.MAX_SAFE_INTEGER],
    ['Infinity (not an integer: read as unversioned)', Infinity],
  ])('%s keeps whatever still parses per setting, without crashing', (_label, version) => {
    expect(parseSettings({ ...stored(CUSTOM, version), futureKey: { nested: [1, 2] } })).toEqual(CUSTOM);
    // A future layout that renamed a setting: that one falls back, the rest stay.
    const renamed = stored(CUSTOM, version);
    delete renamed[KEYS.kinds];
    expect(parseSettings({ ...renamed, kindsV9: CUSTOM.kinds })).toEqual({ ...CUSTOM, kinds: DEFAULT_SETTINGS.kinds });
  });
});

describe('loadSettings on corrupt storage', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    resetStorageChoice();
  });

  test('each corrupt key loses only itself; loading never rejects', async () => {
    for (const field of FIELDS) {
      for (const bad of [null, 'garbage', 17, [], { x: 1 }]) {
        await fakeBrowser.storage.sync.clear();
        await fakeBrowser.storage.sync.set({ ...stored(CUSTOM), [KEYS[field]]: bad });
        const s = await loadSettings();
        for (const other of FIELDS) if (other !== field) expect(s[other], `${field}=${JSON.stringify(bad)}`).toEqual(CUSTOM[other]);
        expect(s[field]).toEqual(DEFAULT_SETTINGS[field]);
      }
    }
  });

  test('an unversioned layout is migrated and written back; its settings survive', async () => {
    const raw = stored(CUSTOM);
    delete raw[KEYS.version];
    await fakeBrowser.storage.sync.set(raw);
    expect(await loadSettings()).toEqual(CUSTOM);
    await vi.waitFor(async () => expect((await fakeBrowser.storage.sync.get(KEYS.version))[KEYS.version]).toBe(SETTINGS_VERSION), { timeout: 20_000 });
    resetStorageChoice();
    expect(await loadSettings()).toEqual(CUSTOM);
  });

  test('a layout from a newer release is read, and not overwritten with this older one', async () => {
    await fakeBrowser.storage.sync.set({ ...stored(CUSTOM, SETTINGS_VERSION + 1), futureKey: 'kept' });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await loadSettings()).toEqual(CUSTOM);
    await new Promise((r) => setTimeout(r, 20));
    expect(set).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.sync.get(null)).toMatchObject({ [KEYS.version]: SETTINGS_VERSION + 1, futureKey: 'kept' });
  });

  test('storage that answers with garbage instead of an object gives the defaults', async () => {
    for (const answer of [null, undefined, 'x', 42, []]) {
      resetStorageChoice();
      vi.spyOn(fakeBrowser.storage.sync, 'get').mockResolvedValue(answer as unknown as Record<string, unknown>);
      await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
      vi.restoreAllMocks();
    }
  });

  test('a watcher hears a corrupt write as the parsed settings, with the other settings intact', async () => {
    await fakeBrowser.storage.sync.set(stored(CUSTOM));
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.sync.set({ [KEYS.enabled]: { evil: true } });
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 20_000 });
    expect(seen[0]).toEqual({ ...CUSTOM, enabled: DEFAULT_SETTINGS.enabled });
    stop();
  });
});
