/** `npm run kb:check`: validate the knowledge files and print what they hold. Exit 1 on any problem. */
import { formatProblem } from '../src/knowledge/model';
import { compileMatchIndex, indexStats } from '../src/knowledge/compile';
import { loadKnowledge } from './knowledge-files';

const { knowledge, problems } = loadKnowledge();
if (problems.length) {
  console.error(`The knowledge file has ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
const stats = indexStats(compileMatchIndex(knowledge));
console.log(`snapshot date (asOf): ${knowledge.asOf}`);
console.log(`countries:         ${knowledge.countries.length}`);
console.log(`people:            ${knowledge.people.length}`);
console.log(`offices:           ${knowledge.people.reduce((n, p) => n + p.offices.length, 0)}`);
console.log(`events:            ${knowledge.events.length}`);
console.log(`aliases:           ${stats.aliases}`);
console.log(`ambiguous aliases: ${stats.ambiguous}${stats.ambiguousExamples.length ? ` (e.g. ${stats.ambiguousExamples.join(', ')})` : ''}`);
