/**
 * `npm run annotate -- [--date YYYY-MM-DD] FILE`: the mentions Backstory finds
 * in a .txt or .html file, the entities they link to (with the office each
 * person held on the date) and the events the popup would list, as one JSON
 * object on stdout. An .html file is loaded into happy-dom and walked exactly
 * as the content script walks a page; one too large or too deeply nested for
 * happy-dom is streamed through a tokenizer and walked the same way
 * (annotate-input.ts).
 *
 * Exit 0 on success (and for --help); 2 for any failure: a missing,
 * unreadable or binary file, an unknown file type, a bad date, knowledge with
 * problems (KB_DRAFT=1 to go on), or anything unforeseen. A failure writes one
 * line on stderr and nothing on stdout, which carries only the JSON.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { compileMatchIndex } from '../src/knowledge/compile';
import type { Knowledge } from '../src/knowledge/model';
import { findCountry, findOrganisation, findPerson, leaderList, membersOn, organisationLeaders, relatedEvents, roleOn } from '../src/knowledge/query';
import { IsoDate } from '../src/knowledge/schema';
import { createPageMatcher, type MatchIndex, type Mention, type MentionKind } from '../src/matching';
import { collectBlocks } from '../src/page/walk';
import { localToday, readArticleDate } from '../src/page/article-date';
import { loadKnowledge } from './knowledge-files';
import { dateDocument, decodeText, InputError, LARGE_HTML_BYTES, MAX_HTML_DEPTH, nestingDepth, readTextChunks, streamBlocks } from './annotate-input';

export interface AnnotatedMention {
  start: number;
  end: number;
  text: string;
  entity: string;
  kind: MentionKind;
}

export type AnnotatedEntity =
  | { kind: 'person'; name: string; wikipedia: string; country: string; role: string | null }
  | { kind: 'country'; name: string; iso3: string; leaders: AnnotatedLeader[] }
  /** members: the member states (ISO3) on the date; leaders: who held each of its offices then. */
  | { kind: 'organisation'; name: string; wikipedia: string; members: string[]; leaders: AnnotatedLeader[] };

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

/** The days the knowledge and the date arithmetic are meant for; a date outside them is a typo or junk. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2100-12-31';

export function dateInRange(date: string): boolean {
  return date >= FIRST_DATE && date <= LAST_DATE;
}

const HAPPY_DOM_SETTINGS = {
  disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true },
};

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

/**
 * An HTML page as the content script reads it: its blocks joined with "\n" are the page text the offsets refer to.
 * A page too large or too deeply nested for happy-dom is streamed instead (annotateHtmlStream).
 */
export function annotateHtml(k: Knowledge, index: MatchIndex, html: string, date: string | null, url: string | null, today: string, name?: string): Annotation {
  if (html.length > LARGE_HTML_BYTES || nestingDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) return annotateHtmlStream(k, index, [html], date, url, today, name);
  const window = new Window({ url: url ?? 'https://example.invalid/', settings: HAPPY_DOM_SETTINGS });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const blocks: { text: string; start: number }[] = [];
    let at = 0;
    for (const b of collectBlocks(doc)) {
      blocks.push({ text: b.text, start: at });
      at += b.text.length + 1;
    }
    const pageText = blocks.map((b) => b.text).join('\n');
    return finish(k, matchBlocks(index, blocks, pageText), date ?? pageDate(doc, url, today));
  } finally {
    void window.happyDOM.close();
  }
}

/** The page's own date; one outside the supported range is treated as no date. */
function pageDate(doc: Document, url: string | null, today: string): string {
  const found = readArticleDate(doc, url, today).date;
  return dateInRange(found) ? found : today;
}

/**
 * The same as annotateHtml for a page given as a stream of text: blocks are
 * matched as they are read and let go, so memory holds the open elements, one
 * block and the mentions; never the document or the page text.
 */
export function annotateHtmlStream(
  k: Knowledge, index: MatchIndex, chunks: Iterable<string>, date: string | null, url: string | null, today: string, name?: string,
): Annotation {
  const matcher = createPageMatcher(index);
  const mentions: AnnotatedMention[] = [];
  const add = (start: number, m: Mention, text: string) => {
    mentions.push({ start: start + m.start, end: start + m.end, text, entity: m.entity, kind: m.kind });
  };
  let at = 0;
  const hints = streamBlocks(chunks, (text) => {
    // The handle given back with late mentions: where its block starts, not its text.
    const block = { start: at };
    for (const m of matcher.matchBlock(text, block)) add(at, m, text.slice(m.start, m.end));
    for (const late of matcher.takeLate()) add((late.block as { start: number }).start, late.mention, late.text);
    at += text.length + 1;
  }, name);
  mentions.sort((a, b) => a.start - b.start);
  let found = date;
  if (!found) {
    const window = new Window({ url: url ?? 'https://example.invalid/', settings: HAPPY_DOM_SETTINGS });
    try {
      found = pageDate(dateDocument(window, hints), url, today);
    } finally {
      void window.happyDOM.close();
    }
  }
  return finish(k, mentions, found);
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
      continue;
    }
    const o = findOrganisation(k, m.entity);
    if (o) {
      const leaders = organisationLeaders(k, o.wikipedia, date).map((h) => ({
        wikipedia: h.person.wikipedia, name: h.person.name, title: h.office.title, roles: h.office.roles,
      }));
      entities[m.entity] = { kind: 'organisation', name: o.name, wikipedia: o.wikipedia, members: membersOn(o, date).members, leaders };
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

export const USAGE = `usage: npm run -s annotate -- [--date YYYY-MM-DD] FILE

Prints, as one JSON object on stdout, the mentions Backstory finds in FILE
(a .txt, .html or .htm file; UTF-8, or UTF-16 with or without a BOM), the
entities they link to and the events the popup would list.

  --date YYYY-MM-DD  the date roles and events are read on (${FIRST_DATE}..${LAST_DATE});
                     default: the page's own date for HTML, else today
  -h, --help         print this help and exit

Exit status: 0 on success; 2 on any failure, with one line on stderr.
KB_DRAFT=1 annotates even when the knowledge files have problems.
`;

export function parseArgs(argv: string[]): { date: string | null; file: string; help?: true } {
  let date: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { date: null, file: '', help: true };
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--date' || a.startsWith('--date=')) {
      const v = a === '--date' ? argv[++i] : a.slice('--date='.length);
      if (!v || !IsoDate.safeParse(v).success) throw new UsageError(`--date needs a real date written YYYY-MM-DD (got ${v === undefined ? 'nothing' : JSON.stringify(v)})`);
      if (!dateInRange(v)) throw new UsageError(`--date must lie between ${FIRST_DATE} and ${LAST_DATE} (got ${v})`);
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

export interface CliDeps {
  loadKnowledge: typeof loadKnowledge;
  today: () => string;
}

/**
 * The command: its exit code, with the JSON on stdout or one line on stderr.
 * Everything is caught here, so no failure ever prints a stack trace.
 */
export function runCli(argv: string[], deps: CliDeps = { loadKnowledge, today: () => localToday() }): number {
  try {
    return main(argv, deps);
  } catch (e) {
    const why = e instanceof UsageError ? `${e.message} (--help for usage)` : e instanceof InputError ? e.message : `failed: ${oneLine(e)}`;
    process.stderr.write(`annotate: ${why}\n`);
    return 2;
  }
}

function oneLine(e: unknown): string {
  const msg = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return msg.replace(/\s+/g, ' ').trim() || 'unknown error';
}

function main(argv: string[], deps: CliDeps): number {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const ext = extname(args.file).toLowerCase();
  if (!['.txt', '.html', '.htm'].includes(ext)) throw new UsageError(`${args.file}: unknown file type "${ext || '(none)'}"; give a .txt or .html file`);
  let content: string | null = null;
  try {
    // A large page is streamed from the file later: reading it whole is what ran out of memory.
    const stat = statSync(args.file);
    const large = ext !== '.txt' && stat.isFile() && stat.size > LARGE_HTML_BYTES;
    if (!large) content = decodeText(readFileSync(args.file), args.file);
    else accessSync(args.file, constants.R_OK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : oneLine(e);
    throw new InputError(`cannot read ${args.file}: ${why}`);
  }
  const { knowledge, problems } = deps.loadKnowledge();
  if (problems.length) {
    const draft = process.env['KB_DRAFT'] === '1';
    const what = `the knowledge files have ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    if (!draft) throw new InputError(`${what}; npm run kb:check lists them (KB_DRAFT=1 annotates with the knowledge as it is)`);
    process.stderr.write(`annotate: ${what} (KB_DRAFT=1: going on; npm run kb:check lists them)\n`);
  }
  const index = compileMatchIndex(knowledge);
  const today = deps.today();
  const url = pathToFileURL(resolve(args.file)).href;
  const result =
    ext === '.txt'
      ? annotateText(knowledge, index, content!, args.date ?? today)
      : content === null
        ? annotateHtmlStream(knowledge, index, readTextChunks(args.file, args.file), args.date, url, today, args.file)
        : annotateHtml(knowledge, index, content, args.date, url, today, args.file);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

/** Last resort for what escapes runCli (an error thrown later, from a timer or a promise): still one line and exit 2. */
function fatal(e: unknown): void {
  process.stderr.write(`annotate: failed: ${oneLine(e)}\n`);
  process.exit(2);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  process.exitCode = runCli(process.argv.slice(2));
}
