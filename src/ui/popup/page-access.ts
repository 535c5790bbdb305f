/**
 * Whether the browser lets an extension's content script run in a tab, judged
 * from its URL: browser pages, other extensions and the extension stores are
 * closed to every extension.
 */
const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'microsoftedge.microsoft.com', 'addons.mozilla.org', 'addons.opera.com'];
const STORE_PATHS: Record<string, RegExp> = { 'chrome.google.com': /^\/webstore/ };

export type PageAccess = 'scriptable' | 'closed';

/** An undefined URL means the browser hid it from us: a page the extension cannot touch. */
export function pageAccess(url: string | undefined): PageAccess {
  if (!url) return 'closed';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'closed';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'closed';
  const host = u.hostname.toLowerCase();
  if (STORE_HOSTS.includes(host)) {
    const path = STORE_PATHS[host];
    if (!path || path.test(u.pathname)) return 'closed';
  }
  return 'scriptable';
}
