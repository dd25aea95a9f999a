/** How long queued events wait at most when the page paints no frames, in milliseconds. */
const LATEST_MS = 100;

/** How long one batch may work before the page gets to paint, in milliseconds. */
const BATCH_MS = 12;

/** Events handed over in batches; see `eventBatch`. */
export interface EventBatch<T> {
  push(event: T): void;
  /** Applies every queued event, in batches with a pause between them, and resolves after. */
  drain(): Promise<void>;
}

/**
 * Hands events to `apply` in batches, once per animation frame and for at most BATCH_MS each,
 * instead of one by one. A running graph can send hundreds of progress and log events a
 * second; applying each at once made the page lay out the run log and node badges for every
 * one of them. Events keep their order.
 */
export function eventBatch<T>(apply: (event: T) => void): EventBatch<T> {
  const queue: T[] = [];
  let next = 0;
  let waiting = false;

  /** Applies queued events for up to BATCH_MS; returns whether any are left. */
  const batch = () => {
    const start = performance.now();
    while (next < queue.length && performance.now() - start < BATCH_MS) apply(queue[next++]);
    if (next === queue.length) queue.length = next = 0;
    return queue.length > 0;
  };

  const schedule = () => {
    if (waiting) return;
    waiting = true;
    const go = () => {
      if (!waiting) return;
      waiting = false;
      if (batch()) schedule();
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
