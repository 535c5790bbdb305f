/**
 * The annotate command as a process: --help, deep and huge pages, encodings,
 * binary files, dates out of range and broken knowledge. Whatever happens,
 * stdout holds the JSON or nothing, and a failure is exit code 2 with exactly
 * one line on stderr.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Annotation } from '../../scripts/annotate';
import { GOLD_DIR } from './annotate-gold';

const ROOT = join(import.meta.dirname, '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'annotate-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function node(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const cli = (args: string[], env?: Record<string, string>) => node(['--import', 'tsx', 'scripts/annotate.ts', ...args], env);

/** runCli in a process of its own, with the knowledge loader replaced by `loader` (a JS expression; `real` is the real one). */
const cliWithKnowledge = (loader: string, args: string[], env?: Record<string, string>) =>
  node(
    [
      '--import', 'tsx', '--input-type=module', '-e',
      `const { runCli } = await import('./scripts/annotate.ts');
       const { loadKnowledge: real } = await import('./scripts/knowledge-files.ts');
       const { localToday } = await import('./src/page/article-date.ts');
       process.exitCode = runCli(${JSON.stringify(args)}, { loadKnowledge: ${loader}, today: () => localToday() });`,
    ],
    env,
  );

function expectFailure(o: Outcome, message: RegExp) {
  expect(o.code, o.stderr).toBe(2);
  expect(o.stdout).toBe('');
  expect(o.stderr.split('\n')).toEqual([expect.stringMatching(/^annotate: /), '']);
  expect(o.stderr).toMatch(message);
}

function tmpFile(name: string, content: string | Buffer): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}

describe('help', () => {
  test('--help and -h print the usage on stdout and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const o = await cli([flag]);
      expect(o.code, flag).toBe(0);
      expect(o.stderr).toBe('');
      expect(o.stdout).toMatch(/^usage: npm run -s annotate -- \[--date YYYY-MM-DD\] FILE\n/);
      expect(o.stdout).toMatch(/--date YYYY-MM-DD/);
    }
    // Help wins over whatever else is on the line.
    expect((await cli(['nonsense.pdf', '-h'])).code).toBe(0);
  }, 60_000);
});

describe('pages happy-dom cannot take', () => {
  test('5,000 nested <div>s: the JSON, not a stack trace', async () => {
    const path = tmpFile('deep.html', `<html><body>${'<div>'.repeat(5000)}<p>Foreign Minister Wang Yi met Yoshihide Suga.</p>${'</div>'.repeat(5000)}</body></html>`);
    const o = await cli(['--date', '2020-11-20', path]);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).toBe('');
    const a = JSON.parse(o.stdout) as Annotation;
    expect(a.mentions).toEqual([
      { start: 17, end: 24, text: 'Wang Yi', entity: 'Wang Yi', kind: 'person' },
      { start: 29, end: 43, text: 'Yoshihide Suga', entity: 'Yoshihide Suga', kind: 'person' },
    ]);
    expect(a.entities['Yoshihide Suga']).toMatchObject({ role: 'Prime Minister of Japan' });
  }, 60_000);

  test('a 20 MB page is streamed in a heap far smaller than its document would need', async () => {
    const filler = '<p>the committee met again on tuesday and <b>talked</b> about the budget, as it does every year.</p>\n';
    const fillerText = 'the committee met again on tuesday and talked about the budget, as it does every year.';
    const count = Math.ceil(20_000_000 / filler.length);
    const head = '<!doctype html><html><head><meta property="article:published_time" content="2020-11-24T09:00:00+09:00"><title>Wang Yi</title></head><body>';
    const last = 'Foreign Minister Wang Yi met Prime Minister Yoshihide Suga.';
    const path = tmpFile('large.html', `${head}<h1>Wang Yi visits Japan</h1>\n${filler.repeat(count)}<p>${last}</p></body></html>`);
    // happy-dom's document for this page took gigabytes; the stream needs the knowledge, one block and the mentions.
    const o = await cli([path], { NODE_OPTIONS: '--max-old-space-size=192' });
    expect(o.code, o.stderr.slice(0, 500)).toBe(0);
    const a = JSON.parse(o.stdout) as Annotation;
    expect(a.date).toBe('2020-11-24');
    const lastStart = 'Wang Yi visits Japan\n'.length + count * (fillerText.length + 1);
    expect(a.mentions.map((m) => [m.start, m.text, m.entity])).toEqual([
      [0, 'Wang Yi', 'Wang Yi'],
      [15, 'Japan', 'JPN'],
      [lastStart + 17, 'Wang Yi', 'Wang Yi'],
      [lastStart + 44, 'Yoshihide Suga', 'Yoshihide Suga'],
    ]);
  }, 120_000);
});

describe('dates', () => {
  test('--date outside 1900-01-01..2100-12-31 is refused', async () => {
    const txt = join(GOLD_DIR, 'cjk.txt');
    const [early, late] = await Promise.all([cli(['--date', '1899-12-31', txt]), cli(['--date=2101-01-01', txt])]);
    expectFailure(early, /--date must lie between 1900-01-01 and 2100-12-31 \(got 1899-12-31\)/);
    expectFailure(late, /--date must lie between 1900-01-01 and 2100-12-31 \(got 2101-01-01\)/);
  }, 60_000);
});

describe('encodings', () => {
  test('a UTF-8 BOM is dropped; UTF-16 LE and BE are decoded, with a BOM or without', async () => {
    const text = readFileSync(join(GOLD_DIR, 'wang-yi-2020.txt'), 'utf8');
    const be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    const files = {
      'utf8.txt': Buffer.from(text),
      'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'utf16le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf16be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be(text)]),
      'utf16le.txt': Buffer.from(text, 'utf16le'),
      'utf16be.txt': be(text),
    };
    const page = `<html><head><meta name="date" content="2020-11-20"></head><body><p>${text.split('\n\n').join('</p><p>')}</p></body></html>`;
    const pages = await Promise.all([cli([tmpFile('utf8.html', page)]), cli([tmpFile('utf16le.html', Buffer.from(page, 'utf16le'))])]);
    expect(pages[1]!.code, pages[1]!.stderr).toBe(0);
    expect(pages[1]!.stdout).toBe(pages[0]!.stdout);
    expect((JSON.parse(pages[0]!.stdout) as Annotation).mentions.length).toBeGreaterThan(10);
    const outs = await Promise.all(Object.entries(files).map(([name, bytes]) => cli(['--date', '2020-11-20', tmpFile(name, bytes)])));
    const [plain, ...rest] = outs.map((o) => {
      expect(o.code, o.stderr).toBe(0);
      return JSON.parse(o.stdout) as Annotation;
    });
    expect(plain!.mentions.length).toBeGreaterThan(10);
    for (const a of rest) expect(a).toEqual(plain);
  }, 60_000);

  test('binary files are refused with one line saying so', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64, 7)]);
    const random = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 251 || 1));
    const [nul, controls] = await Promise.all([cli([tmpFile('image.html', png)]), cli([tmpFile('random.txt', random)])]);
    expectFailure(nul, /image\.html looks like a binary file \(it has NUL bytes\)/);
    expectFailure(controls, /random\.txt looks like a binary file \(\d+% of it is/);
  }, 60_000);
});

describe('every failure: exit 2, one line on stderr, nothing on stdout', () => {
  test('arguments and files', async () => {
    mkdirSync(join(TMP, 'dir.txt'));
    const outs = await Promise.all([cli([]), cli(['--bogus', 'a.txt']), cli(['a.pdf']), cli([join(TMP, 'missing.html')]), cli([join(TMP, 'dir.txt')])]);
    expectFailure(outs[0]!, /no FILE given \(--help for usage\)/);
    expectFailure(outs[1]!, /unknown option --bogus/);
    expectFailure(outs[2]!, /\.txt or \.html/);
    expectFailure(outs[3]!, /cannot read .*missing\.html: no such file/);
    expectFailure(outs[4]!, /cannot read .*dir\.txt: is a directory/);
  }, 60_000);

  test('knowledge with problems: one line with their number and where to see them; KB_DRAFT=1 goes on', async () => {
    const broken = `() => { const k = real(); return { ...k, problems: [...k.problems, ...Array.from({ length: 12 }, (_, i) => ({ file: 'people.json', message: 'problem ' + i }))] }; }`;
    const txt = join(GOLD_DIR, 'cjk.txt');
    const [stop, draft] = await Promise.all([cliWithKnowledge(broken, [txt]), cliWithKnowledge(broken, [txt], { KB_DRAFT: '1' })]);
    expectFailure(stop, /the knowledge files have 12 problems; npm run kb:check lists them/);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stderr).toBe('annotate: the knowledge files have 12 problems (KB_DRAFT=1: going on; npm run kb:check lists them)\n');
    expect((JSON.parse(draft.stdout) as Annotation).mentions.length).toBeGreaterThan(0);
  }, 60_000);

  test('anything unforeseen: still one line, never a stack trace', async () => {
    const o = await cliWithKnowledge(`() => { throw new TypeError('knowledge\\n  at somewhere'); }`, [join(GOLD_DIR, 'cjk.txt')]);
    expectFailure(o, /^annotate: failed: TypeError: knowledge at somewhere\n$/);
  }, 60_000);
});
