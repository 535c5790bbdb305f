/**
 * The slicer's default budget, observed on a fake clock (no real time): a
 * slice takes new work until 8 ms have passed since it began.
 */
import { describe, expect, test } from 'vitest';
import { Slicer, type Job } from '../../src/page/slices';

function fakeWindow() {
  const clock = { now: 0 };
  const win = { performance: { now: () => clock.now } } as unknown as Window & typeof globalThis;
  const posted: (() => void)[] = [];
  return { clock, win, post: (fn: () => void) => void posted.push(fn), posted };
}

/** A job that works forever, 1 ms of fake time per step; counts the steps of each slice. */
function endless(clock: { now: number }, steps: number[]): Job {
  return (timeUp) => {
    let n = 0;
    while (!timeUp()) {
      clock.now += 1;
      n++;
    }
    steps.push(n);
    return false;
  };
}

describe('the default slice budget', () => {
  test('without a budget, a slice works 8 ms and yields', () => {
    const { clock, win, post, posted } = fakeWindow();
    const slicer = new Slicer({ win, post });
    const steps: number[] = [];
    slicer.add(endless(clock, steps));
    for (let i = 0; i < 3; i++) posted.shift()!();
    expect(steps).toEqual([8, 8, 8]);
    expect(slicer.stats).toEqual({ busyMs: 24, slices: 3, longestMs: 8 });
    slicer.destroy();
  });

  test('short jobs: a slice starts no new job once 8 ms are up, and the rest wait for the next slice', () => {
    const { clock, win, post, posted } = fakeWindow();
    const slicer = new Slicer({ win, post });
    const ran: number[] = [];
    for (let j = 0; j < 20; j++) {
      slicer.add(() => {
        clock.now += 1;
        ran.push(j);
        return true;
      });
    }
    posted.shift()!();
    expect(ran.length).toBe(8);
    posted.shift()!();
    expect(ran.length).toBe(16);
    posted.shift()!();
    expect(ran.length).toBe(20);
    expect(slicer.busy).toBe(false);
  });

  test('a budget passed in replaces the default', () => {
    const { clock, win, post, posted } = fakeWindow();
    const slicer = new Slicer({ win, post, budgetMs: 3 });
    const steps: number[] = [];
    slicer.add(endless(clock, steps));
    posted.shift()!();
    expect(steps).toEqual([3]);
    slicer.destroy();
  });
});
