/**
 * Stepwise computations: a long synchronous algorithm written as a generator that yields every
 * `STEP_WORK` units of work (roughly one inner-loop iteration each), so that the same code can
 * run straight through (`finish`, for tests, benches and other callers) or pause between steps
 * (`finishPaced`, for nodes, which must see a cancel and let the worker read its messages).
 * Yielding changes nothing in the order of the arithmetic, so both give identical results.
 */
export type Steps<T> = Generator<void, T, void>;

/** Units of work between two steps: small enough that a step lasts well under a millisecond. */
export const STEP_WORK = 1 << 18;

/** Runs a stepwise computation to its end without pausing. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a stepwise computation, awaiting `pause` after every step; `pause` may throw (a cancel),
 * which ends the computation there.
 */
export async function finishPaced<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
