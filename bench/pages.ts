/**
 * Generated pages of the three shapes the issue measures: an ordinary news
 * article, 1 MB of article text, and 200,000 small nodes. Deterministic (a
 * seeded PRNG), with real aliases from the index planted in filler prose so
 * every contender has the same mentions to find.
 */

export interface GeneratedPage {
  name: string;
  html: string;
  /** Alias occurrences planted in the page (an upper bound of what a matcher should report). */
  planted: number;
  /** Characters of body text (sum of text node lengths), approximate. */
  textChars: number;
}

/** mulberry32: a small seeded generator, so generated pages are the same in every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `the of and to in a that for on with as was said by at from it be has have would will its after
about more than which who had been were their they but not this also year new over government minister talks
week officials state people last first two could there when into them while other some before under meeting
agreement trade security economic policy president visit foreign told reporters statement month since against
between during would plans support leaders summit region talks deal country national public spokesman agency
report expected according however further group military defence energy prices market growth election vote
parliament party coalition opposition court ruling law budget talks border crisis conflict ceasefire troops
sanctions exports imports tariffs investment bank currency inflation rates shares index analysts forecast data
officials ministry embassy delegation envoy allies partners relations cooperation dialogue pressure concerns
issue question answer press conference briefing release document proposal draft plan framework measures steps
climate emissions vaccine health hospital schools students workers union strike protest police arrests city
capital province district village farmers crops harvest rain storm flood drought fire power grid supply chain
shipping port container cargo oil gas pipeline nuclear missile launch test satellite space mission research`
  .split(/\s+/)
  .filter(Boolean);

export interface Vocabulary {
  words: string[];
  mentions: string[];
}

/**
 * Filler words that are not aliases in any capitalisation, and the aliases a
 * news story would plausibly contain (Latin script, capitalised: "Wang Yi",
 * "Japan", "Chinese", "Beijing").
 */
export function vocabulary(aliases: readonly string[]): Vocabulary {
  const lower = new Set(aliases.map((a) => a.toLowerCase()));
  const words = [...new Set(WORDS)].filter((w) => !lower.has(w));
  const mentions = aliases.filter((a) => /^[A-Z][A-Za-z .'’-]{2,40}$/.test(a) && !a.endsWith(' '));
  if (mentions.length < 10) throw new Error('too few usable aliases to plant');
  return { words, mentions };
}

class Writer {
  planted = 0;
  textChars = 0;
  constructor(
    readonly r: () => number,
    private readonly v: Vocabulary,
  ) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)]!;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }

  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(this.v.words));
    return out.join(' ');
  }

  mention(): string {
    this.planted++;
    return this.pick(this.v.mentions);
  }

  /** Plain text; counted. */
  t(s: string): string {
    this.textChars += s.length;
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  }

  /** A sentence of `n` words with `m` mentions at random places. */
  sentence(n: number, m: number): string {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(this.pick(this.v.words));
    for (let i = 0; i < m; i++) parts.splice(this.int(1, parts.length), 0, this.mention());
    const s = parts.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  }

  /**
   * A paragraph of about `chars` characters with `mentions` planted and
   * `inline` inline elements (links, emphasis) cutting the text into nodes.
   */
  paragraph(chars: number, mentions: number, inline: number): string {
    const sentences: string[] = [];
    let len = 0;
    let left = mentions;
    while (len < chars) {
      const m = left > 0 && (this.r() < 0.6 || chars - len < 120) ? 1 : 0;
      left -= m;
      const s = this.sentence(this.int(8, 18), m);
      sentences.push(s);
      len += s.length + 1;
    }
    while (left-- > 0) sentences.push(this.sentence(6, 1));
    const text = sentences.join(' ');
    // Cut the text at word boundaries into `inline` inline elements and the runs between them.
    const cuts: number[] = [];
    for (let i = 0; i < inline * 2; i++) {
      const at = text.indexOf(' ', this.int(0, text.length - 1));
      if (at > 0) cuts.push(at);
    }
    cuts.sort((a, b) => a - b);
    const uniq = [...new Set(cuts)];
    let html = '';
    let prev = 0;
    const tags = ['a href="#"', 'em', 'b', 'span class="x"'];
    for (let i = 0; i + 1 < uniq.length; i += 2) {
      const [a, b] = [uniq[i]!, uniq[i + 1]!];
      if (b - a < 3) continue;
      const tag = this.pick(tags);
      html += this.t(text.slice(prev, a + 1)) + `<${tag}>` + this.t(text.slice(a + 1, b)) + `</${tag.split(' ')[0]}>`;
      prev = b;
    }
    html += this.t(text.slice(prev));
    return html;
  }
}

const HEAD = (title: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<meta property="article:published_time" content="2020-11-20T06:15:00Z">` +
  `<style>body{font:16px/1.5 Georgia,serif;margin:0 auto;max-width:960px;color:#222}nav a,footer a{margin-right:.6em}` +
  `.row{display:flex;gap:.5em}.who{font-weight:bold}.t{color:#888}</style></head>\n<body>\n`;

function chrome(w: Writer, links: number): string {
  let html = '<header><a href="/">World News</a>\n<nav><ul>\n';
  for (let i = 0; i < links; i++) html += `<li><a href="#">${w.t(w.words(w.int(1, 2)))}</a></li>\n`;
  return html + '</ul></nav></header>\n';
}

function footer(w: Writer, links: number): string {
  let html = '<footer><ul>\n';
  for (let i = 0; i < links; i++) html += `<li><a href="#">${w.t(w.words(w.int(1, 3)))}</a></li>\n`;
  return html + '</ul><p>' + w.t('© 2020 World News. All rights reserved.') + '</p></footer>\n';
}

/** An ordinary article: ~8 KB of story text in ~1,600 nodes with the navigation, sidebar and footer a news site has. */
export function articlePage(v: Vocabulary, seed = 1): GeneratedPage {
  const w = new Writer(rng(seed), v);
  let html = HEAD('Wang Yi heads to Tokyo and Seoul') + chrome(w, 120);
  html += '<main><article>\n<h1>' + w.t(w.sentence(9, 1)) + '</h1>\n';
  html += '<p class="byline">By <a href="#">Staff Reporter</a> · <time datetime="2020-11-20">November 20, 2020</time></p>\n';
  for (let i = 0; i < 14; i++) {
    html += `<p>${w.paragraph(480, 3, 3)}</p>\n`;
    if (i % 5 === 4) html += `<h2>${w.t(w.words(5))}</h2>\n`;
  }
  html += '</article>\n<aside><h3>Most read</h3><ol>\n';
  for (let i = 0; i < 40; i++) html += `<li><a href="#"><span>${w.t(w.words(w.int(4, 8)))}</span></a> <time>${w.int(1, 59)} min</time></li>\n`;
  html += '</ol></aside></main>\n' + footer(w, 200);
  return { name: 'article', html: html + '</body></html>\n', planted: w.planted, textChars: w.textChars };
}

/** Article text of about `bytes` characters: a feed of stories, one mention per ~200 characters, ~17 characters per node. */
export function bigTextPage(v: Vocabulary, bytes = 1_000_000, seed = 2, name?: string): GeneratedPage {
  const w = new Writer(rng(seed), v);
  let html = HEAD('Live: world news') + chrome(w, 40) + '<main>\n';
  while (w.textChars < bytes) {
    html += `<article><h2>${w.t(w.sentence(7, 0))}</h2>\n`;
    const n = w.int(4, 9);
    for (let i = 0; i < n && w.textChars < bytes; i++) html += `<p>${w.paragraph(175, w.r() < 0.15 ? 2 : 1, 4)}</p>\n`;
    html += '</article>\n';
  }
  html += '</main>\n' + footer(w, 40);
  const label = bytes >= 1_000_000 ? `${bytes / 1_000_000}mb` : `${bytes / 1000}kb`;
  return { name: name ?? `text-${label}`, html: html + '</body></html>\n', planted: w.planted, textChars: w.textChars };
}

/** About `nodes` DOM nodes of short text: a long comment/data feed, a mention in roughly every fourth row. */
export function manyNodesPage(v: Vocabulary, nodes = 200_000, seed = 3): GeneratedPage {
  const w = new Writer(rng(seed), v);
  let html = HEAD('Comments') + '<main><div id="feed">\n';
  // Each row is 9 nodes: the row div, three spans, their three texts, one separator text, the newline after it.
  const rows = Math.round(nodes / 9);
  for (let i = 0; i < rows; i++) {
    const text = w.r() < 0.3 ? w.sentence(w.int(2, 5), 1) : w.sentence(w.int(3, 7), 0);
    html += `<div class="row"><span class="who">${w.t(w.words(2))}</span> <span class="t">${w.t(`${w.int(0, 23)}:${w.int(10, 59)}`)}</span><span class="m">${w.t(text)}</span></div>\n`;
  }
  html += '</div></main>\n';
  return { name: `nodes-${Math.round(nodes / 1000)}k`, html: html + '</body></html>\n', planted: w.planted, textChars: w.textChars };
}

/**
 * A transcript of `lines` lines cut by <br> inside one <div>, three or so mentions a line: every line's text node
 * has the same element, so a limit that judged nearness by element registered every mention of the page.
 */
export function brTranscriptPage(v: Vocabulary, lines = 20_000, seed = 5): GeneratedPage {
  const w = new Writer(rng(seed), v);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(w.t(`${w.int(0, 23)}:${w.int(10, 59)} ${w.sentence(w.int(6, 12), 3)}`));
  const html = HEAD('Transcript') + `<main><div id="transcript">\n${out.join('<br>\n')}\n</div></main>\n`;
  return { name: `br-transcript-${Math.round(lines / 1000)}k`, html: html + '</body></html>\n', planted: w.planted, textChars: w.textChars };
}

/** One paragraph, one text node, naming "the U.S." `times` times: one block the walk cannot cut between nodes. */
export function oneNodePage(times = 100_000): GeneratedPage {
  const sentence = 'Talks with the U.S. went on. ';
  const html = HEAD('One node') + `<main><p>${sentence.repeat(times)}</p></main>\n`;
  return { name: `one-node-${Math.round(times / 1000)}k`, html: html + '</body></html>\n', planted: times, textChars: sentence.length * times };
}
