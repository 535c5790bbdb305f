/**
 * The date an article was published, read from the page: it decides which
 * office a person held in the cards. Publishers state it in many ways; the
 * most deliberate statement wins (meta tags, then JSON-LD, then a <time> in
 * the article's header, then the URL), else today.
 *
 * The date is kept as the publisher wrote it (the local date before any
 * offset): "2020-11-20T23:30:00-05:00" is the 20th where it was published.
 */
import type { DateSource } from '../vocabulary';

export interface ArticleDate {
  date: string;
  source: DateSource;
}

/** Meta tags that carry the publication date, most specific first (matched on name, property or itemprop, any case). */
const META_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article.published', 'datepublished',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dc.date.created',
  'dcterms.created', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'article:published', 'originalpublicationdate',
  'cxenseparse:recs:publishtime',
];
const META_RANK = new Map(META_KEYS.map((k, i) => [k, i]));

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number, today: string): string | null {
  if (!(y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  // A publisher a timezone ahead may already be on tomorrow; later than that is junk or a scheduled placeholder.
  const t = new Date(`${today}T00:00:00Z`);
  if (!Number.isNaN(t.getTime())) {
    t.setUTCDate(t.getUTCDate() + 1);
    if (iso > t.toISOString().slice(0, 10)) return null;
  }
  return iso;
}

/** A calendar date in the forms publishers use: ISO 8601, 2020/11/20, 20201120, "20 Nov 2020", "November 20, 2020". */
export function parseDateText(raw: string, today: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!, today);
  m = /^(\d{4})(\d{2})(\d{2})(?:\b|T|$)/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!, today);
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mon = MONTHS[m[2]!.slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    if (mon) return valid(+m[3]!, mon, +m[1]!, today);
  }
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mon = MONTHS[m[1]!.slice(0, m[1]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    if (mon) return valid(+m[3]!, mon, +m[2]!, today);
  }
  // Seconds or milliseconds since the epoch (some CMSs); read as a UTC date.
  m = /^(\d{10}|\d{13})$/.exec(s);
  if (m) {
    const ms = m[1]!.length === 10 ? +m[1]! * 1000 : +m[1]!;
    const d = new Date(ms);
    return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), today);
  }
  return null;
}

function fromMeta(doc: Document, today: string): string | null {
  let best: { rank: number; date: string } | null = null;
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const rank = META_RANK.get(key);
      if (rank === undefined || (best && best.rank <= rank)) continue;
      const date = parseDateText(el.getAttribute('content') ?? '', today);
      if (date) best = { rank, date };
    }
  }
  return best?.date ?? null;
}

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** datePublished anywhere in the JSON-LD (objects, arrays, @graph), preferring an Article's over a page's or a video's. */
function fromJsonLd(doc: Document, today: string): string | null {
  const found: { article: boolean; date: string }[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const raw = o['datePublished'] ?? o['dateCreated'];
    const text = Array.isArray(raw) ? raw[0] : raw;
    if (typeof text === 'string') {
      const date = parseDateText(text, today);
      if (date) found.push({ article: typesOf(o).some((t) => /Article|BlogPosting|Report/i.test(t)), date });
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'datePublished' && x && typeof x === 'object') visit(x, depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A page's broken JSON-LD says nothing about its date.
    }
  }
  return (found.find((f) => f.article) ?? found[0])?.date ?? null;
}

/** A <time datetime> that dates the article itself: the article's header first, never a comment's timestamp further down. */
function fromTime(doc: Document, today: string): string | null {
  const selectors = [
    'time[pubdate][datetime]', '[itemprop="datePublished"][datetime]', 'article header time[datetime]', 'header time[datetime]',
    'article time[datetime]', 'main time[datetime]',
  ];
  for (const sel of selectors) {
    for (const el of Array.from(doc.querySelectorAll(sel)).slice(0, 3)) {
      if (el.closest('aside, footer, nav, [class*="comment" i], [id*="comment" i]') && !sel.startsWith('time[pubdate]')) continue;
      const date = parseDateText(el.getAttribute('datetime') ?? '', today);
      if (date) return date;
    }
  }
  return null;
}

/** /2020/11/20/, 2020-11-20, /20201120/ or /2020/11/ (read as the 1st) in the path. */
export function dateFromUrl(url: string, today: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!, today);
  m = /(?:^|\/)((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_.-])/.exec(path);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!, today);
  m = /\/((?:19|20)\d{2})\/(\d{1,2})\//.exec(path);
  if (m) return valid(+m[1]!, +m[2]!, 1, today);
  return null;
}

export function readArticleDate(doc: Document, url: string | null, today: string): ArticleDate {
  const tries: [DateSource, () => string | null][] = [
    ['meta', () => fromMeta(doc, today)],
    ['json-ld', () => fromJsonLd(doc, today)],
    ['time', () => fromTime(doc, today)],
    ['url', () => (url ? dateFromUrl(url, today) : null)],
  ];
  for (const [source, read] of tries) {
    let date: string | null = null;
    try {
      date = read();
    } catch {
      date = null;
    }
    if (date) return { date, source };
  }
  return { date: today, source: 'today' };
}

/** Today's date in the reader's own timezone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
