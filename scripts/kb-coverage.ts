/**
 * `npx tsx scripts/kb-coverage.ts [ISO3 ...]`: every day range from 2017 to the
 * snapshot on which a state's head of state, head of government or foreign
 * minister is unknown (documented vacancies and exceptions excepted). It reads
 * the files even when some of them have problems, so that one part can be
 * checked while another is still being written.
 */
import { coverageGaps, coveredStates } from '../src/knowledge/coverage';
import { formatProblem } from '../src/knowledge/model';
import { loadKnowledge } from './knowledge-files';

const { knowledge, problems } = loadKnowledge();
const wanted = process.argv.slice(2).map((s) => s.toUpperCase());
const states = wanted.length ? wanted : coveredStates(knowledge);
const mine = problems.filter((p) => !wanted.length || wanted.some((c) => formatProblem(p).includes(c)));
if (mine.length) console.log(`${problems.length} problem(s) in the files (run kb:check); those that name these states:\n${mine.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
const gaps = coverageGaps(knowledge, states);
for (const g of gaps) console.log(`${g.country} ${g.role.padEnd(18)} ${g.from} .. ${g.to}`);
const full = states.filter((c) => !gaps.some((g) => g.country === c));
console.log(`${full.length} of ${states.length} state(s) fully covered (to ${knowledge.asOf}); ${gaps.length} gap(s).`);
