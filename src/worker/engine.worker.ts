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
import type { RunSummary } from '../lib/engine/events';
import type { WorkerEvent } from './worker-events';
import { Executor } from '../lib/engine/executor';
import { fileTooLargeMessage } from '../lib/engine/host';
import { runSweepCell, type SweepCellResult } from '../lib/engine/sweep';
import { browserAssets } from './assets';
import { indexedDbCache } from './idb-cache';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded
});

/** Files the user picked in the editor, by the name stored in the node's `file` param. */
const pickedFiles = new Map<string, Uint8Array | number>();
const files: ByteSource = {
  async read(name) {
    const bytes = pickedFiles.get(name);
    if (typeof bytes === 'number') throw new Error(fileTooLargeMessage(name, bytes));
    if (!bytes)
      throw new Error(
        `The file "${name}" has not been picked in this session; ` +
          `pick it again in the node's file field.`
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
  // WebGL compiles a shader per op and per input shape unless shapes are passed as uniforms;
  // the sentence encoder meets new shapes in every call, and those compiles held the worker
  // for up to 1.7 s at a time (0.46 s with this flag; the run took 65 s instead of 150 s).
  tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
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

/**
 * Starts one piece of work: cancels the one before, starts the executor on first use, and
 * counts the events passed on, since they reach the editor on their own message port and the
 * editor waits for all of them before it takes the reply.
 */
async function begin(
  onEvent: (event: WorkerEvent) => void,
  backend: string,
  nodeTimeoutMs?: number
) {
  controller?.abort();
  controller = new AbortController();
  executor ??= startExecutor(BACKENDS.includes(backend) ? backend : 'wasm');
  const counter = { events: 0 };
  const count = (event: WorkerEvent) => {
    counter.events++;
    onEvent(event);
  };
  return {
    executor: await executor,
    options: { signal: controller.signal, onEvent: count, nodeTimeoutMs },
    counter
  };
}

/**
 * A lock named after this worker, held until the worker ends; the editor waits on the same
 * lock and so learns when the worker has gone, even when it was killed without an error.
 */
let lifeLock: Promise<boolean> | undefined;

/** What the editor calls across the worker boundary. */
export const workerApi = {
  /** Takes the life lock; resolves true once it is held, false where locks are missing. */
  holdLifeLock(): Promise<boolean> {
    lifeLock ??= new Promise<boolean>((held) => {
      if (!self.name || !navigator.locks) return held(false);
      void navigator.locks.request(self.name, () => {
        held(true);
        return new Promise<never>(() => {});
      });
    });
    return lifeLock;
  },
  /**
   * Runs a graph (only as far as `only` needs, when given), each node within its budget. The
   * nodes' outputs do not come back in the reply but one node to an event afterwards: the page
   * reads a message whole in one task, and a thousand nodes' outputs in one reply held it for
   * about 17 ms (see worker-events.ts).
   */
  async run(
    doc: GraphDocument,
    onEvent: (event: WorkerEvent) => void,
    only?: string[],
    backend = 'wasm',
    nodeTimeoutMs?: number
  ): Promise<{ summary: RunSummary; events: number }> {
    const work = await begin(onEvent, backend, nodeTimeoutMs);
    const summary = await work.executor.run(doc, { ...work.options, only });
    for (const [nodeId, outputs] of Object.entries(summary.outputs)) {
      work.options.onEvent({ kind: 'outputs', nodeId, outputs });
    }
    return { summary: { ...summary, outputs: {} }, events: work.counter.events };
  },
  /** Runs cell `index` of the graph's sweep. */
  async runSweepCell(
    doc: GraphDocument,
    index: number,
    onEvent: (event: WorkerEvent) => void,
    backend = 'wasm',
    nodeTimeoutMs?: number
  ): Promise<{ result: SweepCellResult; events: number }> {
    const work = await begin(onEvent, backend, nodeTimeoutMs);
    const result = await runSweepCell(work.executor, doc, index, work.options);
    return { result, events: work.counter.events };
  },
  cancel(): void {
    controller?.abort();
  },
  /** Keeps a picked file; a number instead of bytes is the size of a file refused as too large. */
  putFile(name: string, bytes: Uint8Array | number): void {
    pickedFiles.set(name, bytes);
  },
  backend(): string {
    return tf.getBackend() ?? 'none';
  }
};

export type WorkerApi = typeof workerApi;

Comlink.expose(workerApi);
