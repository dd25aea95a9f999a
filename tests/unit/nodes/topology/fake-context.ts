import type { RunContext } from '../../../../src/lib/graph/node-type';

/** A RunContext for node tests that also records the progress fractions reported. */
export type TestContext = RunContext & { fractions: number[] };

/**
 * A RunContext for node tests: no files, assets or tfjs (the topology and analysis nodes use
 * none), a fixed random source, and the progress fractions in call order.
 */
export function fakeContext(signal = new AbortController().signal): TestContext {
  const fractions: number[] = [];
  const missing = {
    read: async (name: string): Promise<Uint8Array> => {
      throw new Error(`No file named ${name} in the test context.`);
    }
  };

  return {
    signal,
    progress: (fraction: number) => void fractions.push(fraction),
    random: () => 0.5,
    tf: {} as RunContext['tf'],
    log: () => undefined,
    files: missing,
    assets: missing,
    cache: { get: async () => undefined, set: async () => undefined },
    nodeId: 'test-node',
    fractions
  };
}
