import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { getNodeType } from '../../nodes/registry';
import type { GraphDocument } from '../lib/graph/document';
import type { ByteSource } from '../lib/graph/node-type';
import type { RunEvent, RunSummary } from '../lib/engine/events';
import { Executor } from '../lib/engine/executor';
import { runSweepCell, type SweepCellResult } from '../lib/engine/sweep';
import { browserAssets } from './assets';
import { indexedDbCache } from './idb-cache';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded
});

/** Files the user picked in the editor, by the name stored in the node's `file` param. */
const pickedFiles = new Map<string, Uint8Array>();
const files: ByteSource = {
  async read(name) {
    const bytes = pickedFiles.get(name);
    if (!bytes)
      throw new Error(
        `The file "${name}" has not been picked in this session; pick it again in the node's file field.`
      );
    return bytes;
  }
};

const BACKENDS = ['wasm', 'webgl', 'cpu'];
let executor: Promise<Executor> | undefined;
let controller: AbortController | undefined;

/**
 * Starts the first backend that works, in the preferred order. WASM comes first by default:
 * it gives the same numbers as the command line (which runs on WASM too), and on machines
 * without a GPU it is faster than WebGL's software rendering. `?backend=webgl` on the page
 * puts WebGL first.
 */
async function startExecutor(preferred: string): Promise<Executor> {
  const order = [preferred, ...BACKENDS.filter((b) => b !== preferred)];
  for (const backend of order) {
    try {
      if (await tf.setBackend(backend)) break;
    } catch {
      // This backend cannot start here; the next one is tried.
    }
  }
  await tf.ready();
  return new Executor({ tf, files, assets: browserAssets, cache: indexedDbCache() }, getNodeType);
}

/** What the editor calls across the worker boundary. */
export const workerApi = {
  /**
   * Runs a graph. Events reach the editor on their own message port, so the reply also says
   * how many were sent; the client waits for all of them before it takes the summary.
   */
  async run(
    doc: GraphDocument,
    onEvent: (event: RunEvent) => void,
    only?: string[],
    backend = 'wasm'
  ): Promise<{ summary: RunSummary; events: number }> {
    controller?.abort();
    controller = new AbortController();
    executor ??= startExecutor(BACKENDS.includes(backend) ? backend : 'wasm');
    let events = 0;
    const count = (event: RunEvent) => {
      events++;
      onEvent(event);
    };
    const executorReady = await executor;
    const summary = await executorReady.run(doc, {
      signal: controller.signal,
      onEvent: count,
      only
    });
    return { summary, events };
  },
  /** Runs cell `index` of the graph's sweep; events are counted as for `run`. */
  async runSweepCell(
    doc: GraphDocument,
    index: number,
    onEvent: (event: RunEvent) => void,
    backend = 'wasm'
  ): Promise<{ result: SweepCellResult; events: number }> {
    controller?.abort();
    controller = new AbortController();
    executor ??= startExecutor(BACKENDS.includes(backend) ? backend : 'wasm');
    let events = 0;
    const count = (event: RunEvent) => {
      events++;
      onEvent(event);
    };
    const executorReady = await executor;
    const options = { signal: controller.signal, onEvent: count };
    const result = await runSweepCell(executorReady, doc, index, options);
    return { result, events };
  },
  cancel(): void {
    controller?.abort();
  },
  putFile(name: string, bytes: Uint8Array): void {
    pickedFiles.set(name, bytes);
  },
  backend(): string {
    return tf.getBackend() ?? 'none';
  }
};

export type WorkerApi = typeof workerApi;

Comlink.expose(workerApi);
