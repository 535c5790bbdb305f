/**
 * Whether the extension that started this script is still installed and
 * running. After a reload, update or removal the old content script lives on
 * in open pages with a dead context; this is how it finds out.
 */
import { browser } from 'wxt/browser';

export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}
