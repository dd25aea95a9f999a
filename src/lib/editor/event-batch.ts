import { flushSync } from 'svelte';
import { frameSlice, type FrameSlice } from './frame-budget';

/** How long queued events wait at most when the page paints no frames, in milliseconds. */
const LATEST_MS = 100;

/**
 * How long events are applied before the page is brought up to date with them, in
 * milliseconds. The update (Svelte's effects on the node views and the run log) costs more
 * than applying the events, so it is counted in the frame's budget too.
 */
const STEP_MS = 2;

/** Events handed over in batches; see `eventBatch`. */
export interface EventBatch<T> {
  push(event: T): void;
  /** Applies every queued event, in batches with a pause between them, and resolves after. */
  drain(): Promise<void>;
}

/**
 * Hands events to `apply` in batches, once per animation frame and within the frame's share
 * of main-thread time (`frameSlice`), instead of one by one. A running graph can send
 * hundreds of progress and log events a second; applying each at once made the page lay out
 * the run log and node badges for every one of them. Events keep their order.
 */
export function eventBatch<T>(apply: (event: T) => void): EventBatch<T> {
  const queue: T[] = [];
  let next = 0;
  let waiting = false;

  /** Applies queued events within a slice of the frame; returns whether any are left. */
  const batch = (stamp?: number) => {
    const step = () => {
      apply(queue[next++]);
      return next < queue.length;
    };
    if (next < queue.length) flushedSteps(frameSlice(stamp), step);
    if (next === queue.length) queue.length = next = 0;
    return queue.length > 0;
  };

  const schedule = () => {
    if (waiting) return;
    waiting = true;
    const go = (stamp?: number) => {
      if (!waiting) return;
      waiting = false;
      if (batch(stamp)) schedule();
    };
    requestAnimationFrame(go);
    setTimeout(go, LATEST_MS);
  };

  return {
    push(event) {
      queue.push(event);
      schedule();
    },
    async drain() {
      waiting = false;
      while (batch()) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
}

/**
 * Takes `step` (one unit of work; it returns whether more is left) while `slice` allows, and
 * brings the page up to date with Svelte's pending updates every STEP_MS, so that their cost
 * counts in the slice too. Ends the slice; returns whether work is left.
 */
export function flushedSteps(slice: FrameSlice, step: () => boolean): boolean {
  let more = true;
  while (more && slice.more()) {
    const start = performance.now();
    do more = step();
    while (more && performance.now() - start < STEP_MS);
    flushSync();
  }
  slice.end();
  return more;
}
