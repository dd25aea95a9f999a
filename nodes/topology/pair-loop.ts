import { NodeInputError, type RunContext } from '../../src/lib/graph/node-type';

/** How long (ms) a pair loop may run before it yields to the event loop and reports progress. */
const SLICE_MS = 30;

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
 * Runs `work(i)` for each pair index i in 0..count-1. Between pairs it checks for
 * cancellation; every few milliseconds it reports the fraction of pairs done and yields to the
 * event loop, so that a cancel message sent to a worker is delivered while the loop runs. It
 * always reports 1 at the end.
 */
export async function forEachPair(
  count: number,
  context: RunContext,
  work: (index: number) => void
): Promise<void> {
  let sliceStart = Date.now();

  for (let i = 0; i < count; i++) {
    throwIfAborted(context.signal);
    work(i);

    if (Date.now() - sliceStart >= SLICE_MS) {
      context.progress((i + 1) / count);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
  }

  throwIfAborted(context.signal);
  context.progress(1);
}

/** Checks that a pair value has two equally long lists and returns their common length. */
export function pairCount(value: unknown, socket: string): number {
  const pairs = value as { first?: unknown; second?: unknown } | undefined;

  if (!pairs || !Array.isArray(pairs.first) || !Array.isArray(pairs.second)) {
    throw new NodeInputError(
      `Input "${socket}" must hold two lists, "first" and "second"; found ${describe(value)}.`,
      socket
    );
  }
  if (pairs.first.length !== pairs.second.length) {
    throw new NodeInputError(
      `Input "${socket}" must hold as many "first" items as "second" items; found ` +
        `${pairs.first.length} and ${pairs.second.length}.`,
      socket
    );
  }
  return pairs.first.length;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}
