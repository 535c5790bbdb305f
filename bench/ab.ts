/**
 * Two builds of the extension, A and B, measured interleaved on the same
 * generated pages: for telling whether a change helps, where comparing two
 * `npm run bench` runs cannot (this machine's load moves a median by ±20%
 * within the hour). Each round measures both, in alternating order; the
 * B÷A ratio is taken round by round, then the median.
 *
 *   npx tsx bench/ab.ts A_DIR B_DIR [rounds=6] [pages=article,text-1mb,nodes-200k]
 *
 * A_DIR and B_DIR are built extensions (copy `.output/chrome-mv3` aside
 * before rebuilding). Printed per page: main-thread busy time (the bench's
 * figure), its CPU time, and the time the content script reports for its
 * own slices. Even so, two runs of identical builds differ by up to ±15%
 * here: trust a difference only when repeated runs agree.
 */
import { launchWithExtension, serveFixtures } from '../tests/e2e/harness';
import { aliasStrings, readMatchIndex } from './aliases';
import { Gate } from './gate';
import { measure } from './measure';
import { articlePage, bigTextPage, manyNodesPage, vocabulary } from './pages';
import { median } from './stats';

const [dirA, dirB] = [process.argv[2], process.argv[3]];
if (!dirA || !dirB) {
  console.error('usage: npx tsx bench/ab.ts A_DIR B_DIR [rounds] [pages]');
  process.exit(2);
}
const rounds = Number(process.argv[4] ?? 6);
const wanted = (process.argv[5] ?? 'article,text-1mb,nodes-200k').split(',');

type Side = 'a' | 'b';
interface Figures {
  busy: number;
  cpu: number;
  self: number;
}

const vocab = vocabulary(aliasStrings(readMatchIndex()));
const pages = [articlePage(vocab), bigTextPage(vocab, 1_000_000), manyNodesPage(vocab, 200_000)].filter((p) => wanted.includes(p.name));
const server = await serveFixtures();
const gate = new Gate();
for (const p of pages) for (const side of ['a', 'b']) gate.serve(server, `/${side}/${p.name}.html`, p.html);
const browsers = { a: await launchWithExtension({ extensionDir: dirA }), b: await launchWithExtension({ extensionDir: dirB }) };
const results = new Map<string, Record<Side, Figures[]>>();
try {
  for (let r = 0; r < rounds; r++) {
    for (const [i, p] of pages.entries()) {
      const order: Side[] = (r + i) % 2 ? ['a', 'b'] : ['b', 'a'];
      for (const side of order) {
        const m = await measure(browsers[side], `${server.url}/${side}/${p.name}.html`, { kind: 'backstory', gate, timeoutMs: 90_000 });
        if (m.note) console.error(`${side} ${p.name}: ${m.note}`);
        let entry = results.get(p.name);
        if (!entry) results.set(p.name, (entry = { a: [], b: [] }));
        entry[side].push({ busy: m.window.busyMs, cpu: m.window.busyCpuMs, self: m.inPage.selfMs ?? NaN });
      }
    }
    console.error(`round ${r + 1} of ${rounds}`);
  }
} finally {
  await browsers.a.close();
  await browsers.b.close();
  await server.close();
}

const show = (x: Record<Side, Figures[]>, k: keyof Figures) =>
  `${k} A ${median(x.a.map((f) => f[k])).toFixed(1)} B ${median(x.b.map((f) => f[k])).toFixed(1)} B÷A ${median(x.a.map((f, i) => x.b[i]![k] / f[k])).toFixed(3)}`;
for (const [page, x] of results) console.log(`${page.padEnd(11)} ${show(x, 'busy')} | ${show(x, 'cpu')} | ${show(x, 'self')}`);
