import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventBatch } from '../../../../src/lib/editor/event-batch';
import { FRAME_BUDGET_MS } from '../../../../src/lib/editor/frame-budget';

describe('run events handed over in batches', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Frames never come here, as in a hidden tab: the timer fallback must carry the events.
    vi.stubGlobal('requestAnimationFrame', () => 0);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('applies nothing at once, then every event in order', () => {
    const seen: number[] = [];
    const events = eventBatch((n: number) => seen.push(n));
    for (let i = 0; i < 500; i++) events.push(i);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('stops a batch after its time budget and goes on later', () => {
    const seen: number[] = [];
    // Each event takes 5 ms of the clock: a batch stops once the frame's budget is spent.
    const events = eventBatch((n: number) => {
      seen.push(n);
      vi.setSystemTime(Date.now() + 5);
    });
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => Date.now());
    for (let i = 0; i < 10; i++) events.push(i);
    vi.advanceTimersToNextTimer();
    expect(seen.length).toBe(Math.ceil(FRAME_BUDGET_MS / 5));
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    clock.mockRestore();
  });

  it('drain applies whatever is still queued', async () => {
    vi.useRealTimers();
    const seen: string[] = [];
    const events = eventBatch((s: string) => seen.push(s));
    events.push('a');
    events.push('b');
    await events.drain();
    expect(seen).toEqual(['a', 'b']);
  });
});
