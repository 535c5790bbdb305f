/** The annotate command: its JSON for .txt and .html, dates, roles and events, and its exit codes. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { annotateHtml, annotateText, parseArgs, textBlocks, type Annotation } from '../../scripts/annotate';
import { loadKnowledge } from '../../scripts/knowledge-files';
import { compileMatchIndex } from '../../src/knowledge/compile';
import { GOLD_DIR } from './annotate-gold';
import { collectBlocks } from '../../src/page/walk';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const { knowledge } = loadKnowledge();
const index = compileMatchIndex(knowledge);

const read = (name: string) => readFileSync(join(GOLD_DIR, name), 'utf8');

function checkShape(a: Annotation, text: string) {
  let prev = 0;
  for (const m of a.mentions) {
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(m.start).toBeGreaterThanOrEqual(prev);
    prev = m.end;
    expect(['person', 'country', 'demonym', 'capital', 'organisation']).toContain(m.kind);
    const e = a.entities[m.entity];
    expect(e, m.entity).toBeDefined();
    // A demonym or capital mention's entity is its country.
    expect(e!.kind).toBe(m.kind === 'person' || m.kind === 'organisation' ? m.kind : 'country');
  }
  expect(Object.keys(a.entities).sort()).toEqual([...new Set(a.mentions.map((m) => m.entity))].sort());
}

describe('annotate .txt', () => {
  test('offsets are UTF-16 offsets into the file: text === file.slice(start, end)', () => {
    for (const name of ['wang-yi-2020.txt', 'cjk.txt', 'story-2024.txt', 'story-2026.txt', 'tricky-negatives.txt']) {
      const text = read(name);
      const a = annotateText(knowledge, index, text, '2020-11-20');
      expect(a.mentions.length, name).toBeGreaterThan(10);
      checkShape(a, text);
    }
  });

  test('paragraphs are blocks: a blank line ends a name, a single line break does not', () => {
    expect(textBlocks('a\n\nb\r\n \r\nc\nd')).toEqual([
      { text: 'a', start: 0 },
      { text: 'b', start: 3 },
      { text: 'c\nd', start: 9 },
    ]);
    const a = annotateText(knowledge, index, 'Foreign Minister Wang\nYi spoke.\n\nWang\n\nYi', '2020-11-20');
    expect(a.mentions.map((m) => m.text)).toEqual(['Wang\nYi', 'Wang']);
  });

  test('an organisation entity gives its members and leaders on the date', () => {
    const text = 'NATO Secretary General Jens Stoltenberg met EU leaders.';
    const in2022 = annotateText(knowledge, index, text, '2022-06-01');
    expect(in2022.mentions.map((m) => [m.text, m.kind, m.entity])).toEqual([
      ['NATO', 'organisation', 'NATO'], ['Jens Stoltenberg', 'person', 'Jens Stoltenberg'], ['EU', 'organisation', 'European Union'],
    ]);
    const nato = in2022.entities['NATO'];
    expect(nato?.kind).toBe('organisation');
    if (nato?.kind !== 'organisation') return;
    expect(Object.keys(nato).sort()).toEqual(['kind', 'leaders', 'members', 'name', 'wikipedia']);
    expect(nato.leaders.map((l) => [l.wikipedia, l.title])).toEqual([['Jens Stoltenberg', 'Secretary General of NATO']]);
    expect(nato.members).toContain('USA');
    expect(nato.members).not.toContain('FIN');
    const later = annotateText(knowledge, index, text, '2025-06-01').entities['NATO'];
    expect(later?.kind === 'organisation' && later.members.includes('FIN') && later.members.includes('SWE')).toBe(true);
    expect(later?.kind === 'organisation' && later.leaders.map((l) => l.wikipedia)).toEqual(['Mark Rutte']);
    expect(in2022.entities['Jens Stoltenberg']).toMatchObject({ kind: 'person', role: 'Secretary General of NATO' });
  });

  test('entities carry the person’s office on the date, or the most recent one with "former"', () => {
    const text = 'Fumio Kishida met Yoshihide Suga and Wang Yi in China.';
    const in2020 = annotateText(knowledge, index, text, '2020-11-20').entities;
    expect(in2020['Yoshihide Suga']).toEqual({ kind: 'person', name: 'Yoshihide Suga', wikipedia: 'Yoshihide Suga', country: 'JPN', role: 'Prime Minister of Japan' });
    expect(in2020['CHN']).toEqual({
      kind: 'country', name: 'China', iso3: 'CHN',
      leaders: [
        { wikipedia: 'Xi Jinping', name: 'Xi Jinping', title: 'President of China', roles: ['head_of_state'] },
        { wikipedia: 'Li Keqiang', name: 'Li Keqiang', title: 'Premier of China', roles: ['head_of_government'] },
        { wikipedia: 'Wang Yi', name: 'Wang Yi', title: 'Minister of Foreign Affairs of China', roles: ['foreign_minister'] },
      ],
    });
    expect(annotateText(knowledge, index, text, '2020-11-20').asOf).toBe(knowledge.asOf);
    const in2024 = annotateText(knowledge, index, text, '2024-05-27').entities;
    expect(in2024['Fumio Kishida']!.kind === 'person' && in2024['Fumio Kishida']!.role).toBe('Prime Minister of Japan');
    expect(in2024['Yoshihide Suga']!.kind === 'person' && in2024['Yoshihide Suga']!.role).toBe('former Prime Minister of Japan');
    const us = annotateText(knowledge, index, 'The United States said.', '2021-06-01').entities['USA'];
    // One line per person: the president is head of state and of government at once.
    expect(us?.kind === 'country' && us.leaders.map((l) => [l.wikipedia, l.roles])).toEqual([['Joe Biden', ['head_of_state', 'head_of_government']], ['Antony Blinken', ['foreign_minister']]]);
    const in2026 = annotateText(knowledge, index, text, '2026-01-05').entities;
    expect(in2026['Fumio Kishida']!.kind === 'person' && in2026['Fumio Kishida']!.role).toBe('former Prime Minister of Japan');
  });

  test('events: the ones the popup would show, most relevant first', () => {
    const a = annotateText(knowledge, index, read('wang-yi-2020.txt'), '2020-11-20');
    expect(a.events.length).toBeGreaterThan(3);
    expect(a.events[0]).toMatchObject({ id: '2020-11-24-wang-yi-visits-japan', date: '2020-11-24', people: expect.arrayContaining(['Wang Yi']), countries: expect.arrayContaining(['CHN', 'JPN']) });
    const b = annotateText(knowledge, index, read('story-2024.txt'), '2024-05-27');
    expect(b.events[0]!.id).toBe('2024-05-26-china-japan-korea-summit-seoul');
  });
});

describe('annotate .html', () => {
  const html = read('wang-yi-2020.html');

  test('walks the page as the content script does: offsets into the blocks joined with "\\n"', () => {
    const a = annotateHtml(knowledge, index, html, null, 'file:///wang-yi-2020.html', '2026-03-31');
    expect(a.date).toBe('2020-11-24');
    expect(a.mentions.map((m) => `${m.text}/${m.kind}`)).toEqual([
      // "Suga" in the headline, named in full only in the story below it.
      'Wang Yi/person', 'Suga/person', 'China/country', 'Wang Yi/person', 'Yoshihide Suga/person', 'Suga/person', 'Toshimitsu\u00a0Motegi/person', 'Beijing/capital',
      'Tokyo/capital', 'U.S./country', 'China/country',
    ]);
    // The page text as the content script reads it (happy-dom here too): the blocks joined with "\n".
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const pageText = collectBlocks(doc).map((b) => b.text).join('\n');
    expect(pageText.startsWith('Home')).toBe(true);
    checkShape(a, pageText);
    expect(JSON.stringify(a)).not.toContain('Code sample');
    expect(a.entities['Wang Yi']).toMatchObject({ role: 'Minister of Foreign Affairs of China' });
  });

  test('--date wins over the page’s date; a page without one gets today', () => {
    expect(annotateHtml(knowledge, index, html, '2024-01-02', null, '2026-03-31').date).toBe('2024-01-02');
    const undated = annotateHtml(knowledge, index, read('no-date.html'), null, null, '2026-03-31');
    expect(undated.date).toBe('2026-03-31');
    expect(undated.mentions.map((m) => m.text)).toEqual(['Scott Morrison', 'Morrison', 'Australia']);
  });
});

describe('arguments', () => {
  test('--date must be a real date', () => {
    expect(parseArgs(['--date', '2020-11-20', 'a.txt'])).toEqual({ date: '2020-11-20', file: 'a.txt' });
    expect(parseArgs(['--date=2020-11-20', 'a.txt'])).toEqual({ date: '2020-11-20', file: 'a.txt' });
    expect(() => parseArgs(['--date', '2020-02-30', 'a.txt'])).toThrow(/real date/);
    expect(() => parseArgs(['--date', '20-11-2020', 'a.txt'])).toThrow(/YYYY-MM-DD/);
    expect(() => parseArgs(['a.txt', 'b.txt'])).toThrow(/exactly one/);
    expect(() => parseArgs([])).toThrow(/no FILE/);
  });
});

describe('the command', () => {
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'scripts/annotate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  test('prints one JSON object and exits 0', async () => {
    const { stdout } = await cli('--date', '2020-11-20', join(GOLD_DIR, 'wang-yi-2020.txt'));
    const out = JSON.parse(stdout) as Annotation;
    expect(out.date).toBe('2020-11-20');
    expect(out.mentions[0]).toEqual({ start: 0, end: 5, text: 'China', entity: 'CHN', kind: 'country' });
    expect(out.entities['Wang Yi']).toMatchObject({ kind: 'person', country: 'CHN' });
  }, 30_000);

  test('a missing file, a bad date or an unknown file type: a clear message and exit code 2', async () => {
    const fail = async (...args: string[]) => {
      try {
        await cli(...args);
      } catch (e) {
        return e as { code: number; stderr: string; stdout: string };
      }
      throw new Error(`annotate ${args.join(' ')} succeeded`);
    };
    const missing = await fail(join(GOLD_DIR, 'no-such-file.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*no-such-file\.txt: no such file/);
    expect(missing.stdout).toBe('');
    const badDate = await fail('--date', '2020-13-01', join(GOLD_DIR, 'cjk.txt'));
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--date/);
    const dir = await fail(GOLD_DIR + '/x.pdf');
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/\.txt or \.html/);
  }, 30_000);
});
