import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lookupMessage, t, uiLanguage } from '../../src/platform/i18n';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('browser.i18n through src/platform/i18n', () => {
  test('the browser’s message, with its substitutions', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) => `${key}:${(subs ?? []).join(',')}`) as never);
    expect(lookupMessage('card_since', ['2019'])).toBe('card_since:2019');
    expect(t('popup_role_former', 'Minister')).toBe('popup_role_former:Minister');
    expect(getMessage).toHaveBeenCalledWith('card_since', ['2019']);
  });

  test('a missing message reads as missing: empty for a looked-up key, the key itself for t', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(lookupMessage('card_unknown', [])).toBe('');
    expect(t('popup_loading')).toBe('popup_loading');
  });

  test('a browser that throws costs only the string, never the caller', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => {
      throw new Error('context invalidated');
    });
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => {
      throw new Error('context invalidated');
    });
    expect(lookupMessage('card_close', [])).toBe('');
    expect(t('popup_loading')).toBe('popup_loading');
    expect(uiLanguage()).toBe('en');
  });

  test('the UI language as the browser reports it', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ja');
    expect(uiLanguage()).toBe('ja');
  });
});
