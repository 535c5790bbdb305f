/*
 * The contenders' content script (plain JS, loaded unbundled by the bench's
 * own small extension). It runs at document_idle in an isolated world, exactly
 * where and when Backstory's content script runs, so all contenders are timed
 * by the same trace method. `?c=` in the page's URL picks the contender:
 *   none    – nothing (the control: what the page costs by itself)
 *   floor   – read every text node's data (the lower bound of any matcher)
 *   regexp  – the floor plus one big RegExp of every alias, match only
 *   markre  – mark.js markRegExp with that RegExp (wraps matches in <mark>)
 *   markkw  – mark.js mark() with the alias list (in batches; capped)
 * BENCH_ALIASES and BENCH_RE come from aliases.js, loaded before this file.
 */
/* global Mark, BENCH_ALIASES, BENCH_RE */
(() => {
  const params = new URLSearchParams(location.search);
  const c = params.get('c') || 'none';
  const capMs = Number(params.get('cap') || 120000);
  // ?hold=MS: report (and count the DOM's nodes, a walk of its own) only MS after the start, outside the
  // bench's fixed window of the whole cost (bench/trace.ts analyseFixedWindow), which would otherwise count it.
  const holdMs = Number(params.get('hold') || 0);
  const t0 = performance.now();
  performance.mark('contender:start');
  const info = { c, mentions: 0, chars: 0, nodes: 0 };

  const textNodes = (fn) => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) fn(n);
  };

  const finish = () => {
    const t1 = performance.now();
    performance.mark('contender:done');
    performance.measure('contender:script', 'contender:start', 'contender:done');
    requestAnimationFrame(() => {
      // A task posted from rAF runs after that frame's paint.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        const t2 = performance.now();
        performance.mark('contender:painted');
        info.scriptMs = t1 - t0;
        info.paintedMs = t2 - t0;
        const report = () => {
          info.nodes = countNodes();
          document.documentElement.setAttribute('data-bench', JSON.stringify(info));
        };
        if (holdMs > 0) setTimeout(report, Math.max(0, t0 + holdMs + 50 - performance.now()));
        else report();
      };
      ch.port2.postMessage(0);
    });
  };

  const countNodes = () => {
    let k = 0;
    const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL);
    for (let n = w.nextNode(); n; n = w.nextNode()) k++;
    return k + 1;
  };

  if (c === 'floor') {
    textNodes((n) => {
      info.chars += n.data.length;
    });
    finish();
  } else if (c === 'regexp') {
    const re = new RegExp(BENCH_RE.source, BENCH_RE.flags);
    textNodes((n) => {
      const s = n.data;
      info.chars += s.length;
      re.lastIndex = 0;
      while (re.exec(s)) info.mentions++;
    });
    finish();
  } else if (c === 'markre') {
    const re = new RegExp(BENCH_RE.source, BENCH_RE.flags);
    new Mark(document.body).markRegExp(re, {
      iframes: false,
      done(n) {
        info.mentions = n;
        finish();
      },
    });
  } else if (c === 'markkw') {
    // One call with every keyword overflows the stack; batches of 100 do not.
    const m = new Mark(document.body);
    const opts = { iframes: false, separateWordSearch: false, diacritics: false, caseSensitive: true, accuracy: 'exactly' };
    let i = 0;
    const step = () => {
      if (i >= BENCH_ALIASES.length || performance.now() - t0 > capMs) {
        info.capped = i < BENCH_ALIASES.length;
        info.keywordsDone = i;
        finish();
        return;
      }
      const batch = BENCH_ALIASES.slice(i, i + 100);
      i += 100;
      let called = false;
      const next = (n) => {
        if (called) return;
        called = true;
        info.mentions += n;
        step();
      };
      try {
        m.mark(batch, { ...opts, done: next });
      } catch (e) {
        info.errors = (info.errors || 0) + 1;
        info.lastError = String(e);
        next(0);
      }
    };
    step();
  } else {
    finish();
  }
})();
