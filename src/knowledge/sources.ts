/**
 * Whether a source page comes from a publisher that stands behind it. The
 * knowledge cites governments, intergovernmental bodies, wire services,
 * newspapers and the English Wikipedia article itself; copies of those pages
 * (mirrors, mobile or Simple English Wikipedia, web archives, staging hosts)
 * and sites that only gather others' work are refused, because a reader who
 * follows the link must land on the publisher's own words.
 */

/** Hosts (and their subdomains) that copy or gather rather than publish. */
const WEAK_HOSTS: readonly string[] = [
  // Wikipedia copies and look-alikes
  'owiki.org', 'wikiwand.com', 'dbpedia.org', 'everybodywiki.com', 'alchetron.com', 'justapedia.org', 'wikizero.com', 'wiki2.org',
  'infogalactic.com', 'wikimili.com', 'thewikipedia.org', 'en-academic.com', 'academic-accelerator.com', 'wikibrief.org', 'wikiless.org',
  'wiki.edu.vn', 'kiwix.org', 'the-wiki.org', 'wikiarabi.org', 'db0nus869y26v.cloudfront.net', 'encyclopedia.pub', 'dictionary.sensagent.com',
  // archives and copies of pages
  'web.archive.org', 'archive.org', 'archive.ph', 'archive.today', 'archive.is', 'archive.li', 'ghostarchive.org',
  // aggregators and content farms
  'news.google.com', 'newsnow.co.uk', 'flipboard.com', 'headtopics.com', 'newsbreak.com', 'ground.news', 'allafrica.com', 'msn.com',
  'pressreader.com', 'muckrack.com', 'newsr.in', 'dailyhunt.in', 'inshorts.com', 'mapsofindia.com', 'mapsofworld.com', 'worldatlas.com',
  'urdupoint.com', 'africandigitaltimes.com', 'ballotpedia.org',
  // personal blogs, which no publisher stands behind
  'blogspot.com', 'wordpress.com', 'medium.com', 'substack.com',
  'ranker.com', 'famousbirthdays.com', 'thefamouspeople.com', 'celebsagewiki.com', 'wikibio.in', 'biographyhost.com',
];

/** Why a source URL is refused, or null when it is acceptable. */
export function weakSource(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'is not a URL';
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  if (/(^|\.)wikipedia\.org$/.test(host)) {
    if (host !== 'en.wikipedia.org') {
      if (host.startsWith('simple.') || host.includes('.simple.') || host === 'simple.m.wikipedia.org') return 'is Simple English Wikipedia; cite the English Wikipedia article or the publisher';
      if (/(^|\.)m\.wikipedia\.org$/.test(host)) return 'is mobile Wikipedia; cite https://en.wikipedia.org/wiki/…';
      return 'is not the English Wikipedia; cite the English article or the publisher';
    }
    return null;
  }
  if (/^(staging|stage|stg|dev|preview|beta|test|uat|qa)[.-]/.test(host) || /[.-](staging|stage|preview)\./.test(host)) return 'is a staging or preview copy of a site';
  const weak = WEAK_HOSTS.find((h) => host === h || host.endsWith(`.${h}`));
  if (weak) return `is a copy or an aggregator (${weak}), not the publisher`;
  return null;
}
