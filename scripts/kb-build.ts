/**
 * `npm run kb:build`: validate the knowledge files and write what the
 * extension bundles: the full knowledge (background, popup, cards) and the
 * compact match index (content script, every page). Fails with every problem.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/knowledge/model';
import { compileMatchIndex } from '../src/knowledge/compile';
import { keepPerson, loadKnowledge } from './knowledge-files';

// KB_DIR / KB_OUT: another knowledge folder and output folder (the bad-input tests build broken copies).
const OUT = process.env['KB_OUT'] || join(import.meta.dirname, '..', 'src', 'generated');

const { knowledge, problems } = loadKnowledge(process.env['KB_DIR'] || undefined);
// KB_DRAFT=1 lets engineers build while data is mid-edit; CI and `npm test` never set it.
const draft = process.env['KB_DRAFT'] === '1';
if (problems.length) {
  console.error(`kb:build ${draft ? 'DRAFT (problems ignored)' : 'failed'}: the knowledge file has ${problems.length} problem(s):`);
  for (const p of problems.slice(0, draft ? 10 : Infinity)) console.error(`  ${formatProblem(p)}`);
  if (!draft) process.exit(1);
}
// KB_PEOPLE_FRACTION=0.2: keep a deterministic share of the people (every country and organisation kept), for the
// bench's growth runs (bench/knowledge-growth.ts). Each person is kept by a hash of their id, so a smaller share is
// always a subset of a larger one. Events keep only the people kept; cards of such a build may miss links.
const fraction = Number(process.env['KB_PEOPLE_FRACTION'] ?? 1);
if (fraction < 1) {
  const kept = new Set(knowledge.people.filter((p) => keepPerson(p.wikipedia, fraction)).map((p) => p.wikipedia));
  const before = knowledge.people.length;
  knowledge.people = knowledge.people.filter((p) => kept.has(p.wikipedia));
  knowledge.events = knowledge.events.map((e) => ({ ...e, people: e.people.filter((id) => kept.has(id)) }));
  console.log(`kb:build: KB_PEOPLE_FRACTION=${fraction}: ${knowledge.people.length} of ${before} people kept`);
}
mkdirSync(OUT, { recursive: true });
const full = JSON.stringify(knowledge);
const index = JSON.stringify(compileMatchIndex(knowledge));
writeFileSync(join(OUT, 'knowledge.json'), full);
writeFileSync(join(OUT, 'match-index.json'), index);
console.log(`kb:build: knowledge ${(full.length / 1024).toFixed(0)} KB, match index ${(index.length / 1024).toFixed(0)} KB -> ${OUT}`);
