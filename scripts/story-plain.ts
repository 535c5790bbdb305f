/**
 * Writes tests/fixtures/stories/NAME.txt from NAME.gold.txt (the labelled story without its marks),
 * so the plain text a check reads can never drift from what was labelled.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGold } from '../tests/unit/annotate-gold';

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'stories');
const names = process.argv.slice(2);
if (!names.length) {
  console.error('usage: npx tsx scripts/story-plain.ts NAME [NAME ...]');
  process.exit(2);
}
for (const name of names) {
  const marked = readFileSync(join(DIR, `${name}.gold.txt`), 'utf8');
  const { text, gold } = parseGold(marked, name);
  writeFileSync(join(DIR, `${name}.txt`), text);
  console.log(`${name}: ${gold.length} marks, ${text.length} characters`);
}
