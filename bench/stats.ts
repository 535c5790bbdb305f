/** Medians and pairwise ratios over interleaved rounds. */

export function median(xs: readonly number[]): number {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

export function max(xs: readonly number[]): number {
  const v = xs.filter((x) => Number.isFinite(x));
  return v.length ? Math.max(...v) : NaN;
}

/**
 * The ratio a/b computed round by round (each round's pair ran back to back
 * on the same machine load), then the median of those ratios.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): { median: number; perRound: number[] } {
  const perRound: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) perRound.push(a[i]! / b[i]!);
  return { median: median(perRound), perRound };
}

export function fmt(x: number, digits?: number): string {
  if (!Number.isFinite(x)) return '–';
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  return x.toFixed(d);
}

export function kb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–';
}

/** A GitHub-style Markdown table (it reads fine in a terminal too). */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

/** The difference a − b computed round by round (same page, same round), then the median of those differences. */
export function pairedDiff(a: readonly number[], b: readonly number[]): { median: number; perRound: number[] } {
  const perRound: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) perRound.push(a[i]! - b[i]!);
  return { median: median(perRound), perRound };
}

/** The contenders in a seeded order, so each round interleaves them differently (run.ts, knowledge-growth.ts). */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = (seed * 2654435761) >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 13), 0x5bd1e995) + 1) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
