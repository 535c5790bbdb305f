import { describe, expect, test } from 'vitest';
import { dateFromUrl, parseDateText, readArticleDate } from '../../src/page/article-date';

const TODAY = '2026-11-15';

function page(head: string, body = ''): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.head.innerHTML = head;
  d.body.innerHTML = body;
  return d;
}

describe('readArticleDate', () => {
  test('article:published_time keeps the publisher\'s local date', () => {
    const d = page('<meta property="article:published_time" content="2020-11-20T23:30:00-05:00">');
    expect(readArticleDate(d, null, TODAY)).toEqual({ date: '2020-11-20', source: 'meta' });
  });

  test.each([
    ['<meta name="parsely-pub-date" content="2024-03-05T10:00:00Z">', '2024-03-05'],
    ['<meta name="sailthru.date" content="2019-07-01 12:00:00">', '2019-07-01'],
    ['<meta name="DC.date.issued" content="2018-01-31">', '2018-01-31'],
    ['<meta name="pubdate" content="20201120">', '2020-11-20'],
    ['<meta name="date" content="Fri, 20 Nov 2020 06:15:00 GMT">', '2020-11-20'],
    ['<meta itemprop="datePublished" content="2022-02-24">', '2022-02-24'],
    ['<meta property="og:published_time" content="2021/6/9">', '2021-06-09'],
  ])('meta %s', (head, date) => {
    expect(readArticleDate(page(head), null, TODAY)).toEqual({ date, source: 'meta' });
  });

  test('the most specific meta tag wins over a generic one, whatever their order', () => {
    const d = page('<meta name="date" content="2001-01-01"><meta property="article:published_time" content="2020-11-20">');
    expect(readArticleDate(d, null, TODAY).date).toBe('2020-11-20');
  });

  test('JSON-LD datePublished, in @graph, arrays and nested, preferring the Article', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [
      { '@type': 'WebPage', datePublished: '2010-01-01' },
      { '@type': ['NewsArticle'], headline: 'x', datePublished: '2024-10-01T09:00:00+09:00' },
    ] };
    const d = page(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`);
    expect(readArticleDate(d, null, TODAY)).toEqual({ date: '2024-10-01', source: 'json-ld' });
    const arr = page(`<script type="application/ld+json">{ broken</script><script type="application/ld+json">${JSON.stringify([{ '@type': 'Organization' }, { '@type': 'ReportageNewsArticle', datePublished: '2026-01-03' }])}</script>`);
    expect(readArticleDate(arr, null, TODAY)).toEqual({ date: '2026-01-03', source: 'json-ld' });
  });

  test('a <time datetime> in the article header, not a comment\'s', () => {
    const d = page('', '<article><div class="comments"><time datetime="2025-05-05">later</time></div><header><time datetime="2023-04-02T08:00">2 April</time></header></article>');
    expect(readArticleDate(d, null, TODAY)).toEqual({ date: '2023-04-02', source: 'time' });
    const none = page('', '<div><time datetime="2023-04-02">x</time></div>');
    expect(readArticleDate(none, null, TODAY).source).toBe('today');
  });

  test('a date in the URL', () => {
    expect(readArticleDate(page(''), 'https://example.com/world/2020/11/20/china-japan.html', TODAY)).toEqual({ date: '2020-11-20', source: 'url' });
    expect(readArticleDate(page(''), 'https://example.com/news/2024-03-05-story', TODAY)).toEqual({ date: '2024-03-05', source: 'url' });
  });

  test('today when the page says nothing usable', () => {
    const d = page('<meta property="article:published_time" content="not a date"><meta name="date" content="2099-01-01">');
    expect(readArticleDate(d, 'https://example.com/about', TODAY)).toEqual({ date: TODAY, source: 'today' });
  });

  test('meta beats JSON-LD beats time beats URL', () => {
    const all = page('<meta property="article:published_time" content="2020-11-20"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-01"}</script>', '<article><header><time datetime="2022-01-01"></time></header></article>');
    expect(readArticleDate(all, 'https://x.test/2023/01/01/a', TODAY).source).toBe('meta');
    all.querySelector('meta')!.remove();
    expect(readArticleDate(all, 'https://x.test/2023/01/01/a', TODAY)).toEqual({ date: '2021-01-01', source: 'json-ld' });
    all.querySelector('script')!.remove();
    expect(readArticleDate(all, 'https://x.test/2023/01/01/a', TODAY)).toEqual({ date: '2022-01-01', source: 'time' });
    all.querySelector('time')!.remove();
    expect(readArticleDate(all, 'https://x.test/2023/01/01/a', TODAY)).toEqual({ date: '2023-01-01', source: 'url' });
  });
});

describe('parseDateText and dateFromUrl', () => {
  test.each([
    ['2020-11-20', '2020-11-20'], ['November 20, 2020', '2020-11-20'], ['Nov. 20, 2020', '2020-11-20'], ['20th September 2021', '2021-09-20'],
    ['Sept 3, 2021', '2021-09-03'], ['1605852900', '2020-11-20'], ['2020-02-30', null], ['2020-13-01', null], ['yesterday', null], ['2026-11-16', '2026-11-16'], ['2026-11-17', null],
  ])('%s → %s', (raw, want) => {
    expect(parseDateText(raw, TODAY)).toBe(want);
  });

  test('URL forms', () => {
    expect(dateFromUrl('https://x.test/20201120/story', TODAY)).toBe('2020-11-20');
    expect(dateFromUrl('https://x.test/politics/2021/06/story', TODAY)).toBe('2021-06-01');
    expect(dateFromUrl('https://x.test/story-12345678', TODAY)).toBeNull();
    expect(dateFromUrl('not a url', TODAY)).toBeNull();
  });
});
