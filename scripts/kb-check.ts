/** `npm run kb:check`: validate the knowledge files and print what they hold. Exit 1 on any problem. */
import { formatProblem } from '../src/knowledge/model';
import { compileMatchIndex, indexStats } from '../src/knowledge/compile';
import { coverageByRegion, eventsByRegionYear, minimumEvents, staleStates } from '../src/knowledge/report';
import { NEWS_REGIONS } from '../src/knowledge/regions';
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

const derived = knowledge.events.filter((e) => e.derived).length;
console.log(`  written events:  ${knowledge.events.length - derived}; changes of office derived as events: ${derived}`);

console.log('\nLeaders on every day from 2017-01-01 to the snapshot (head of state, head of government, foreign minister):');
for (const r of coverageByRegion(knowledge)) {
  console.log(
    `  ${r.region.padEnd(30)} ${String(r.complete - r.withUnconfirmed.length).padStart(3)} of ${String(r.states).padStart(3)} states confirmed on every day` +
      `${r.withUnconfirmed.length ? `; ${r.withUnconfirmed.length} more with unconfirmed foreign-minister days (${r.withUnconfirmed.join(' ')})` : ''}` +
      `${r.incomplete.length ? `; gaps in ${r.incomplete.join(' ')}` : ''}`,
  );
}
console.log(`Documented exceptions (offices not tracked), ${knowledge.exceptions.length}:`);
for (const x of knowledge.exceptions) console.log(`  ${x.country} ${x.role}: ${x.reason}`);
console.log(`Documented vacancies, ${knowledge.vacancies.length}:`);
for (const v of knowledge.vacancies) console.log(`  ${v.country} ${v.role} ${v.start} .. ${v.end ?? 'now'}: ${v.reason}`);
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
console.log(`Unconfirmed holders (left out rather than guessed; foreign ministers outside the G20 only), ${knowledge.unconfirmed.length}, ${knowledge.unconfirmed.reduce((n, u) => n + days(u.start, u.end), 0)} office-days:`);
for (const u of knowledge.unconfirmed) console.log(`  ${u.country} ${u.role} ${u.start} .. ${u.end}: ${u.reason}`);
const stale = staleStates(knowledge);
console.log(`States known only to an earlier day than the snapshot, ${stale.length}:${stale.map((s) => ` ${s.country} (${s.knownUntil})`).join(',')}`);

console.log('\nWritten events per region and year (+ derived changes of office); * below the minimum:');
const cells = eventsByRegionYear(knowledge);
const years = [...new Set(cells.map((c) => c.year))];
console.log(`  ${''.padEnd(30)} ${years.map((y) => String(y).padStart(8)).join('')}`);
for (const region of NEWS_REGIONS) {
  const row = years.map((y) => {
    const c = cells.find((x) => x.region === region && x.year === y)!;
    return `${c.written < minimumEvents(region) ? '*' : ' '}${c.written}+${c.derived}`.padStart(8);
  });
  console.log(`  ${region.padEnd(30)} ${row.join('')}`);
}
