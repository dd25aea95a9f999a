import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { seededRandom } from '../../../src/lib/engine/random';
import type { RunContext } from '../../../src/lib/graph/node-type';

let backendReady: Promise<boolean> | undefined;

/** A RunContext with its progress reports and controller, for node tests that use tfjs. */
export interface TfTestContext extends RunContext {
  controller: AbortController;
  reports: Array<{ fraction: number; message?: string }>;
}

/**
 * A RunContext for node tests: tfjs on the wasm backend (as `kumiki run`), a seeded random
 * source, user files from `files` by name, and the progress reports in call order.
 */
export async function tfContext(
  seed = 1,
  files: Record<string, string> = {}
): Promise<TfTestContext> {
  backendReady ??= tf.setBackend('wasm');
  await backendReady;
  const controller = new AbortController();
  const reports: TfTestContext['reports'] = [];
  const missing = (name: string) => Promise.reject(new Error(`No test asset named ${name}.`));

  return {
    controller,
    reports,
    signal: controller.signal,
    progress: (fraction, message) => void reports.push({ fraction, message }),
    random: seededRandom(seed, 'node-test'),
    tf,
    log: () => undefined,
    nodeId: 'node-test',
    files: {
      read: async (name) => {
        if (!(name in files)) throw new Error(`ENOENT: no such file, open '${name}'`);
        return new TextEncoder().encode(files[name]);
      }
    },
    assets: { read: missing },
    cache: { get: async () => undefined, set: async () => undefined }
  };
}

export { tf };
