/**
 * Backstory's engine without the extension around it: the real block walk
 * (src/page/walk) and matcher (src/matching) over the whole page in one go,
 * every mention turned into a Range and registered as one CSS highlight. Bundled by
 * the bench into the contenders' extension with an index of a chosen size
 * (BENCH_INDEX, loaded before this file), so the cost can be measured against
 * the number of aliases; also the lower bound of what the extension can do.
 */
import { createPageMatcher, type MatchIndex } from '../../src/matching/index';
import { collectBlocks, locate } from '../../src/page/walk';

declare const BENCH_INDEX: string;

const t0 = performance.now();
performance.mark('contender:start');
const matcher = createPageMatcher(JSON.parse(BENCH_INDEX) as MatchIndex);
const t1 = performance.now();
const blocks = collectBlocks(document);
const t2 = performance.now();
const found: [ReturnType<typeof locate>, ReturnType<typeof locate>][] = [];
for (const b of blocks) {
  for (const m of matcher.matchBlock(b.text)) found.push([locate(b, m.start), locate(b, m.end, true)]);
}
const t3 = performance.now();
const highlight = new Highlight();
for (const [s, e] of found) {
  const r = new Range();
  r.setStart(s.node, s.offset);
  r.setEnd(e.node, e.offset);
  highlight.add(r);
}
CSS.highlights.set('bench-engine', highlight);
const t4 = performance.now();
performance.mark('contender:done');
requestAnimationFrame(() => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    performance.mark('contender:painted');
    const info = {
      c: 'engine',
      mentions: found.length,
      blocks: blocks.length,
      chars: blocks.reduce((s, b) => s + b.text.length, 0),
      loadMs: t1 - t0,
      walkMs: t2 - t1,
      matchMs: t3 - t2,
      paintMs: t4 - t3,
      scriptMs: t4 - t0,
      paintedMs: performance.now() - t0,
    };
    document.documentElement.setAttribute('data-bench', JSON.stringify(info));
  };
  ch.port2.postMessage(0);
});
