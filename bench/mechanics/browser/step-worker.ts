/**
 * Times Lagrange–Dirac training steps in a dedicated worker, as the product trains: tfjs 4.22
 * on the WASM backend with the thread count asked for (XNNPACK's thread pool, which tfjs
 * only starts when the page is cross-origin isolated), the node's loss and Adam.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { trainingStep } from '../step-spec';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded
});

self.onmessage = async (
  event: MessageEvent<{ threads: number; repeats: number; batch: number; cores: number }>
) => {
  const { threads, repeats, batch, cores } = event.data;
  try {
    // tfjs 4.22 caps XNNPACK's pool at navigator.hardwareConcurrency / 2 (it assumes two
    // hyperthreads per core), read when the WASM module starts: 1 thread on a 2-core box.
    // `cores` reports more so that the thread count asked for is the one used.
    if (cores > 0) Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores });
    if (threads > 0) setThreadsCount(threads);
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
    const { step } = trainingStep(tf, batch);
    const loss = step();
    step();
    step();
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      step();
      times.push(performance.now() - start);
    }
    self.postMessage({
      threads,
      used: getThreadsCount(),
      isolated: self.crossOriginIsolated,
      cores: navigator.hardwareConcurrency,
      loss,
      times
    });
  } catch (error) {
    self.postMessage({ threads, error: String((error as Error)?.message ?? error) });
  }
};
