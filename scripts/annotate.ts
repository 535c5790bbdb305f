/**
 * `npm run annotate -- [--date YYYY-MM-DD] FILE`: the mentions Backstory finds
 * in a .txt or .html file, the entities they link to (with the office each
 * person held on the date) and the events the popup would list, as one JSON
 * object on stdout. An .html file is loaded into happy-dom and walked exactly
 * as the content script walks a page.
 *
 * Exit 0 on success; 2 for a missing or unreadable file, an unknown file
 * type or a bad date; 1 when the knowledge has problems (KB_DRAFT=1 to go on).
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { compileMatchIndex } from '../src/knowledge/compile';
import { formatProblem, type Knowledge } from '../src/knowledge/model';
import { findCountry, findPerson, leaderList, relatedEvents, roleOn } from '../src/knowledge/query';
import { IsoDate } from '../src/knowledge/schema';
import { createPageMatcher, type MatchIndex, type Mention, type MentionKind } from '../src/matching';
import { collectBlocks } from '../src/page/walk';
import { localToday, readArticleDate } from '../src/page/article-date';
import { loadKnowledge } from './knowledge-files';

export interface AnnotatedMention {
  start: number;
  end: number;
  text: string;
  entity: string;
  kind: MentionKind;
}

export type AnnotatedEntity =
  | { kind: 'person'; name: string; wikipedia: string; country: string; role: string | null }
  | { kind: 'country'; name: string; iso3: string; leaders: AnnotatedLeader[] };

export interface AnnotatedLeader {
  wikipedia: string;
  name: string;
  /** The office titles that make them a leader on the date, joined ("Prime Minister of X and Minister of Foreign Affairs of X"). */
  title: string;
  roles: string[];
}

export interface Annotation {
  date: string;
  /** The snapshot date: what the knowledge knows goes up to this day. */
  asOf: string;
  mentions: AnnotatedMention[];
  entities: Record<string, AnnotatedEntity>;
  events: { id: string; date: string; title: string; people: string[]; countries: string[] }[];
}

export class UsageError extends Error {}

/** Blocks of a plain-text file: paragraphs separated by blank lines, with their offsets in the file. */
export function textBlocks(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /\r?\n[ \t]*\r?\n/g;
  let start = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    if (end > start) out.push({ text: text.slice(start, end), start });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

/** Mentions in a sequence of blocks, offsets shifted into the whole text. */
function matchBlocks(index: MatchIndex, blocks: { text: string; start: number }[], whole: string): AnnotatedMention[] {
  const matcher = createPageMatcher(index);
  const out: AnnotatedMention[] = [];
  const add = (b: { start: number }, m: Mention) => {
    const start = b.start + m.start;
    const end = b.start + m.end;
    out.push({ start, end, text: whole.slice(start, end), entity: m.entity, kind: m.kind });
  };
  for (const b of blocks) {
    for (const m of matcher.matchBlock(b.text, b)) add(b, m);
    // Surnames written before the full name (a headline above the story), known once it came.
    for (const late of matcher.takeLate()) add(late.block as { start: number }, late.mention);
  }
  return out.sort((a, b) => a.start - b.start);
}

export function annotateText(k: Knowledge, index: MatchIndex, text: string, date: string): Annotation {
  return finish(k, matchBlocks(index, textBlocks(text), text), date);
}

/** An HTML page as the content script reads it: its blocks joined with "\n" are the page text the offsets refer to. */
export function annotateHtml(k: Knowledge, index: MatchIndex, html: string, date: string | null, url: string | null, today: string): Annotation {
  const window = new Window({
    url: url ?? 'https://example.invalid/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true } },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const blocks: { text: string; start: number }[] = [];
    let at = 0;
    for (const b of collectBlocks(doc)) {
      blocks.push({ text: b.text, start: at });
      at += b.text.length + 1;
    }
    const pageText = blocks.map((b) => b.text).join('\n');
    const found = date ?? readArticleDate(doc, url, today).date;
    return finish(k, matchBlocks(index, blocks, pageText), found);
  } finally {
    void window.happyDOM.close();
  }
}

function finish(k: Knowledge, mentions: AnnotatedMention[], date: string): Annotation {
  const entities: Record<string, AnnotatedEntity> = {};
  for (const m of mentions) {
    if (entities[m.entity]) continue;
    const p = findPerson(k, m.entity);
    if (p) {
      entities[m.entity] = { kind: 'person', name: p.name, wikipedia: p.wikipedia, country: p.country, role: roleOn(p, date)?.label ?? null };
      continue;
    }
    const c = findCountry(k, m.entity);
    if (c) {
      const leaders = leaderList(k, c.iso3, date).map((l) => ({
        wikipedia: l.person.wikipedia, name: l.person.name, title: l.offices.map((o) => o.title).join(' and '), roles: l.roles,
      }));
      entities[m.entity] = { kind: 'country', name: c.name, iso3: c.iso3, leaders };
    }
  }
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  const events = relatedEvents(k, Object.keys(entities), date, 20, counts).map((r) => ({
    id: r.event.id,
    date: r.event.start,
    title: r.event.title,
    people: r.event.people,
    countries: r.event.countries,
  }));
  return { date, asOf: k.asOf, mentions, entities, events };
}

export function parseArgs(argv: string[]): { date: string | null; file: string } {
  let date: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--date' || a.startsWith('--date=')) {
      const v = a === '--date' ? argv[++i] : a.slice('--date='.length);
      if (!v || !IsoDate.safeParse(v).success) throw new UsageError(`--date needs a real date written YYYY-MM-DD (got ${v === undefined ? 'nothing' : JSON.stringify(v)})`);
      date = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length ? 'give exactly one FILE' : 'no FILE given');
  return { date, file: files[0]! };
}

function main(argv: string[]): number {
  const usage = 'usage: npm run annotate -- [--date YYYY-MM-DD] FILE   (FILE is .txt or .html)';
  let args: { date: string | null; file: string };
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`annotate: ${e.message}\n${usage}`);
    return 2;
  }
  const ext = extname(args.file).toLowerCase();
  if (!['.txt', '.html', '.htm'].includes(ext)) {
    console.error(`annotate: ${args.file}: unknown file type "${ext || '(none)'}"; give a .txt or .html file\n${usage}`);
    return 2;
  }
  let content: string;
  try {
    content = readFileSync(args.file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    console.error(`annotate: cannot read ${args.file}: ${why}`);
    return 2;
  }
  const { knowledge, problems } = loadKnowledge();
  if (problems.length) {
    const draft = process.env['KB_DRAFT'] === '1';
    console.error(`annotate: the knowledge files have ${problems.length} problem(s)${draft ? ' (KB_DRAFT=1: going on)' : ''}:`);
    for (const p of problems.slice(0, 10)) console.error(`  ${formatProblem(p)}`);
    if (!draft) {
      console.error('Fix them (npm run kb:check), or set KB_DRAFT=1 to annotate with the knowledge as it is.');
      return 1;
    }
  }
  const index = compileMatchIndex(knowledge);
  const today = localToday();
  const result =
    ext === '.txt'
      ? annotateText(knowledge, index, content, args.date ?? today)
      : annotateHtml(knowledge, index, content, args.date, pathToFileURL(resolve(args.file)).href, today);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = main(process.argv.slice(2));
}
