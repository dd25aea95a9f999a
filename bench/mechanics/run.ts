/**
 * One Lagrange–Dirac training step (MLP 8 → 4 × 256 tanh → 1, batch 1024, loss with ∂L/∂x
 * inside, weight gradients, Adam) in Kumiki (tfjs 4.22, wasm backend, float32) and in PyTorch
 * CPU (bench/mechanics/torch_step.py, same weights and batch) in the same run. Prints median
 * times and their ratio to PyTorch on one thread (our wasm backend runs on one thread in Node).
 * Usage: npx tsx bench/mechanics/run.ts [batch] [repeats]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs';
import { adam } from '../../nodes/mechanics/adam';
import { ldLossAutodiff } from '../../nodes/mechanics/ld-autodiff';
import { ldLossAndGradients, type NetTensors } from '../../nodes/mechanics/ld-loss';
import { initLayers } from '../../nodes/mechanics/network';
import { seededRandom } from '../../src/lib/engine/random';

const batch = Number(process.argv[2] ?? 1024);
const repeats = Number(process.argv[3] ?? 7);
await tf.setBackend('wasm');

const random = seededRandom(1, 'bench-mechanics');
const layers = initLayers([8, 256, 256, 256, 256, 1], random);
const x = Float32Array.from(
  { length: 8 * batch },
  (_, i) => (2 * random() - 1) * (i % 8 < 4 ? 1.5 : 3)
);
const target = Float32Array.from({ length: 8 * batch }, () => 4 * (random() - 0.5));

/** Times `repeats` training steps (after one warm-up) of a loss-and-gradients method. */
async function timeOurs(method: typeof ldLossAndGradients) {
  let params: Tensor[] = [
    ...layers.map((l) => tf.tensor2d(l.weights, [l.inputs, l.outputs])),
    ...layers.map((l) => tf.tensor2d(l.bias, [1, l.outputs]))
  ];
  const optimizer = adam(tf, params, 1e-3);
  const xs = tf.tensor2d(x, [batch, 8]);
  const ts = tf.tensor2d(target, [batch, 8]);
  const n = layers.length;
  const step = () => {
    const net: NetTensors = {
      weights: params.slice(0, n) as Tensor2D[],
      biases: params.slice(n) as Tensor2D[]
    };
    const out = tf.tidy(() => method(tf, net, xs, ts));
    params = optimizer.step(params, [...out.weights, ...out.biases]);
    const loss = out.loss.dataSync()[0];
    params[0].dataSync();
    tf.dispose([out.loss, ...out.weights, ...out.biases]);
    return loss;
  };
  const first = step();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    step();
    times.push(performance.now() - start);
  }
  optimizer.dispose();
  tf.dispose([...params, xs, ts]);
  times.sort((a, b) => a - b);
  return { loss: first, median: times[Math.floor(times.length / 2)] };
}

const hand = await timeOurs(ldLossAndGradients);
const auto = await timeOurs(ldLossAutodiff);

const dir = mkdtempSync(join(tmpdir(), 'kumiki-bench-'));
const specPath = join(dir, 'spec.json');
writeFileSync(
  specPath,
  JSON.stringify({
    shapes: layers.map((l) => [l.inputs, l.outputs]),
    weights: layers.map((l) => l.weights),
    biases: layers.map((l) => l.bias),
    x: Array.from(x),
    target: Array.from(target),
    repeats
  })
);
const torch = JSON.parse(
  execFileSync('/usr/bin/python3', ['bench/mechanics/torch_step.py', specPath], {
    encoding: 'utf8'
  })
);

const one = torch.runs.find((r: { threads: number }) => r.threads === 1).median;
const row = (name: string, loss: number, ms: number) =>
  `| ${name} | ${loss.toFixed(5)} | ${ms.toFixed(1)} | ${(ms / one).toFixed(2)} |`;
console.log(
  `Lagrange–Dirac training step, MLP 8-256-256-256-256-1 tanh, batch ${batch}, median of ${repeats}`
);
console.log(`tfjs ${tf.version.tfjs} (${tf.getBackend()}, one thread), PyTorch ${torch.torch}\n`);
console.log('| implementation | loss at step 1 | ms / step | ÷ PyTorch, 1 thread |');
console.log('|---|---:|---:|---:|');
console.log(row('ours: hand-written double backprop (the node)', hand.loss, hand.median));
console.log(row('ours: nested autodiff with tanhR', auto.loss, auto.median));
for (const run of torch.runs) {
  console.log(row(`PyTorch CPU, ${run.threads} thread(s)`, run.loss, run.median));
}
