/** The lint rules that keep the rooms apart: pure code never imports the browser layer, and the shared vocabulary imports nothing. */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
const messages = async (code: string, file: string) => (await eslint.lintText(code, { filePath: join(root, file) }))[0]!.messages.map((m) => m.message);

describe('rooms', () => {
  test.each(['src/page/x.ts', 'src/matching/x.ts', 'src/knowledge/x.ts', 'src/ui/popup/x.tsx'])('%s may not import from src/platform/', async (file) => {
    const depth = file.split('/').length - 2;
    const up = '../'.repeat(depth);
    expect(await messages(`import type { Settings } from '${up}platform/settings';\nexport type S = Settings;\n`, file)).toEqual([expect.stringMatching(/src\/vocabulary\.ts/)]);
    expect(await messages(`import type { Settings } from '${up}vocabulary';\nexport type S = Settings;\n`, file)).toEqual([]);
  });

  test('src/platform/ may import the vocabulary, and entrypoints may import the platform', async () => {
    expect(await messages("import type { Settings } from '../vocabulary';\nexport type S = Settings;\n", 'src/platform/x.ts')).toEqual([]);
    expect(await messages("import { loadSettings } from '../src/platform/settings';\nexport const l = loadSettings;\n", 'entrypoints/x.ts')).toEqual([]);
  });

  test('src/vocabulary.ts imports nothing', async () => {
    expect(await messages("import type { Card } from './knowledge/cards';\nexport type C = Card;\n", 'src/vocabulary.ts')).toEqual([expect.stringMatching(/imports nothing/)]);
  });

  test('the real tree follows the rules', async () => {
    const results = await eslint.lintFiles(['src/**/*.{ts,tsx}']);
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });
});
