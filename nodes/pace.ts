/** Cancellation and pacing for long node loops, shared by every family. */

/** How long (ms) a loop may hold the thread before it yields to the event loop. */
export const SLICE_MS = 30;

/**
 * Throws the signal's reason when the run has been cancelled, or an Error named `AbortError`
 * when the signal carries no reason.
 */
export function throwIfAborted(signal: AbortSignal): void {
  if (!signal.aborted) return;

  if (signal.reason !== undefined) throw signal.reason;
  const error = new Error('The run was cancelled.');
  error.name = 'AbortError';
  throw error;
}

/**
 * Keeps a long synchronous loop responsive: `tick` throws when the run is cancelled and, once
 * `SLICE_MS` have passed, reports progress and yields to the event loop. Without the yield a
 * cancel sent to the worker (or Ctrl+C in the CLI) would wait for the whole loop.
 */
export class Pacer {
  private sliceStart = Date.now();

  constructor(
    private readonly signal?: AbortSignal,
    private readonly progress?: (fraction: number, message?: string) => void
  ) {}

  /** Whether the current slice is used up, so the next `tick` will yield. */
  get due(): boolean {
    return Date.now() - this.sliceStart >= SLICE_MS;
  }

  async tick(fraction?: number, message?: string): Promise<void> {
    if (this.signal) throwIfAborted(this.signal);
    if (!this.due) return;
    if (fraction !== undefined) this.progress?.(fraction, message);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.signal) throwIfAborted(this.signal);
    this.sliceStart = Date.now();
  }
}
