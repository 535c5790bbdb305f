/** Dates and ranges as Backstory writes them, in the reader's language (cards and popup alike). Pure. */

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
