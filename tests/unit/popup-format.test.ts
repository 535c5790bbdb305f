import { describe, expect, test } from 'vitest';
import { formatDate, formatRange, isWebLink, localToday, sourceHost } from '../../src/ui/popup/format';
import { pageAccess } from '../../src/ui/popup/page-access';
import { boundTabId } from '../../entrypoints/popup/api';

describe('pageAccess', () => {
  test('web pages are scriptable', () => {
    expect(pageAccess('https://www.reuters.com/world/asia/x')).toBe('scriptable');
    expect(pageAccess('http://127.0.0.1:4000/news.html')).toBe('scriptable');
    expect(pageAccess('https://chrome.google.com/search?q=x')).toBe('scriptable');
  });

  test('browser pages, other extensions, stores and hidden URLs are closed', () => {
    for (const url of [
      'chrome://extensions/', 'edge://settings', 'about:blank', 'chrome-extension://abc/popup.html', 'view-source:https://a.com',
      'https://chromewebstore.google.com/detail/abc', 'https://chrome.google.com/webstore/detail/abc', 'https://addons.mozilla.org/en-US/firefox/',
      'file:///home/a.html', 'not a url', undefined, '',
    ]) {
      expect(pageAccess(url), String(url)).toBe('closed');
    }
  });
});

describe('format', () => {
  test('dates in the reader\'s language, the same day everywhere', () => {
    expect(formatDate('2020-11-20', 'en-US')).toBe('Nov 20, 2020');
    expect(formatDate('2020-11-20', 'ja')).toBe('2020/11/20');
    expect(formatDate('not-a-date', 'en')).toBe('not-a-date');
    expect(formatDate('2020-11-20', 'xx-invalid-@@')).toMatch(/2020/);
  });

  test('ranges collapse shared parts; a one-day event is one date', () => {
    expect(formatRange('2020-11-24', '2020-11-25', 'en-US')).toMatch(/^Nov 24\s*–\s*25, 2020$/);
    expect(formatRange('2020-11-24', '2020-11-24', 'en-US')).toBe('Nov 24, 2020');
    expect(formatRange('2020-11-24', '', 'en-US')).toBe('Nov 24, 2020');
    expect(formatRange('2020-11-24', '2020-11-01', 'en-US')).toBe('Nov 24, 2020');
  });

  test('source links', () => {
    expect(sourceHost('https://www.reuters.com/world/x')).toBe('reuters.com');
    expect(sourceHost('nonsense')).toBe('nonsense');
    expect(isWebLink('https://a.com')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
  });

  test('today in the local calendar', () => {
    expect(localToday(new Date(2021, 0, 5, 23, 59))).toBe('2021-01-05');
  });

  test('popup.html?tab=<id> binds a tab; anything else does not', () => {
    expect(boundTabId('?tab=42')).toBe(42);
    expect(boundTabId('')).toBeNull();
    expect(boundTabId('?tab=abc')).toBeNull();
    expect(boundTabId('?tab=-1')).toBeNull();
  });
});
