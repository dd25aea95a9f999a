import type { RunContext } from '../../../../src/lib/graph/node-type';
import { fakeContext, type TestContext } from '../topology/fake-context';

/** Mulberry32: a small seeded generator of uniform numbers in [0, 1), for reproducible tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A test RunContext whose random source is seeded, and which keeps the messages logged. */
export function seededContext(seed: number): TestContext & { logged: string[] } {
  const logged: string[] = [];
  const log: RunContext['log'] = (message) => void logged.push(message);
  return { ...fakeContext(), random: seededRandom(seed), log, logged };
}
