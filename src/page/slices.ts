/**
 * Runs Backstory's page work in short slices between the page's own tasks, so
 * that no task of ours runs long enough to be felt (the limit is 50 ms; a
 * slice stops taking new work after ~8 ms).
 */

/** A unit of resumable work: does some, checking `timeUp()` often; returns true when finished. */
export type Job = (timeUp: () => boolean) => boolean;

export interface SliceStats {
  /** Main-thread time spent in slices. */
  busyMs: number;
  slices: number;
  longestMs: number;
}

type Post = (fn: () => void) => void;

interface SchedulerLike {
  postTask(fn: () => void, opts?: { priority?: string }): Promise<unknown>;
}

/** The quickest way to yield to the page's tasks and come back: a task, never a microtask, and not clamped like nested timers. */
function defaultPost(win: Window & typeof globalThis): Post {
  const scheduler = (win as unknown as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') {
    return (fn) => void scheduler.postTask(fn, { priority: 'user-visible' }).catch(() => undefined);
  }
  if (typeof win.MessageChannel === 'function') {
    const ch = new win.MessageChannel();
    const queue: (() => void)[] = [];
    ch.port1.onmessage = () => queue.shift()?.();
    return (fn) => {
      queue.push(fn);
      ch.port2.postMessage(null);
    };
  }
  return (fn) => void win.setTimeout(fn, 0);
}

export class Slicer {
  readonly stats: SliceStats = { busyMs: 0, slices: 0, longestMs: 0 };
  private readonly jobs: Job[] = [];
  private pending = false;
  private inSlice = false;
  private destroyed = false;
  private readonly post: Post;
  private readonly idle: (() => void)[] = [];
  private readonly afterSlice: (() => void)[] = [];

  constructor(
    private readonly opts: {
      win: Window & typeof globalThis;
      budgetMs?: number;
      post?: Post;
      /** Errors inside a job end that job, never the page's task; the owner decides what to do. */
      onError?: (e: unknown) => void;
      /** Runs at the start of every slice: cheap upkeep (e.g. restoring deleted highlights). */
      beforeSlice?: () => void;
      /** Runs at the end of every slice, told whether all work is done (e.g. handing a batch of ranges to the browser). */
      afterSlice?: (idle: boolean) => void;
    },
  ) {
    this.post = opts.post ?? defaultPost(opts.win);
  }

  get busy(): boolean {
    return this.jobs.length > 0;
  }

  add(job: Job): void {
    if (this.destroyed) return;
    this.jobs.push(job);
    this.schedule();
  }

  /** Calls back when the running slice ends, its time counted (at once outside a slice). */
  afterThisSlice(fn: () => void): void {
    if (this.inSlice) this.afterSlice.push(fn);
    else fn();
  }

  /** Calls back once all queued work is done (at once if there is none). */
  whenIdle(fn: () => void): void {
    if (!this.jobs.length && !this.pending) fn();
    else this.idle.push(fn);
  }

  clear(): void {
    this.jobs.length = 0;
  }

  destroy(): void {
    this.destroyed = true;
    this.jobs.length = 0;
    this.idle.length = 0;
  }

  private schedule(): void {
    if (this.pending || this.destroyed) return;
    this.pending = true;
    this.post(() => this.slice());
  }

  private slice(): void {
    this.pending = false;
    if (this.destroyed) return;
    const perf = this.opts.win.performance;
    const start = perf.now();
    const end = start + (this.opts.budgetMs ?? 8);
    const timeUp = () => perf.now() >= end;
    this.inSlice = true;
    try {
      this.opts.beforeSlice?.();
      while (this.jobs.length && !timeUp()) {
        const job = this.jobs[0]!;
        let done = true;
        try {
          done = job(timeUp);
        } catch (e) {
          this.opts.onError?.(e);
        }
        if (done && this.jobs[0] === job) this.jobs.shift();
      }
      this.opts.afterSlice?.(this.jobs.length === 0);
    } finally {
      this.inSlice = false;
      const ms = perf.now() - start;
      this.stats.busyMs += ms;
      this.stats.slices++;
      if (ms > this.stats.longestMs) this.stats.longestMs = ms;
    }
    for (const fn of this.afterSlice.splice(0)) {
      try {
        fn();
      } catch (e) {
        this.opts.onError?.(e);
      }
    }
    if (this.jobs.length) this.schedule();
    else if (!this.destroyed) {
      const waiting = this.idle.splice(0);
      for (const fn of waiting) {
        try {
          fn();
        } catch (e) {
          this.opts.onError?.(e);
        }
      }
    }
  }
}
