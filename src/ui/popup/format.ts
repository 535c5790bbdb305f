/** Dates, ranges and source links as the popup writes them, in the reader's language. Pure. */
import type { DateSource } from '../../platform/messages';
import type { MessageKey } from '../../platform/i18n';

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: string): Intl.DateTimeFormat {
  let f = formats.get(language);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
    }
    formats.set(language, f);
  }
  return f;
}

/** "Nov 20, 2020" / "2020/11/20"; the input unchanged if it is not a date. */
export function formatDate(date: string, language: string): string {
  const d = utc(date);
  return Number.isNaN(d.getTime()) ? date : dateFormat(language).format(d);
}

/** "Nov 24 – 25, 2020" for an event spanning days, one date otherwise. */
export function formatRange(start: string, end: string, language: string): string {
  if (!end || end === start) return formatDate(start, language);
  const a = utc(start);
  const b = utc(end);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()) || b < a) return formatDate(start, language);
  return dateFormat(language).formatRange(a, b);
}

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
