import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { seededRandom } from '../../../../src/lib/engine/random';
import type { RunContext } from '../../../../src/lib/graph/node-type';

let backendReady: Promise<boolean> | undefined;

/** A RunContext with its progress reports and controller, for mechanics node tests. */
export interface MechanicsContext extends RunContext {
  controller: AbortController;
  reports: Array<{ fraction: number; message?: string }>;
}

/** A RunContext on the wasm backend (as `kumiki run`) with a seeded random source. */
export async function tfContext(seed = 1): Promise<MechanicsContext> {
  backendReady ??= tf.setBackend('wasm');
  await backendReady;
  const controller = new AbortController();
  const reports: MechanicsContext['reports'] = [];
  const missing = (name: string) => Promise.reject(new Error(`No test file named ${name}.`));
  return {
    controller,
    reports,
    signal: controller.signal,
    progress: (fraction, message) => void reports.push({ fraction, message }),
    random: seededRandom(seed, 'mechanics-test'),
    tf,
    log: () => undefined,
    nodeId: 'mechanics-test',
    files: { read: missing },
    assets: { read: missing },
    cache: { get: async () => undefined, set: async () => undefined }
  };
}

export { tf };
