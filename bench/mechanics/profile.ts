/**
 * Where one Lagrange–Dirac training step's time goes on tfjs-wasm, and the floor under it:
 * (1) tf.profile of one step (batch 1024, 4 × 256), time and count per kernel and per matMul
 * shape; (2) a bare 1024 × 256 @ 256 × 256 product on tfjs-wasm next to torch.mm in PyTorch
 * (one thread) in the same run, with tfjs's operands reused (cached XNNPACK packing) and with a
 * fresh right-hand operand each time (as in training, where δ and W change every step), and
 * the transposed forms tfjs offers (flags and explicit transpose).
 * Usage: npx tsx bench/mechanics/profile.ts [repeats]
 */
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs';
import { ldLossAndGradients, type NetTensors } from '../../nodes/mechanics/ld-loss';
import { initLayers } from '../../nodes/mechanics/network';
import { seededRandom } from '../../src/lib/engine/random';

const repeats = Number(process.argv[2] ?? 21);
await tf.setBackend('wasm');
const batch = 1024;
const random = seededRandom(1, 'bench-mechanics');
const layers = initLayers([8, 256, 256, 256, 256, 1], random);
const net: NetTensors = {
  weights: layers.map((l) => tf.tensor2d(l.weights, [l.inputs, l.outputs])),
  biases: layers.map((l) => tf.tensor2d(l.bias, [1, l.outputs]))
};
const x = tf.randomUniform([batch, 8], -2, 2, 'float32', 3) as Tensor2D;
const target = tf.randomUniform([batch, 8], -2, 2, 'float32', 4) as Tensor2D;

const step = () => {
  const out = tf.tidy(() => ldLossAndGradients(tf, net, x, target));
  out.loss.dataSync();
  tf.dispose([out.loss, ...out.weights, ...out.biases]);
};
for (let i = 0; i < 3; i++) step();

// (1) Per-kernel profile, summed over a few steps.
const steps = 5;
const perKernel = new Map<string, { ms: number; count: number }>();
let total = 0;
for (let s = 0; s < steps; s++) {
  const start = performance.now();
  const info = await tf.profile(step);
  total += performance.now() - start;
  // tf.fused.matMul also appears as a wrapping "fusedMatMul__op" entry; count the kernel once.
  for (const k of info.kernels.filter((k) => !k.name.endsWith('__op'))) {
    const key =
      k.name === 'BatchMatMul' || k.name === '_FusedMatMul'
        ? `${k.name} ${k.inputShapes.map((s) => s?.join('x')).join(' @ ')}`
        : k.name;
    const entry = perKernel.get(key) ?? { ms: 0, count: 0 };
    entry.ms += Number(k.kernelTimeMs);
    entry.count++;
    perKernel.set(key, entry);
  }
}
const rows = [...perKernel].sort((a, b) => b[1].ms - a[1].ms);
const kernelSum = rows.reduce((s, [, e]) => s + e.ms, 0);
console.log(
  `one step under tf.profile: ${(total / steps).toFixed(1)} ms wall, kernels ${(kernelSum / steps).toFixed(1)} ms`
);
console.log('| kernel (shapes) | calls/step | ms/step | share |\n|---|---:|---:|---:|');
for (const [key, e] of rows) {
  console.log(
    `| ${key} | ${e.count / steps} | ${(e.ms / steps).toFixed(2)} | ${((100 * e.ms) / kernelSum).toFixed(1)}% |`
  );
}

// (2) The floor: one 1024 × 256 @ 256 × 256 product.
function timeIt(f: () => Tensor): [number, number] {
  for (let i = 0; i < 3; i++) f().dispose();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const out = f();
    out.dataSync();
    times.push(performance.now() - start);
    out.dispose();
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)], times[0]];
}
const a = tf.randomNormal([batch, 256], 0, 1, 'float32', 5) as Tensor2D;
const w = tf.randomNormal([256, 256], 0, 1, 'float32', 6) as Tensor2D;
const d = tf.randomNormal([batch, 256], 0, 1, 'float32', 7) as Tensor2D;
const cases: Array<[string, () => Tensor]> = [
  ['a @ W, W reused (packing cached)', () => tf.matMul(a, w)],
  ['a @ W, fresh W each time (packing each call)', () => tf.tidy(() => tf.matMul(a, tf.add(w, 0)))],
  ['a @ Wᵀ via transposeB flag', () => tf.matMul(a, w, false, true)],
  ['aᵀ @ δ via transposeA flag (256×1024 @ 1024×256)', () => tf.matMul(a, d, true, false)],
  ['aᵀ @ δ via explicit transpose', () => tf.tidy(() => tf.matMul(tf.transpose(a), d))],
  ['transpose of 1024×256 alone', () => tf.transpose(a)],
  ['elementwise mul 1024×256', () => tf.mul(a, d)],
  ['sigmoid 1024×256', () => tf.sigmoid(a)],
  ['tanh 1024×256', () => tf.tanh(a)]
];
const ours = cases.map(([name, f]) => [name, timeIt(f)] as const);
const script = `
import time, torch
torch.set_num_threads(1)
a = torch.randn(${batch}, 256); w = torch.randn(256, 256); d = torch.randn(${batch}, 256)
def t(f):
    for _ in range(3): f()
    ts = []
    for _ in range(${repeats}):
        s = time.perf_counter(); f(); ts.append((time.perf_counter() - s) * 1000)
    ts.sort(); return f"{ts[len(ts) // 2]},{ts[0]}"
print(t(lambda: a @ w), t(lambda: a.t() @ d), t(lambda: a * d), t(lambda: torch.tanh(a)))
`;
const [mm, mmT, mul, tanh] = execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' })
  .trim()
  .split(' ')
  .map((pair) => pair.split(',').map(Number));
console.log(
  '\n| operation | tfjs-wasm median / best (ms) | PyTorch 1 thread median / best (ms) | ratio of medians | ratio of best |\n|---|---:|---:|---:|---:|'
);
const peer = [mm, mm, mm, mmT, mmT, [NaN, NaN], mul, tanh, tanh];
const f = (v: number) => v.toFixed(2);
ours.forEach(([name, [median, best]], i) =>
  console.log(
    `| ${name} | ${f(median)} / ${f(best)} | ${f(peer[i][0])} / ${f(peer[i][1])} | ` +
      `${f(median / peer[i][0])} | ${f(best / peer[i][1])} |`
  )
);
