/** Cancellation helpers for long node runs. */

/** Throws a DOMException named `AbortError` when the run has been cancelled. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

/**
 * Resolves as `work` does, or rejects with an `AbortError` as soon as `signal` is aborted. The
 * work itself carries on, so a shared task such as loading a model is not lost.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  throwIfAborted(signal);

  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });

    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function abortError(): DOMException {
  return new DOMException('The sentence embedding run was cancelled.', 'AbortError');
}
