import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_BUDGET_MS, frameSlice } from '../../../../src/lib/editor/frame-budget';

describe('one budget of work per frame', () => {
  let now = 0;
  beforeEach(() => {
    now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => vi.restoreAllMocks());

  /** Takes steps of `ms` each while the slice allows; returns how many it took. */
  function work(stamp: number | undefined, ms: number): number {
    const slice = frameSlice(stamp);
    let steps = 0;
    while (slice.more()) {
      now += ms;
      steps++;
    }
    slice.end();
    return steps;
  }

  it('stops a slice once the budget is spent', () => {
    expect(work(1, 3)).toBe(Math.ceil(FRAME_BUDGET_MS / 3));
  });

  it('shares the budget between slices of the same frame', () => {
    expect(work(2, 4)).toBe(Math.ceil(FRAME_BUDGET_MS / 4));
    // The first slice overran the budget: the second still takes one step, and only one.
    expect(work(2, 1)).toBe(1);
  });

  it('gives a new frame a whole budget', () => {
    work(3, 4);
    expect(work(4, 1)).toBe(FRAME_BUDGET_MS);
  });

  it('gives each slice run from a timer a whole budget', () => {
    expect(work(undefined, 1)).toBe(FRAME_BUDGET_MS);
    expect(work(undefined, 1)).toBe(FRAME_BUDGET_MS);
  });

  it('lets a slice whose first step outlasts the frame take that one step', () => {
    expect(work(5, FRAME_BUDGET_MS * 3)).toBe(1);
  });
});
