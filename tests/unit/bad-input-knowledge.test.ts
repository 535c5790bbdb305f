/**
 * A malformed or inconsistent knowledge file fails the build with clear
 * messages. Each case runs the real `kb:build` script (scripts/kb-build.ts)
 * on a small knowledge folder of its own (KB_DIR) with an output folder of
 * its own (KB_OUT), and checks the exit code, the message naming the file,
 * the entry and the field, and that nothing was written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const made: string[] = [];

afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const SOURCE = 'https://en.wikipedia.org/wiki/Example';

function person(overrides: Record<string, unknown> = {}) {
  return {
    wikipedia: 'Test Person',
    name: 'Test Person',
    native: [],
    aliases: ['T. Person'],
    surname: 'Person',
    country: 'JPN',
    summary: 'A made-up official used to test the knowledge build.',
    offices: [{ title: 'Minister for Foreign Affairs of Japan', roles: ['foreign_minister'], country: 'JPN', start: '2019-09-11', end: '2021-11-10', source: SOURCE }],
    ...overrides,
  };
}

function event(overrides: Record<string, unknown> = {}) {
  return {
    id: '2020-11-24-test-visit',
    start: '2020-11-24',
    end: '2020-11-25',
    title: 'A test visit to Japan',
    summary: 'A made-up event used to test the knowledge build.',
    kind: 'visit',
    people: ['Test Person'],
    countries: ['JPN'],
    source: SOURCE,
    ...overrides,
  };
}

type Files = Record<string, unknown>;

const VALID: Files = {
  'meta.json': { asOf: '2026-03-31' },
  'people.json': { people: [person()] },
  'events.json': { events: [event()] },
};

interface Build {
  status: number | null;
  stderr: string;
  stdout: string;
  written: string[];
}

/** Writes the files (a string is written as is, anything else as JSON) and runs the build on them. */
function build(files: Files): Build {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-kb-'));
  made.push(dir);
  const kb = join(dir, 'knowledge');
  const out = join(dir, 'out');
  mkdirSync(kb);
  for (const [name, data] of Object.entries(files)) {
    if (data !== undefined) writeFileSync(join(kb, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  }
  const env: NodeJS.ProcessEnv = { ...process.env, KB_DIR: kb, KB_OUT: out };
  // A developer's KB_DRAFT=1 must not turn the failures under test into warnings.
  delete env['KB_DRAFT'];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kb-build.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, written: existsSync(out) ? readdirSync(out) : [] };
}

/** The problem lines the build printed. */
function problemLines(b: Build): string[] {
  return b.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
}

function expectFailure(b: Build, ...expected: RegExp[]): void {
  expect(b.status, b.stderr + b.stdout).toBe(1);
  expect(b.stderr).toMatch(/kb:build failed: the knowledge file has \d+ problem\(s\):/);
  const lines = problemLines(b);
  for (const re of expected) expect(lines.some((l) => re.test(l)), `${re} among:\n${lines.join('\n')}`).toBe(true);
  // Nothing half-built is left for the extension to bundle.
  expect(b.written).toEqual([]);
}

describe('kb:build on bad knowledge', () => {
  test('the valid baseline builds (so every failure below is caused by its one defect)', () => {
    const b = build(VALID);
    expect(b.status, b.stderr).toBe(0);
    expect(b.written.sort()).toEqual(['knowledge.json', 'match-index.json']);
  });

  test('a file that is not JSON', () => {
    const b = build({ ...VALID, 'people.json': '{ "people": [ { "wikipedia": "Test Person", } ] }' });
    expectFailure(b, /people\.json: is not valid JSON: /);
  });

  test('an empty file', () => {
    expectFailure(build({ ...VALID, 'events.json': '' }), /events\.json: is not valid JSON/);
  });

  test('a file whose top level is not an object', () => {
    expectFailure(build({ ...VALID, 'events.json': [event()] }), /events\.json: .*expected object/i);
  });

  test('a field of the wrong type names the file, the entry and the field', () => {
    const b = build({ ...VALID, 'people.json': { people: [person({ aliases: 'Tester' })] } });
    expectFailure(b, /^.*people\.json, entry "Test Person", field aliases: .*expected array/i);
  });

  test('a missing required field', () => {
    const { summary: _drop, ...noSummary } = person();
    expectFailure(build({ ...VALID, 'people.json': { people: [noSummary] } }), /people\.json, entry "Test Person", field summary: /);
  });

  test('a name with a line break in it (the compiled index keeps one name a line)', () => {
    const b = build({ ...VALID, 'people.json': { people: [person({ native: ['試験\n人物'] })] } });
    expectFailure(b, /people\.json, entry "Test Person", field native\.0: must not contain line breaks or other control characters/);
  });

  test('an unknown field (a typo) is refused, not ignored', () => {
    expectFailure(build({ ...VALID, 'people.json': { people: [person({ surnmae: 'Person' })] } }), /people\.json, entry "Test Person".*surnmae/);
  });

  test('an impossible date and a malformed date', () => {
    const offices = [{ ...person().offices[0], start: '2020-02-30' }, { ...person().offices[0], start: '11/09/2019', end: null }];
    const b = build({ ...VALID, 'people.json': { people: [person({ offices })] } });
    expectFailure(b, /entry "Test Person", field offices\.0\.start: is not a real calendar date/, /entry "Test Person", field offices\.1\.start: must be a date written YYYY-MM-DD/);
  });

  test('a country that is not an ISO 3166-1 alpha-3 code, and one that does not exist', () => {
    // In two files: a file that fails the schema is left out whole, so its other entries are not checked in that run.
    const b = build({ ...VALID, 'people.json': { people: [person({ country: 'Japan' })] }, 'people-2.json': { people: [person({ wikipedia: 'Other Person', country: 'ZZZ', offices: [{ ...person().offices[0], roles: ['other'] }] })] } });
    expectFailure(b, /entry "Test Person", field country: must be an ISO 3166-1 alpha-3 code/, /entry "Other Person", field country: unknown country ZZZ/);
  });

  test('an office that ends before it starts', () => {
    const offices = [{ ...person().offices[0], start: '2021-01-01', end: '2020-01-01' }];
    expectFailure(build({ ...VALID, 'people.json': { people: [person({ offices })] } }), /entry "Test Person", field offices\.0\.end: ends \(2020-01-01\) before it starts \(2021-01-01\)/);
  });

  test('two holders of one single-holder office at the same time', () => {
    const rival = person({ wikipedia: 'Rival Person', name: 'Rival Person', surname: 'Rival', aliases: [], offices: [{ ...person().offices[0], start: '2020-01-01', end: null }] });
    expectFailure(build({ ...VALID, 'people.json': { people: [person(), rival] } }), /entry "Rival Person", field offices: JPN foreign_minister: term 2020-01-01–now overlaps Test Person's/);
  });

  test('the same person in two files', () => {
    expectFailure(build({ ...VALID, 'people-more.json': { people: [person()] } }), /entry "Test Person", field wikipedia: duplicate person; also in .*people/);
  });

  test('an event naming someone who is not tracked, and an event id that does not start with its date', () => {
    const b = build({ ...VALID, 'events.json': { events: [event({ people: ['Nobody Atall'] }), event({ id: '2020-11-23-test-visit' })] } });
    expectFailure(b, /events\.json, entry "2020-11-24-test-visit", field people\.0: "Nobody Atall" is not a tracked person/, /entry "2020-11-23-test-visit", field id: must start with the event's start date 2020-11-24/);
  });

  test('no snapshot date, and a snapshot date set twice', () => {
    const { 'meta.json': _meta, ...noMeta } = VALID;
    expectFailure(build(noMeta), /meta\.json, field asOf: no snapshot date \(asOf\) is set/);
    expectFailure(build({ ...VALID, 'people.json': { asOf: '2026-01-01', people: [person()] } }), /people\.json, field asOf: the snapshot date is set in more than one file/);
  });

  test('every problem is reported in one run, not only the first', () => {
    const b = build({
      ...VALID,
      'people.json': { people: [person({ aliases: 7, country: 'jp' })] },
      'events.json': { events: [event({ kind: 'party', source: 'ftp://example.com' })] },
    });
    expectFailure(b, /field aliases/, /field country/, /field kind/, /field source: must be an http\(s\) URL/);
    expect(problemLines(b).length).toBeGreaterThanOrEqual(4);
  });
});
