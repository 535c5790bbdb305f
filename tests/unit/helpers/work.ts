/** Counts work done, not time: see the comment on work() for how. */
/**
 * The work `fn` does, counted instead of timed (a count is the same on any machine, under any load): every call
 * it makes to the string, RegExp, array, Map and Set methods a scan is made of, weighted by how much of its input
 * the call may read: a search or a fold, the length of the string or array it runs over; a RegExp, the text from
 * where it starts to the end of its match; a slice, its length; a lookup or a character, 1. Reading the text again
 * and again, or trying every alias at every word, shows as work out of proportion to the text. (Plain loops and
 * comparisons are not counted: they run between such calls, so they cannot grow while the calls do not.)
 */
export function work(fn: () => void): number {
  let total = 0;
  const restore: (() => void)[] = [];
  type Cost = (self: { length: number }, args: unknown[], out: unknown) => number;
  const wrap = (proto: object, names: string[], cost: Cost) => {
    for (const name of names) {
      const target = proto as Record<string, (...a: unknown[]) => unknown>;
      const orig = target[name]!;
      target[name] = function (this: never, ...args: unknown[]) {
        const out = orig.apply(this, args);
        total += cost(this as never, args, out);
        return out;
      };
      restore.push(() => (target[name] = orig));
    }
  };
  const one: Cost = () => 1;
  const own: Cost = (self) => 1 + self.length;
  const outLength: Cost = (_s, _a, out) => 1 + (typeof out === 'string' ? out.length : 0);
  wrap(String.prototype, ['charCodeAt', 'codePointAt', 'charAt', 'at'], one);
  wrap(String.prototype, ['slice', 'substring', 'substr', 'repeat', 'padStart', 'padEnd'], outLength);
  wrap(String.prototype, ['indexOf', 'lastIndexOf', 'includes', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'normalize', 'trim', 'split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'localeCompare'], own);
  wrap(String.prototype, ['startsWith', 'endsWith'], (_s, a) => 1 + String(a[0]).length);
  wrap(Array.prototype, ['indexOf', 'lastIndexOf', 'includes', 'find', 'findIndex', 'findLast', 'some', 'every', 'filter', 'map', 'forEach', 'reduce', 'join', 'slice', 'concat', 'sort', 'reverse', 'splice', 'flat', 'flatMap'], own);
  wrap(Map.prototype, ['get', 'has', 'set', 'delete'], one);
  wrap(Set.prototype, ['has', 'add', 'delete'], one);
  // exec (test, match, replace, split and matchAll call it too): from where the search starts to where its match ends.
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const out = exec.call(this, text);
    total += 1 + Math.max(0, (out ? out.index + out[0].length : String(text).length) - from);
    return out;
  };
  restore.push(() => (RegExp.prototype.exec = exec));
  try {
    fn();
  } finally {
    for (const r of restore.reverse()) r();
  }
  return total;
}
