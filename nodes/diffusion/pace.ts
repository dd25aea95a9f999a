import { throwIfAborted } from '../topology/pair-loop';

/** How long (ms) a diffusion loop may run before it yields to the event loop. */
export const SLICE_MS = 30;

/**
 * Keeps a long synchronous loop responsive: `tick` throws when the run is cancelled and, once
 * `SLICE_MS` have passed, reports progress and yields to the event loop. Without the yield a
 * cancel sent to the worker (or Ctrl+C in the CLI) would wait for the whole loop.
 */
export class Pacer {
  private sliceStart = Date.now();

  constructor(
    private readonly signal?: AbortSignal,
    private readonly progress?: (fraction: number) => void
  ) {}

  async tick(fraction?: number): Promise<void> {
    if (this.signal) throwIfAborted(this.signal);
    if (Date.now() - this.sliceStart < SLICE_MS) return;
    if (fraction !== undefined) this.progress?.(fraction);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.signal) throwIfAborted(this.signal);
    this.sliceStart = Date.now();
  }
}
