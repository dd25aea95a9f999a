/**
 * One Lagrange–Dirac training step (MLP 8 → 4 × 256 tanh → 1, batch 1024, loss with ∂L/∂x
 * inside, weight gradients, Adam) in Kumiki (tfjs 4.22, wasm backend, float32, one thread in
 * Node) and in PyTorch CPU (bench/mechanics/torch_step.py, same weights and batch), in rounds
 * that alternate the two so that both see the same load on a shared machine. Prints median
 * and best times per round and the ratio ours / PyTorch (one thread, then all cores).
 * Usage: npx tsx bench/mechanics/run.ts [batch] [repeats] [rounds]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
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
const rounds = Number(process.argv[4] ?? 3);
await tf.setBackend('wasm');

const random = seededRandom(1, 'bench-mechanics');
const layers = initLayers([8, 256, 256, 256, 256, 1], random);
const x = Float32Array.from(
  { length: 8 * batch },
  (_, i) => (2 * random() - 1) * (i % 8 < 4 ? 1.5 : 3)
);
const target = Float32Array.from({ length: 8 * batch }, () => 4 * (random() - 0.5));

interface Timing {
  loss: number;
  median: number;
  best: number;
}

/** Times `repeats` training steps (after two warm-up steps) of a loss-and-gradients method. */
function timeOurs(method: typeof ldLossAndGradients, count: number): Timing {
  let params: Tensor[] = [
    ...layers.map((l) => tf.tensor2d(l.weights, [l.inputs, l.outputs])),
    ...layers.map((l) => tf.tensor2d(l.bias, [1, l.outputs]))
  ];
  const optimizer = adam(tf, params, 1e-3);
  const xs = tf.tensor2d(x, [batch, 8]);
  const ts = tf.tensor2d(target, [batch, 8]);
  const n = layers.length;
  const step = () => {
    const weights = params.slice(0, n) as Tensor2D[];
    const net: NetTensors = { weights, biases: params.slice(n) as Tensor2D[] };
    const out = tf.tidy(() => method(tf, net, xs, ts));
    params = optimizer.step(params, [...out.weights, ...out.biases]);
    const loss = out.loss.dataSync()[0];
    params[0].dataSync();
    tf.dispose([out.loss, ...out.weights, ...out.biases]);
    return loss;
  };
  const loss = step();
  step();
  step();
  const times: number[] = [];
  for (let r = 0; r < count; r++) {
    const start = performance.now();
    step();
    times.push(performance.now() - start);
  }
  optimizer.dispose();
  tf.dispose([...params, xs, ts]);
  times.sort((a, b) => a - b);
  return { loss, median: times[Math.floor(times.length / 2)], best: times[0] };
}

const dir = mkdtempSync(join(tmpdir(), 'kumiki-bench-'));
const specPath = join(dir, 'spec.json');
const shapes = layers.map((l) => [l.inputs, l.outputs]);
const spec = { shapes, weights: layers.map((l) => l.weights), biases: layers.map((l) => l.bias) };
writeFileSync(specPath, JSON.stringify({ ...spec, x: [...x], target: [...target], repeats }));
const torch = (threads: number): Timing & { threads: number; version: string } => {
  const args = ['bench/mechanics/torch_step.py', specPath, String(threads)];
  const out = JSON.parse(execFileSync('/usr/bin/python3', args, { encoding: 'utf8' }));
  return { ...out.runs[0], version: out.torch };
};

const cores = cpus().length;
console.log(
  `Lagrange–Dirac training step, MLP 8-256-256-256-256-1 tanh, batch ${batch}, ` +
    `${repeats} timed steps per entry, ${rounds} rounds`
);
console.log(`tfjs ${tf.version.tfjs} (${tf.getBackend()}, one thread); ${cores} cores\n`);
console.log(
  '| round | ours median (ms) | PyTorch 1 thread median (ms) | ratio | ours best | PyTorch best | ' +
    `ratio of best | PyTorch ${cores} threads median (ms) | ours ÷ that |`
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const ratios: number[] = [];
let losses = '';
for (let round = 1; round <= rounds; round++) {
  const ours = timeOurs(ldLossAndGradients, repeats);
  const one = torch(1);
  const all = torch(cores);
  ratios.push(ours.median / one.median);
  losses = `loss at step 1: ours ${ours.loss.toFixed(5)}, PyTorch ${one.version} ${one.loss.toFixed(5)}`;
  const f = (v: number) => v.toFixed(1);
  console.log(
    `| ${round} | ${f(ours.median)} | ${f(one.median)} | ${(ours.median / one.median).toFixed(2)} | ` +
      `${f(ours.best)} | ${f(one.best)} | ${(ours.best / one.best).toFixed(2)} | ` +
      `${f(all.median)} | ${(ours.median / all.median).toFixed(2)} |`
  );
}
ratios.sort((a, b) => a - b);
console.log(
  `\nmedian ratio ours ÷ PyTorch (1 thread): ${ratios[Math.floor(rounds / 2)].toFixed(2)}`
);
console.log(losses);

const auto = timeOurs(ldLossAutodiff, Math.max(2, Math.floor(repeats / 2)));
console.log(
  `nested autodiff with tanhR (not used by the node): median ${auto.median.toFixed(1)} ms, ` +
    `loss at step 1 ${auto.loss.toFixed(5)}`
);
