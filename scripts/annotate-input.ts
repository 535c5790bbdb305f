/**
 * What the annotate command reads before it matches anything: the file's
 * bytes turned into text (BOMs, UTF-16 with or without one, binary refused),
 * and, for HTML too deep or too large for happy-dom, the page's blocks read
 * with a streaming tokenizer in the content script's way (src/page/walk.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { Window } from 'happy-dom';
import { INLINE_TAGS, MAX_BLOCK_CHARS, SKIPPED_TAGS } from '../src/page/walk';

/** A failure the command explains in one line: a file it refuses to read, or knowledge it refuses to use. */
export class InputError extends Error {}

/**
 * Past this size an .html file is streamed: happy-dom's document for a 50 MB
 * page did not fit in Node's default heap.
 */
export const LARGE_HTML_BYTES = 4 * 1024 * 1024;

/**
 * Past this nesting depth an .html file is streamed: happy-dom's selector
 * matching recurses once per level and overflowed the stack near 5,000.
 */
export const MAX_HTML_DEPTH = 400;

/**
 * Deeper than this the streamed page is refused: the tokenizer's own stack
 * costs time in proportion to its depth on every element (a file of a
 * million unclosed tags would take hours), and no article comes near it.
 */
export const MAX_STREAM_DEPTH = 10_000;

/** Bytes read per step when streaming; big enough for the encoding sniff to see plenty of text. */
const CHUNK_BYTES = 1024 * 1024;

/** Share of characters that may be control characters or undecodable bytes before a file counts as binary. */
const BINARY_SHARE = 0.1;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** UTF-16 written without a BOM: most ASCII characters leave a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs / 4 && even * 10 <= odd) return 'utf-16le';
  if (even >= pairs / 4 && odd * 10 <= even) return 'utf-16be';
  return null;
}

function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return sniffUtf16(bytes) ?? 'utf-8';
}

/**
 * Bytes to text, chunk by chunk: the encoding is decided from the first chunk
 * (TextDecoder drops the BOM), and the text is checked for the marks of a
 * binary file as it goes, so that a huge binary file is refused early.
 */
export class TextInput {
  private decoder: TextDecoder | null = null;
  private chars = 0;
  private controls = 0;
  private invalid = 0;

  constructor(private readonly name: string) {}

  push(bytes: Uint8Array): string {
    this.decoder ??= new TextDecoder(encodingOf(bytes));
    return this.check(this.decoder.decode(bytes, { stream: true }), false);
  }

  end(): string {
    return this.check(this.decoder ? this.decoder.decode() : '', true);
  }

  private check(text: string, last: boolean): string {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0) throw new InputError(`${this.name} looks like a binary file (it has NUL bytes); give a text or HTML file`);
      // Tab, line feed, vertical tab, form feed and carriage return are text.
      if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) this.controls++;
      else if (c === 0xfffd) this.invalid++;
    }
    this.chars += text.length;
    // Judged once there is enough text to judge by, then on every chunk: a binary file fails on its first megabyte.
    if ((last || this.chars >= 4096) && (this.controls + this.invalid) > this.chars * BINARY_SHARE) {
      const share = Math.round((100 * (this.controls + this.invalid)) / this.chars);
      const what = this.controls >= this.invalid ? 'control characters' : 'bytes that are not valid UTF-8 or UTF-16';
      throw new InputError(`${this.name} looks like a binary file (${share}% of it is ${what}); give a text or HTML file`);
    }
    return text;
  }
}

/** A whole file's bytes as text (see TextInput). */
export function decodeText(bytes: Uint8Array, name: string): string {
  const input = new TextInput(name);
  return input.push(bytes) + input.end();
}

/** A file's text a chunk at a time, read synchronously so that memory holds one chunk. */
export function* readTextChunks(path: string, name: string, chunkBytes = CHUNK_BYTES): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const input = new TextInput(name);
    const buf = Buffer.alloc(chunkBytes);
    for (let n = readSync(fd, buf, 0, chunkBytes, null); n > 0; n = readSync(fd, buf, 0, chunkBytes, null)) {
      const text = input.push(buf.subarray(0, n));
      if (text) yield text;
    }
    const tail = input.end();
    if (tail) yield tail;
  } finally {
    closeSync(fd);
  }
}

/**
 * The deepest nesting of elements in a page, counted by the tokenizer (which
 * closes what HTML closes implicitly), without recursion; it stops counting
 * past `stopAt`, which is all a caller deciding on a path needs to know.
 */
export function nestingDepth(html: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  const deep = new Error('deep');
  const parser = new Parser(
    {
      onopentagname() {
        if (++depth > max) max = depth;
        if (max > stopAt) throw deep;
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (e) {
    if (e !== deep) throw e;
  }
  return max;
}

type Attrs = Record<string, string>;

/** An element kept for reading the article's date, with the ancestors that decide whether it dates the article (see article-date.ts fromTime). */
interface DatedElement {
  tag: string;
  attrs: Attrs;
  ancestors: { tag: string; attrs: Attrs }[];
}

/** What the article date is read from, gathered while streaming: a few small elements, never the page. */
export interface DateHints {
  metas: Attrs[];
  jsonLd: string[];
  dated: DatedElement[];
}

/** Enough of each kind for any real page; a page with more is not worth the memory. */
const MAX_HINTS = 1000;
const MAX_JSON_LD_CHARS = 4 * 1024 * 1024;
const MAX_DATE_ANCESTORS = 32;
/** The ancestors fromTime looks at: the article's frame, and the parts that are never the article's own date. */
const DATE_CONTEXT_TAGS = new Set(['article', 'header', 'main', 'aside', 'footer', 'nav']);

function pick(attrs: Attrs, names: readonly string[]): Attrs {
  const out: Attrs = {};
  for (const n of names) if (attrs[n] !== undefined) out[n] = attrs[n];
  return out;
}

function dateContext(tag: string, attrs: Attrs): boolean {
  return DATE_CONTEXT_TAGS.has(tag) || /comment/i.test(attrs['class'] ?? '') || /comment/i.test(attrs['id'] ?? '');
}

/**
 * A flow subtree the walk has not decided on yet: the content script reads it
 * whole when nothing in it ends a block (and its text is short enough), else
 * part by part; which one is known only at its end tag.
 */
interface Pending {
  children: (string | Pending)[];
  length: number;
}

interface Frame {
  tag: string;
  /** Ends a block where it opens and closes. */
  block: boolean;
  /** Inside a subtree the walk never reads. */
  skipped: boolean;
  /** Set while the subtree is undecided (see Pending); null once the walk reads it part by part. */
  pending: Pending | null;
  /** Pushed on the date-context stack. */
  context: boolean;
  /** A JSON-LD script whose text is kept. */
  jsonLd: boolean;
}

/**
 * Reads a page's blocks as BlockCursor (src/page/walk.ts) does, from a stream
 * of HTML text: block elements end a block, skipped and editable subtrees are
 * left out, a subtree with nothing that ends a block is one part, and a block
 * is cut between parts once it reaches MAX_BLOCK_CHARS. Each block is handed
 * to `onBlock` and let go; what is kept is the open elements and the current
 * block. Returns what the article date may be read from.
 */
export function streamBlocks(chunks: Iterable<string>, onBlock: (text: string) => void, name = 'the page'): DateHints {
  const hints: DateHints = { metas: [], jsonLd: [], dated: [] };
  let jsonLdChars = 0;
  const stack: Frame[] = [];
  const contexts: { tag: string; attrs: Attrs }[] = [];

  let block = '';
  let boundary = false;
  const take = () => {
    if (block && /\S/.test(block)) onBlock(block);
    block = '';
  };
  const append = (text: string) => {
    if (!text) return;
    if (boundary) take();
    boundary = false;
    block += text;
    if (block.length >= MAX_BLOCK_CHARS) boundary = true;
  };
  /** A decided subtree's parts, in order: whole if short enough, else its children (iteratively: inline nesting may be deep). */
  const appendParts = (root: Pending) => {
    const todo: (string | Pending)[] = [root];
    while (todo.length) {
      const p = todo.pop()!;
      if (typeof p === 'string') append(p);
      else if (p.length < MAX_BLOCK_CHARS) append(p.children.length === 1 && typeof p.children[0] === 'string' ? p.children[0] : flatten(p));
      else for (let i = p.children.length - 1; i >= 0; i--) todo.push(p.children[i]!);
    }
  };

  // Text arrives in pieces (chunks, entities); one DOM text node is everything between two tags or comments.
  let text = '';
  const endText = () => {
    if (!text) return;
    const t = text;
    text = '';
    const top = stack[stack.length - 1];
    if (top?.skipped) return;
    if (top?.pending) {
      top.pending.children.push(t);
      top.pending.length += t.length;
    } else {
      append(t);
    }
  };

  /** Something that ends a block opened inside undecided subtrees: the walk reads each of them part by part after all. */
  const decide = () => {
    let first = stack.length;
    while (first > 0 && stack[first - 1]!.pending) first--;
    for (let i = first; i < stack.length; i++) {
      const f = stack[i]!;
      const p = f.pending!;
      f.pending = null;
      // The last child of each is the next frame's subtree, still open: it is read as the walk goes on.
      const done = i + 1 < stack.length ? p.children.slice(0, -1) : p.children;
      for (const c of done) appendParts(typeof c === 'string' ? { children: [c], length: c.length } : c);
    }
  };

  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        endText();
        if (stack.length >= MAX_STREAM_DEPTH) throw new InputError(`${name} nests elements more than ${MAX_STREAM_DEPTH.toLocaleString('en')} deep; no page to read is`);
        const parent = stack[stack.length - 1];
        const inSkipped = parent?.skipped ?? false;
        const frame: Frame = { tag, block: !INLINE_TAGS.has(tag), skipped: inSkipped, pending: null, context: false, jsonLd: false };
        if (tag === 'meta' && attrs['content'] !== undefined && hints.metas.length < MAX_HINTS) {
          hints.metas.push(pick(attrs, ['name', 'property', 'itemprop', 'content']));
        } else if (tag === 'script' && /^\s*application\/ld\+json\s*$/i.test(attrs['type'] ?? '') && hints.jsonLd.length < MAX_HINTS) {
          frame.jsonLd = true;
          hints.jsonLd.push('');
        }
        if (attrs['datetime'] !== undefined && (tag === 'time' || attrs['itemprop'] !== undefined) && hints.dated.length < MAX_HINTS) {
          hints.dated.push({ tag, attrs: pick(attrs, ['datetime', 'pubdate', 'itemprop', 'class', 'id']), ancestors: contexts.slice(-MAX_DATE_ANCESTORS) });
        }
        if (dateContext(tag, attrs)) {
          frame.context = true;
          contexts.push({ tag, attrs: pick(attrs, ['class', 'id']) });
        }
        if (!inSkipped) {
          const editable = attrs['contenteditable'] !== undefined;
          // The content script's test for "nothing in it ends a block": any non-inline element, or any contenteditable.
          if (parent?.pending && (frame.block || editable)) decide();
          if (parent?.pending) {
            frame.pending = { children: [], length: 0 };
            parent.pending.children.push(frame.pending);
          } else if (SKIPPED_TAGS.has(tag) || (editable && attrs['contenteditable']!.toLowerCase() !== 'false')) {
            frame.skipped = true;
            boundary = true;
          } else {
            if (frame.block) boundary = true;
            frame.pending = { children: [], length: 0 };
          }
        }
        stack.push(frame);
      },
      ontext(data) {
        const top = stack[stack.length - 1];
        if (top?.jsonLd) {
          if (jsonLdChars + data.length <= MAX_JSON_LD_CHARS) {
            hints.jsonLd[hints.jsonLd.length - 1] += data;
            jsonLdChars += data.length;
          }
          return;
        }
        if (!top?.skipped) text += data;
      },
      oncomment() {
        endText();
      },
      onclosetag() {
        endText();
        const f = stack.pop();
        if (!f) return;
        if (f.context) contexts.pop();
        if (f.skipped) return;
        const parent = stack[stack.length - 1];
        if (f.pending && parent?.pending) {
          parent.pending.length += f.pending.length;
        } else if (f.pending) {
          appendParts(f.pending);
        }
        if (f.block) boundary = true;
      },
    },
    { decodeEntities: true },
  );
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  endText();
  take();
  return hints;
}

/** A pending subtree's text, without recursion. */
function flatten(p: Pending): string {
  const parts: string[] = [];
  const todo: (string | Pending)[] = [p];
  while (todo.length) {
    const x = todo.pop()!;
    if (typeof x === 'string') parts.push(x);
    else for (let i = x.children.length - 1; i >= 0; i--) todo.push(x.children[i]!);
  }
  return parts.join('');
}

/**
 * A small document holding only the elements the date is read from, in page
 * order and under the ancestors that matter, so that readArticleDate reads it
 * as it would the whole page. Built with DOM calls, not markup, so that no
 * parser rearranges it.
 */
export function dateDocument(window: Window, hints: DateHints): Document {
  const doc = window.document as unknown as Document;
  const make = (tag: string, attrs: Attrs): Element | null => {
    try {
      const el = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      return el;
    } catch {
      // A tag or attribute name the DOM refuses cannot be what dates the page.
      return null;
    }
  };
  for (const m of hints.metas) {
    const el = make('meta', m);
    if (el) doc.head.appendChild(el);
  }
  for (const json of hints.jsonLd) {
    const el = make('script', { type: 'application/ld+json' });
    if (!el) continue;
    el.textContent = json;
    doc.head.appendChild(el);
  }
  for (const d of hints.dated) {
    let parent: Element = doc.body;
    for (const a of d.ancestors) {
      const el = make(a.tag, a.attrs);
      if (!el) continue;
      parent.appendChild(el);
      parent = el;
    }
    const el = make(d.tag, d.attrs);
    if (el) parent.appendChild(el);
  }
  return doc;
}
