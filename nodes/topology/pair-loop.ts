import { NodeInputError, type RunContext } from '../../src/lib/graph/node-type';
import { Pacer, throwIfAborted } from '../pace';

/**
 * Runs `work(i)` for each pair index i in 0..count-1. Between pairs it checks for
 * cancellation; every few milliseconds it reports the fraction of pairs done and yields to the
 * event loop, so that a cancel message sent to a worker is delivered while the loop runs. It
 * always reports 1 at the end. Work that is long for one pair may be async and call
 * `pacer.tick` itself (the loop's pacer, so both share one time slice).
 */
export async function forEachPair(
  count: number,
  context: RunContext,
  work: (index: number, pacer: Pacer) => void | Promise<void>
): Promise<void> {
  const pacer = new Pacer(context.signal, context.progress);

  for (let i = 0; i < count; i++) {
    throwIfAborted(context.signal);
    const pending = work(i, pacer);
    if (pending) await pending;
    await pacer.tick((i + 1) / count);
  }

  throwIfAborted(context.signal);
  context.progress(1);
}

/**
 * Checks that a pair value holds two lists, `first` and `second`, and returns their lengths.
 * Unpaired collections (second empty) pass; `pairCount` also asks for equal lengths.
 */
export function listLengths(value: unknown, socket: string): { first: number; second: number } {
  const pairs = value as { first?: unknown; second?: unknown } | undefined;

  if (!pairs || !Array.isArray(pairs.first) || !Array.isArray(pairs.second)) {
    throw new NodeInputError(
      `Input "${socket}" must hold two lists, "first" and "second"; found ${describe(value)}.`,
      socket
    );
  }
  return { first: pairs.first.length, second: pairs.second.length };
}

/**
 * Checks that a pair value has two equally long lists and returns their common length. `what`
 * names the items in the error ("diagrams"), and `hint` says what to connect instead.
 */
export function pairCount(value: unknown, socket: string, what = 'items', hint = ''): number {
  const lengths = listLengths(value, socket);

  if (lengths.first !== lengths.second) {
    const advice = hint === '' ? 'Connect a source that gives one per side of each pair.' : hint;
    throw new NodeInputError(
      `The ${what} on input "${socket}" are not paired: ${lengths.first} in first, ` +
        `${lengths.second} in second. ${advice}`,
      socket
    );
  }
  return lengths.first;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}
