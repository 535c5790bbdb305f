import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SETTINGS, KEYS, MAX_DISABLED_SITES, MENTION_KINDS, SETTINGS_VERSION, migrate, parseSettings, showsKind, siteEnabled, siteKey, withSite,
  type Migration, type Settings,
} from '../../src/vocabulary';

const custom: Settings = { enabled: false, disabledSites: ['example.com'], kinds: { person: true, country: false, demonym: true, capital: false, organisation: true }, firstOnly: true };
const stored = (s: Settings) => ({ [KEYS.version]: SETTINGS_VERSION, [KEYS.enabled]: s.enabled, [KEYS.disabledSites]: s.disabledSites, [KEYS.kinds]: s.kinds, [KEYS.firstOnly]: s.firstOnly });

describe('parseSettings', () => {
  test('nothing stored gives the defaults', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });

  test('well-formed values read back as written', () => {
    expect(parseSettings(stored(custom))).toEqual(custom);
  });

  test('a corrupt value falls back for that one setting and keeps the others', () => {
    expect(parseSettings({ ...stored(custom), [KEYS.enabled]: 'no' })).toEqual({ ...custom, enabled: true });
    expect(parseSettings({ ...stored(custom), [KEYS.kinds]: 42 })).toEqual({ ...custom, kinds: DEFAULT_SETTINGS.kinds });
    expect(parseSettings({ ...stored(custom), [KEYS.disabledSites]: 'example.com' })).toEqual({ ...custom, disabledSites: [] });
  });

  test('inside kinds, a corrupt kind falls back alone', () => {
    const s = parseSettings({ ...stored(custom), [KEYS.kinds]: { person: 'x', country: false, demonym: null, capital: false, bogus: true } });
    expect(s.kinds).toEqual({ person: true, country: false, demonym: true, capital: false, organisation: true });
    expect(s.enabled).toBe(false);
  });

  test('bad site entries are dropped, good ones normalised and de-duplicated', () => {
    const s = parseSettings({ [KEYS.disabledSites]: ['WWW.Example.com', 'example.com', 7, '', 'not a host', 'news.site.org:8080', null] });
    expect(s.disabledSites).toEqual(['example.com', 'news.site.org']);
  });

  test('a settings layout from a newer release keeps what still parses', () => {
    expect(parseSettings({ ...stored(custom), [KEYS.version]: SETTINGS_VERSION + 5, unknownNewKey: { x: 1 } })).toEqual(custom);
  });

  test('any stored object at all parses to valid settings', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.values(KEYS), 'other'), fc.anything()), (raw) => {
        const s = parseSettings(raw);
        expect(typeof s.enabled).toBe('boolean');
        expect(Array.isArray(s.disabledSites)).toBe(true);
        for (const site of s.disabledSites) expect(siteKey(site)).toBe(site);
        for (const k of MENTION_KINDS) expect(typeof s.kinds[k]).toBe('boolean');
      }),
    );
  });
});

describe('migrate', () => {
  test('an unversioned layout reads as the current one and is marked current', () => {
    const out = migrate({ [KEYS.enabled]: false });
    expect(out[KEYS.version]).toBe(SETTINGS_VERSION);
    expect(parseSettings({ [KEYS.enabled]: false }).enabled).toBe(false);
  });

  test('steps run in order from the stored version to the target', () => {
    // A hypothetical v1 → v2 → v3 path: v2 renamed "enabled" to "on", v3 split kinds.
    const steps: Record<number, Migration> = {
      1: (raw) => ({ ...raw, on: raw['enabled'] }),
      2: (raw) => ({ ...raw, kindsV3: raw['kinds'], trail: [...((raw['trail'] as number[]) ?? []), 2] }),
    };
    const out = migrate({ v: 1, enabled: false, kinds: { person: false } }, steps, 3);
    expect(out).toMatchObject({ v: 3, on: false, kindsV3: { person: false }, trail: [2] });
    // Starting at v2 runs only the last step.
    expect(migrate({ v: 2, kinds: 1 }, steps, 3)).toMatchObject({ v: 3, kindsV3: 1, trail: [2] });
  });

  test('a failing step keeps the data as far as it got', () => {
    const steps: Record<number, Migration> = {
      0: (raw) => ({ ...raw, a: 1 }),
      1: () => {
        throw new Error('corrupt');
      },
    };
    expect(migrate({ enabled: true }, steps, 2)).toEqual({ enabled: true, a: 1, v: 1 });
  });

  test('version 1 settings gain the organisation switch, on, and keep every choice the user made', () => {
    const v1 = { [KEYS.version]: 1, [KEYS.enabled]: false, [KEYS.disabledSites]: ['a.com', 'b.org'], [KEYS.kinds]: { person: false, country: true, demonym: false, capital: true } };
    const out = migrate(v1);
    expect(out[KEYS.version]).toBe(2);
    expect(out[KEYS.kinds]).toEqual({ person: false, country: true, demonym: false, capital: true, organisation: true });
    expect(parseSettings(v1)).toEqual({
      enabled: false, disabledSites: ['a.com', 'b.org'], kinds: { person: false, country: true, demonym: false, capital: true, organisation: true }, firstOnly: false,
    });
    // A user who already chose (a newer layout synced back) keeps the choice.
    expect(parseSettings({ ...v1, [KEYS.kinds]: { ...v1[KEYS.kinds], organisation: false } }).kinds.organisation).toBe(false);
  });

  test('parseSettings applies the migrations it is given', () => {
    const steps: Record<number, Migration> = { 0: (raw) => ({ ...raw, enabled: raw['highlights'] === 'off' ? false : raw['enabled'] }) };
    expect(parseSettings({ highlights: 'off' }, steps).enabled).toBe(false);
  });
});

describe('sites', () => {
  test('siteKey folds a URL or host to one key', () => {
    expect(siteKey('https://www.Example.com:8443/news?id=1')).toBe('example.com');
    expect(siteKey('Example.COM.')).toBe('example.com');
    expect(siteKey('127.0.0.1:5173')).toBe('127.0.0.1');
    expect(siteKey('localhost')).toBe('localhost');
    expect(siteKey('chrome://extensions')).toBeNull();
    expect(siteKey('file:///tmp/a.html')).toBeNull();
    expect(siteKey('')).toBeNull();
    expect(siteKey('two words')).toBeNull();
  });

  test('withSite switches one site off and on again', () => {
    const off = withSite(['a.org'], 'https://www.news.com/x', false);
    expect(off).toEqual(['a.org', 'news.com']);
    expect(withSite(off, 'news.com', false)).toEqual(['a.org', 'news.com']);
    expect(withSite(off, 'news.com:80', true)).toEqual(['a.org']);
    expect(withSite(off, 'about:blank', false)).toEqual(off);
  });

  test('the disabled list stays within its bound, the newest kept', () => {
    const many = Array.from({ length: MAX_DISABLED_SITES }, (_, i) => `s${i}.com`);
    const out = withSite(many, 'new.com', false);
    expect(out).toHaveLength(MAX_DISABLED_SITES);
    expect(out.at(-1)).toBe('new.com');
    expect(out).not.toContain('s0.com');
  });

  test('siteEnabled and showsKind combine the switches', () => {
    const s: Settings = { enabled: true, disabledSites: ['news.com'], kinds: { ...DEFAULT_SETTINGS.kinds, capital: false, organisation: true }, firstOnly: false };
    expect(siteEnabled(s, 'www.news.com')).toBe(false);
    expect(siteEnabled(s, 'NEWS.com:8080')).toBe(false);
    expect(siteEnabled(s, 'other.com')).toBe(true);
    expect(showsKind(s, 'other.com', 'person')).toBe(true);
    expect(showsKind(s, 'other.com', 'capital')).toBe(false);
    expect(showsKind(s, 'news.com', 'person')).toBe(false);
    expect(siteEnabled({ ...s, enabled: false }, 'other.com')).toBe(false);
  });
});

describe('the bound on switched-off sites', () => {
  test('reading and writing share one bound and both keep the newest choices, so a read-modify-write changes nothing else', () => {
    const stored = Array.from({ length: MAX_DISABLED_SITES + 100 }, (_, i) => `s${i}.com`);
    const read = parseSettings({ [KEYS.disabledSites]: stored }).disabledSites;
    expect(read).toHaveLength(MAX_DISABLED_SITES);
    expect(read[0]).toBe('s100.com');
    expect(read.at(-1)).toBe(`s${MAX_DISABLED_SITES + 99}.com`);
    // Switching a kept site back on and off again, as the popup does, keeps every other site the reader chose.
    const again = parseSettings({ [KEYS.disabledSites]: withSite(withSite(read, 's200.com', true), 's200.com', false) }).disabledSites;
    expect(new Set(again)).toEqual(new Set(read));
  });

  test('a site named twice counts once, at its newest place', () => {
    expect(parseSettings({ [KEYS.disabledSites]: ['a.com', 'b.com', 'a.com'] }).disabledSites).toEqual(['b.com', 'a.com']);
  });
});
