/** Dates, ranges and source links as the popup writes them, in the reader's language. Pure. */
import type { DateSource } from '../../vocabulary';
import type { MessageKey } from '../../vocabulary';

export { formatDate, formatRange } from '../dates';

/** The site a source link points to, for a short label: "reuters.com". */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Only web links are followed from the popup; anything else is shown as text. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export const DATE_SOURCE_KEY: Record<DateSource, MessageKey> = {
  meta: 'popup_date_source_meta',
  'json-ld': 'popup_date_source_json_ld',
  time: 'popup_date_source_time',
  url: 'popup_date_source_url',
  today: 'popup_date_source_today',
};

/** Today in the reader's time zone, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
